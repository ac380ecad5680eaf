/**
 * Bad Excel files through the row reader (src/lib/xlsx-rows.ts) and the checkers: every kind of cell exceljs can
 * write (formulas with and without a cached result, rich text, hyperlinks, errors, dates, huge date serials), merged
 * cells, empty and extra sheets, and files that are not workbooks at all. See docs/RELIABILITY.md.
 */
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../src/lib/xlsx-rows.ts';
import { xlsxRowsOrProblem } from '../../src/features/ledger/realisations.ts';
import { AppError } from '../../src/platform/http/errors.ts';
import { checkRealisationRows } from '../../src/domain/realisation/realisation-file.ts';
import { checkOccupancyRows } from '../../src/domain/reception/occupancy-file.ts';
import { checkPermitHolderRows } from '../../src/domain/reception/permit-holders-file.ts';
import { checkPipelineRows } from '../../src/domain/pipeline/pipeline-file.ts';
import { LOCATIONS, MUNICIPALITIES, NOT_AFTER, PIPELINE_MUNICIPALITIES, PIPELINE_TODAY, PIPELINE_TRACKS, daysWhere, excelSerial, existsOnDate, expectWellFormed } from './support/files.ts';
import { minimalXlsx, sheetXml, zip } from './support/zip.ts';
import { sheetSpec, workbook, type Cell } from './support/xlsx.ts';

const PERIOD = { from: '2022-01-01', to: '2022-06-30' };

/** The reader and every checker on one buffer: rows of text with their line, then the usual invariant. */
async function checkBuffer(buffer: Buffer) {
  const rows = await readXlsxRows(buffer);
  if (rows === null) return null;
  const lastLine = Math.max(1, ...rows.map((r) => r.line));
  for (const r of rows) {
    expect(Number.isInteger(r.line) && r.line >= 1).toBe(true);
    for (const f of r.fields) {
      expect(typeof f).toBe('string');
      expect(f).not.toContain('[object');
    }
  }
  const input = JSON.stringify(rows);
  expectWellFormed(input, checkRealisationRows({ rows, source: 'coa', ...PERIOD, municipalities: MUNICIPALITIES }), { lastLine, fields: ['gemeentecode', 'datum', 'personen', 'huishoudgrootte'] });
  expectWellFormed(input, checkOccupancyRows({ rows, locations: LOCATIONS, notAfter: NOT_AFTER }), { lastLine, fields: ['locatiecode', 'datum', 'bezetting', 'statushouders'] });
  expectWellFormed(input, checkPermitHolderRows({ rows, locations: LOCATIONS, municipalities: MUNICIPALITIES, notAfter: NOT_AFTER }), { lastLine, fields: ['locatiecode', 'datum', 'gemeentecode', 'statushouders'] });
  const pipeline = checkPipelineRows({ rows, knownTracks: PIPELINE_TRACKS, knownMunicipalities: PIPELINE_MUNICIPALITIES, scopeMunicipalities: null, today: PIPELINE_TODAY });
  expectWellFormed(input, pipeline.ok ? { lines: pipeline.rows, errors: [] } : { lines: [], errors: pipeline.errors }, { lastLine });
  return rows;
}

