import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derivePopulation, latestReferenceDate, weakestStatus, type PopulationFigure, type PopulationStatus } from './population.ts';
import type { Reorganisation } from './regions.ts';

const reorgs: Reorganisation[] = [
  { effectiveDate: '2022-01-01', oldCode: 'GM0756', newCode: 'GM1982', kind: 'samenvoeging' },
  { effectiveDate: '2022-01-01', oldCode: 'GM1684', newCode: 'GM1982', kind: 'samenvoeging' },
  { effectiveDate: '2022-03-24', oldCode: 'GM0457', newCode: 'GM0363', kind: 'toevoeging' },
  { effectiveDate: '2021-01-01', oldCode: 'GM0788', newCode: 'GM0757', kind: 'opsplitsing' },
];

const fig = (code: string, inhabitants: number, status: PopulationStatus = 'officieel', source = 'CBS'): [string, PopulationFigure] => [
  code,
  { municipalityCode: code, inhabitants, status, source },
];

describe('derivePopulation', () => {
  const figures = new Map([fig('GM0756', 28_000), fig('GM1684', 25_000, 'onofficieel', 'tabel B'), fig('GM0363', 872_000), fig('GM0457', 19_000), fig('GM0757', 30_000)]);

  it('uses a municipality’s own figure when its boundaries did not change', () => {
    const d = derivePopulation({ municipalityCode: 'GM0363', boundaryDate: '2022-01-01', referenceDate: '2021-01-01', reorganisations: reorgs, figures });
    expect(d).toMatchObject({ inhabitants: 872_000, status: 'officieel', basis: 'eigen cijfer', missing: null });
  });

  it('adds up the predecessors of a merger, with the weakest status and every source', () => {
    const d = derivePopulation({ municipalityCode: 'GM1982', boundaryDate: '2022-07-01', referenceDate: '2021-01-01', reorganisations: reorgs, figures });
    expect(d.inhabitants).toBe(53_000);
    expect(d.status).toBe('onofficieel');
    expect(d.basis).toBe('som voorgangers');
    expect(d.sources).toEqual(['CBS', 'tabel B']);
    expect(d.components.map((c) => c.municipalityCode)).toEqual(['GM0756', 'GM1684']);
  });

  it('includes Weesp in Amsterdam only for boundary dates from 24 March 2022', () => {
    const at = (boundaryDate: string) =>
      derivePopulation({ municipalityCode: 'GM0363', boundaryDate, referenceDate: '2021-01-01', reorganisations: reorgs, figures }).inhabitants;
    expect(at('2022-01-01')).toBe(872_000);
    expect(at('2022-07-01')).toBe(891_000);
  });

  it('prefers the figure set by the province', () => {
    const d = derivePopulation({
      municipalityCode: 'GM1982',
      boundaryDate: '2022-07-01',
      referenceDate: '2021-01-01',
      reorganisations: reorgs,
      figures,
      provinceFigure: { municipalityCode: 'GM1982', inhabitants: 52_990, reason: 'GS-besluit 12' },
    });
    expect(d).toMatchObject({ inhabitants: 52_990, basis: 'vastgesteld door provincie', status: 'officieel' });
    expect(d.sources[0]).toContain('GS-besluit 12');
  });

  it('says a split successor’s figure is missing instead of inventing it', () => {
    const d = derivePopulation({ municipalityCode: 'GM0757', boundaryDate: '2021-07-01', referenceDate: '2020-01-01', reorganisations: reorgs, figures });
    expect(d.inhabitants).toBeNull();
    expect(d.status).toBeNull();
    expect(d.missing).toMatch(/GM0788.*provincie vast.*art\. 30/);
  });

  it('names the predecessor whose figure is absent', () => {
    const d = derivePopulation({
      municipalityCode: 'GM1982',
      boundaryDate: '2022-07-01',
      referenceDate: '2021-01-01',
      reorganisations: reorgs,
      figures: new Map([fig('GM0756', 1)]),
    });
    expect(d.inhabitants).toBeNull();
    expect(d.missing).toBe('Geen inwonertal op 2021-01-01 voor GM1684.');
  });

  it('preserves the total: the derived figures of all later municipalities add up to the figures on the reference date', () => {
    const merger: Reorganisation[] = reorgs.filter((r) => r.kind !== 'opsplitsing');
    const earlier = ['GM0756', 'GM1684', 'GM0363', 'GM0457'];
    const later = ['GM1982', 'GM0363'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 4, maxLength: 4 }), (counts) => {
        const figs = new Map(earlier.map((c, i) => fig(c, counts[i]!)));
        const derived = later.map(
          (code) => derivePopulation({ municipalityCode: code, boundaryDate: '2022-07-01', referenceDate: '2021-01-01', reorganisations: merger, figures: figs }).inhabitants!,
        );
        expect(derived.reduce((a, b) => a + b, 0)).toBe(counts.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('weakestStatus', () => {
  it('ranks officieel > voorlopig > onofficieel', () => {
    expect(weakestStatus(['officieel', 'officieel'])).toBe('officieel');
    expect(weakestStatus(['officieel', 'voorlopig'])).toBe('voorlopig');
    expect(weakestStatus(['voorlopig', 'onofficieel', 'officieel'])).toBe('onofficieel');
    expect(() => weakestStatus([])).toThrow();
  });
});

describe('latestReferenceDate', () => {
  it('takes the latest date on or before the boundary date', () => {
    expect(latestReferenceDate(['2020-01-01', '2021-01-01', '2022-01-01'], '2022-01-01')).toBe('2022-01-01');
    expect(latestReferenceDate(['2020-01-01', '2021-01-01', '2023-01-01'], '2022-07-01')).toBe('2021-01-01');
    expect(latestReferenceDate(['2021-01-01'], '2020-01-01')).toBeNull();
  });
});
