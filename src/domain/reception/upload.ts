/**
 * What the reception upload checkers share: finding columns by their Dutch names (and a few aliases people use),
 * collecting errors per line up to a cap, and reading whole numbers with a message that says what is wrong.
 * Internal to this folder; the checkers themselves are the public API.
 */
import { CsvSyntaxError, detectDelimiter, parseCsv } from '../../lib/csv.ts';
import { parseCount, parseDutchOrIsoDate } from '../../lib/dutch.ts';
import { isOpenOn, type OpenPeriod } from './locations.ts';

export interface LineError {
  /** 1-based line in the file; 0 for the file as a whole. */
  line: number;
  field: string | null;
  message: string;
}

/** A location an upload may name, with the periods it is open (from `openPeriods` of its capacity events). */
export interface KnownLocation {
  code: string;
  name?: string;
  open: readonly OpenPeriod[];
}

export interface Row {
  line: number;
  fields: string[];
}

export const MAX_ERRORS = 200;

/** Collects errors; after `MAX_ERRORS` one line says the rest is not shown, so a broken file cannot flood the page. */
export function errorCollector(): { errors: LineError[]; add: (e: LineError) => void } {
  const errors: LineError[] = [];
  const add = (e: LineError) => {
    if (errors.length < MAX_ERRORS) errors.push(e);
    else if (errors.length === MAX_ERRORS) errors.push({ line: 0, field: null, message: `Meer dan ${MAX_ERRORS} fouten; de rest is niet getoond.` });
  };
  return { errors, add };
}

/** 'Locatie code', 'locatie_code' and 'LOCATIECODE' are one name. */
const normalise = (h: string) => h.trim().toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Finds each wanted column by its name or an alias (case, spaces, '_' and '-' ignored). Returns the indexes, or an
 * error for a missing required column or a column named twice (which one would count?).
 */
export function findColumns<K extends string>(
  header: Row,
  wanted: Readonly<Record<K, { names: readonly string[]; required: boolean }>>,
  expected: string,
): { columns: Record<K, number>; error: null } | { columns: null; error: LineError } {
  const cols = header.fields.map(normalise);
  const columns = {} as Record<K, number>;
  const absent: string[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const spec = wanted[key];
    const names = spec.names.map(normalise);
    const hits = cols.flatMap((c, i) => (names.includes(c) ? [i] : []));
    if (hits.length > 1) {
      const seen = hits.map((i) => `'${header.fields[i]!.trim()}'`).join(' en ');
      return { columns: null, error: { line: header.line, field: key, message: `Kolom ${key} staat er meer dan eens in (${seen}); laat er één staan.` } };
    }
    columns[key] = hits[0] ?? -1;
    if (hits.length === 0 && spec.required) absent.push(key);
  }
  if (absent.length > 0) {
    return {
      columns: null,
      error: { line: header.line, field: absent[0]!, message: `Kolom ${absent.map((a) => `'${a}'`).join(', ')} ontbreekt; verwacht ${expected}.` },
    };
  }
  return { columns, error: null };
}

/**
 * The header and the data rows of a file: the columns found by `findColumns`, the rows that are not blank, or the one
 * error that refuses the whole file (empty file, missing column, no data).
 */
export function readTable<K extends string>(
  rows: readonly Row[],
  wanted: Readonly<Record<K, { names: readonly string[]; required: boolean }>>,
  expected: string,
): { columns: Record<K, number>; body: Row[]; error: null } | { columns: null; body: null; error: LineError } {
  const [header, ...data] = rows;
  if (!header) return { columns: null, body: null, error: { line: 0, field: null, message: 'Het bestand is leeg.' } };
  const found = findColumns(header, wanted, expected);
  if (found.error) return { columns: null, body: null, error: found.error };
  const body = data.filter((r) => !r.fields.every((f) => f.trim() === ''));
  if (body.length === 0) return { columns: null, body: null, error: { line: 0, field: null, message: 'Het bestand heeft geen gegevensregels.' } };
  return { columns: found.columns, body, error: null };
}

/** A CSV text checked by `check`; a CSV syntax error is reported as the file's one error. */
export function parseCsvWith<T>(text: string, check: (rows: Row[]) => { lines: T[]; errors: LineError[] }): { lines: T[]; errors: LineError[] } {
  let rows: Row[];
  try {
    rows = parseCsv(text, detectDelimiter(text));
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { lines: [], errors: [{ line: e.line, field: null, message: e.message }] };
    throw e;
  }
  return check(rows);
}

export const cell = (r: Row, i: number): string => (i >= 0 ? (r.fields[i] ?? '').trim() : '');

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
