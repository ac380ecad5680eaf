/**
 * Bad input for every upload checker, without a database: random and hostile texts, wrong encodings, damaged CSV,
 * and valid files in every dialect that must parse to exactly the rows they were made from. See docs/RELIABILITY.md.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, toCsv } from '../../src/lib/csv.ts';
import { parsePopulationFile } from '../../src/domain/regions/population-file.ts';
import { POPULATION_STATUSES } from '../../src/domain/regions/population.ts';
import { checkRealisationRows, parseRealisationCsv, type RealisationLine } from '../../src/domain/realisation/realisation-file.ts';
import { parseOccupancyCsv, type OccupancyLine } from '../../src/domain/reception/occupancy-file.ts';
import { parsePermitHolderCsv, type PermitHolderLink } from '../../src/domain/reception/permit-holders-file.ts';
import { isOpenOn } from '../../src/domain/reception/locations.ts';
import { parseExisting } from '../../src/web/distribution/files.ts';
import { checkPipelineCsv, type PipelineCheck, type PipelineLine } from '../../src/domain/pipeline/pipeline-file.ts';
import { reservedFromShare } from '../../src/domain/pipeline/projects.ts';
import { PROJECT_STATUSES } from '../../src/domain/pipeline/statuses.ts';
import {
  LOCATIONS,
  MUNICIPALITIES,
  NOT_AFTER,
  PIPELINE_MUNICIPALITIES,
  PIPELINE_TODAY,
  PIPELINE_TRACKS,
  addDays,
  anyText,
  countText,
  dayNumber,
  dateText,
  daysWhere,
  dialect,
  excelSerial,
  existsOnDate,
  expectNoForeignThrow,
  expectWellFormed,
  hostileCell,
  hostileCsvText,
  lastLineOf,
  misdecoded,
  renderCsv,
  tenMegabytesOfGarbage,
  withBlankLines,
} from './support/files.ts';

const RUNS = { numRuns: 150 };
const POPULATION_FIELDS = ['gemeentecode', 'inwoners', 'peildatum', 'provinciecode', 'status', 'bron', ''];
const REALISATION_FIELDS = ['gemeentecode', 'datum', 'personen', 'huishoudgrootte', 'coa_nummer'];
const OCCUPANCY_FIELDS = ['locatiecode', 'datum', 'bezetting', 'statushouders'];
const PERMIT_FIELDS = ['locatiecode', 'datum', 'gemeentecode', 'statushouders'];
const PIPELINE_FIELDS = ['spoor', 'projectcode', 'projectnaam', 'gemeente', 'partij', 'type woning', 'aantal woningen', 'voor statushouders', 'aandeel statushouders', 'verwachte oplevering', 'status', 'kosten per woning'];

const population = (text: string) =>
  expectNoForeignThrow(() => parsePopulationFile(text, { municipalities: MUNICIPALITIES, status: 'officieel', source: 'fuzz' }))!;
const PERIOD = { from: '2022-01-01', to: '2022-06-30' };
const realisation = (text: string) => expectNoForeignThrow(() => parseRealisationCsv(text, { source: 'coa', ...PERIOD, municipalities: MUNICIPALITIES }))!;
const occupancy = (text: string) => expectNoForeignThrow(() => parseOccupancyCsv(text, { locations: LOCATIONS, notAfter: NOT_AFTER }))!;
const PIPELINE_OPTS = { knownTracks: PIPELINE_TRACKS, knownMunicipalities: PIPELINE_MUNICIPALITIES, today: PIPELINE_TODAY };
/** The pipeline checker's answer in the shape of the others (lines or errors). */
const asLinesOrErrors = (r: PipelineCheck) => (r.ok ? { lines: r.rows, errors: [] } : { lines: [], errors: r.errors });
const pipeline = (text: string, scope: ReadonlySet<string> | null = null) => expectNoForeignThrow(() => asLinesOrErrors(checkPipelineCsv(text, { ...PIPELINE_OPTS, scopeMunicipalities: scope })))!;
const permits = (text: string) => expectNoForeignThrow(() => parsePermitHolderCsv(text, { locations: LOCATIONS, municipalities: MUNICIPALITIES, notAfter: NOT_AFTER }))!;