describe('xlsx rows on bad workbooks', () => {
  it('reads any workbook exceljs can write (every cell kind, merged cells, several or no sheets) into text rows the checkers answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetSpec, { minLength: 0, maxLength: 3 }), async (sheets) => {
        const rows = await checkBuffer(await workbook(sheets));
        expect(rows).not.toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('gives the text of rich text, hyperlinks, errors and formulas, and never throws on a date cell out of range', async () => {
    const rows = await readXlsxRows(
      await workbook([
        {
          name: 'Blad',
          rows: [
            [{ richText: [{ text: 'gemeente' }, { font: { bold: true }, text: 'code' }] }, 'datum', { text: 'personen', hyperlink: 'https://example.nl' }],
            [{ formula: 'B1', result: 'GM0363' }, { value: excelSerial('2022-03-01'), numFmt: 'dd-mm-yyyy' }, { formula: 'SUM(B1:B3)', result: 4 }],
            ['GM0363', { value: 1e20, numFmt: 'yyyy-mm-dd' }, { formula: 'SUM(B1:B3)' } as ExcelJS.CellFormulaValue],
            [{ error: '#N/A' } as ExcelJS.CellErrorValue, { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue, 2],
          ],
          merges: [],
        },
      ]),
    );
    expect(rows).not.toBeNull();
    expect(rows![0]!.fields).toEqual(['gemeentecode', 'datum', 'personen']);
    expect(rows![1]!.fields).toEqual(['GM0363', '2022-03-01', '4']);
    // A formula without a cached result shows as the formula, so the checker refuses it by name instead of skipping it.
    expect(rows![2]!.fields[2]).toBe('=SUM(B1:B3)');
    expect(rows![3]!.fields.slice(0, 2)).toEqual(['#N/A', '#DIV/0!']);
    const checked = checkRealisationRows({ rows: rows!, source: 'coa', ...PERIOD, municipalities: MUNICIPALITIES });
    expect(checked.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'datum'],
      [3, 'personen'],
      [4, 'gemeentecode'],
      [4, 'datum'],
    ]);
  });

  it('reads only the first sheet; an empty first sheet is an empty file', async () => {
    const rows = await readXlsxRows(await workbook([{ name: 'Leeg', rows: [], merges: [] }, { name: 'Data', rows: [['gemeentecode', 'datum', 'personen'], ['GM0363', '2022-03-01', 3]], merges: [] }]));
    expect(rows).toEqual([]);
    expect(checkRealisationRows({ rows: rows!, source: 'coa', ...PERIOD, municipalities: MUNICIPALITIES }).errors).toEqual([{ line: 0, field: null, message: 'Het bestand is leeg.' }]);
    expect(await readXlsxRows(await workbook([]))).toEqual([]);
  });

  it('copies a merged value into every cell of the merge (so a merged date column is not silently empty)', async () => {
    const rows = await readXlsxRows(
      await workbook([{ name: 'M', rows: [['locatiecode', 'datum', 'bezetting'], ['TERAPEL', '2022-07-08', 10], [null, null, 11]], merges: [[2, 1, 1, 0]] }]),
    );
    expect(rows![2]!.fields[0]).toBe('TERAPEL');
    expect(checkOccupancyRows({ rows: rows!, locations: LOCATIONS, notAfter: NOT_AFTER }).errors).toEqual([{ line: 3, field: 'datum', message: 'datum ontbreekt.' }]);
  });

  it('answers null for anything that is not a workbook: random bytes, text, a truncated workbook, a zip without a workbook, broken sheet XML', async () => {
    const good = await workbook([{ name: 'A', rows: [['gemeentecode', 'datum', 'personen']], merges: [] }]);
    const fixed = [
      Buffer.alloc(0),
      Buffer.from('gemeentecode,datum,personen\nGM0363,2022-03-01,3\n'),
      Buffer.from('PK\u0003\u0004'),
      good.subarray(0, Math.floor(good.length / 2)),
      zip([{ name: 'hello.txt', data: 'hallo' }]),
      minimalXlsx('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>open'),
    ];
    for (const b of fixed) {
      const rows = await readXlsxRows(b);
      if (rows !== null) await checkBuffer(b);
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 20 }), async (bytes, at, patch) => {
        // Random bytes, and a good workbook with a few bytes overwritten somewhere.
        expect(await readXlsxRows(Buffer.from(bytes))).toBeNull();
        const damaged = Buffer.from(good);
        Buffer.from(patch).copy(damaged, at % damaged.length);
        await checkBuffer(damaged);
      }),
      { numRuns: 40 },
    );
  });

  it('turns an unreadable workbook into the feature’s 422 problem, never another error', async () => {
    for (const b of [Buffer.from('geen excel'), Buffer.alloc(3)]) {
      const e = await xlsxRowsOrProblem(b).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).detail).toMatch(/Excel-bestand kan niet worden gelezen/);
    }
  });

  it('reads a hand-made sheet with a very wide row and a 20 MB padded sheet within seconds', async () => {
    const wide = await readXlsxRows(minimalXlsx(sheetXml([Array.from({ length: 20 }, (_, i) => `k${i}`), ['GM0363', '2022-03-01', '3']])));
    expect(wide?.[1]?.fields).toEqual(['GM0363', '2022-03-01', '3']);
    const started = Date.now();
    const padded = minimalXlsx(sheetXml([['gemeentecode', 'datum', 'personen']], ' '.repeat(20 * 1024 * 1024)));
    expect(padded.length).toBeLessThan(100_000);
    await checkBuffer(padded);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  // exceljs inflates every part into memory with no budget; src/lib/zip-budget.ts inflates first, within 50 MB.
  it('refuses a zip bomb: a 64 KB workbook whose parts inflate a thousandfold', async () => {
    const bomb = minimalXlsx(sheetXml([['gemeentecode', 'datum', 'personen']]), { extraParts: [{ name: 'xl/media/image1.png', data: Buffer.alloc(64 * 1024 * 1024) }] });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await readXlsxRows(bomb)).toBeNull();
  });
});

