/**
 * What the reception upload checkers share beyond the generic table reading of `lib/upload.ts`: locations and the
 * days they are open, and whole numbers of persons with a message that says what is wrong.
 * Internal to this folder; the checkers themselves are the public API.
 */
import { parseCsvWith as parseCsvWithLib, type LineError, type Row } from '../../lib/upload.ts';
import { parseCount, parseDutchOrIsoDate } from '../../lib/dutch.ts';
import { isOpenOn, type OpenPeriod } from './locations.ts';

/** A location an upload may name, with the periods it is open (from `openPeriods` of its capacity events). */
export interface KnownLocation {
  code: string;
  name?: string;
  open: readonly OpenPeriod[];
}

/** A CSV text checked by `check`; a CSV syntax error is reported as the file's one error. */
export function parseCsvWith<T>(text: string, check: (rows: Row[]) => { lines: T[]; errors: LineError[] }): { lines: T[]; errors: LineError[] } {
  return parseCsvWithLib(text, check, (error) => ({ lines: [], errors: [error] }));
}

/**
 * A whole number ≥ 0 as people type it (Dutch grouping allowed: '2.193'), or a Dutch message naming the field.
 * `readCount('-5', 'bezetting')` → `{ value: null, message: "bezetting '-5' is negatief; …" }`
 */
export function readCount(raw: string, field: string): { value: number; message: null } | { value: null; message: string } {
  if (raw === '') return { value: null, message: `${field} ontbreekt.` };
  const value = parseCount(raw);
  if (value !== null) return { value, message: null };
  if (/^-\s*\d/.test(raw)) return { value: null, message: `${field} '${raw}' is negatief; een aantal personen is 0 of meer.` };
  if (/^\d[\d.]*[,.]\d+$/.test(raw)) return { value: null, message: `${field} '${raw}' is geen geheel aantal personen.` };
  return { value: null, message: `${field} '${raw}' is geen getal.` };
}

/** A date check shared by the checkers: a real date, not after `notAfter`, on a day the location is open. */
export function checkLineDate(
  raw: string,
  location: KnownLocation | undefined,
  notAfter: string | undefined,
  cache: Map<string, string | null>,
): { date: string | null; message: string | null } {
  let date = cache.get(raw);
  if (date === undefined) cache.set(raw, (date = parseDutchOrIsoDate(raw)));
  if (date === null) return { date: null, message: raw === '' ? 'datum ontbreekt.' : `'${raw}' is geen datum (JJJJ-MM-DD of D-M-JJJJ).` };
  if (notAfter !== undefined && date > notAfter) return { date, message: `${date} ligt na ${notAfter}; van die dag kan nog geen bezetting bekend zijn.` };
  if (location && !isOpenOn(location.open, date)) {
    const name = location.name ? ` (${location.name})` : '';
    const periods = location.open.length === 0 ? 'nooit open geweest' : `open ${location.open.map((p) => `${p.from} t/m ${p.to ?? 'heden'}`).join(', ')}`;
    return { date, message: `${location.code}${name} was op ${date} niet open (${periods}).` };
  }
  return { date, message: null };
}
