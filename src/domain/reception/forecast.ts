/**
 * Forecast of the next norm breach from the recent trend, by Holt's linear exponential smoothing (a level and a
 * trend, each smoothed). Chosen because occupancy moves in trends for weeks (inflow up, outflow stuck) and Holt
 * follows a trend where simple smoothing lags behind it, while staying explainable in one sentence on the page.
 *
 * The method, so the page can state it:
 * - window: the last `lookbackDays` calendar days (default 84) ending at the last known day;
 * - start: level = the second known day's occupancy, trend = the change per day between the first two known days;
 * - each next day, in error-correction form (so a perfect straight line stays exact in floating point):
 *   forecast f = level + trend; error e = y − f; level ← f + α·e; trend ← trend + α·β·e;
 *   a missing day is unknown: level ← f, trend unchanged, and no error is counted (it is not zero);
 * - α and β are picked from the fixed grid `HOLT_GRID` as the pair with the least mean absolute one-step-ahead error
 *   on the window's days *before* the backtest window (first pair wins a tie, in grid order). With fewer than
 *   `MIN_FIT_ERRORS` such days the whole window is used, and the result says so. Fixed `parameters` skip the grid;
 * - the forecast for h days ahead is level + h·trend, rounded to whole persons (half up) and never below 0; a
 *   forecast day is over the norm when that whole number is strictly over the norm in force that day;
 * - error on past data: the mean absolute error (MAE) and the mean absolute percentage error (MAPE, over days with
 *   occupancy > 0) of the one-step-ahead forecasts in the last `backtestDays` (default 28) of the window. The pair was
 *   not picked on those days, so the error is an honest one unless the fallback to the whole window was needed.
 * Deterministic: no randomness, the same series gives the same forecast.
 */
import { addDays, dayNumber, fromDayNumber } from './dates.ts';
import { ReceptionError } from './errors.ts';
import { checkNorms, checkSeries, normOn, type DailySeries, type NormPeriod } from './norms.ts';

export interface HoltParameters {
  /** Smoothing of the level, 0 < α ≤ 1: higher follows the latest days more closely. */
  alpha: number;
  /** Smoothing of the trend, 0 < β ≤ 1. */
  beta: number;
}

/** The grid α and β are picked from: 9 × 6 pairs. */
export const HOLT_GRID: Readonly<{ alpha: readonly number[]; beta: readonly number[] }> = Object.freeze({
  alpha: Object.freeze([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]),
  beta: Object.freeze([0.05, 0.1, 0.2, 0.3, 0.4, 0.5]),
});

/** Fewer one-step errors than this before the backtest window and the grid is judged on the whole window. */
export const MIN_FIT_ERRORS = 7;

export interface ForecastOptions {
  /** Calendar days of history used, ending at the last known day. Default 84. */
  lookbackDays?: number;
  /** Days forecast after the last known day. Default 28. */
  horizonDays?: number;
  /** The last days of the window whose one-step errors are reported. Default 28 (or the whole window when shorter). */
  backtestDays?: number;
  /** Fixed α and β instead of the grid. */
  parameters?: HoltParameters;
}

export interface ForecastDay {
  date: string;
  /** Forecast occupancy in whole persons (rounded half up, at least 0). */
  value: number;
  /** The unrounded level + h·trend. */
  exact: number;
  norm: number | null;
  overNorm: boolean;
}

export interface OneStepError {
  date: string;
  actual: number;
  forecast: number;
  error: number;
}

export interface BreachForecast {
  method: 'holt';
  parameters: HoltParameters;
  /** How α and β were set: fixed by the caller, picked before the backtest window, or on the whole window. */
  chosenBy: 'vast' | 'raster-voor-toetsvenster' | 'raster-heel-venster';
  window: { from: string; to: string; knownDays: number };
  /** State at the last known day. */
  level: number;
  trend: number;
  days: ForecastDay[];
  /** The first forecast day over the norm, or null within the horizon. */
  firstBreach: ForecastDay | null;
  backtest: {
    from: string;
    to: string;
    /** Days with a one-step error in the backtest window. */
    days: number;
    /** Mean absolute error in persons; null when no day had an error to measure. */
    mae: number | null;
    /** Mean absolute percentage error in %; null when no day with occupancy > 0 had one. */
    mape: number | null;
  };
}

