/** Dutch formatting used by the CLI and the API's human-readable texts (the web app uses Intl too). */
const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `formatInteger(13500)` → '13.500' */
export function formatInteger(n: number): string {
  return integer.format(n);
}

/** `formatDate('2022-07-08')` → '8 juli 2022' */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

/** Accepts 2022-01-01 and 1-1-2022 / 01-01-2022; returns ISO or null when it is not a real date. */
export function parseDutchOrIsoDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(t);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A whole non-negative number as people type it: '11642', '11.642' (Dutch grouping) or '11 642'. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t) || /^\d{1,3}([. ]\d{3})+$/.test(t)) {
    const n = Number(t.replace(/[. ]/g, ''));
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}
