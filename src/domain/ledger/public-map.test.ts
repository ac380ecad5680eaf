import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapClass, mapLegend, percentageRealised } from './public-map.ts';
import { paceStatus } from './pace.ts';

describe('public half-year map', () => {
  it('classes at the pace thresholds: 100 % and 75 % of the corrected taakstelling', () => {
    expect(mapClass(100, 100)).toBe('behaald');
    expect(mapClass(120, 100)).toBe('behaald');
    expect(mapClass(99, 100)).toBe('bijna');
    expect(mapClass(75, 100)).toBe('bijna');
    expect(mapClass(74, 100)).toBe('achter');
    expect(mapClass(3, 4)).toBe('bijna');
    expect(mapClass(0, 0)).toBe('geen taak');
    expect(mapClass(7, -3)).toBe('geen taak');
  });

  it('agrees with the pace status at the end of a half-year (one set of thresholds)', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 5000 }), (realised, corrected) => {
        const status = paceStatus(realised, corrected, 6);
        expect(mapClass(realised, corrected)).toBe(status === 'op schema' ? 'behaald' : status === 'licht achter' ? 'bijna' : 'achter');
      }),
    );
  });

  it('rounds the percentage half up in tenths, exactly', () => {
    expect(percentageRealised(1, 8)).toBe(12.5);
    expect(percentageRealised(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percentageRealised(2, 3)).toBe(66.7);
    expect(percentageRealised(1, 3)).toBe(33.3);
    expect(percentageRealised(0, 10)).toBe(0);
    expect(percentageRealised(5, 0)).toBeNull();
    fc.assert(
      fc.property(fc.nat(100000), fc.integer({ min: 1, max: 100000 }), (r, c) => {
        const p = percentageRealised(r, c)!;
        // Within half a tenth of the exact value.
        expect(Math.abs(p * c - r * 100) <= 0.05 * c + 1e-9 * r).toBe(true);
      }),
    );
  });

  it('states the bounds of the legend from the thresholds', () => {
    expect(mapLegend().map((l) => l.label)).toEqual([
      '100 % of meer van de gecorrigeerde taakstelling gerealiseerd',
      '75 % tot 100 %',
      'minder dan 75 %',
      'geen openstaande taak (gecorrigeerde taakstelling 0 of minder)',
    ]);
  });
});