describe('xlsx round trip', () => {
  it('reads a pipeline file whose delivery dates are date cells or bare Excel day numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 30_000 }), fc.boolean(), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 10 }), async (projects) => {
        const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000);
        const header = ['spoor', 'projectcode', 'gemeente', 'partij', 'type woning', 'aantal woningen', 'voor statushouders', 'verwachte oplevering', 'status'];
        const rows = projects.map(([n, asDate, units], i) => ['FLEX-NL', `P-${i}`, 'GM0363', 'Partij', 'flexwoning', units, Math.floor(units / 2), asDate ? day(n) : excelSerial(day(n).toISOString().slice(0, 10)), 'planfase'] as Cell[]);
        const read = (await readXlsxRows(await workbook([{ name: 'Projecten', rows: [header, ...rows], merges: [] }])))!;
        const r = checkPipelineRows({ rows: read, knownTracks: PIPELINE_TRACKS, knownMunicipalities: PIPELINE_MUNICIPALITIES, scopeMunicipalities: null, today: PIPELINE_TODAY });
        expect(r.ok ? [] : r.errors).toEqual([]);
        expect(r.ok && r.rows.map((l) => [l.line, l.expectedDelivery, l.units])).toEqual(projects.map(([n, , units], i) => [i + 2, day(n).toISOString().slice(0, 10), units]));
      }),
      { numRuns: 15 },
    );
  });

  it('reads exactly the generated realisation and occupancy lines from typed cells (dates, numbers, formulas with results)', async () => {
    const days = daysWhere(PERIOD.from, PERIOD.to, () => true);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ m: fc.constantFrom(...MUNICIPALITIES.filter((m) => existsOnDate(m, PERIOD.from) && existsOnDate(m, PERIOD.to))), day: fc.constantFrom(...days), persons: fc.integer({ min: 1, max: 5000 }) }), {
          minLength: 1,
          maxLength: 20,
          selector: (l) => `${l.m.code}|${l.day}|${l.persons}`,
        }),
        fc.constantFrom('date', 'text', 'dutch-text'),
        fc.constantFrom('number', 'text', 'formula'),
        async (lines, dateAs, countAs) => {
          const date = (iso: string): Cell => (dateAs === 'date' ? new Date(`${iso}T00:00:00Z`) : dateAs === 'text' ? iso : iso.split('-').reverse().join('-'));
          const count = (n: number): Cell => (countAs === 'number' ? n : countAs === 'text' ? String(n) : { formula: `${n}*1`, result: n });
          const buffer = await workbook([{ name: 'Realisatie', rows: [['Gemeentecode', 'Datum', 'Personen'], ...lines.map((l) => [l.m.code, date(l.day), count(l.persons)])], merges: [] }]);
          const rows = (await readXlsxRows(buffer))!;
          const r = checkRealisationRows({ rows, source: 'coa', ...PERIOD, municipalities: MUNICIPALITIES });
          expect(r.errors).toEqual([]);
          expect(r.lines.map((l) => [l.line, l.municipalityCode, l.housedOn, l.persons])).toEqual(lines.map((l, i) => [i + 2, l.m.code, l.day, l.persons]));
          const occupancy = await workbook([{ name: 'Bezetting', rows: [['locatiecode', 'datum', 'bezetting'], ...lines.map((l, i) => ['TERAPEL', date(l.day), count(l.persons + i)])], merges: [] }]);
          const o = checkOccupancyRows({ rows: (await readXlsxRows(occupancy))!, locations: LOCATIONS, notAfter: NOT_AFTER });
          const unique = new Set(lines.map((l) => l.day)).size === lines.length;
          if (unique) expect(o.lines.reduce((s, l) => s + l.occupancy, 0)).toBe(lines.reduce((s, l, i) => s + l.persons + i, 0));
          else expect(o.errors.every((e) => e.field === null && /staat ook op regel/.test(e.message))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
