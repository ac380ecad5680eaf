import { describe, expect, it } from 'vitest';
import { checkBodyMembers, standardBodies } from './bodies.ts';
import { caught } from './test-helpers.ts';

describe('standardBodies', () => {
  it('has the LRT, the HLRT and one PRT per province with a valid code', () => {
    const bodies = standardBodies();
    expect(bodies).toHaveLength(14);
    expect(bodies.filter((b) => b.kind === 'PRT').map((b) => b.provinceCode)).toEqual(['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31']);
    for (const b of bodies) expect(b.code).toMatch(/^[A-Z0-9-]{2,20}$/);
  });
});

describe('checkBodyMembers', () => {
  it('accepts one chair and standing substitutes who are others', () => {
    expect(checkBodyMembers([{ personId: 1, role: 'voorzitter' }, { personId: 2, role: 'lid', standingSubstituteId: 1 }])).toHaveLength(2);
  });

  it('names the member that is wrong', () => {
    expect(caught(() => checkBodyMembers([{ personId: 1, role: 'lid' }, { personId: 1, role: 'lid' }]))).toMatchObject({ code: 'persoon-dubbel', field: 'members[1].personId' });
    expect(caught(() => checkBodyMembers([{ personId: 1, role: 'voorzitter' }, { personId: 2, role: 'voorzitter' }]))).toMatchObject({ field: 'members[1].role' });
    expect(caught(() => checkBodyMembers([{ personId: 1, role: 'lid', standingSubstituteId: 1 }]))).toMatchObject({ code: 'vervanger-zelf', field: 'members[0].standingSubstituteId' });
    expect(caught(() => checkBodyMembers([{ personId: 1, role: 'baas' as 'lid' }]))).toMatchObject({ field: 'members[0].role' });
  });
});
