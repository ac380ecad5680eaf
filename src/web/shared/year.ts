/** The year lives in the address (`?jaar=2021`) so a view can be bookmarked and shared. */
export const YEAR_PARAM = 'jaar';

/** The requested year if the server offers it, else its default year. */
export function chooseYear(requested: string | null, years: readonly number[], defaultYear: number): number {
  const n = requested === null ? NaN : Number(requested);
  return Number.isInteger(n) && years.includes(n) ? n : defaultYear;
}

/** Links carry the year only when it is not the default, so the usual address stays short: /regios/PV27. */
export function withYear(path: string, year: number, defaultYear: number): string {
  return year === defaultYear ? path : `${path}?${YEAR_PARAM}=${year}`;
}
