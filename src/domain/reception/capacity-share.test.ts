import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityShare, capacityShareOn } from './capacity-share.ts';
import { ReceptionError } from './errors.ts';

function errorOf(f: () => unknown): ReceptionError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReceptionError) return e;
    throw e;
  }
  throw new Error('geen fout gegooid');
}

describe('capacity per province against its share', () => {
  it('adds up the locations per province and compares with the share', () => {
    const r = capacityShare(
      [
        { provinceCode: 'PV20', name: 'Groningen', share: 2500 },
        { provinceCode: 'PV30', name: 'Noord-Brabant', share: 8000 },
        { provinceCode: 'PV31', share: 0 },
      ],
      [
        { code: 'TERAPEL', provinceCode: 'PV20', capacity: 2000 },
        { code: 'BUDEL', provinceCode: 'PV30', capacity: 1500 },
        { code: 'GILZE', provinceCode: 'PV30', capacity: 1200 },
        { code: 'DICHT', provinceCode: 'PV30', capacity: 0 },
      ],
    );
    expect(r.provinces).toEqual([
      { provinceCode: 'PV20', name: 'Groningen', locations: 1, realised: 2000, share: 2500, difference: -500, percentageTenths: 800, percentage: '80,0' },
      { provinceCode: 'PV30', name: 'Noord-Brabant', locations: 2, realised: 2700, share: 8000, difference: -5300, percentageTenths: 338, percentage: '33,8' },
      { provinceCode: 'PV31', name: null, locations: 0, realised: 0, share: 0, difference: 0, percentageTenths: null, percentage: null },
    ]);
    expect(r.total).toEqual({ realised: 4700, share: 10500, difference: -5800, percentageTenths: 448, percentage: '44,8' });
  });

  it('rounds the percentage half up on the tenth, and groups thousands', () => {
    // 1745 / 2000 = 87,25 % → 87,3; 349 / 400 = 87,25 % too; 1 / 3 = 33,33… → 33,3; 2 / 3 = 66,66… → 66,7.
    const pct = (realised: number, share: number) => capacityShare([{ provinceCode: 'PV20', share }], [{ code: 'A', provinceCode: 'PV20', capacity: realised }]).provinces[0]!;
    expect([pct(1745, 2000).percentage, pct(1745, 2000).percentageTenths]).toEqual(['87,3', 873]);
    expect(pct(349, 400).percentage).toBe('87,3');
    expect(pct(1, 3).percentage).toBe('33,3');
    expect(pct(2, 3).percentage).toBe('66,7');
    expect(pct(123_456, 10).percentage).toBe('1.234.560,0');
    expect(pct(2600, 2500)).toMatchObject({ difference: 100, percentage: '104,0' });
  });

  it('keeps percentageTenths and the display text in step', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (realised, share) => {
        const row = capacityShare([{ provinceCode: 'PV20', share }], [{ code: 'A', provinceCode: 'PV20', capacity: realised }]).provinces[0]!;
        const [whole, tenth] = row.percentage!.replace(/\./g, '').split(',') as [string, string];
        expect(Number(whole) * 10 + Number(tenth)).toBe(row.percentageTenths);
        // Exact: |tenths − 1000·r/s| ≤ 1/2, checked in integers.
        expect(Math.abs(2 * row.percentageTenths! * share - 2000 * realised)).toBeLessThanOrEqual(share);
        expect(row.difference).toBe(realised - share);
      }),
    );
  });

  it('takes capacity from the events on the date', () => {
    const events = [
      { date: '2022-01-01', kind: 'opening' as const, places: 2000 },
      { date: '2022-08-01', kind: 'uitbreiding' as const, places: 500 },
    ];
    const shares = [{ provinceCode: 'PV20', share: 2500 }];
    expect(capacityShareOn(shares, [{ code: 'TERAPEL', provinceCode: 'PV20', events }], '2022-07-08').provinces[0]?.realised).toBe(2000);
    expect(capacityShareOn(shares, [{ code: 'TERAPEL', provinceCode: 'PV20', events }], '2022-08-01').provinces[0]?.percentage).toBe('100,0');
  });

  it('refuses a location outside every share, doubles and bad numbers', () => {
    const shares = [{ provinceCode: 'PV20', share: 10 }];
    expect(errorOf(() => capacityShare(shares, [{ code: 'A', provinceCode: 'PV21', capacity: 1 }])).code).toBe('provincie-onbekend');
    expect(errorOf(() => capacityShare([...shares, ...shares], [])).code).toBe('provincie-dubbel');
    expect(errorOf(() => capacityShare([{ provinceCode: 'Groningen', share: 1 }], [])).field).toBe('shares[0].provinceCode');
    expect(errorOf(() => capacityShare([{ provinceCode: 'PV20', share: -1 }], [])).code).toBe('aandeel-ongeldig');
    expect(errorOf(() => capacityShare([{ provinceCode: 'PV20', share: 1.5 }], [])).code).toBe('aandeel-ongeldig');
    expect(
      errorOf(() =>
        capacityShare(shares, [
          { code: 'A', provinceCode: 'PV20', capacity: 1 },
          { code: 'A', provinceCode: 'PV20', capacity: 1 },
        ]),
      ).code,
    ).toBe('locatie-dubbel');
    expect(errorOf(() => capacityShare(shares, [{ code: 'A', provinceCode: 'PV20', capacity: -1 }])).code).toBe('plaatsen-ongeldig');
  });
});
