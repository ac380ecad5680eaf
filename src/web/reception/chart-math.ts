/**
 * The arithmetic behind the SVG charts of the reception and projection pages, pure so it is tested without a browser.
 */

/**
 * A round upper bound for an axis from 0 and its ticks, about five steps of 1, 2, 2.5 or 5 times a power of ten.
 * `niceScale(2193)` → `{ max: 2500, ticks: [0, 500, 1000, 1500, 2000, 2500] }`; `niceScale(0)` → max 1.
 */
export function niceScale(maxValue: number, steps = 5): { max: number; ticks: number[] } {
  if (!(maxValue > 0) || !Number.isFinite(maxValue)) return { max: 1, ticks: [0, 1] };
  const raw = maxValue / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const max = Math.ceil(maxValue / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step / 1e6; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return { max, ticks };
}

/** The unbroken runs of a series with gaps: `segments([1, null, 2, 3])` → `[[[0, 1]], [[2, 2], [3, 3]]]`. */
export function segments(values: readonly (number | null | undefined)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let run: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (run.length > 0) out.push(run);
      run = [];
    } else run.push([i, v]);
  });
  if (run.length > 0) out.push(run);
  return out;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Every calendar day from `from` to `to`, both included: `dayRange('2022-06-30', '2022-07-01')` → both dates. */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from), end = dayNumber(to); d <= end; d++) out.push(isoOf(d));
  return out;
}

/** `addDays('2022-07-08', -97)` → '2022-04-02'. */
export function addDays(iso: string, days: number): string {
  return isoOf(dayNumber(iso) + days);
}

/** The Monday of the week of a date: `mondayOf('2022-07-08')` → '2022-07-04'. */
export function mondayOf(iso: string): string {
  const d = dayNumber(iso);
  // 1970-01-01 was a Thursday: Mondays are the days ≡ 4 (mod 7).
  return isoOf(d - ((((d - 4) % 7) + 7) % 7));
}

/** The indexes whose date starts a month (the first index always counts), for the labels of a time axis. */
export function monthStarts(dates: readonly string[], everyMonths = 1): number[] {
  const out: number[] = [];
  let last: string | null = null;
  dates.forEach((d, i) => {
    const month = d.slice(0, 7);
    if (month === last) return;
    last = month;
    const n = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
    if (i === 0 || n % everyMonths === 0) out.push(i);
  });
  // A first label right before the next one would overlap it.
  if (out.length > 1 && out[1]! - out[0]! < Math.max(3, dates.length / 24)) out.shift();
  return out;
}

/**
 * An amount in euro cents, exactly (no floating-point rounding of the cents): `euro(37_500_000, 'nl-NL')` →
 * '€ 375.000,00'. The euros are formatted by Intl (thousands separator, symbol), the cents put in as digits.
 */
export function euro(cents: number, locale: string): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).formatToParts(
    negative ? -euros : euros,
  );
  return parts.map((p) => (p.type === 'fraction' ? rest : p.value)).join('').replace(/\u00a0/g, ' ');
}

/** A share of a whole as a percentage to one decimal: 13914 of 14250 → 97.6; null when the whole is 0. */
export function ratePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
