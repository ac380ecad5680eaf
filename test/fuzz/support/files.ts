/**
 * Generators and checks shared by the upload fuzz tests: CSV dialects and rendering (with the line each record
 * starts on), hostile cells and whole hostile texts, wrong encodings, and the one invariant every checker must keep
 * on any input: a valid result, or errors that each name a line (≥ 0) and, where relevant, a field, in Dutch.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { addDays, dayNumber } from '../../../src/domain/reception/dates.ts';
import { openPeriods, type CapacityEvent } from '../../../src/domain/reception/locations.ts';
import type { KnownLocation } from '../../../src/domain/reception/upload.ts';
import type { MunicipalityPeriod } from '../../../src/domain/regions/regions.ts';

export { addDays, dayNumber };

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: municipalities with a history (mergers on 2021-01-01 and 2022-01-01) and locations that open and close.

export const MUNICIPALITIES: MunicipalityPeriod[] = [
  { code: 'GM0003', name: 'Appingedam', provinceCode: 'PV20', validFrom: null, validTo: '2021-01-01' },
  { code: 'GM0014', name: 'Groningen', provinceCode: 'PV20', validFrom: null, validTo: null },
  { code: 'GM1979', name: 'Eemsdelta', provinceCode: 'PV20', validFrom: '2021-01-01', validTo: null },
  { code: 'GM0363', name: 'Amsterdam', provinceCode: 'PV27', validFrom: null, validTo: null },
  { code: 'GM0518', name: "'s-Gravenhage", provinceCode: 'PV28', validFrom: null, validTo: null },
  { code: 'GM0756', name: 'Boxmeer', provinceCode: 'PV30', validFrom: null, validTo: '2022-01-01' },
  { code: 'GM1982', name: 'Land van Cuijk', provinceCode: 'PV30', validFrom: '2022-01-01', validTo: null },
  { code: 'GM0080', name: 'Leeuwarden', provinceCode: 'PV21', validFrom: null, validTo: null },
];

const ev = (date: string, kind: CapacityEvent['kind'], places: number): CapacityEvent => ({ date, kind, places });
export const LOCATIONS: KnownLocation[] = [
  { code: 'TERAPEL', name: 'Ter Apel', open: openPeriods([ev('2000-01-01', 'opening', 2000)]) },
  { code: 'NIJMEGEN-HEUMEN', name: 'Noodopvang Heumensoord', open: openPeriods([ev('2022-04-11', 'opening', 250), ev('2022-07-01', 'sluiting', 250)]) },
  { code: 'BUDEL', name: 'Budel-Cranendonck', open: openPeriods([ev('2010-01-01', 'opening', 800), ev('2021-06-01', 'sluiting', 800), ev('2021-09-01', 'opening', 600)]) },
  { code: 'AZC-1', name: 'Azc één', open: openPeriods([ev('2021-03-15', 'opening', 100)]) },
];
/** The same municipalities as the pipeline checker knows them (code → province and name), with two ambiguous names. */
export const PIPELINE_MUNICIPALITIES = new Map([
  ...MUNICIPALITIES.map((m) => [m.code, { name: m.name, provinceCode: m.provinceCode }] as const),
  ['GM0373', { name: 'Bergen (NH.)', provinceCode: 'PV27' }] as const,
  ['GM0893', { name: 'Bergen (L.)', provinceCode: 'PV31' }] as const,
]);
export const PIPELINE_TRACKS = ['FLEX-NL', 'SOCIAAL'];
export const PIPELINE_TODAY = '2023-01-10';

/** The last day a reception figure may be about in the domain tests. */
export const NOT_AFTER = '2022-12-31';

// ---------------------------------------------------------------------------------------------------------------
// Dates and numbers as people type them.

/** Every day in [from, to] (inclusive) on which `ok` holds. */
export function daysWhere(from: string, to: string, ok: (date: string) => boolean): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    const d = addDays('1970-01-01', n);
    if (ok(d)) out.push(d);
  }
  return out;
}

export const existsOnDate = (m: MunicipalityPeriod, date: string) => (m.validFrom === null || m.validFrom <= date) && (m.validTo === null || date < m.validTo);

/** An ISO date as a person may write it: ISO, D-M-JJJJ or DD-MM-JJJJ, maybe with spaces around. */
export function dateText(iso: string): fc.Arbitrary<string> {
  const [y, m, d] = iso.split('-');
  return fc.constantFrom(iso, `${Number(d)}-${Number(m)}-${y}`, `${d}-${m}-${y}`, ` ${iso} `);
}

/** A whole number as a person may write it: 1234, 1.234 (Dutch grouping), 1 234, maybe with spaces around. */
export function countText(n: number): fc.Arbitrary<string> {
  const plain = String(n);
  const group = (sep: string) => plain.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return n >= 1000 ? fc.constantFrom(plain, group('.'), group(' '), ` ${plain}`) : fc.constantFrom(plain, ` ${plain} `);
}

