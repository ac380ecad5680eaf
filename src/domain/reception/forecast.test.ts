import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from './dates.ts';
import { ReceptionError } from './errors.ts';
import { HOLT_GRID, MIN_FIT_ERRORS, describeForecast, forecastBreach, holtRun, oneStepErrors } from './forecast.ts';
import type { NormPeriod } from './norms.ts';

const LAST = '2022-07-08';
const NORM: NormPeriod[] = [{ from: '2022-01-01', to: null, max: 2000 }];

/** `days` days ending at LAST with value f(t), t = 0 for the first day. */
function series(days: number, f: (t: number) => number, skip: readonly number[] = []): Map<string, number> {
  const m = new Map<string, number>();
  for (let t = 0; t < days; t++) if (!skip.includes(t)) m.set(addDays(LAST, t - days + 1), f(t));
  return m;
}

function errorOf(f: () => unknown): ReceptionError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReceptionError) return e;
    throw e;
  }
  throw new Error('geen fout gegooid');
}

describe('Holt forecast', () => {
  it('follows the update rules, checked by hand on four days (α = β = 0,5)', () => {
    // Start on day 1: level 12, trend 12 − 10 = 2.
    // Day 2: f = 14, e = 1, level 14 + 0,5 = 14,5, trend 2 + 0,25 = 2,25.
    // Day 3: f = 16,75, e = −2,75, level 16,75 − 1,375 = 15,375, trend 2,25 − 0,6875 = 1,5625.
    const run = holtRun(
      [
        { day: 0, y: 10 },
        { day: 1, y: 12 },
        { day: 2, y: 15 },
        { day: 3, y: 14 },
      ],
      { alpha: 0.5, beta: 0.5 },
    );
    expect(run.errors.map((e) => e.actual - e.forecast)).toEqual([1, -2.75]);
    expect([run.level, run.trend]).toEqual([15.375, 1.5625]);

    const f = forecastBreach(series(4, (t) => [10, 12, 15, 14][t]!), NORM, { parameters: { alpha: 0.5, beta: 0.5 }, backtestDays: 2, horizonDays: 3 });
    expect(f.chosenBy).toBe('vast');
    // h = 1: 16,9375 → 17; h = 2: 18,5 → 19 (half up); h = 3: 20,0625 → 20.
    expect(f.days.map((d) => [d.date, d.exact, d.value])).toEqual([
      ['2022-07-09', 16.9375, 17],
      ['2022-07-10', 18.5, 19],
      ['2022-07-11', 20.0625, 20],
    ]);
    expect(f.backtest).toEqual({ from: '2022-07-07', to: LAST, days: 2, mae: 1.875, mape: ((1 / 15 + 2.75 / 14) / 2) * 100 });
    expect(describeForecast(f)).toBe('methode: Holt (α 0,5; β 0,5), fout op afgelopen 2 dagen ±1,9 personen (MAPE 13,2 %)');
  });

  it('forecasts a straight line exactly, with no error on the past', () => {
    const f = forecastBreach(series(84, (t) => 1000 + 7 * t), NORM, { horizonDays: 10 });
    expect(f.trend).toBe(7);
    expect(f.level).toBe(1000 + 7 * 83);
    expect(f.days.map((d) => d.exact)).toEqual(Array.from({ length: 10 }, (_, i) => 1581 + 7 * (i + 1)));
    expect(f.backtest.mae).toBe(0);
    expect(f.backtest.mape).toBe(0);
    expect(f.backtest.days).toBe(28);
    expect(f.firstBreach).toBeNull();
  });

  it('keeps a line exact across missing days: a missing day is unknown, not zero', () => {
    const f = forecastBreach(series(40, (t) => 500 + 3 * t, [0, 5, 6, 20, 38]), NORM, { horizonDays: 2 });
    expect(f.days.map((d) => d.value)).toEqual([500 + 3 * 40, 500 + 3 * 41]);
    expect(f.window.knownDays).toBe(35);
    expect(f.backtest.mae).toBe(0);
    // The missing days get no error: 35 known days, the first two only start the method.
    expect(oneStepErrors(series(40, (t) => 500 + 3 * t, [0, 5, 6, 20, 38]), f)).toHaveLength(33);
  });

  it('finds no breach for a constant below the norm', () => {
    const f = forecastBreach(series(84, () => 1950), NORM);
    expect(f.days).toHaveLength(28);
    expect(f.days.every((d) => d.value === 1950 && !d.overNorm)).toBe(true);
    expect(f.firstBreach).toBeNull();
  });

  it('crosses the norm on the day arithmetic says, and not on the day it only reaches it', () => {
    // Last day 1300 + 7·83 = 1881. After 17 days 2000: at the norm, not over; after 18 days 2007: the first breach.
    const f = forecastBreach(series(84, (t) => 1300 + 7 * t), NORM);
    expect(f.days[16]).toMatchObject({ date: addDays(LAST, 17), value: 2000, overNorm: false });
    expect(f.firstBreach).toMatchObject({ date: addDays(LAST, 18), value: 2007, norm: 2000, overNorm: true });
    expect(f.firstBreach?.date).toBe('2022-07-26');
  });

  it('uses the norm in force on each forecast day', () => {
    const norms: NormPeriod[] = [
      { from: '2022-01-01', to: '2022-07-20', max: 2000 },
      { from: '2022-07-21', to: null, max: 3000 },
    ];
    const f = forecastBreach(series(84, (t) => 1300 + 7 * t), norms);
    expect(f.firstBreach).toBeNull();
    expect(f.days.find((d) => d.date === '2022-07-21')?.norm).toBe(3000);
  });

  it('never forecasts fewer than 0 persons', () => {
    const f = forecastBreach(series(30, (t) => 300 - 10 * t), NORM, { horizonDays: 20 });
    expect(f.days.map((d) => d.value).slice(-3)).toEqual([0, 0, 0]);
    expect(f.days[0]!.value).toBe(0);
    expect(f.days.every((d) => d.value >= 0)).toBe(true);
  });

  it('picks α and β from the grid on the days before the backtest window, the best there', () => {
    // Calm for 56 days, then the last 28 swing ±150 around a steeper climb: judged on all 84 days α = 0,1 would win,
    // judged (as it should be) only on the days before the backtest window α = 0,3.
    const noisy = series(84, (t) => (t < 56 ? 1600 + 4 * t + ((t * 37) % 23) - 11 : 1600 + 4 * t + (t % 2 === 0 ? 150 : -150) + 20 * (t - 56)));
    const f = forecastBreach(noisy, NORM);
    expect(f.chosenBy).toBe('raster-voor-toetsvenster');
    expect(f.parameters).toEqual({ alpha: 0.3, beta: 0.5 });
    const points = [...noisy.entries()].map(([d, y]) => ({ day: dayNumber(d), y }));
    const backtestStart = dayNumber(f.backtest.from);
    const fitMae = (alpha: number, beta: number) => {
      const e = holtRun(points, { alpha, beta }).errors.filter((x) => x.day < backtestStart);
      return e.reduce((a, x) => a + Math.abs(x.actual - x.forecast), 0) / e.length;
    };
    const chosen = fitMae(f.parameters.alpha, f.parameters.beta);
    for (const a of HOLT_GRID.alpha) for (const b of HOLT_GRID.beta) expect(chosen).toBeLessThanOrEqual(fitMae(a, b));
    // The reported error is measured on the last 28 days only.
    const test = holtRun(points, f.parameters).errors.filter((x) => x.day >= backtestStart);
    expect(f.backtest.mae).toBeCloseTo(test.reduce((a, x) => a + Math.abs(x.actual - x.forecast), 0) / test.length, 10);
  });

  it('falls back to the whole window when there are too few days before the backtest window, and says so', () => {
    const short = series(28 + MIN_FIT_ERRORS + 1, (t) => 1600 + ((t * 13) % 7));
    expect(forecastBreach(short, NORM).chosenBy).toBe('raster-heel-venster');
    const enough = series(28 + MIN_FIT_ERRORS + 2, (t) => 1600 + ((t * 13) % 7));
    expect(forecastBreach(enough, NORM).chosenBy).toBe('raster-voor-toetsvenster');
  });

  it('reports the error over the whole window when the window is shorter than 28 days', () => {
    const f = forecastBreach(series(40, (t) => 100 + t), NORM, { lookbackDays: 14 });
    expect(f.window).toEqual({ from: addDays(LAST, -13), to: LAST, knownDays: 14 });
    expect(f.backtest.from).toBe(f.window.from);
    expect(f.backtest.days).toBe(12);
    expect(f.chosenBy).toBe('raster-heel-venster');
  });

  it('only looks at the last lookbackDays days', () => {
    // A wild past outside the window changes nothing.
    const calm = series(84, (t) => 1000 + t);
    const wild = new Map([...series(200, (t) => (t < 116 ? 5000 - 40 * t : 0)).entries()].filter(([d]) => !calm.has(d)));
    for (const [d, v] of calm) wild.set(d, v);
    expect(forecastBreach(wild, NORM).days).toEqual(forecastBreach(calm, NORM).days);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 3, maxLength: 90 }), (values) => {
        const s = series(values.length, (t) => values[t]!);
        const [a, b] = [forecastBreach(s, NORM), forecastBreach(s, NORM)];
        expect(a).toEqual(b);
        expect(a.days.every((d) => Number.isInteger(d.value) && d.value >= 0)).toBe(true);
        expect(a.firstBreach === null || a.firstBreach.value > 2000).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses too little data and bad options', () => {
    expect(errorOf(() => forecastBreach(series(2, () => 1), NORM)).code).toBe('reeks-te-kort');
    expect(errorOf(() => forecastBreach(new Map(), NORM)).code).toBe('reeks-te-kort');
    // Three known days, but only two inside the window of 3 days.
    expect(errorOf(() => forecastBreach(series(5, () => 1, [2]), NORM, { lookbackDays: 3, backtestDays: 1 })).code).toBe('reeks-te-kort');
    expect(errorOf(() => forecastBreach(series(10, () => 1), NORM, { horizonDays: 0 })).field).toBe('horizonDays');
    expect(errorOf(() => forecastBreach(series(10, () => 1), NORM, { lookbackDays: 20, backtestDays: 21 })).field).toBe('backtestDays');
    expect(errorOf(() => forecastBreach(series(10, () => 1), NORM, { parameters: { alpha: 0, beta: 0.1 } })).field).toBe('parameters.alpha');
    expect(errorOf(() => forecastBreach(series(10, () => 1), NORM, { parameters: { alpha: 0.5, beta: 1.5 } })).field).toBe('parameters.beta');
  });
});
