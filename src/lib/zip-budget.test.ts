import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zip } from '../../test/fuzz/support/zip.ts';
import { zipWithinBudget } from './zip-budget.ts';

describe('zipWithinBudget: inflates every part, never more than the budget', () => {
  const mb = 1024 * 1024;

  it('passes a workbook written by exceljs, and one just at the budget', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Realisatie').addRows([['gemeentecode', 'datum', 'personen'], ['GM0363', '2022-03-01', 3]]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(zipWithinBudget(file, 10 * mb)).toBe(true);
    const exact = zip([{ name: 'a.xml', data: Buffer.alloc(1000) }, { name: 'b.xml', data: Buffer.alloc(24) }]);
    expect(zipWithinBudget(exact, 1024)).toBe(true);
    expect(zipWithinBudget(exact, 1023)).toBe(false);
  });

  it('counts the parts together and trusts no declared size', () => {
    const parts = zip([{ name: 'a.xml', data: Buffer.alloc(6 * mb) }, { name: 'b.xml', data: Buffer.alloc(6 * mb) }]);
    expect(zipWithinBudget(parts, 10 * mb)).toBe(false);
    const lying = zip([{ name: 'a.xml', data: Buffer.alloc(20 * mb), declaredSize: 100 }]);
    expect(zipWithinBudget(lying, 10 * mb)).toBe(false);
  });

  it('refuses what it cannot walk: no zip, a truncated one, a directory pointing outside the file', () => {
    expect(zipWithinBudget(Buffer.from('geen zip'), 10 * mb)).toBe(false);
    expect(zipWithinBudget(Buffer.alloc(0), 10 * mb)).toBe(false);
    const good = zip([{ name: 'a.xml', data: '<a/>' }]);
    expect(zipWithinBudget(good, mb)).toBe(true);
    expect(zipWithinBudget(good.subarray(0, good.length - 30), mb)).toBe(false);
    const outside = Buffer.from(good);
    // The central directory's offset (end record, +16) now points past the end.
    outside.writeUInt32LE(outside.length + 100, outside.length - 22 + 16);
    expect(zipWithinBudget(outside, mb)).toBe(false);
  });
});
