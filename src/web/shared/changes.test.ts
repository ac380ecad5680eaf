import { describe, expect, it } from 'vitest';
import { changedFields } from './changes.ts';

describe('changedFields', () => {
  it('lists only the fields whose value differs, roles compared as a whole', () => {
    const before = { name: 'A', roles: [{ role: 'lid', scope: '' }], disabled: false };
    const after = { name: 'A', roles: [{ role: 'coa', scope: '' }], disabled: false };
    expect(changedFields(before, after)).toEqual([
      { field: 'roles', before: before.roles, after: after.roles, kind: 'changed' },
    ]);
  });

  it('shows a created record field by field as added, and a removed field as removed', () => {
    expect(changedFields(null, { inhabitants: 5, reason: 'GS' }).map((c) => [c.field, c.kind])).toEqual([
      ['inhabitants', 'added'],
      ['reason', 'added'],
    ]);
    expect(changedFields({ name: 'x', prefix: 'p' }, { revokedAt: '2022-01-01' }).map((c) => [c.field, c.kind])).toEqual([
      ['name', 'removed'],
      ['prefix', 'removed'],
      ['revokedAt', 'added'],
    ]);
  });

  it('has nothing to say about an entry without values', () => {
    expect(changedFields(null, null)).toEqual([]);
  });
});
