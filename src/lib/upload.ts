/**
 * What every line-by-line upload checker shares: finding columns by their Dutch names (and the aliases people use),
 * reading the header and the data rows, collecting errors per line up to a cap, and the CSV wrapper that turns a
 * syntax error into the file's one error. The checkers themselves live with their domain (reception, pipeline).
 */
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv.ts';

export interface LineError {
  /** 1-based line in the file; 0 for the file as a whole. */
  line: number;
  field: string | null;
  message: string;
}

/** One record of a file as text cells, with the line number a person sees in Excel or an editor. */
export interface Row {
  line: number;
  fields: string[];
}

/** What a checker wants of one column: its Dutch name first, then aliases; whether the file must have it. */
export interface ColumnSpec {
  names: readonly string[];
  required: boolean;
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

/** 'Locatie code', 'locatie_code' and 'LOCATIECODE' are one name. `normaliseHeader(' Type_Woning ')` → 'typewoning' */
export function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Finds each wanted column by its name or an alias (case, spaces, '_' and '-' ignored). Returns the indexes (-1 for
 * an optional column that is absent), or an error for a missing required column or a column named twice (which one
 * would count?). `findColumns({ line: 1, fields: ['Datum'] }, { datum: { names: ['datum'], required: true } }, 'datum')`
 */
export function findColumns<K extends string>(
  header: Row,
  wanted: Readonly<Record<K, ColumnSpec>>,
  expected: string,
): { columns: Record<K, number>; error: null } | { columns: null; error: LineError } {
  const cols = header.fields.map(normaliseHeader);
  const columns = {} as Record<K, number>;
  const absent: string[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const spec = wanted[key];
    const names = spec.names.map(normaliseHeader);
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
  wanted: Readonly<Record<K, ColumnSpec>>,
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

/** A CSV text (BOM, ',' or ';' handled) checked by `check`; a CSV syntax error is reported as the file's one error. */
export function parseCsvWith<T>(text: string, check: (rows: Row[]) => T, onSyntaxError: (error: LineError) => T): T {
  let rows: Row[];
  try {
    rows = parseCsv(text, detectDelimiter(text));
  } catch (e) {
    if (e instanceof CsvSyntaxError) return onSyntaxError({ line: e.line, field: null, message: e.message });
    throw e;
  }
  return check(rows);
}

/** The trimmed text of a cell; '' for an absent column (-1) or a short row. */
export const cell = (r: Row, i: number): string => (i >= 0 ? (r.fields[i] ?? '').trim() : '');
