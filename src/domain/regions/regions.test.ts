import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsOn, municipalitiesOn, traceToReferenceDate, type MunicipalityPeriod, type Reorganisation } from './regions.ts';

const reorgs: Reorganisation[] = [
  { effectiveDate: '2021-01-01', oldCode: 'GM0003', newCode: 'GM1979', kind: 'samenvoeging' },
  { effectiveDate: '2021-01-01', oldCode: 'GM0010', newCode: 'GM1979', kind: 'samenvoeging' },
  { effectiveDate: '2021-01-01', oldCode: 'GM0788', newCode: 'GM0757', kind: 'opsplitsing' },
  { effectiveDate: '2021-01-01', oldCode: 'GM0788', newCode: 'GM0855', kind: 'opsplitsing' },
  { effectiveDate: '2022-01-01', oldCode: 'GM0370', newCode: 'GM0439', kind: 'toevoeging' },
  { effectiveDate: '2022-03-24', oldCode: 'GM0457', newCode: 'GM0363', kind: 'toevoeging' },
  // A chain: a municipality formed in 2023 out of one formed in 2021.
  { effectiveDate: '2023-01-01', oldCode: 'GM1979', newCode: 'GM9001', kind: 'samenvoeging' },
  { effectiveDate: '2023-01-01', oldCode: 'GM0047', newCode: 'GM9001', kind: 'samenvoeging' },
];

describe('existsOn', () => {
  const weesp = { validFrom: null, validTo: '2022-03-24' };
  it('counts the first day and excludes the end day', () => {
    expect(existsOn(weesp, '2022-01-01')).toBe(true);
    expect(existsOn(weesp, '2022-03-23')).toBe(true);
    expect(existsOn(weesp, '2022-03-24')).toBe(false);
    expect(existsOn({ validFrom: '2021-01-01', validTo: null }, '2020-12-31')).toBe(false);
    expect(existsOn({ validFrom: '2021-01-01', validTo: null }, '2021-01-01')).toBe(true);
  });
  it('filters a list by date', () => {
    const list: MunicipalityPeriod[] = [
      { code: 'GM0457', name: 'Weesp', provinceCode: 'PV27', validFrom: null, validTo: '2022-03-24' },
      { code: 'GM0363', name: 'Amsterdam', provinceCode: 'PV27', validFrom: null, validTo: null },
    ];
    expect(municipalitiesOn(list, '2022-07-01').map((m) => m.code)).toEqual(['GM0363']);
    expect(municipalitiesOn(list, '2022-01-01').map((m) => m.code)).toEqual(['GM0457', 'GM0363']);
  });
});

describe('traceToReferenceDate', () => {
  it('replaces a merged municipality by its predecessors', () => {
    expect(traceToReferenceDate('GM1979', '2021-07-01', '2020-01-01', reorgs)).toEqual({ codes: ['GM0003', 'GM0010'], splitFrom: [] });
  });
  it('keeps the receiving municipality of an addition and adds the absorbed one', () => {
    expect(traceToReferenceDate('GM0439', '2022-07-01', '2021-01-01', reorgs).codes).toEqual(['GM0370', 'GM0439']);
  });
  it('counts a mid-year addition only from its effective date (Weesp joined Amsterdam on 24 March 2022)', () => {
    expect(traceToReferenceDate('GM0363', '2022-01-01', '2021-01-01', reorgs).codes).toEqual(['GM0363']);
    expect(traceToReferenceDate('GM0363', '2022-07-01', '2021-01-01', reorgs).codes).toEqual(['GM0363', 'GM0457']);
  });
  it('follows chains of reorganisations back to the reference date', () => {
    expect(traceToReferenceDate('GM9001', '2023-01-01', '2020-01-01', reorgs).codes).toEqual(['GM0003', 'GM0010', 'GM0047']);
    expect(traceToReferenceDate('GM9001', '2023-01-01', '2021-01-01', reorgs).codes).toEqual(['GM0047', 'GM1979']);
  });
  it('ignores reorganisations on or before the reference date (figures are in the boundaries of that date)', () => {
    expect(traceToReferenceDate('GM1979', '2022-01-01', '2021-01-01', reorgs).codes).toEqual(['GM1979']);
  });
  it('reports the successor of a split as needing a figure from the province', () => {
    expect(traceToReferenceDate('GM0757', '2021-01-01', '2020-01-01', reorgs)).toEqual({
      codes: ['GM0757'],
      splitFrom: [{ oldCode: 'GM0788', effectiveDate: '2021-01-01' }],
    });
    expect(traceToReferenceDate('GM0757', '2021-01-01', '2021-01-01', reorgs).splitFrom).toEqual([]);
  });
  it('refuses a reference date after the boundary date', () => {
    expect(() => traceToReferenceDate('GM0363', '2021-01-01', '2022-01-01', reorgs)).toThrow(/na de indelingsdatum/);
  });

  it('partitions the earlier municipalities: every code on the reference date is counted exactly once', () => {
    // Municipalities without splits, so every later municipality is a union of earlier ones.
    const noSplits = reorgs.filter((r) => r.kind !== 'opsplitsing');
    const codes = ['GM0003', 'GM0010', 'GM0047', 'GM0370', 'GM0439', 'GM0457', 'GM0363', 'GM1979', 'GM9001'];
    const periods: MunicipalityPeriod[] = codes.map((code) => {
      const ended = noSplits.find((r) => r.oldCode === code && !(r.kind === 'toevoeging' && r.newCode === code));
      const created = noSplits.find((r) => r.newCode === code && r.kind === 'samenvoeging');
      return { code, name: code, provinceCode: 'PV20', validFrom: created?.effectiveDate ?? null, validTo: ended?.effectiveDate ?? null };
    });
    const dates = ['2020-01-01', '2020-06-01', '2021-01-01', '2021-05-05', '2022-01-01', '2022-03-24', '2022-12-31', '2023-01-01', '2023-06-30'];
    fc.assert(
      fc.property(fc.constantFrom(...dates), fc.constantFrom(...dates), (a, b) => {
        const [reference, boundary] = a <= b ? [a, b] : [b, a];
        const traced = municipalitiesOn(periods, boundary).flatMap((m) => traceToReferenceDate(m.code, boundary, reference, noSplits).codes);
        expect([...traced].sort()).toEqual(municipalitiesOn(periods, reference).map((m) => m.code).sort());
      }),
    );
  });
});
