/** Workbooks with every kind of cell exceljs writes, for the xlsx-level and API-level fuzz tests. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';

const xmlAllowed = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0xfffe && c !== 0xffff && (c < 0xd800 || c > 0xdfff));

export type Cell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

/** Every kind of cell value exceljs writes, good and bad. */
export const cellValue: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>('GM0363', 'gemeentecode', 'datum', 'personen', 'locatiecode', 'bezetting', 'TERAPEL', '2022-03-01', '', ' ', '=SUM(A1:A3)'),
  // Any text XML can hold (exceljs writes control characters as they are, which makes the file unreadable).
  fc.string({ unit: 'binary', maxLength: 15 }).map((s) => [...s].filter((ch) => xmlAllowed(ch.codePointAt(0)!)).join('')),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date('1900-03-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.constantFrom(44_621, 1e20, -1e9, 3e6, 0.5).map((n): Cell => ({ value: n, numFmt: 'yyyy-mm-dd' })),
  fc.constantFrom<Cell>(
    { formula: 'SUM(B1:B3)', result: 7 },
    { formula: 'B1', result: 'GM0363' },
    { formula: 'TODAY()', result: new Date('2022-03-01') },
    { formula: 'SUM(B1:B3)' } as ExcelJS.CellFormulaValue,
    { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue,
    { error: '#N/A' } as ExcelJS.CellErrorValue,
    { richText: [{ text: 'GM' }, { font: { bold: true }, text: '0363' }] },
    { text: 'GM0363', hyperlink: 'https://example.nl' },
  ),
);

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges: [number, number, number, number][];
}

export const sheetSpec: fc.Arbitrary<SheetSpec> = fc.record({
  name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}$/),
  rows: fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 8 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 2 }),
});

export async function workbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`${s.name.trim() || 'Blad'} ${i}`);
    s.rows.forEach((r, y) =>
      r.forEach((c, x) => {
        const cell = ws.getCell(y + 1, x + 1);
        if (c !== null && typeof c === 'object' && 'numFmt' in c) {
          cell.value = c.value;
          cell.numFmt = c.numFmt;
        } else cell.value = c as ExcelJS.CellValue;
      }),
    );
    for (const [top, left, h, w] of s.merges) {
      try {
        ws.mergeCells(top, left, top + h, left + w);
      } catch {
        // overlapping merges are refused by exceljs itself; the file is still written without them
      }
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
