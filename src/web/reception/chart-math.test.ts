import { describe, expect, it } from 'vitest';
import { addDays, dayRange, euro, mondayOf, monthStarts, niceScale, ratePercent, segments } from './chart-math.ts';

describe('chart arithmetic', () => {
  it('rounds an axis up to a nice maximum with about five steps', () => {
    expect(niceScale(2193)).toEqual({ max: 2500, ticks: [0, 500, 1000, 1500, 2000, 2500] });
    expect(niceScale(36_715)).toEqual({ max: 40_000, ticks: [0, 10_000, 20_000, 30_000, 40_000] });
    expect(niceScale(2000).max).toBe(2000);
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(0.77).max).toBeGreaterThanOrEqual(0.77);
    for (const v of [1, 7, 13, 99, 101, 1234, 98_765]) {
      const s = niceScale(v);
      expect(s.max).toBeGreaterThanOrEqual(v);
      expect(s.ticks.at(-1)).toBe(s.max);
      expect(s.ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it('splits a series at its gaps', () => {
    expect(segments([1, null, 2, 3])).toEqual([[[0, 1]], [[2, 2], [3, 3]]]);
    expect(segments([null, null])).toEqual([]);
    expect(segments([5, Number.NaN, 6])).toEqual([[[0, 5]], [[2, 6]]]);
  });

  it('counts calendar days and Mondays in UTC', () => {
    expect(dayRange('2022-06-29', '2022-07-02')).toEqual(['2022-06-29', '2022-06-30', '2022-07-01', '2022-07-02']);
    expect(dayRange('2022-07-02', '2022-07-01')).toEqual([]);
    expect(addDays('2022-07-08', -97)).toBe('2022-04-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(mondayOf('2022-07-08')).toBe('2022-07-04');
    expect(mondayOf('2022-07-04')).toBe('2022-07-04');
    expect(mondayOf('2022-07-10')).toBe('2022-07-04');
  });

  it('labels the first day of each month on a time axis', () => {
    const days = dayRange('2022-04-02', '2022-07-08');
    expect(monthStarts(days).map((i) => days[i])).toEqual(['2022-04-02', '2022-05-01', '2022-06-01', '2022-07-01']);
    expect(monthStarts(dayRange('2022-04-01', '2022-05-02')).length).toBe(2);
    // A partial first month two days before the next would print its label over the next one's.
    const late = dayRange('2022-04-29', '2022-07-08');
    expect(monthStarts(late).map((i) => late[i])).toEqual(['2022-05-01', '2022-06-01', '2022-07-01']);
    const weeks = Array.from({ length: 104 }, (_, i) => addDays('2022-07-04', 7 * i));
    expect(monthStarts(weeks, 3).map((i) => weeks[i])).toEqual([
      '2022-07-04',
      '2022-10-03',
      '2023-01-02',
      '2023-04-03',
      '2023-07-03',
      '2023-10-02',
      '2024-01-01',
      '2024-04-01',
    ]);
  });

  it('writes euro cents exactly, in Dutch and English', () => {
    expect(euro(37_500_000, 'nl-NL')).toBe('€ 375.000,00');
    expect(euro(1_500_000, 'en-GB')).toBe('€15,000.00');
    expect(euro(5, 'nl-NL')).toBe('€ 0,05');
    // 2^53 − 1 cents: exact to the last cent, where dividing by 100 in floating point would not be.
    expect(euro(9_007_199_254_740_991, 'nl-NL')).toBe('€ 90.071.992.547.409,91');
  });

  it('gives a share as a percentage to one decimal, and nothing for an empty whole', () => {
    expect(ratePercent(13_914, 14_250)).toBe(97.6);
    expect(ratePercent(2_193, 2_000)).toBe(109.7);
    expect(ratePercent(5, 0)).toBeNull();
  });
});
