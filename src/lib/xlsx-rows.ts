import ExcelJS from 'exceljs';
import { zipWithinBudget } from './zip-budget.ts';

/**
 * At most this much XML in one workbook once inflated. Our largest real upload (every municipality for a year of
 * realisations) is a few MB of XML; a sheet padded to 20 MB still reads. More is refused before exceljs sees it.
 */
export const XLSX_INFLATED_BUDGET = 50 * 1024 * 1024;

/**
 * The first worksheet of an .xlsx file as text cells with their line numbers, the form the upload checkers read
 * (the same as a parsed CSV). Dates become ISO dates, formulas their result; null when the file is unreadable.
 */
export async function readXlsxRows(content: Buffer): Promise<{ line: number; fields: string[] }[] | null> {
  if (!zipWithinBudget(content, XLSX_INFLATED_BUDGET)) return null;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: { line: number; fields: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    // row.values is sparse (an empty cell is a hole): Array.from turns every hole into ''.
    rows.push({ line, fields: Array.from((row.values as unknown[]).slice(1), cellText) });
  });
  return rows;
}

/**
 * The text of one cell value as exceljs gives it. A formula without a cached result (a file written by a program and
 * never opened in Excel) reads as its formula, and an unknown value as '#ONLEESBAAR', so a checker refuses the line
 * by name instead of reading an empty cell; a date Excel cannot show reads as 'ongeldige datum'.
 * `cellText({ richText: [{ text: 'GM' }, { text: '0363' }] })` → 'GM0363'
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'ongeldige datum' : v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if (o.result !== undefined) return cellText(o.result);
  if (typeof o.formula === 'string') return `=${o.formula}`;
  if (typeof o.sharedFormula === 'string') return `=${o.sharedFormula}`;
  if (Array.isArray(o.richText)) return o.richText.map((part: { text?: unknown } | null) => cellText(part?.text)).join('');
  if ('text' in o) return cellText(o.text);
  if (typeof o.error === 'string') return o.error;
  return '#ONLEESBAAR';
}
