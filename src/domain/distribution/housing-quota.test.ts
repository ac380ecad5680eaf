import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { housingQuota, parseHalfYear } from './housing-quota.ts';

describe('parseHalfYear', () => {
  it('reads YYYY-I and YYYY-II with the reference date of the year before', () => {
    expect(parseHalfYear('2022-II')).toEqual({
      label: '2022-II',
      year: 2022,
      half: 2,
      firstDay: '2022-07-01',
      lastDay: '2022-12-31',
      referenceDate: '2021-01-01',
    });
    expect(parseHalfYear('2023-I')).toMatchObject({ firstDay: '2023-01-01', lastDay: '2023-06-30', referenceDate: '2022-01-01' });
  });

  it.each(['2022-III', '2022-2', '2022', 'II-2022', '', '22-I', '2022-i'])('refuses %j', (text) => {
    expect(() => parseHalfYear(text)).toThrow(expect.objectContaining({ code: 'periode-ongeldig', field: 'period' }));
  });
});

describe('housingQuota', () => {
  it('2022-II: vg 13,500, iN 17,475,415 (1 January 2021), iG 872,779 → 675', () => {
    // 13500 · 872779 = 11,782,516,500; / 17,475,415 = 674,23… → rounded up 675.
    expect(13_500n * 872_779n).toBe(11_782_516_500n);
    expect(11_782_516_500n / 17_475_415n).toBe(674n);
    expect(11_782_516_500n % 17_475_415n > 0n).toBe(true);
    const r = housingQuota({ period: '2022-II', nationalNumber: 13_500, nationalPopulation: 17_475_415, municipalities: [{ code: 'GM0363', inhabitants: 872_779 }] });
    const line = r.municipalities[0]!;
    expect(line.housingQuota).toBe(675);
    expect(line.quota.toString()).toBe(`${11_782_516_500n / 5n}/${17_475_415n / 5n}`);
    expect(line.explanation).toBe('13.500 × 872.779 / 17.475.415 = 674,23 → 675 (naar boven afgerond)');
    expect(r.referenceDate).toBe('2021-01-01');
    // iN is used as given, not the sum of the iG; the difference is reported.
    expect(r.warnings[0]).toContain('gerekend is met het landelijke inwonertal');
  });

  it('lists the codes of municipalities without a population figure', () => {
    const run = () =>
      housingQuota({
        period: '2022-I',
        nationalNumber: 10_000,
        nationalPopulation: 17_475_415,
        municipalities: [
          { code: 'GM0014', inhabitants: 233_071 },
          { code: 'GM1979', inhabitants: null },
          { code: 'GM1980', inhabitants: undefined },
        ],
      });
    expect(run).toThrow(expect.objectContaining({ code: 'inwonertal-ontbreekt', areaIds: ['GM1979', 'GM1980'], message: expect.stringContaining('GM1979, GM1980') }));
    expect(() => housingQuota({ period: '2022-I', nationalNumber: 10, nationalPopulation: 0, municipalities: [] })).toThrow(
      expect.objectContaining({ code: 'landelijk-inwonertal-ongeldig' }),
    );
    expect(() => housingQuota({ period: '2022-I', nationalNumber: -1, nationalPopulation: 5, municipalities: [] })).toThrow(
      expect.objectContaining({ code: 'landelijk-aantal-ongeldig' }),
    );
  });

  it('every taakstelling is the ceiling of vg·iG/iN, and with Σ iG = iN the excess is below the number of municipalities (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (vg, pops) => {
        const iN = pops.reduce((a, b) => a + b, 0);
        fc.pre(iN > 0);
        const r = housingQuota({ period: '2024-I', nationalNumber: vg, nationalPopulation: iN, municipalities: pops.map((p, i) => ({ code: `GM${i}`, inhabitants: p })) });
        r.municipalities.forEach((m, i) => {
          const num = BigInt(vg) * BigInt(pops[i]!);
          expect(BigInt(m.housingQuota)).toBe((num + BigInt(iN) - 1n) / BigInt(iN));
        });
        expect(r.roundingExcess).toBeGreaterThanOrEqual(0);
        expect(r.roundingExcess).toBeLessThan(pops.length);
        expect(r.warnings).toEqual([]);
      }),
    );
  });
});