/** Every checker on one text: each keeps the invariant of support/files.ts. */
function checkAll(text: string) {
  const lastLine = lastLineOf(text);
  const p = population(text);
  expectWellFormed(text, p, { lastLine, fields: p.format === 'eigen-csv' ? POPULATION_FIELDS : undefined });
  expectWellFormed(text, realisation(text), { lastLine, fields: REALISATION_FIELDS });
  expectWellFormed(text, occupancy(text), { lastLine, fields: OCCUPANCY_FIELDS });
  expectWellFormed(text, permits(text), { lastLine, fields: PERMIT_FIELDS });
  expectWellFormed(text, pipeline(text), { lastLine, fields: PIPELINE_FIELDS });
  expectWellFormed(text, pipeline(text, new Set(['GM0363'])), { lastLine, fields: PIPELINE_FIELDS });
  const existing = expectNoForeignThrow(() => parseExisting(text))!;
  const existingLast = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).length;
  // Checked without expect per item: a 10 MB file gives a problem on nearly every line (the list is not capped).
  const wrong = existing.problems.filter((p) => !(Number.isInteger(p.line) && p.line >= 1 && p.line <= existingLast && ['columns', 'code', 'count', 'duplicate', 'empty'].includes(p.problem)));
  expect(wrong).toEqual([]);
  if (existing.problems.length === 0) for (const v of Object.values(existing.values)) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
}

describe('every upload checker on bad input', () => {
  it('answers any text (random strings, random bytes, damaged CSV) with a result or line-numbered Dutch errors', () => {
    fc.assert(fc.property(anyText, checkAll), { numRuns: 300 });
  });

  it('answers wrongly decoded files (latin1 as UTF-8, UTF-16 with BOM) the same way', () => {
    fc.assert(fc.property(hostileCsvText.chain(misdecoded), checkAll), RUNS);
  });

  it('answers the fixed hard cases: empty, header only, BOM only, a lone quote, a quoted field over many lines, very long lines', () => {
    const cases = [
      '',
      '\uFEFF',
      '\n\n\n',
      '\r\n',
      '"',
      '"""',
      'gemeentecode,datum,personen',
      'gemeentecode,datum,personen\n',
      'locatiecode;datum;bezetting\r\n',
      'gemeentecode,gemeentenaam,provinciecode,inwoners,peildatum\n',
      'gemeentecode,datum,personen\n"GM0363,2022-02-01,3\n',
      'gemeentecode,datum,personen\nGM0363,"2022-02-01\n\n\n",3\n',
      'gemeentecode,datum,personen,personen\nGM0363,2022-02-01,3,4\n',
      'locatiecode,datum,bezetting,bezetting\nTERAPEL,2022-07-08,3,4\n',
      'gemeentecode,datum,personen\nGM0363,44593,3\n',
      'locatiecode,datum,bezetting\nTERAPEL,44743,=SUM(A1:A3)\n',
      `gemeentecode,datum,personen\n${'GM0363,'.repeat(100_000)}\n`,
      `locatiecode,datum,bezetting\nTERAPEL,2022-07-08,${'9'.repeat(1_000_000)}\n`,
      `gemeentecode,inwoners,peildatum\n${'x'.repeat(2_000_000)}\n`,
      'RegioS;Perioden;Bevolking\n"GM0363";"2021JJ00";"."\n"NL01";"2021";"17000000"\n',
      `gemeentecode\tdatum\tpersonen\nGM0363\t2022-02-01\t3\n`,
      `${'gemeentecode,'.repeat(5000)}\n1\n`,
      Array.from({ length: 1000 }, (_, i) => `GM${String(i).padStart(4, '0')},x`).join('\n'),
    ];
    for (const text of cases) checkAll(text);
  });

  it('answers 10 MB of garbage within a few seconds per checker', () => {
    const text = tenMegabytesOfGarbage();
    const started = Date.now();
    checkAll(text);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses an Excel day number or a formula in a date or count column, naming line and field', () => {
    fc.assert(
      fc.property(fc.constantFrom('2022-02-01', '2022-03-15'), fc.constantFrom('=SUM(A1:A3)', '=1+1', '+5', '@A1'), (date, formula) => {
        const r = realisation(`gemeentecode,datum,personen\nGM0363,${excelSerial(date)},3\nGM0363,${date},${formula}\n`);
        expect(r.errors.map((e) => [e.line, e.field])).toEqual([
          [2, 'datum'],
          [3, 'personen'],
        ]);
        const o = occupancy(`locatiecode,datum,bezetting\nTERAPEL,${excelSerial(date)},3\nTERAPEL,${date},${formula}\n`);
        expect(o.errors.map((e) => [e.line, e.field])).toEqual([
          [2, 'datum'],
          [3, 'bezetting'],
        ]);
      }),
      { numRuns: 10 },
    );
  });
});