interface Point {
  day: number;
  y: number;
}

/**
 * Runs Holt over known points (day numbers ascending, at least two) and returns the one-step errors and the final
 * state. `holtRun([{day:0,y:10},{day:1,y:12},{day:2,y:15},{day:3,y:14}], {alpha:0.5,beta:0.5})` → level 15,375, trend 1,5625
 */
export function holtRun(points: readonly Point[], p: HoltParameters): { errors: { day: number; actual: number; forecast: number }[]; level: number; trend: number; lastDay: number } {
  const [first, second] = points;
  if (!first || !second) throw new ReceptionError('reeks-te-kort', 'Voor een trend zijn ten minste twee bekende dagen nodig.', { field: 'series' });
  let level = second.y;
  let trend = (second.y - first.y) / (second.day - first.day);
  const errors: { day: number; actual: number; forecast: number }[] = [];
  let next = 2;
  for (let day = second.day + 1; next < points.length; day++) {
    const f = level + trend;
    const point = points[next]!;
    if (point.day === day) {
      const e = point.y - f;
      errors.push({ day, actual: point.y, forecast: f });
      level = f + p.alpha * e;
      trend = trend + p.alpha * p.beta * e;
      next++;
    } else level = f;
  }
  return { errors, level, trend, lastDay: points[points.length - 1]!.day };
}

function meanAbsolute(errors: readonly { actual: number; forecast: number }[]): number | null {
  if (errors.length === 0) return null;
  return errors.reduce((a, e) => a + Math.abs(e.actual - e.forecast), 0) / errors.length;
}

function meanAbsolutePercentage(errors: readonly { actual: number; forecast: number }[]): number | null {
  const usable = errors.filter((e) => e.actual > 0);
  if (usable.length === 0) return null;
  return (usable.reduce((a, e) => a + Math.abs(e.actual - e.forecast) / e.actual, 0) / usable.length) * 100;
}

function wholeDays(value: number | undefined, fallback: number, min: number, max: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new ReceptionError('parameter-ongeldig', `${field} moet een geheel aantal dagen van ${min} tot en met ${max} zijn (niet ${String(v)}).`, { field });
  }
  return v;
}

function checkParameters(p: HoltParameters): HoltParameters {
  for (const key of ['alpha', 'beta'] as const) {
    const v = p[key];
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) {
      throw new ReceptionError('parameter-ongeldig', `${key === 'alpha' ? 'α' : 'β'} moet groter dan 0 en hoogstens 1 zijn (niet ${String(v)}).`, {
        field: `parameters.${key}`,
      });
    }
  }
  return { alpha: p.alpha, beta: p.beta };
}

/**
 * Forecasts occupancy for the next days and finds the first day over the norm.
 * `forecastBreach(terApel, [{ from: '2022-01-01', to: null, max: 2000 }], { horizonDays: 28 }).firstBreach?.date`
 */
