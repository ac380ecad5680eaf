import { classIndex } from '../shared/map/classes.ts';

/**
 * The pure part of the maps page: which measure, which period's boundaries, and the classes of the two measures whose
 * classes are not the server's. The figures themselves come from the API; here only simple ratios are taken.
 */
export type MeasureKey = 'realisatie' | 'achterstand' | 'opvang';
export const MEASURES: readonly MeasureKey[] = ['realisatie', 'achterstand', 'opvang'];

/** The half-years the page offers: the demo's two, and the next one (its boundaries are not in the data yet). */
export const MAP_PERIODS = ['2022-I', '2022-II', '2023-I'] as const;

export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** Whether the municipal geometry of the period's year is in the app's data (only 1 January 2022 is). */
export function hasMunicipalGeometry(period: string, geometryYears: readonly number[]): boolean {
  return geometryYears.includes(periodYear(period));
}

/**
 * The population a half-year's figures are held against: 1 January of the year before the half-year's year, the
 * reference date of its taakstelling (Huisvestingswet 2014 art. 29 lid 1 sub c; data/SOURCES.md).
 */
export function populationDateFor(period: string): string {
  return `${periodYear(period) - 1}-01-01`;
}

/** Backlog per 1,000 inhabitants to two decimals; negative is an advance; null without a population figure. */
export function perThousand(backlog: number, inhabitants: number | null | undefined): number | null {
  if (!inhabitants || inhabitants <= 0) return null;
  return Math.round((backlog / inhabitants) * 100_000) / 100;
}

/** Backlog classes, per 1,000 inhabitants: none or an advance, up to 0.25, 0.25–0.5, 0.5–1, 1 and more. */
export const BACKLOG_BREAKS = [0.25, 0.5, 1] as const;
export type BacklogClass = 'geen' | 'laag' | 'midden' | 'hoog' | 'zeer-hoog';
export const BACKLOG_CLASSES: readonly BacklogClass[] = ['geen', 'laag', 'midden', 'hoog', 'zeer-hoog'];

export function backlogClass(per1000: number): BacklogClass {
  if (per1000 <= 0) return 'geen';
  return (['laag', 'midden', 'hoog', 'zeer-hoog'] as const)[classIndex(per1000, BACKLOG_BREAKS)]!;
}

/**
 * Reception places against the province's share of the capacity decision, from the server's exact tenths of a
 * percent: the share met (100 % and more), 75–100 %, 50–75 %, under 50 %.
 */
export const SHARE_BREAKS_TENTHS = [500, 750, 1000] as const;
export type ShareClass = 'gehaald' | 'bijna' | 'achter' | 'ver-achter';
export const SHARE_CLASSES: readonly ShareClass[] = ['gehaald', 'bijna', 'achter', 'ver-achter'];

export function shareClass(percentageTenths: number): ShareClass {
  return (['ver-achter', 'achter', 'bijna', 'gehaald'] as const)[classIndex(percentageTenths, SHARE_BREAKS_TENTHS)]!;
}

/** `?maat=` and `?periode=` read back, with what the reader may see: an unknown or forbidden measure falls back. */
export function chosenMeasure(requested: string | null, allowed: readonly MeasureKey[]): MeasureKey {
  return allowed.find((m) => m === requested) ?? allowed[0] ?? 'realisatie';
}

export function chosenPeriod(requested: string | null): string {
  return (MAP_PERIODS as readonly string[]).includes(requested ?? '') ? requested! : MAP_PERIODS[0];
}