describe('free text that cannot be stored', () => {
  it('refuses a control character (NUL above all, which PostgreSQL cannot store) in coa_nummer, bron and the pipeline’s texts, naming line and field', () => {
    fc.assert(
      fc.property(fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f'), fc.string({ maxLength: 4 }), (control, around) => {
        const r = realisation(`gemeentecode,datum,personen,coa_nummer\nGM0363,2022-02-01,3,"A${around.replace(/"/g, '')}${control}B"\n`);
        expect(r.errors.map((e) => [e.line, e.field])).toEqual([[2, 'coa_nummer']]);
        const inColumn = parsePopulationFile(`gemeentecode,inwoners,peildatum,bron\nGM0363,5,2022-01-01,CBS${control}\n`, { municipalities: MUNICIPALITIES, status: 'officieel' });
        expect(inColumn.errors.map((e) => [e.line, e.field])).toEqual([[0, 'bron']]);
        const inOption = parsePopulationFile('gemeentecode,inwoners,peildatum\nGM0363,5,2022-01-01\n', { municipalities: MUNICIPALITIES, status: 'officieel', source: `CBS${control}` });
        expect(inOption.errors.map((e) => [e.line, e.field])).toEqual([[0, 'bron']]);
        const p = pipeline(`spoor,projectcode,projectnaam,gemeente,partij,type woning,aantal woningen,voor statushouders,verwachte oplevering,status\nFLEX-NL,"A${control}1","N${control}",GM0363,"P${control}","T${control}",5,1,2023-06-01,idee\n`);
        expect(p.errors.map((e) => [e.line, e.field])).toEqual([[2, 'projectcode'], [2, 'projectnaam'], [2, 'partij'], [2, 'type woning']]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('the CSV reader', () => {
  it('reads back what toCsv writes, field for field, with the line each record starts on', () => {
    const field = fc.oneof(hostileCell, fc.string({ unit: 'binary', maxLength: 10 }));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (rows) => {
        const width = rows[0]!.length;
        const body = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const header = Array.from({ length: width }, (_, i) => `k${i}`);
        const text = toCsv(header, body);
        const records = parseCsv(text, ',');
        expect(records.map((r) => r.fields)).toEqual([header, ...body]);
        let line = 1;
        for (const [i, r] of [header, ...body].entries()) {
          expect(records[i]!.line).toBe(line);
          line += 1 + r.join('').split('\n').length - 1;
        }
      }),
      RUNS,
    );
  });

  it('on any text either returns records on increasing lines within the file or throws its own CsvSyntaxError with a line', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(',' as const, ';' as const), (text, delimiter) => {
        const last = lastLineOf(text);
        try {
          const records = parseCsv(text, delimiter);
          let previous = 0;
          for (const r of records) {
            expect(r.line).toBeGreaterThan(previous);
            expect(r.line).toBeLessThanOrEqual(last);
            previous = r.line;
          }
        } catch (e) {
          if (!(e instanceof CsvSyntaxError)) throw e;
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(last);
          expect(e.message).toMatch(/^regel \d+: aanhalingsteken/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Round trips: a valid file in any dialect parses to exactly the rows it was made from.

const caseOf = (name: string) => fc.constantFrom(name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1), ` ${name} `);
const extraCell = fc.oneof(fc.constantFrom('', 'druk', 'a;b,c', 'regel\nover twee', 'met "aanhalingstekens"', '=SUM(A1:A3)'), fc.string({ maxLength: 8 }));

describe('population file round trip', () => {
  const file = fc
    .record({ date: fc.constantFrom('2020-01-01', '2021-01-01', '2022-01-01', '2022-07-01'), statusInFile: fc.boolean(), status: fc.constantFrom(...POPULATION_STATUSES) })
    .chain(({ date, statusInFile, status }) => {
      const available = MUNICIPALITIES.filter((m) => existsOnDate(m, date));
      return fc.record({
        date: fc.constant(date),
        status: fc.constant(status),
        statusInFile: fc.constant(statusInFile),
        sourceInFile: fc.boolean(),
        source: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        picked: fc.shuffledSubarray(available, { minLength: 1 }),
        counts: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: available.length, maxLength: available.length }),
        optional: fc.subarray(['gemeentenaam', 'provinciecode', 'provincienaam', 'opmerking']),
        order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        blanks: fc.array(fc.nat(), { maxLength: 3 }),
        dialect,
        codeCase: fc.boolean(),
      });
    })
    .chain((f) => {
      const columns = ['gemeentecode', 'inwoners', 'peildatum', ...f.optional, ...(f.statusInFile ? ['status'] : []), ...(f.sourceInFile ? ['bron'] : [])];
      const order = columns.map((c, i) => [c, f.order[i] ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([c]) => c);
      const cellFor = (column: string, i: number): fc.Arbitrary<string> => {
        const m = f.picked[i]!;
        switch (column) {
          case 'gemeentecode': return fc.constant(f.codeCase ? m.code.toLowerCase() : m.code);
          case 'inwoners': return countText(f.counts[i]!);
          case 'peildatum': return dateText(f.date);
          case 'gemeentenaam': return fc.constant(m.name);
          case 'provinciecode': return fc.constantFrom(m.provinceCode, m.provinceCode.toLowerCase());
          case 'provincienaam': return fc.constant('Noord-Holland; of toch niet');
          case 'status': return caseOf(f.status);
          case 'bron': return fc.constant(f.source);
          default: return extraCell;
        }
      };
      return fc.record({
        f: fc.constant(f),
        header: fc.tuple(...order.map(caseOf)),
        body: fc.tuple(...f.picked.map((_, i) => fc.tuple(...order.map((c) => cellFor(c, i))))),
      });
    });

  it('reads exactly the generated rows, keeps the totals, and takes status and source from the file or the options', () => {
    fc.assert(
      fc.property(file, ({ f, header, body }) => {
        const { text, lines } = renderCsv(withBlankLines<readonly string[]>([header, ...body], f.blanks), f.dialect);
        const r = parsePopulationFile(text, {
          municipalities: MUNICIPALITIES,
          status: f.statusInFile ? undefined : f.status,
          source: f.sourceInFile ? undefined : f.source,
        });
        expect(r.errors).toEqual([]);
        expect(r.referenceDate).toBe(f.date);
        expect(r.status).toBe(f.status);
        expect(r.source).toBe(f.source.trim());
        expect(r.rows).toEqual(f.picked.map((m, i) => ({ line: lines[i + 1], municipalityCode: m.code, inhabitants: f.counts[i] })));
        expect(r.rows.reduce((s, x) => s + x.inhabitants, 0)).toBe(f.picked.reduce((s, _, i) => s + f.counts[i]!, 0));
      }),
      RUNS,
    );
  });

  it('reads a CBS StatLine export (semicolons, quotes, totals rows skipped)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(MUNICIPALITIES.filter((m) => existsOnDate(m, '2021-01-01')), { minLength: 1 }), fc.array(fc.integer({ min: 0, max: 999_999 }), { minLength: 8, maxLength: 8 }), (picked, counts) => {
        const text = ['"ID";"RegioS";"Perioden";"Bevolking op 1 januari"', '"0";"NL01  ";"2021JJ00";"17475415"', ...picked.map((m, i) => `"${i + 1}";"${m.code}  ";"2021JJ00";"${counts[i]}"`)].join('\r\n');
        const r = parsePopulationFile(text, { municipalities: MUNICIPALITIES, status: 'voorlopig', source: 'CBS' });
        expect(r.errors).toEqual([]);
        expect(r.format).toBe('cbs-statline');
        expect(r.rows).toEqual(picked.map((m, i) => ({ line: i + 3, municipalityCode: m.code, inhabitants: counts[i] })));
      }),
      { numRuns: 50 },
    );
  });
});

const PERIODS = [
  { period: '2021-I', from: '2021-01-01', to: '2021-06-30' },
  { period: '2021-II', from: '2021-07-01', to: '2021-12-31' },
  { period: '2022-I', from: '2022-01-01', to: '2022-06-30' },
];

describe('realisation file round trip', () => {
  const file = fc.constantFrom(...PERIODS).chain((p) =>
    fc.record({
      p: fc.constant(p),
      wanted: fc.array(
        fc.record({ m: fc.constantFrom(...MUNICIPALITIES), day: fc.nat(), persons: fc.integer({ min: 1, max: 12_000 }), household: fc.option(fc.integer({ min: 1, max: 15 })), coa: fc.option(fc.oneof(fc.stringMatching(/^[A-Z0-9]{3,10}$/), fc.string({ maxLength: 12 }))) }),
        { minLength: 1, maxLength: 25 },
      ),
      aliases: fc.record({ datum: fc.constantFrom('datum', 'Datum huisvesting'), personen: fc.constantFrom('personen', 'Aantal personen', 'AANTAL'), coa: fc.constantFrom('coa_nummer', 'coa-nummer', 'CoaNummer') }),
      extra: fc.boolean(),
      blanks: fc.array(fc.nat(), { maxLength: 3 }),
      dialect,
    }),
  );

  it('reads exactly the generated lines (any column order, aliases, Dutch numbers and dates, blank lines) and keeps the totals', () => {
    fc.assert(
      fc.property(file, fc.infiniteStream(fc.nat()), ({ p, wanted, aliases, extra, blanks, dialect }, noise) => {
        const seen = new Set<string>();
        const expected: Omit<RealisationLine, 'line'>[] = [];
        for (const w of wanted) {
          const days = daysWhere(p.from, p.to, (d) => existsOnDate(w.m, d));
          if (days.length === 0) continue;
          const date = days[w.day % days.length]!;
          const coa = w.coa === null ? null : w.coa.trim() || null;
          const key = `coa|${w.m.code}|${date}|${w.persons}|${w.household ?? ''}|${coa ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          expected.push({ municipalityCode: w.m.code, housedOn: date, persons: w.persons, householdSize: w.household, coaNumber: coa, key });
        }
        fc.pre(expected.length > 0);
        const n = noise[Symbol.iterator]();
        const pick = <T>(xs: readonly T[]) => xs[n.next().value % xs.length]!;
        const header = ['gemeentecode', aliases.datum, aliases.personen, 'huishoudgrootte', aliases.coa, ...(extra ? ['opmerking'] : [])];
        const body = expected.map((l) => {
          const dates = fc.sample(dateText(l.housedOn), { numRuns: 1, seed: n.next().value })[0]!;
          return [pick([l.municipalityCode, l.municipalityCode.toLowerCase()]), dates, fc.sample(countText(l.persons), { numRuns: 1, seed: n.next().value })[0]!, l.householdSize === null ? '' : String(l.householdSize), l.coaNumber === null ? pick(['', '  ']) : l.coaNumber, ...(extra ? [pick(['', 'x;y', '"', 'a\nb'])] : [])];
        });
        const { text, lines } = renderCsv(withBlankLines<readonly string[]>([header, ...body], blanks), dialect);
        const r = parseRealisationCsv(text, { source: 'coa', from: p.from, to: p.to, municipalities: MUNICIPALITIES });
        expect(r.errors).toEqual([]);
        expect(r.lines).toEqual(expected.map((l, i) => ({ ...l, line: lines[i + 1] })));
        expect(r.lines.reduce((s, l) => s + l.persons, 0)).toBe(expected.reduce((s, l) => s + l.persons, 0));
        // The same rows handed over as cells (the XLSX path) give the same lines.
        expect(checkRealisationRows({ rows: parseCsv(text), source: 'coa', from: p.from, to: p.to, municipalities: MUNICIPALITIES }).lines).toEqual(r.lines);
      }),
      RUNS,
    );
  });
});

/** Distinct (location, day) pairs on days the location is open, up to NOT_AFTER. */
function openDays(code: string): string[] {
  const l = LOCATIONS.find((x) => x.code === code)!;
  return daysWhere('2021-01-01', NOT_AFTER, (d) => isOpenOn(l.open, d));
}
const OPEN_DAYS = new Map(LOCATIONS.map((l) => [l.code, openDays(l.code)]));

describe('occupancy file round trip', () => {
  const file = fc.record({
    wanted: fc.uniqueArray(
      fc.record({ code: fc.constantFrom(...LOCATIONS.map((l) => l.code)), day: fc.nat(), occupancy: fc.integer({ min: 0, max: 5000 }), permitShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }),
      { minLength: 1, maxLength: 25, selector: (w) => `${w.code}|${w.day % OPEN_DAYS.get(w.code)!.length}` },
    ),
    aliases: fc.record({
      locatiecode: fc.constantFrom('locatiecode', 'Locatie code', 'LOCATIE_CODE', 'locatie', 'code'),
      datum: fc.constantFrom('datum', 'Peildatum', 'dag'),
      bezetting: fc.constantFrom('bezetting', 'Aantal bewoners', 'bewoners', 'personen', 'aantal-personen'),
      statushouders: fc.constantFrom('statushouders', 'Vergunninghouders', 'aantal statushouders'),
    }),
    order: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    extra: fc.boolean(),
    blanks: fc.array(fc.nat(), { maxLength: 3 }),
    dialect,
    seed: fc.integer(),
  });

  it('reads exactly the generated lines and keeps the totals', () => {
    fc.assert(
      fc.property(file, ({ wanted, aliases, order, extra, blanks, dialect, seed }) => {
        const expected: Omit<OccupancyLine, 'line'>[] = wanted.map((w) => {
          const days = OPEN_DAYS.get(w.code)!;
          const date = days[w.day % days.length]!;
          return { locationCode: w.code, date, occupancy: w.occupancy, permitHolders: w.permitShare === null ? null : Math.floor(w.permitShare * w.occupancy), key: `${w.code}|${date}` };
        });
        const columns = ['locatiecode', 'datum', 'bezetting', 'statushouders', ...(extra ? ['opmerking'] : [])];
        const sorted = columns.map((c, i) => [c, order[i]!] as const).sort((a, b) => a[1] - b[1]).map(([c]) => c);
        const name = (c: string) => (c === 'opmerking' ? 'Opmerking' : aliases[c as keyof typeof aliases]);
        let s = seed;
        const sample = (a: fc.Arbitrary<string>) => fc.sample(a, { numRuns: 1, seed: s++ })[0]!;
        const value = (l: Omit<OccupancyLine, 'line'>, c: string) =>
          c === 'locatiecode' ? sample(fc.constantFrom(l.locationCode, l.locationCode.toLowerCase()))
          : c === 'datum' ? sample(dateText(l.date))
          : c === 'bezetting' ? sample(countText(l.occupancy))
          : c === 'statushouders' ? (l.permitHolders === null ? '' : sample(countText(l.permitHolders)))
          : sample(extraCell);
        const { text, lines } = renderCsv(withBlankLines<readonly string[]>([sorted.map(name), ...expected.map((l) => sorted.map((c) => value(l, c)))], blanks), dialect);
        const r = parseOccupancyCsv(text, { locations: LOCATIONS, notAfter: NOT_AFTER });
        expect(r.errors).toEqual([]);
        expect(r.lines).toEqual(expected.map((l, i) => ({ ...l, line: lines[i + 1] })));
        expect(r.lines.reduce((t, l) => t + l.occupancy, 0)).toBe(expected.reduce((t, l) => t + l.occupancy, 0));
      }),
      RUNS,
    );
  });
});

describe('permit holders file round trip', () => {
  const file = fc.record({
    wanted: fc.array(
      fc.record({ code: fc.constantFrom(...LOCATIONS.map((l) => l.code)), day: fc.nat(), m: fc.constantFrom(...MUNICIPALITIES), count: fc.integer({ min: 1, max: 900 }) }),
      { minLength: 1, maxLength: 25 },
    ),
    withReception: fc.boolean(),
    slack: fc.nat({ max: 50 }),
    dialect,
  });

  it('reads exactly the generated links, also when checked against the occupancy list’s permit holders', () => {
    fc.assert(
      fc.property(file, ({ wanted, withReception, slack, dialect }) => {
        const seen = new Set<string>();
        const expected: Omit<PermitHolderLink, 'line'>[] = [];
        for (const w of wanted) {
          const days = OPEN_DAYS.get(w.code)!.filter((d) => existsOnDate(w.m, d));
          if (days.length === 0) continue;
          const date = days[w.day % days.length]!;
          const key = `${w.code}|${date}|${w.m.code}`;
          if (seen.has(key)) continue;
          seen.add(key);
          expected.push({ locationCode: w.code, date, municipalityCode: w.m.code, permitHolders: w.count, key });
        }
        fc.pre(expected.length > 0);
        const inReception = new Map<string, number>();
        for (const l of expected) inReception.set(`${l.locationCode}|${l.date}`, (inReception.get(`${l.locationCode}|${l.date}`) ?? 0) + l.permitHolders);
        for (const [k, v] of inReception) inReception.set(k, v + slack);
        const { text, lines } = renderCsv([['Locatie', 'Datum', 'Gekoppelde gemeente', 'Statushouders'], ...expected.map((l) => [l.locationCode, l.date, l.municipalityCode.toLowerCase(), String(l.permitHolders)])], dialect);
        const r = parsePermitHolderCsv(text, { locations: LOCATIONS, municipalities: MUNICIPALITIES, notAfter: NOT_AFTER, ...(withReception ? { permitHoldersInReception: inReception } : {}) });
        expect(r.errors).toEqual([]);
        expect(r.lines).toEqual(expected.map((l, i) => ({ ...l, line: lines[i + 1] })));
      }),
      RUNS,
    );
  });
});

describe('existing places file (web) round trip', () => {
  it('reads exactly the generated values, with or without a header, in any delimiter and Dutch grouping', () => {
    const code = fc.oneof(fc.integer({ min: 20, max: 31 }).map((n) => `PV${n}`), fc.integer({ min: 0, max: 9999 }).map((n) => `GM${String(n).padStart(4, '0')}`));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(code, fc.integer({ min: 0, max: 10_000_000 })), { minLength: 1, maxLength: 30, selector: ([c]) => c }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer(),
        (entries, delimiter, header, newline, seed) => {
          let s = seed;
          const lines = entries.map(([c, n]) => `${fc.sample(fc.constantFrom(c, c.toLowerCase(), `"${c}"`), { numRuns: 1, seed: s++ })[0]}${delimiter}${fc.sample(countText(n), { numRuns: 1, seed: s++ })[0]!.replace(/ /g, delimiter === '\t' ? '' : ' ')}`);
          const text = [...(header ? [`code${delimiter}bestaand`] : []), ...lines].join(newline);
          const r = parseExisting(text);
          expect(r.problems).toEqual([]);
          expect(r.values).toEqual(Object.fromEntries(entries));
        },
      ),
      RUNS,
    );
  });
});

describe('pipeline file round trip', () => {
  const euro = (cents: number): fc.Arbitrary<string> => {
    const e = Math.floor(cents / 100);
    const c = String(cents % 100).padStart(2, '0');
    const dots = String(e).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return cents % 100 === 0 ? fc.constantFrom(String(e), dots, `€ ${dots},-`, `${e},00`, `${dots} EUR`) : fc.constantFrom(`${e},${c}`, `${e}.${c}`, `€ ${dots},${c}`);
  };
  const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
  const project = fc.record({
    track: fc.constantFrom(...PIPELINE_TRACKS),
    reference: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,20}[A-Za-z0-9]$/),
    name: fc.option(name, { nil: null }),
    municipality: fc.constantFrom(...PIPELINE_MUNICIPALITIES.keys()),
    byName: fc.boolean(),
    party: name,
    homeType: name,
    units: fc.integer({ min: 1, max: 2000 }),
    reserved: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => ({ fraction: x })), fc.integer({ min: 0, max: 1000 }).map((n) => ({ share: n % 2 === 0 ? String(n / 10).replace('.', ',') : String(n % 101) }))),
    delivery: fc.integer({ min: 0, max: 36_000 }),
    dateAs: fc.constantFrom('iso', 'dutch', 'excel'),
    status: fc.constantFrom(...PROJECT_STATUSES),
    cost: fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: null }),
    seed: fc.integer(),
  });
  it('reads exactly the generated projects (codes or names of municipalities, counts or shares, ISO/Dutch/Excel dates, Dutch amounts)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(project, { minLength: 1, maxLength: 15, selector: (p) => `${p.track}|${p.reference.toUpperCase()}` }), dialect, (projects, d) => {
        const header = ['Spoor', 'Project code', 'Projectnaam', 'Gemeente', 'Corporatie', 'Woningtype', 'Aantal woningen', 'Voor statushouders', 'Aandeel statushouders', 'Oplevering', 'Fase', 'Kosten per woning'];
        const expected: Omit<PipelineLine, 'line'>[] = [];
        const body = projects.map((p) => {
          let s = p.seed;
          const one = <T>(a: fc.Arbitrary<T>) => fc.sample(a, { numRuns: 1, seed: s++ })[0]!;
          const m = PIPELINE_MUNICIPALITIES.get(p.municipality)!;
          const firstDay = p.status === 'opgeleverd' ? Math.min(p.delivery, dayNumber(PIPELINE_TODAY) - dayNumber('2000-01-01')) : p.delivery;
          const date = addDays('2000-01-01', firstDay);
          const reserved = 'fraction' in p.reserved ? Math.floor(p.reserved.fraction * p.units) : reservedFromShare(p.units, p.reserved.share);
          expected.push({
            key: `${p.track}|${p.reference.toUpperCase()}`,
            trackCode: p.track,
            reference: p.reference,
            name: p.name === null ? null : p.name.trim(),
            municipalityCode: p.municipality,
            provinceCode: m.provinceCode,
            party: p.party.trim(),
            homeType: p.homeType.trim(),
            units: p.units,
            reservedUnits: reserved,
            reservedSharePercent: 'share' in p.reserved ? p.reserved.share : null,
            expectedDelivery: date,
            status: p.status,
            costPerUnitCents: p.cost,
          });
          const dateText = p.dateAs === 'iso' ? date : p.dateAs === 'dutch' ? date.split('-').reverse().join('-') : String(excelSerial(date));
          return [
            one(fc.constantFrom(p.track, p.track.toLowerCase())),
            p.reference,
            p.name ?? '',
            p.byName && !m.name.startsWith('Bergen') ? one(fc.constantFrom(m.name, m.name.toUpperCase(), ` ${m.name} `)) : one(fc.constantFrom(p.municipality, p.municipality.toLowerCase())),
            p.party,
            p.homeType,
            one(countText(p.units)),
            'fraction' in p.reserved ? one(countText(reserved)) : '',
            'share' in p.reserved ? one(fc.constantFrom(p.reserved.share, `${p.reserved.share}%`, `${p.reserved.share} %`)) : '',
            dateText,
            one(fc.constantFrom(p.status, p.status.toUpperCase(), p.status.replace(' ', ''))),
            p.cost === null ? '' : one(euro(p.cost)),
          ];
        });
        const { text, lines } = renderCsv([header, ...body], d);
        const r = checkPipelineCsv(text, { ...PIPELINE_OPTS, scopeMunicipalities: null });
        expect(r.ok ? [] : r.errors).toEqual([]);
        expect(r.ok && r.rows).toEqual(expected.map((l, i) => ({ ...l, line: lines[i + 1] })));
      }),
      RUNS,
    );
  });
});
