/**
 * COA's daily occupancy list (a CSV, or an XLSX the adapter has turned into rows), checked line by line before
 * anything is stored. Like every upload it is all or nothing: one bad line and the whole file is refused, with every
 * error named by line and field, so COA corrects the file and sends it again rather than leaving half a day stored.
 *
 * Columns (header, any order, case and spaces ignored, extra columns ignored):
 * `locatiecode,datum,bezetting[,statushouders]`; also accepted: `locatie`/`code` for locatiecode, `peildatum`/`dag`
 * for datum, `aantal`/`bewoners`/`aantal bewoners`/`personen` for bezetting and `vergunninghouders` for statushouders.
 */
import { cell, errorCollector, readTable, type LineError, type Row } from '../../lib/upload.ts';
import { checkLineDate, parseCsvWith, readCount, type KnownLocation } from './upload.ts';

export type { KnownLocation } from './upload.ts';
export type { LineError } from '../../lib/upload.ts';

export interface OccupancyLine {
  line: number;
  locationCode: string;
  date: string;
  occupancy: number;
  /** Permit holders among the occupants; null when the file has no such column or the cell is empty. */
  permitHolders: number | null;
  /**
   * Identity across uploads: location and day. A later upload with the same key is a correction of that day's
   * figure (the adapter replaces it), never a second figure for the same day.
   */
  key: string;
}

export interface ParsedOccupancy {
  lines: OccupancyLine[];
  errors: LineError[];
}

export interface OccupancyRowsInput {
  /** Rows as text cells with the file's line numbers; the header is the first row. */
  rows: readonly Row[];
  /** The locations the file may name, with the periods they are open. */
  locations: readonly KnownLocation[];
  /** The last day a figure may be about (e.g. today); later dates are refused. */
  notAfter?: string;
}

const EXPECTED = 'locatiecode,datum,bezetting[,statushouders]';
const COLUMNS = {
  locatiecode: { names: ['locatiecode', 'locatie', 'code'], required: true },
  datum: { names: ['datum', 'peildatum', 'dag'], required: true },
  bezetting: { names: ['bezetting', 'aantal', 'bewoners', 'aantal bewoners', 'personen', 'aantal personen'], required: true },
  statushouders: { names: ['statushouders', 'vergunninghouders', 'aantal statushouders', 'aantal vergunninghouders'], required: false },
} as const;

/** The key of a location's figure on a day. `occupancyKey('TERAPEL', '2022-07-08')` → 'TERAPEL|2022-07-08' */
export function occupancyKey(locationCode: string, date: string): string {
  return `${locationCode}|${date}`;
}

/** `parseOccupancyCsv('locatiecode,datum,bezetting\nTERAPEL,8-7-2022,2.193\n', { locations })` */
export function parseOccupancyCsv(text: string, opts: Omit<OccupancyRowsInput, 'rows'>): ParsedOccupancy {
  return parseCsvWith(text, (rows) => checkOccupancyRows({ ...opts, rows }));
}

/**
 * Checks every line: a known location code, a real date (ISO or Dutch) on which the location is open and not after
 * `notAfter`, bezetting and statushouders whole numbers ≥ 0, statushouders not more than bezetting, and no location
 * twice on one day. Any error refuses the whole file (`lines` is then empty).
 * `checkOccupancyRows({ rows, locations, notAfter: '2022-07-08' })`
 */
export function checkOccupancyRows(input: OccupancyRowsInput): ParsedOccupancy {
  const { errors, add } = errorCollector();
  const table = readTable(input.rows, COLUMNS, EXPECTED);
  if (table.error) return { lines: [], errors: [table.error] };
  const { columns: c, body } = table;
  const byCode = new Map(input.locations.map((l) => [l.code.toUpperCase(), l]));
  const seen = new Map<string, number>();
  const dateCache = new Map<string, string | null>();
  const lines: OccupancyLine[] = [];
  for (const r of body) {
    let ok = true;
    const fail = (field: string | null, message: string) => {
      add({ line: r.line, field, message });
      ok = false;
    };
    const code = cell(r, c.locatiecode).toUpperCase();
    const location = byCode.get(code);
    if (code === '') fail('locatiecode', 'locatiecode ontbreekt.');
    else if (!location) fail('locatiecode', `onbekende locatiecode ${code}.`);
    const date = checkLineDate(cell(r, c.datum), location, input.notAfter, dateCache);
    if (date.message !== null) fail('datum', date.message);
    const occupancy = readCount(cell(r, c.bezetting), 'bezetting');
    if (occupancy.message !== null) fail('bezetting', occupancy.message);
    const rawPermit = cell(r, c.statushouders);
    const permit = rawPermit === '' ? null : readCount(rawPermit, 'statushouders');
    if (permit?.message) fail('statushouders', permit.message);
    if (permit?.value != null && occupancy.value !== null && permit.value > occupancy.value) {
      fail('statushouders', `statushouders (${permit.value}) is meer dan de bezetting (${occupancy.value}); statushouders zijn een deel van de bewoners.`);
    }
    // A duplicate is reported even when the line has other errors: COA should see all of them in one go.
    if (location && date.date !== null) {
      const key = occupancyKey(code, date.date);
      const earlier = seen.get(key);
      if (earlier !== undefined) fail(null, `${code} op ${date.date} staat ook op regel ${earlier}; één regel per locatie per dag.`);
      else seen.set(key, r.line);
    }
    if (!ok) continue;
    lines.push({
      line: r.line,
      locationCode: code,
      date: date.date!,
      occupancy: occupancy.value!,
      permitHolders: permit?.value ?? null,
      key: occupancyKey(code, date.date!),
    });
  }
  return errors.length > 0 ? { lines: [], errors } : { lines, errors };
}