/** Excel's day number of an ISO date (1900 system), e.g. 44743 for 2022-07-01. */
export const excelSerial = (iso: string) => dayNumber(iso) + 25569;

// ---------------------------------------------------------------------------------------------------------------
// CSV dialects and rendering.

export interface Dialect {
  delimiter: ',' | ';';
  newline: '\n' | '\r\n';
  bom: boolean;
  quoteAll: boolean;
}

export const dialect: fc.Arbitrary<Dialect> = fc.record({
  delimiter: fc.constantFrom(',' as const, ';' as const),
  newline: fc.constantFrom('\n' as const, '\r\n' as const),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
});

/** Renders rows as CSV and returns the physical line each row starts on (embedded newlines count). */
export function renderCsv(rows: readonly (readonly string[] | 'blank')[], d: Dialect): { text: string; lines: number[] } {
  const quote = (s: string) =>
    d.quoteAll || s.includes('"') || s.includes(d.delimiter) || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  let text = d.bom ? '\uFEFF' : '';
  let line = 1;
  const lines: number[] = [];
  for (const r of rows) {
    const out = r === 'blank' ? '' : r.map(quote).join(d.delimiter);
    if (r !== 'blank') lines.push(line);
    text += out + d.newline;
    line += 1 + (out.match(/\n/g)?.length ?? 0);
  }
  return { text, lines };
}

/** Interleaves blank lines (which every checker skips) at random places among data rows. */
export function withBlankLines<T>(rows: readonly T[], blanks: readonly number[]): (T | 'blank')[] {
  const out: (T | 'blank')[] = [...rows];
  for (const b of blanks) out.splice(1 + (b % out.length), 0, 'blank');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile input.

/** Cells people and programs really put in files, good and bad. */
export const hostileCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('GM0363', 'gm0014', 'GM9999', 'GM14', 'TERAPEL', 'terapel', 'BUDEL', 'PV27', 'onbekend', '') },
  { weight: 3, arbitrary: fc.constantFrom('2022-07-08', '8-7-2022', '2022-13-01', '29-2-2021', '31-06-2022', '44743', '44743.5', '1900-01-00', '0000-01-01', '9999-12-31', 'morgen') },
  { weight: 3, arbitrary: fc.constantFrom('1', '0', '-5', '- 5', '1.234', '1,5', '1.2345', '12 345', '1e3', '0x10', 'NaN', 'Infinity', '99999999999999999999', '٣', '１２') },
  { weight: 2, arbitrary: fc.constantFrom('FLEX-NL', 'flex-nl', 'Den Haag', 'Bergen', 'in aanbouw', 'InAanbouw', 'opgeleverd', '€ 185.000,-', '185000,505', '33,3 %', '101%', '1e2', '999999', '2958466', '44927,0') },
  { weight: 2, arbitrary: fc.constantFrom('=SUM(A1:A3)', '=1+1', '+31612345678', '@SUM(1)', "'0123", '=HYPERLINK("http://x","y")', '#N/A', '#DIV/0!') },
  { weight: 2, arbitrary: fc.constantFrom('a "quoted" word', '"', '""', '"open', 'x"y', 'line\nbreak', 'cr\rcr', 'tab\there', ';', ',', '\u0000', '\uFEFF', '\uFFFD', '\ud800', 'Súdwest-Fryslân', 'ĳ') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 20_000 }).map((n) => 'x'.repeat(n)) },
);

export const HEADER_WORDS = [
  'gemeentecode', 'gemeentenaam', 'provinciecode', 'inwoners', 'peildatum', 'status', 'bron', 'RegioS', 'Perioden', 'Bevolking op 1 januari',
  'datum', 'datum huisvesting', 'personen', 'aantal personen', 'aantal', 'huishoudgrootte', 'coa_nummer', 'coa-nummer',
  'locatiecode', 'Locatie code', 'locatie', 'code', 'dag', 'bezetting', 'bewoners', 'statushouders', 'vergunninghouders', 'gekoppelde gemeente', 'opmerking',
  'spoor', 'projectcode', 'gemeente', 'partij', 'type woning', 'aantal woningen', 'voor statushouders', 'aandeel statushouders', 'verwachte oplevering', 'kosten per woning',
];

/** A header: known column names (any case, with spaces around, maybe twice), unknown names and junk. */
export const hostileHeader: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HEADER_WORDS) },
    { weight: 1, arbitrary: fc.constantFrom(...HEADER_WORDS).map((h) => ` ${h.toUpperCase()} `) },
    { weight: 1, arbitrary: hostileCell },
  ),
  { minLength: 0, maxLength: 8 },
);

