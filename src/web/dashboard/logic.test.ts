import { describe, expect, it } from 'vitest';
import { asOfFromSearch, dashboardPath, scaleMax, shareTenths, withAsOf } from './logic.ts';

describe('dashboard logic', () => {
  it('reads the reading date from the address and ignores what is not a date', () => {
    expect(asOfFromSearch(new URLSearchParams('peildatum=2022-07-08'))).toBe('2022-07-08');
    expect(asOfFromSearch(new URLSearchParams('peildatum=8-7-2022'))).toBe('');
    expect(asOfFromSearch(new URLSearchParams('peildatum=2022-13-45'))).toBe('');
    expect(asOfFromSearch(new URLSearchParams(''))).toBe('');
  });

  it('builds the API path and the web path with the reading date', () => {
    expect(dashboardPath(null, '')).toBe('/api/v1/dashboard');
    expect(dashboardPath('PV27', '2022-07-08')).toBe('/api/v1/dashboard/provinces/PV27?asOf=2022-07-08');
    expect(withAsOf('/dashboard/PV27', '')).toBe('/dashboard/PV27');
    expect(withAsOf('/dashboard/PV27', '2022-07-08')).toBe('/dashboard/PV27?peildatum=2022-07-08');
  });

  it('ends a scale at 1, 2 or 5 times a power of ten, at or above the maximum', () => {
    expect(scaleMax(2193)).toBe(5000);
    expect(scaleMax(1800)).toBe(2000);
    expect(scaleMax(1000)).toBe(1000);
    expect(scaleMax(7)).toBe(10);
    expect(scaleMax(0)).toBe(0);
    for (const n of [1, 3, 99, 101, 4999, 5001, 123456]) {
      expect(scaleMax(n)).toBeGreaterThanOrEqual(n);
      expect(scaleMax(n)).toBeLessThan(n * 5 + 1);
    }
  });

  it('rounds a share half up in tenths', () => {
    expect(shareTenths(1, 3)).toBe(333);
    expect(shareTenths(2, 3)).toBe(667);
    expect(shareTenths(1, 16)).toBe(63);
    expect(shareTenths(5, 0)).toBeNull();
  });
});
