/** Small pure helpers of the dashboard pages, tested in logic.test.ts. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The reading date from the address (`?peildatum=2022-07-08`), or '' for "today" (the server's default). */
export function asOfFromSearch(params: URLSearchParams): string {
  const v = params.get('peildatum') ?? '';
  return ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : '';
}

/** The API path of a dashboard: national when `province` is null. */
export function dashboardPath(province: string | null, asOf: string): string {
  const base = province ? `/api/v1/dashboard/provinces/${encodeURIComponent(province)}` : '/api/v1/dashboard';
  return asOf ? `${base}?asOf=${encodeURIComponent(asOf)}` : base;
}

/** A web path with the reading date kept: `withAsOf('/dashboard/PV27', '2022-07-08')` → '/dashboard/PV27?peildatum=2022-07-08'. */
export function withAsOf(path: string, asOf: string): string {
  return asOf ? `${path}?peildatum=${encodeURIComponent(asOf)}` : path;
}

/**
 * The end of a bar chart's scale: the maximum rounded up to 1, 2 or 5 times a power of ten, so the longest bar ends
 * near but not past the edge. `scaleMax(2193)` → 5000; `scaleMax(1800)` → 2000; `scaleMax(0)` → 0
 */
export function scaleMax(max: number): number {
  if (!(max > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** A share in tenths of a percent, rounded half up in integers: 1 of 3 → 333 (33,3 %); null when the whole is 0. */
export function shareTenths(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.floor((2000 * part + whole) / (2 * whole));
}