/** A whole text that looks like a file of some kind, assembled from hostile pieces and then damaged. */
export const hostileCsvText: fc.Arbitrary<string> = fc
  .tuple(
    hostileHeader,
    fc.array(fc.array(hostileCell, { maxLength: 8 }), { maxLength: 12 }),
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('"', '\n', ',', ';', '\r\n', '""', '\uFEFF', '\u0000', '"\n"')), { maxLength: 3 }),
  )
  .map(([header, rows, delimiter, newline, bom, damage]) => {
    let text = (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.join(delimiter)).join(newline) + newline;
    for (const [at, piece] of damage) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + piece + text.slice(i);
    }
    return text;
  });

/** Bytes decoded the wrong way: latin1 bytes read as UTF-8, UTF-16 (with BOM) read as UTF-8, random bytes. */
export function misdecoded(text: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    Buffer.from(text, 'latin1').toString('utf8'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]).toString('utf8'),
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]).toString('utf8'),
    Buffer.from(text, 'utf8').toString('latin1'),
  );
}

export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8')),
  hostileCsvText,
);

/** 10 MB of mixed garbage: random bytes read as UTF-8 with newlines, quotes and delimiters, plus some long lines. */
export function tenMegabytesOfGarbage(seed = 42): string {
  let x = seed >>> 0;
  const next = () => ((x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0), x);
  const bytes = Buffer.alloc(10 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) {
    const r = next() % 100;
    bytes[i] = r < 3 ? 10 : r < 6 ? 44 : r < 8 ? 59 : next() & 0xff;
  }
  // Keep quotes out of the bulk (one unbalanced quote would end the reading at once) but put a few in the middle.
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 34) bytes[i] = 39;
  bytes.write('gemeentecode,datum,personen,locatiecode,bezetting,inwoners,peildatum\n', 0, 'latin1');
  bytes.write('"ok","in quotes\nover two lines",1\n', 5 * 1024 * 1024, 'latin1');
  return bytes.toString('utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// The invariant.

export interface LineErrorLike {
  line: number;
  field: string | null;
  message: string;
}

// Words of the checkers' Dutch messages; an English or internal message (a stack, 'undefined', '[object Object]') has none.
const DUTCH = /\b(geen|ontbreekt|onbekende?|regel|bestand|kolom|bestond|valt|ligt|wijkt|aanhalingsteken|meer dan|fouten|negatief|niet|geef|mengt|noemt|spreekt|tellen|meldt|staat|dezelfde|statushouders|leeg|bevat)\b/i;
const LEAKS = ['undefined', 'NaN', '[object', 'Invalid', 'TypeError', 'RangeError', 'Cannot read', 'is not a function', ' at '];

/**
 * The checker's answer on any input: either no errors, or errors that each have an integer line in [0, lastLine],
 * a field that is null or one of `fields` (when given), and a Dutch message without internals. Nothing is half
 * accepted: with errors there are no lines.
 */
export function expectWellFormed(
  input: string,
  result: { errors: readonly LineErrorLike[]; lines?: readonly unknown[]; rows?: readonly unknown[] },
  opts: { lastLine: number; fields?: readonly (string | null)[] },
) {
  const accepted = result.lines ?? result.rows ?? [];
  if (result.errors.length > 0) expect(accepted, 'errors and accepted lines at once').toEqual([]);
  expect(result.errors.length).toBeLessThanOrEqual(201);
  for (const e of result.errors) {
    const where = `error ${JSON.stringify(e).slice(0, 300)}`;
    expect(Number.isInteger(e.line), where).toBe(true);
    expect(e.line, where).toBeGreaterThanOrEqual(0);
    expect(e.line, where).toBeLessThanOrEqual(opts.lastLine);
    expect(e.field === null || typeof e.field === 'string', where).toBe(true);
    if (opts.fields && e.field !== null) expect(opts.fields, where).toContain(e.field);
    expect(typeof e.message, where).toBe('string');
    expect(e.message.length, where).toBeGreaterThan(0);
    expect(e.message, where).toMatch(DUTCH);
    for (const leak of LEAKS) if (!input.includes(leak)) expect(e.message, where).not.toContain(leak);
  }
}

/** The last physical line of a text as the CSV reader counts them (LF ends a line). */
export const lastLineOf = (text: string) => text.split('\n').length;

/** Runs `fn`; a throw is allowed only when it is an instance of one of `allowed` (the domain's own errors). */
export function expectNoForeignThrow<T>(fn: () => T, allowed: readonly (abstract new (...args: never[]) => Error)[] = []): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (allowed.some((c) => e instanceof c)) return undefined;
    throw new Error(`threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}\n${e.stack}` : String(e)}`);
  }
}
