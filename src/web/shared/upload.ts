/**
 * The pure parts of every file upload page (pipeline projects, COA occupancy, COA realisations): which format a file
 * is, its bytes as the API wants them, and the server's line errors split for display. No React: unit-tested in
 * upload.test.ts.
 */
import type { InvalidParam } from '../api/client.ts';

export type UploadFormat = 'csv' | 'xlsx';

/** The format by the file name: `.csv` or `.txt` → 'csv', `.xlsx` → 'xlsx', anything else (also old `.xls`) → null. */
export function uploadFormat(fileName: string): UploadFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/** The bytes of a file as base64 (what the upload sends for an Excel file), in chunks so large files do not overflow. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * One complaint about the file as line / field / message. The server names it `regel 3: gemeente` and repeats the
 * line and field at the start of its reason ('regel 3, gemeente: …'); the page shows them once.
 */
export function lineError(p: InvalidParam): { line: number | null; field: string; message: string } {
  const named = /^regel (\d+)(?::\s*(.*))?$/.exec(p.name);
  const line = p.line ?? (named ? Number(named[1]) : null);
  const field = named ? (named[2] ?? '') : p.name;
  const message = p.reason.replace(/^regel \d+(?:,\s*[^:]*)?:\s*/, '');
  return { line, field, message };
}

/** Accept attribute of a file field for CSV or Excel. */
export const CSV_OR_XLSX = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
