import { CsvSyntaxError, detectDelimiter, parseCsv } from '../../lib/csv.ts';
import { parseCount, parseDutchOrIsoDate } from '../../lib/dutch.ts';
import { existsOn, type MunicipalityPeriod } from '../regions/regions.ts';

/**
 * COA's monthly realisation list (and a municipality's own list), checked line by line before
 * anything is stored. Columns (header, any order, extra columns ignored):
 * `gemeentecode,datum,personen[,huishoudgrootte][,coa_nummer]`.
 */
export interface RealisationLine {
  line: number;
  municipalityCode: string;
  housedOn: string;
  persons: number;
  householdSize: number | null;
  coaNumber: string | null;
  /** Identity across uploads (source + content): the same line in a later file is not imported twice. */
  key: string;
}

export interface LineError {
  line: number;
  field: string | null;
  message: string;
}

export interface ParsedRealisations {
  lines: RealisationLine[];
  errors: LineError[];
}

const MAX_ERRORS = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface RealisationRowsInput {
  /** Rows as text cells with the file's line numbers; the header is the first row. */
  rows: { line: number; fields: string[] }[];
  source: 'coa' | 'gemeente';
  /** First and last day (inclusive) the dates must fall in, e.g. the half-year. */
  from: string;
  to: string;
  municipalities: readonly MunicipalityPeriod[];
}

export function parseRealisationCsv(text: string, opts: Omit<RealisationRowsInput, 'rows'>): ParsedRealisations {
  try {
    return checkRealisationRows({ ...opts, rows: parseCsv(text, detectDelimiter(text)) });
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { lines: [], errors: [{ line: e.line, field: null, message: e.message }] };
    throw e;
  }
}

/** `checkRealisationRows({ rows, source: 'coa', from: '2022-07-01', to: '2022-12-31', municipalities })` */
export function checkRealisationRows(input: RealisationRowsInput): ParsedRealisations {
  const errors: LineError[] = [];
  const add = (e: LineError) => {
    if (errors.length < MAX_ERRORS) errors.push(e);
    else if (errors.length === MAX_ERRORS) errors.push({ line: 0, field: null, message: `Meer dan ${MAX_ERRORS} fouten; de rest is niet getoond.` });
  };
  const [header, ...data] = input.rows;
  if (!header) return { lines: [], errors: [{ line: 0, field: null, message: 'Het bestand is leeg.' }] };
  const cols = header.fields.map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => cols.findIndex((c) => names.includes(c));
  const iCode = col('gemeentecode');
  const iDate = col('datum', 'datum huisvesting');
  const iPersons = col('personen', 'aantal personen', 'aantal');
  const iHousehold = col('huishoudgrootte');
  const iCoa = col('coa_nummer', 'coa-nummer', 'coanummer');
  const absent = [['gemeentecode', iCode], ['datum', iDate], ['personen', iPersons]].filter(([, i]) => i === -1).map(([n]) => n);
  if (absent.length > 0) {
    return {
      lines: [],
      errors: [{ line: header.line, field: String(absent[0]), message: `Kolom ${absent.map((a) => `'${a}'`).join(', ')} ontbreekt; verwacht gemeentecode,datum,personen[,huishoudgrootte][,coa_nummer].` }],
    };
  }
  if (data.length === 0) return { lines: [], errors: [{ line: 0, field: null, message: 'Het bestand heeft geen gegevensregels.' }] };
  const byCode = new Map(input.municipalities.map((m) => [m.code, m]));
  const seen = new Map<string, number>();
  const dateCache = new Map<string, string | null>();
  const lines: RealisationLine[] = [];
  const cell = (r: { fields: string[] }, i: number) => (i >= 0 ? (r.fields[i] ?? '').trim() : '');
  for (const r of data) {
    if (r.fields.every((f) => f.trim() === '')) continue;
    let ok = true;
    const code = cell(r, iCode).toUpperCase();
    const m = byCode.get(code);
    if (!/^GM\d{4}$/.test(code)) {
      add({ line: r.line, field: 'gemeentecode', message: `'${cell(r, iCode)}' is geen gemeentecode (GM gevolgd door vier cijfers).` });
      ok = false;
    } else if (!m) {
      add({ line: r.line, field: 'gemeentecode', message: `onbekende gemeentecode ${code}.` });
      ok = false;
    }
    const rawDate = cell(r, iDate);
    let date = dateCache.get(rawDate);
    if (date === undefined) dateCache.set(rawDate, (date = parseDutchOrIsoDate(rawDate)));
    if (date === null) {
      add({ line: r.line, field: 'datum', message: `'${rawDate}' is geen datum (JJJJ-MM-DD of D-M-JJJJ).` });
      ok = false;
    } else if (date < input.from || date > input.to) {
      add({ line: r.line, field: 'datum', message: `${date} valt buiten de periode ${input.from} t/m ${input.to}.` });
      ok = false;
    } else if (m && !existsOn(m, date)) {
      add({ line: r.line, field: 'gemeentecode', message: `${code} (${m.name}) bestond niet op ${date}.` });
      ok = false;
    }
    const persons = parseCount(cell(r, iPersons));
    if (persons === null || persons === 0) {
      add({ line: r.line, field: 'personen', message: `'${cell(r, iPersons)}' is geen aantal personen van 1 of meer.` });
      ok = false;
    }
    const rawHousehold = cell(r, iHousehold);
    const householdSize = rawHousehold === '' ? null : parseCount(rawHousehold);
    if (rawHousehold !== '' && (householdSize === null || householdSize === 0)) {
      add({ line: r.line, field: 'huishoudgrootte', message: `'${rawHousehold}' is geen huishoudgrootte van 1 of meer.` });
      ok = false;
    }
    const coaNumber = cell(r, iCoa) || null;
    // A control character (NUL above all, which PostgreSQL cannot store) is never part of a COA number.
    if (coaNumber !== null && CONTROL.test(coaNumber)) {
      add({ line: r.line, field: 'coa_nummer', message: `het COA-nummer bevat een onzichtbaar stuurteken; typ het opnieuw.` });
      ok = false;
    }
    if (!ok) continue;
    const identity = `${input.source}|${code}|${date}|${persons}|${householdSize ?? ''}|${coaNumber ?? ''}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      add({ line: r.line, field: null, message: `dezelfde regel staat ook op regel ${earlier}.` });
      continue;
    }
    seen.set(identity, r.line);
    lines.push({
      line: r.line,
      municipalityCode: code,
      housedOn: date!,
      persons: persons!,
      householdSize,
      coaNumber,
      key: identity,
    });
  }
  return errors.length > 0 ? { lines: [], errors } : { lines, errors };
}
