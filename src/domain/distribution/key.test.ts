import { describe, expect, it } from 'vitest';
import { DistributionError } from './errors.ts';
import { distribute, exemptAtMultipleOfAverage, keyWeights, presetKey, validateKey, type AreaData, type DistributionKey } from './key.ts';
import { Rational } from './rational.ts';

const shares = (d: ReturnType<typeof distribute>) => Object.fromEntries(d.areas.map((a) => [a.id, a.share]));

describe('validateKey', () => {
  it('accepts decimal weights as exact decimals: 0.35 + 0.3 + 0.2 + 0.15 is exactly 1', () => {
    expect(0.35 + 0.3 + 0.2 + 0.15).not.toBe(1); // in floats it is not
    const key: DistributionKey = {
      name: 'f',
      indicators: [
        { indicator: 'population', weight: 0.35, mode: 'share' },
        { indicator: 'existingPlaces', weight: 0.3, mode: 'share' },
        { indicator: 'taxableIncome', weight: 0.2, mode: 'share' },
        { indicator: 'socialAssistance', weight: 0.15, mode: 'share' },
      ],
    };
    expect(validateKey(key).map(String)).toEqual(['7/20', '3/10', '1/5', '3/20']);
  });

  it('refuses weights that do not add up to exactly 1, with the sum in Dutch', () => {
    const key: DistributionKey = {
      name: 'x',
      indicators: [
        { indicator: 'population', weight: '0,5', mode: 'share' },
        { indicator: 'gdp', weight: 0.4, mode: 'share' },
      ],
    };
    expect(() => validateKey(key)).toThrow(
      expect.objectContaining({ code: 'sleutelgewichten-niet-een', message: "De gewichten van verdeelsleutel 'x' tellen op tot 0,90 in plaats van precies 1." }),
    );
    expect(() => validateKey({ name: 'y', indicators: [] })).toThrow(expect.objectContaining({ code: 'sleutel-leeg' }));
    expect(() =>
      validateKey({ name: 'z', indicators: [{ indicator: 'gdp', weight: 'abc', mode: 'share' }] }),
    ).toThrow(expect.objectContaining({ code: 'sleutelgewicht-ongeldig', field: 'key.indicators[0].weight' }));
  });
});

