import { describe, expect, it } from 'vitest';
import { aggregate, NATION_KEY } from './aggregate.ts';
import { PipelineError } from './errors.ts';
import { project } from './test-helpers.ts';

const PROVINCE: Record<string, string> = { GM0363: 'PV27', GM0599: 'PV28', GM0518: 'PV28' };
const provinceOf = (gm: string) => PROVINCE[gm]!;

const PROJECTS = [
  project({ municipalityCode: 'GM0363', units: 10, reservedUnits: 5, status: 'vergund' }),
  project({ municipalityCode: 'GM0363', units: 20, reservedUnits: 20, status: 'vervallen' }),
  project({ municipalityCode: 'GM0599', units: 30, reservedUnits: 6, status: 'in aanbouw', firstExpectedDelivery: '2023-01-01', expectedDelivery: '2023-04-01' }),
  project({ municipalityCode: 'GM0518', units: 4, reservedUnits: 4, status: 'opgeleverd', firstExpectedDelivery: '2022-01-01', expectedDelivery: '2022-06-01' }),
  project({ municipalityCode: 'GM0518', units: 8, reservedUnits: 2, status: 'idee', firstExpectedDelivery: '2024-06-01', expectedDelivery: '2024-01-01' }),
];

describe('aggregate', () => {
  it('totals per municipality, by status, vervallen only in its own status', () => {
    const rows = aggregate(PROJECTS, 'municipality');
    expect(rows.map((r) => r.key)).toEqual(['GM0363', 'GM0518', 'GM0599']);
    const ams = rows[0]!;
    expect(ams).toMatchObject({ projects: 1, units: 10, reservedUnits: 5, slipped: 0 });
    expect(ams.byStatus.vervallen).toEqual({ projects: 1, units: 20, reservedUnits: 20 });
    expect(ams.byStatus.vergund).toEqual({ projects: 1, units: 10, reservedUnits: 5 });
    expect(ams.byStatus.idee).toEqual({ projects: 0, units: 0, reservedUnits: 0 });
  });

  it('counts open slipped projects only: delivered late is history, moved earlier is no slip', () => {
    const rows = aggregate(PROJECTS, 'province', provinceOf);
    expect(rows.map((r) => [r.key, r.projects, r.units, r.reservedUnits, r.slipped])).toEqual([
      ['PV27', 1, 10, 5, 0],
      ['PV28', 3, 42, 12, 1],
    ]);
  });

  it('gives one national row whose figures are the sum of the provinces', () => {
    const [nation] = aggregate(PROJECTS, 'nation');
    const provinces = aggregate(PROJECTS, 'province', provinceOf);
    expect(nation!.key).toBe(NATION_KEY);
    expect(nation!.units).toBe(provinces.reduce((n, r) => n + r.units, 0));
    expect(nation!.reservedUnits).toBe(provinces.reduce((n, r) => n + r.reservedUnits, 0));
    expect(nation!.byStatus.vervallen.units).toBe(20);
    expect(nation!.slipped).toBe(1);
  });

  it('needs the province of every municipality for province totals', () => {
    expect(() => aggregate(PROJECTS, 'province')).toThrow(PipelineError);
    expect(() => aggregate([project({ municipalityCode: 'GM9999' })], 'province', provinceOf)).toThrow(/GM9999/);
    expect(() => aggregate(PROJECTS, 'wijk' as never)).toThrow(/geen niveau/);
  });
});
