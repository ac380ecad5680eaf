/**
 * A small RFC 4180 CSV reader that keeps the line number of every record, so errors can name the
 * line a person sees in Excel or a text editor. Handles quotes, doubled quotes, CRLF and a BOM.
 */
export interface CsvRecord {
  /** 1-based line number where the record starts in the file. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(text: string, delimiter: ',' | ';' = detectDelimiter(text)): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    let end = src.indexOf('\n', pos);
    if (end < 0) end = src.length;
    const raw = src.charCodeAt(end - 1) === 13 ? src.slice(pos, end - 1) : src.slice(pos, end);
    if (!raw.includes('"')) {
      // Fast path: most lines of real files have no quotes at all.
      if (raw !== '') records.push({ line, fields: raw.split(delimiter) });
      pos = end + 1;
      line++;
      continue;
    }
    const quoted = readQuotedRecord(src, pos, line, delimiter);
    records.push({ line, fields: quoted.fields });
    line = quoted.nextLine;
    pos = quoted.nextPos;
  }
  return records;
}

/** Reads one record that contains quotes, possibly spanning several lines. */
function readQuotedRecord(src: string, start: number, startLine: number, delimiter: string) {
  const fields: string[] = [];
  let field = '';
  let line = startLine;
  let inQuotes = false;
  let i = start;
  for (; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field.trim() !== '') throw new CsvSyntaxError(line, `regel ${line}: aanhalingsteken midden in een veld`);
      field = '';
      inQuotes = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      break;
    } else if (ch !== '\r' || src[i + 1] !== '\n') {
      field += ch;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(startLine, `regel ${startLine}: aanhalingsteken wordt niet gesloten`);
  fields.push(field);
  return { fields, nextPos: i + 1, nextLine: line + 1 };
}

/** Quotes a value for CSV output when needed. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
