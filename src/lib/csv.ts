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
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedField = false;
  const endRecord = () => {
    fields.push(field);
    // Blank lines (also trailing ones) are not records.
    if (!(fields.length === 1 && fields[0] === '' && !quotedField)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quotedField = false;
  };
  for (let i = 0; i < src.length; i++) {
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
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '') throw new CsvSyntaxError(line, `regel ${line}: aanhalingsteken midden in een veld`);
      field = '';
      inQuotes = true;
      quotedField = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      quotedField = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(recordLine, `regel ${recordLine}: aanhalingsteken wordt niet gesloten`);
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  return records;
}

/** Quotes a value for CSV output when needed. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
