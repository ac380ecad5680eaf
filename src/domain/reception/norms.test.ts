import { describe, expect, it } from 'vitest';
import { ReceptionError } from './errors.ts';
import {
  breachCountsPerPeriod,
  breachDays,
  breachStreaks,
  breachSummary,
  checkNorms,
  checkSeries,
  currentStreak,
  longestStreak,
  newBreachAlerts,
  normOn,
  penaltyCounter,
  periodLabel,
  type NormPeriod,
} from './norms.ts';

const NORM: NormPeriod[] = [{ from: '2022-01-01', to: null, max: 2000 }];

function errorOf(f: () => unknown): ReceptionError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReceptionError) return e;
    throw e;
  }
  throw new Error('geen fout gegooid');
}

describe('norm breaches', () => {
  it('counts only days strictly over the norm', () => {
    const days = breachDays({ '2022-07-06': 1999, '2022-07-07': 2000, '2022-07-08': 2193 }, NORM);
    expect(days).toEqual([{ date: '2022-07-08', occupancy: 2193, norm: 2000, excess: 193 }]);
  });

  it('uses the norm in force on each day and none outside the norm periods', () => {
    const norms: NormPeriod[] = [
      { from: '2022-03-01', to: '2022-05-31', max: 1500 },
      { from: '2022-06-01', to: null, max: 2000 },
    ];
    expect(normOn(norms, '2022-02-28')).toBeNull();
    expect(normOn(norms, '2022-05-31')).toBe(1500);
    expect(normOn(norms, '2022-06-01')).toBe(2000);
    const series = { '2022-02-28': 9999, '2022-05-31': 1800, '2022-06-01': 1800 };
    expect(breachDays(series, norms).map((d) => [d.date, d.norm])).toEqual([['2022-05-31', 1500]]);
  });

  it('refuses overlapping or malformed norms', () => {
    expect(errorOf(() => checkNorms([{ from: '2022-01-01', to: null, max: 2000 }, { from: '2022-06-01', to: null, max: 1800 }])).code).toBe('normen-overlappen');
    expect(errorOf(() => checkNorms([{ from: '2022-01-01', to: '2022-06-01', max: 2000 }, { from: '2022-06-01', to: null, max: 1800 }])).code).toBe('normen-overlappen');
    expect(checkNorms([{ from: '2022-06-02', to: null, max: 1800 }, { from: '2022-01-01', to: '2022-06-01', max: 2000 }]).map((n) => n.from)).toEqual(['2022-01-01', '2022-06-02']);
    expect(errorOf(() => checkNorms([{ from: '2022-06-01', to: '2022-05-31', max: 1 }])).code).toBe('periode-ongeldig');
    expect(errorOf(() => checkNorms([{ from: '2022-06-01', to: null, max: 1.5 }])).field).toBe('norms[0].max');
    expect(errorOf(() => checkNorms([{ from: '2022-06-01', to: null, max: 0 }])).code).toBe('norm-ongeldig');
  });

  it('refuses a series with a bad date or a negative or fractional occupancy', () => {
    expect(errorOf(() => checkSeries({ '2022-02-30': 1 })).code).toBe('datum-ongeldig');
    expect(errorOf(() => checkSeries({ '2022-02-01': -1 })).code).toBe('bezetting-ongeldig');
    expect(errorOf(() => checkSeries(new Map([['2022-02-01', 10.5]]))).field).toBe('series.2022-02-01');
    expect(checkSeries(new Map([['2022-02-02', 1], ['2022-02-01', 2]])).map((d) => d.date)).toEqual(['2022-02-01', '2022-02-02']);
  });
});