export function forecastBreach(series: DailySeries, norms: readonly NormPeriod[], options: ForecastOptions = {}): BreachForecast {
  const lookbackDays = wholeDays(options.lookbackDays, 84, 3, 3660, 'lookbackDays');
  const horizonDays = wholeDays(options.horizonDays, 28, 1, 366, 'horizonDays');
  const backtestDays = wholeDays(options.backtestDays, Math.min(28, lookbackDays), 1, lookbackDays, 'backtestDays');
  const fixed = options.parameters === undefined ? null : checkParameters(options.parameters);
  const checkedNorms = checkNorms(norms);
  const known = checkSeries(series);
  const last = known[known.length - 1];
  if (!last) throw new ReceptionError('reeks-te-kort', 'Er zijn geen bezettingscijfers om een trend uit te halen.', { field: 'series' });
  const windowFrom = addDays(last.date, -(lookbackDays - 1));
  const backtestFrom = addDays(last.date, -(backtestDays - 1));
  const points = known.filter((d) => d.date >= windowFrom).map((d) => ({ day: dayNumber(d.date), y: d.occupancy }));
  if (points.length < 3) {
    throw new ReceptionError('reeks-te-kort', `Voor een voorspelling zijn ten minste 3 bekende dagen nodig in de ${lookbackDays} dagen tot en met ${last.date}; er zijn er ${points.length}.`, {
      field: 'series',
    });
  }
  const backtestStart = dayNumber(backtestFrom);

  let parameters: HoltParameters;
  let chosenBy: BreachForecast['chosenBy'];
  if (fixed) {
    parameters = fixed;
    chosenBy = 'vast';
  } else {
    const candidates = HOLT_GRID.alpha.flatMap((alpha) => HOLT_GRID.beta.map((beta) => ({ alpha, beta })));
    const fitErrorCount = holtRun(points, candidates[0]!).errors.filter((e) => e.day < backtestStart).length;
    const onFitDays = fitErrorCount >= MIN_FIT_ERRORS;
    chosenBy = onFitDays ? 'raster-voor-toetsvenster' : 'raster-heel-venster';
    let best: { p: HoltParameters; score: number } | null = null;
    for (const p of candidates) {
      const errors = holtRun(points, p).errors.filter((e) => !onFitDays || e.day < backtestStart);
      const score = meanAbsolute(errors) ?? 0;
      if (best === null || score < best.score) best = { p, score };
    }
    parameters = best!.p;
  }

  const run = holtRun(points, parameters);
  const testErrors = run.errors.filter((e) => e.day >= backtestStart);
  const days: ForecastDay[] = [];
  for (let h = 1; h <= horizonDays; h++) {
    const date = addDays(last.date, h);
    const exact = run.level + h * run.trend;
    // Math.round rounds .5 up; a forecast of people below zero means none.
    const value = Math.max(0, Math.round(exact));
    const norm = normOn(checkedNorms, date);
    days.push({ date, value, exact, norm, overNorm: norm !== null && value > norm });
  }
  return {
    method: 'holt',
    parameters,
    chosenBy,
    window: { from: windowFrom, to: last.date, knownDays: points.length },
    level: run.level,
    trend: run.trend,
    days,
    firstBreach: days.find((d) => d.overNorm) ?? null,
    backtest: { from: backtestFrom, to: last.date, days: testErrors.length, mae: meanAbsolute(testErrors), mape: meanAbsolutePercentage(testErrors) },
  };
}

/**
 * The one-step-ahead errors of a forecast's method over its window, for a chart of forecast against actual.
 * `oneStepErrors(series, forecast)` → `[{ date: '2022-04-18', actual: 1712, forecast: 1698.4, error: 13.6 }, …]`
 */
export function oneStepErrors(series: DailySeries, forecast: Pick<BreachForecast, 'parameters' | 'window'>): OneStepError[] {
  const points = checkSeries(series)
    .filter((d) => d.date >= forecast.window.from && d.date <= forecast.window.to)
    .map((d) => ({ day: dayNumber(d.date), y: d.occupancy }));
  return holtRun(points, forecast.parameters).errors.map((e) => ({
    date: fromDayNumber(e.day),
    actual: e.actual,
    forecast: e.forecast,
    error: e.actual - e.forecast,
  }));
}

const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/**
 * The method line for the page, in Dutch.
 * `describeForecast(f)` → 'methode: Holt (α 0,3; β 0,1), fout op afgelopen 28 dagen ±12,4 personen (MAPE 0,6 %)'
 */
export function describeForecast(f: BreachForecast): string {
  const params = `α ${twoDecimals.format(f.parameters.alpha)}; β ${twoDecimals.format(f.parameters.beta)}`;
  const span = `${dayNumber(f.backtest.to) - dayNumber(f.backtest.from) + 1} dagen`;
  if (f.backtest.mae === null) return `methode: Holt (${params}), fout op afgelopen ${span} niet te bepalen (geen cijfers)`;
  const mape = f.backtest.mape === null ? '' : ` (MAPE ${oneDecimal.format(f.backtest.mape)} %)`;
  return `methode: Holt (${params}), fout op afgelopen ${span} ±${oneDecimal.format(f.backtest.mae)} personen${mape}`;
}
