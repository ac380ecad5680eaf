import { describe, expect, it } from 'vitest';
import { PipelineError } from './errors.ts';
import { priceSeries } from './prices.ts';
import { project } from './test-helpers.ts';

const PROVINCE: Record<string, string> = { GM0363: 'PV27', GM0599: 'PV28' };
const provinceOf = (gm: string) => PROVINCE[gm]!;

describe('price series', () => {
  it('weights the cost per home by the homes of each project and rounds half up to whole cents', () => {
    const projects = [
      project({ units: 1, costPerUnitCents: 100_00, expectedDelivery: '2023-02-01' }),
      project({ units: 3, costPerUnitCents: 200_00, expectedDelivery: '2023-06-30' }),
      // (1 · 1 + 1 · 2) / 2 cents = 1,5 → 2
      project({ trackCode: 'SOCIAAL', units: 1, costPerUnitCents: 1, expectedDelivery: '2023-07-01' }),
      project({ trackCode: 'SOCIAAL', units: 1, costPerUnitCents: 2, expectedDelivery: '2023-12-31' }),
    ];
    expect(priceSeries(projects, 'track')).toEqual([
      { group: 'FLEX-NL', period: '2023-I', meanCostPerUnitCents: 175_00, projects: 2, units: 4 },
      { group: 'SOCIAAL', period: '2023-II', meanCostPerUnitCents: 2, projects: 2, units: 2 },
    ]);
  });

  it('leaves out unknown costs and dropped projects, and sorts half-years in calendar order', () => {
    const projects = [
      project({ units: 10, costPerUnitCents: 150_000_00, expectedDelivery: '2024-02-01' }),
      project({ units: 10, costPerUnitCents: null, expectedDelivery: '2024-02-01' }),
      project({ units: 90, costPerUnitCents: 1_00, expectedDelivery: '2024-02-01', status: 'vervallen' }),
      project({ units: 10, costPerUnitCents: 120_000_00, expectedDelivery: '2022-08-01' }),
      project({ units: 10, costPerUnitCents: 130_000_00, expectedDelivery: '2023-05-01' }),
    ];
    expect(priceSeries(projects, 'track').map((p) => [p.period, p.meanCostPerUnitCents, p.projects])).toEqual([
      ['2022-II', 120_000_00, 1],
      ['2023-I', 130_000_00, 1],
      ['2024-I', 150_000_00, 1],
    ]);
  });

  it('groups per province', () => {
    const projects = [
      project({ municipalityCode: 'GM0363', units: 2, costPerUnitCents: 100, expectedDelivery: '2023-02-01' }),
      project({ municipalityCode: 'GM0599', trackCode: 'SOCIAAL', units: 2, costPerUnitCents: 300, expectedDelivery: '2023-02-01' }),
      project({ municipalityCode: 'GM0599', units: 6, costPerUnitCents: 100, expectedDelivery: '2023-02-01' }),
    ];
    expect(priceSeries(projects, 'province', provinceOf).map((p) => [p.group, p.meanCostPerUnitCents, p.units])).toEqual([
      ['PV27', 100, 2],
      ['PV28', 150, 8],
    ]);
    expect(() => priceSeries(projects, 'province')).toThrow(PipelineError);
    expect(() => priceSeries(projects, 'gemeente' as never)).toThrow(/geen groepering/);
  });
});