describe('presets', () => {
  it('koenigstein: 2/3 tax revenue, 1/3 population', () => {
    // Tax shares .6 .3 .1, population shares .3 .3 .4 → A ⅔·.6+⅓·.3 = .5, B .3, C ⅔·.1+⅓·.4 = .2.
    const areas: AreaData[] = [
      { id: 'A', values: { taxRevenue: 60, population: 30 } },
      { id: 'B', values: { taxRevenue: 30, population: 30 } },
      { id: 'C', values: { taxRevenue: 10, population: 40 } },
    ];
    const d = distribute(100, areas, presetKey('koenigstein'), 'largest-remainder');
    expect(shares(d)).toEqual({ A: 50, B: 30, C: 20 });
    expect(d.areas[0]!.keyShare.equals(Rational.of(1n, 2n))).toBe(true);
    expect(d.areas[0]!.keySharePercent).toBe('50,0000 %');
    expect(d.explanation).toMatch(/^Verdeelsleutel 'koenigstein': taxRevenue 66,67 % \(aandeel\), population 33,33 % \(aandeel\)/);
  });

  it('eu-relocation-2015: applications and unemployment count inversely', () => {
    // Shares: population .5/.5, GDP .75/.25, applications 1:3 inverse → .75/.25, unemployment .5/.5.
    // A = .4·.5 + .4·.75 + .1·.75 + .1·.5 = .625 → 5 of 8.
    const areas: AreaData[] = [
      { id: 'A', values: { population: 10, gdp: 3, pastApplications: 1, unemployment: '6,5' } },
      { id: 'B', values: { population: 10, gdp: 1, pastApplications: 3, unemployment: '6,5' } },
    ];
    const d = distribute(8, areas, presetKey('eu-relocation-2015'), 'dhondt');
    expect(d.areas[0]!.keyShare.equals(Rational.of(5n, 8n))).toBe(true);
    expect(shares(d)).toEqual({ A: 5, B: 3 });
    const zero = [areas[0]!, { id: 'B', values: { ...areas[1]!.values, unemployment: 0 } }];
    expect(() => distribute(8, zero, presetKey('eu-relocation-2015'), 'dhondt')).toThrow(
      expect.objectContaining({ code: 'inverse-waarde-nul', areaIds: ['B'], message: expect.stringContaining("'unemployment' telt omgekeerd mee, maar is 0 voor B") }),
    );
  });

  it('inverse-share gives shares proportional to 1/value', () => {
    // 1/1 : 1/2 : 1/4 = 4/7 : 2/7 : 1/7.
    const key: DistributionKey = { name: 'inv', indicators: [{ indicator: 'unemployment', weight: 1, mode: 'inverse-share' }] };
    const kw = keyWeights(key, [
      { id: 'A', values: { unemployment: 1 } },
      { id: 'B', values: { unemployment: 2 } },
      { id: 'C', values: { unemployment: 4 } },
    ]);
    expect(kw.areas.map((a) => Rational.of(a.weight, kw.weightSum).toString())).toEqual(['4/7', '2/7', '1/7']);
  });

  it('population-ses: population share times the given correction', () => {
    const areas: AreaData[] = [
      { id: 'A', values: { population: 100 } },
      { id: 'B', values: { population: 100 } },
    ];
    const d = distribute(10, areas, presetKey('population-ses', { corrections: { A: '1.2', B: 0.8 } }), 'largest-remainder');
    expect(shares(d)).toEqual({ A: 6, B: 4 });
    expect(d.areas[0]!.explanation).toContain('correctiefactor 1,20');
    expect(() => presetKey('population-ses')).toThrow(expect.objectContaining({ code: 'correctie-ongeldig' }));
  });

  it('fedasil: exempts areas with at least twice the average existing places', () => {
    // Existing places 0, 10, 10, 60: average 20, twice that 40 → D is exempt and gets 0.
    const areas: AreaData[] = ['A', 'B', 'C', 'D'].map((id, i) => ({
      id,
      values: { population: 100, existingPlaces: [0, 10, 10, 60][i]!, taxableIncome: 50, socialAssistance: 5 },
      existing: [0, 10, 10, 60][i]!,
    }));
    const d = distribute(90, areas, presetKey('fedasil'), 'largest-remainder');
    const D = d.areas[3]!;
    expect(D.share).toBe(0);
    expect(D.exemption).toBe('ten minste twee keer het gemiddelde aantal opvangplaatsen');
    expect(D.explanation).toMatch(/^vrijgesteld: /);
    expect(d.assignedTotal).toBe(90);
    // A: .35·⅓ + .3·0 + .2·⅓ + .15·⅓ = .2333… → 21 of 90; B and C .3833… → 34,5 each → 35 and 34 (code decides).
    expect(shares(d)).toEqual({ A: 21, B: 35, C: 34, D: 0 });
    expect(d.areas[1]!.toRealise).toBe(25);
  });
});

describe('exemptAtMultipleOfAverage', () => {
  it('includes the boundary (at least twice the average)', () => {
    const areas: AreaData[] = [1, 1, 4, 2].map((v, i) => ({ id: `G${i}`, values: { existingPlaces: v } }));
    expect(exemptAtMultipleOfAverage(areas, 'existingPlaces', 2).map((e) => e.areaId)).toEqual(['G2']);
    expect(exemptAtMultipleOfAverage(areas, 'existingPlaces', '1.5').map((e) => e.areaId)).toEqual(['G2']);
    expect(exemptAtMultipleOfAverage(areas, 'existingPlaces', 1).map((e) => e.areaId)).toEqual(['G2', 'G3']);
  });
});

