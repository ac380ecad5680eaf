import ExcelJS from 'exceljs';

/**
 * The first worksheet of an .xlsx file as text cells with their line numbers, the form the upload checkers read
 * (the same as a parsed CSV). Dates become ISO dates, formulas their result; null when the file is unreadable.
 */
export async function readXlsxRows(content: Buffer): Promise<{ line: number; fields: string[] }[] | null> {
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
    const values = (row.values as unknown[]).slice(1);
    rows.push({
      line,
      fields: values.map((v) => {
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        if (v && typeof v === 'object' && 'result' in v) return String((v as { result: unknown }).result ?? '');
        if (v && typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text ?? '');
        return v === null || v === undefined ? '' : String(v);
      }),
    });
  });
  return rows;
}
