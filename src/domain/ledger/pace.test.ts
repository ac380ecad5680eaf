import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACE_RANK, PACE_THRESHOLDS, paceStatus, paceTarget } from './pace.ts';

describe('pace', () => {
  it('states the thresholds in one place: 100 % and 75 % of the pace', () => {
    expect(PACE_THRESHOLDS.map((t) => [t.status, t.atLeast.toString()])).toEqual([
      ['op schema', '1'],
      ['licht achter', '3/4'],
    ]);
  });

  it('compares exactly at the boundaries (k/6 × corrected)', () => {
    // 100 after 3 months: pace 50, 75 % of it 37,5.
    expect(paceTarget(100, 3).toString()).toBe('50');
    expect(paceStatus(50, 100, 3)).toBe('op schema');
    expect(paceStatus(49, 100, 3)).toBe('licht achter');
    expect(paceStatus(38, 100, 3)).toBe('licht achter');
    expect(paceStatus(37, 100, 3)).toBe('achter');
    // 10 after 1 month: pace 5/3; 2 is on schedule, 1 is not (1 < 5/3), and 1 ≥ 3/4 · 5/3 = 5/4 is false → achter.
    expect(paceStatus(2, 10, 1)).toBe('op schema');
    expect(paceStatus(1, 10, 1)).toBe('achter');
    // 7 after 5 months: pace 35/6 ≈ 5,83; 6 on schedule; 5 ≥ 35/8 = 4,375 → licht achter; 4 → achter.
    expect(paceStatus(6, 7, 5)).toBe('op schema');
    expect(paceStatus(5, 7, 5)).toBe('licht achter');
    expect(paceStatus(4, 7, 5)).toBe('achter');
  });

  it('asks for exactly the whole corrected taakstelling after six months', () => {
    // corrected 3, k 2: pace exactly 1; realised 1 is on schedule.
    expect(paceStatus(1, 3, 2)).toBe('op schema');
    // after 6 months the whole corrected taakstelling is due
    expect(paceStatus(11999, 12000, 6)).toBe('licht achter');
    expect(paceStatus(12000, 12000, 6)).toBe('op schema');
  });

  it('treats nothing due (corrected ≤ 0) as on schedule', () => {
    expect(paceStatus(0, 0, 3)).toBe('op schema');
    expect(paceStatus(0, -25, 6)).toBe('op schema');
  });

  it('refuses a month index outside 1–6', () => {
    expect(() => paceStatus(1, 10, 0)).toThrow(/1 tot en met 6/);
    expect(() => paceStatus(1, 10, 7)).toThrow(/1 tot en met 6/);
  });

  it('property: the status never gets worse when more people are housed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 5000 }), fc.integer({ min: 1, max: 6 }), fc.nat(5000), fc.nat(500), (corrected, k, realised, more) => {
        expect(PACE_RANK[paceStatus(realised + more, corrected, k)]).toBeLessThanOrEqual(PACE_RANK[paceStatus(realised, corrected, k)]);
      }),
    );
  });

  it('property: on schedule exactly when 6 · realised ≥ k · corrected', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 5000 }), fc.integer({ min: 1, max: 6 }), fc.nat(5000), (corrected, k, realised) => {
        expect(paceStatus(realised, corrected, k) === 'op schema').toBe(6 * realised >= k * corrected);
      }),
    );
  });
});