describe('distribute', () => {
  const pop = presetKey('population');
  const two: AreaData[] = [
    { id: 'A', values: { population: 1 }, existing: 7 },
    { id: 'B', values: { population: 1 } },
  ];

  it('counts existing places against the share', () => {
    const d = distribute(10, two, pop, 'largest-remainder');
    expect(d.areas.map((a) => [a.share, a.existing, a.toRealise])).toEqual([
      [5, 7, 0],
      [5, 0, 5],
    ]);
    expect(d.areas[0]!.explanation).toContain('bestaand 7, nog te realiseren 0');
    expect(d.toRealiseTotal).toBe(5);
  });

  it('applies floors, caps and exemptions from the key and refuses infeasible ones', () => {
    const three: AreaData[] = ['A', 'B', 'C'].map((id) => ({ id, values: { population: 10 } }));
    expect(shares(distribute(9, three, { ...pop, floors: { A: 5 } }, 'sainte-lague'))).toEqual({ A: 5, B: 2, C: 2 });
    expect(shares(distribute(9, three, { ...pop, caps: { A: 1 } }, 'largest-remainder'))).toEqual({ A: 1, B: 4, C: 4 });
    expect(shares(distribute(9, three, { ...pop, exemptions: [{ areaId: 'C', reason: 'grensgemeente' }] }, 'dhondt'))).toEqual({ A: 5, B: 4, C: 0 });
    expect(() => distribute(9, three, { ...pop, floors: { A: 5, B: 5 } }, 'dhondt')).toThrow(expect.objectContaining({ code: 'minima-boven-totaal' }));
    expect(() => distribute(9, three, { ...pop, floors: { C: 1 }, exemptions: [{ areaId: 'C', reason: 'x' }] }, 'dhondt')).toThrow(
      expect.objectContaining({ code: 'vrijstelling-met-minimum', areaIds: ['C'] }),
    );
    expect(() => distribute(9, three, { ...pop, exemptions: [{ areaId: 'Z', reason: 'x' }] }, 'dhondt')).toThrow(expect.objectContaining({ code: 'gebied-onbekend' }));
  });

  it('names the area and field of a missing or bad indicator value', () => {
    const run = () => distribute(9, [{ id: 'A', values: { population: 1 } }, { id: 'B', values: {} }], pop, 'dhondt');
    expect(run).toThrow(DistributionError);
    expect(run).toThrow(expect.objectContaining({ code: 'indicator-ontbreekt', areaIds: ['B'], field: 'areas.values.population' }));
    expect(() => distribute(9, [{ id: 'A', values: { population: -1 } }], pop, 'dhondt')).toThrow(expect.objectContaining({ code: 'indicatorwaarde-ongeldig' }));
    expect(() => distribute(9, [{ id: 'A', values: { population: 0 } }], pop, 'dhondt')).toThrow(expect.objectContaining({ code: 'indicator-som-nul' }));
    expect(() => distribute(9, two, { ...pop, corrections: { A: -1 } }, 'dhondt')).toThrow(expect.objectContaining({ code: 'correctie-ongeldig' }));
  });

  it('keeps inverse-share keys over hundreds of areas fast and exact', () => {
    // 342 distinct populations: the common denominator of 1/value has thousands of digits.
    const areas: AreaData[] = Array.from({ length: 342 }, (_, i) => ({ id: `GM${String(i).padStart(4, '0')}`, values: { population: 5_000 + 7_919 * i, unemployment: 1_000 + 13 * i } }));
    const key: DistributionKey = {
      name: 'mix',
      indicators: [
        { indicator: 'population', weight: '0.9', mode: 'share' },
        { indicator: 'unemployment', weight: '0.1', mode: 'inverse-share' },
      ],
    };
    const d = distribute(51_000, areas, key, 'huntington-hill');
    expect(d.assignedTotal).toBe(51_000);
    expect(Rational.sum(d.areas.map((a) => a.keyShare)).equals(Rational.ONE)).toBe(true);
  });
});