describe('streaks and gaps', () => {
  // 1–3 over, 4 at the norm, 5 over, 6 missing, 7–8 over, 9 missing, 10 over (last known day).
  const series = {
    '2022-07-01': 2100,
    '2022-07-02': 2050,
    '2022-07-03': 2001,
    '2022-07-04': 2000,
    '2022-07-05': 2010,
    '2022-07-07': 2020,
    '2022-07-08': 2193,
    '2022-07-10': 2150,
  };

  it('treats a missing day as unknown: no breach day, but no break in the run', () => {
    expect(breachDays(series, NORM)).toHaveLength(7);
    expect(breachStreaks(series, NORM)).toEqual([
      { from: '2022-07-01', to: '2022-07-03', breachDays: 3, calendarDays: 3, peak: 2100 },
      { from: '2022-07-05', to: '2022-07-10', breachDays: 4, calendarDays: 6, peak: 2193 },
    ]);
  });

  it('has a current streak only when the last known day is a breach day', () => {
    expect(currentStreak(series, NORM)).toMatchObject({ from: '2022-07-05', to: '2022-07-10', breachDays: 4 });
    expect(currentStreak({ ...series, '2022-07-11': 1990 }, NORM)).toBeNull();
    expect(currentStreak({}, NORM)).toBeNull();
  });

  it('ends a run at a known day without a norm in force', () => {
    const norms: NormPeriod[] = [
      { from: '2022-07-01', to: '2022-07-02', max: 2000 },
      { from: '2022-07-04', to: null, max: 2000 },
    ];
    const s = { '2022-07-01': 2100, '2022-07-02': 2100, '2022-07-03': 2100, '2022-07-04': 2100 };
    expect(breachStreaks(s, norms).map((x) => [x.from, x.to])).toEqual([
      ['2022-07-01', '2022-07-02'],
      ['2022-07-04', '2022-07-04'],
    ]);
  });

  it('finds the longest run, the earliest of equals', () => {
    expect(longestStreak(series, NORM)).toMatchObject({ from: '2022-07-05', breachDays: 4 });
    const even = { '2022-07-01': 2100, '2022-07-02': 1000, '2022-07-03': 2100 };
    expect(longestStreak(even, NORM)?.from).toBe('2022-07-01');
    expect(longestStreak({ '2022-07-01': 10 }, NORM)).toBeNull();
  });

  it('raises one alert per run, on its first day, and none twice with `after`', () => {
    expect(newBreachAlerts('TERAPEL', series, NORM)).toEqual([
      { locationCode: 'TERAPEL', date: '2022-07-01', occupancy: 2100, norm: 2000, streakStart: '2022-07-01' },
      { locationCode: 'TERAPEL', date: '2022-07-05', occupancy: 2010, norm: 2000, streakStart: '2022-07-05' },
    ]);
    expect(newBreachAlerts('TERAPEL', series, NORM, { after: '2022-07-04' }).map((a) => a.date)).toEqual(['2022-07-05']);
    expect(newBreachAlerts('TERAPEL', series, NORM, { after: '2022-07-05' })).toEqual([]);
  });

  it('summarises the last day with its distance to the norm', () => {
    expect(breachSummary(series, NORM)).toMatchObject({
      last: { date: '2022-07-10', occupancy: 2150, norm: 2000, difference: 150 },
      breachDays: 7,
      currentStreak: { from: '2022-07-05' },
      longestStreak: { from: '2022-07-05' },
    });
    expect(breachSummary({ '2022-07-01': 1900 }, NORM).last?.difference).toBe(-100);
    expect(breachSummary({}, NORM)).toEqual({ last: null, breachDays: 0, currentStreak: null, longestStreak: null });
  });
});

describe('counts per period', () => {
  it('labels periods like the rest of the app', () => {
    expect(periodLabel('2022-07-08', 'maand')).toBe('2022-07');
    expect(periodLabel('2022-07-08', 'kwartaal')).toBe('2022-K3');
    expect(periodLabel('2022-06-30', 'halfjaar')).toBe('2022-I');
    expect(periodLabel('2022-07-01', 'halfjaar')).toBe('2022-II');
    expect(periodLabel('2022-07-08', 'jaar')).toBe('2022');
  });

  it('counts known days, days with a norm and breach days per month', () => {
    const norms: NormPeriod[] = [{ from: '2022-06-15', to: null, max: 2000 }];
    const series = { '2022-06-01': 2500, '2022-06-20': 2001, '2022-06-21': 2000, '2022-07-01': 2100, '2022-07-03': 2200 };
    expect(breachCountsPerPeriod(series, norms)).toEqual([
      { period: '2022-06', knownDays: 3, normDays: 2, breachDays: 1 },
      { period: '2022-07', knownDays: 2, normDays: 2, breachDays: 2 },
    ]);
    expect(breachCountsPerPeriod(series, norms, 'jaar')).toEqual([{ period: '2022', knownDays: 5, normDays: 4, breachDays: 3 }]);
    expect(errorOf(() => breachCountsPerPeriod(series, norms, 'week' as never)).code).toBe('parameter-ongeldig');
  });
});

describe('penalty counter', () => {
  const series = { '2022-06-30': 2100, '2022-07-01': 2100, '2022-07-02': 1900, '2022-07-03': 2001, '2022-07-08': 2193 };

  it('counts breach days from the start date (and up to the end date) times the amount, in cents', () => {
    expect(penaltyCounter(series, NORM, { amountCents: 150_000, from: '2022-07-01' })).toEqual({
      days: 3,
      amountCents: 150_000,
      totalCents: 450_000,
      from: '2022-07-01',
      to: null,
    });
    expect(penaltyCounter(series, NORM, { amountCents: 1, from: '2022-06-30', to: '2022-07-03' }).totalCents).toBe(3);
    expect(penaltyCounter(series, NORM, { amountCents: 0, from: '2022-01-01' }).totalCents).toBe(0);
  });

  it('stays exact where floating point would not be, and refuses what cannot be exact', () => {
    // 0.1 € × 3 in floats is 0.30000000000000004; in cents it is 30.
    expect(penaltyCounter(series, NORM, { amountCents: 10, from: '2022-07-01' }).totalCents).toBe(30);
    expect(errorOf(() => penaltyCounter(series, NORM, { amountCents: 12.5, from: '2022-07-01' })).code).toBe('boete-ongeldig');
    expect(errorOf(() => penaltyCounter(series, NORM, { amountCents: -1, from: '2022-07-01' })).code).toBe('boete-ongeldig');
    expect(errorOf(() => penaltyCounter(series, NORM, { amountCents: Number.MAX_SAFE_INTEGER, from: '2022-07-01' })).code).toBe('boete-te-groot');
    expect(errorOf(() => penaltyCounter(series, NORM, { amountCents: 1, from: '2022-07-08', to: '2022-07-01' })).code).toBe('periode-ongeldig');
  });
});
