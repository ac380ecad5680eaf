import type { ReactNode } from 'react';

/**
 * The pure half of the chart frame: a chart's figures as table cells, the same cells as a CSV file for Dutch Excel,
 * and the bits of turning an inline SVG into a file that stands alone. No DOM here, so it is unit-tested in Node.
 */

/** One figure of a chart's table: a number (the CSV writes it plainly), a text, or nothing. */
export type CellValue = string | number | null;

export interface ChartColumn {
  header: string;
  /** Right-aligned (figures). Numbers are right-aligned whether or not this is set. */
  numeric?: boolean;
  /** How the table shows a number ("2.193", "109,7 %", "+289"); the CSV writes the number itself. */
  format?: (n: number) => string;
  /** A richer rendering of the same value in the table (a badge); its text must say what the value says. */
  render?: (value: CellValue, rowIndex: number) => ReactNode;
}

export interface ChartTable {
  caption: string;
  columns: readonly ChartColumn[];
  /** One array of cells per row, in column order; the first cell is the row's header. */
  rows: readonly (readonly CellValue[])[];
  /** A totals row under the body. */
  footer?: readonly CellValue[];
}

/** What the table shows for a value: '–' for nothing, a number in the column's (or the locale's) format. */
export function cellText(column: ChartColumn, value: CellValue, formatNumber: (n: number) => string, empty = '–'): string {
  if (value === null) return empty;
  if (typeof value === 'number') return column.format ? column.format(value) : formatNumber(value);
  return value;
}

/**
 * A number as Dutch Excel reads it: decimal comma, no thousands separator, an ASCII minus; floating-point noise
 * (0.1 + 0.2) rounded away at 12 significant digits.
 */
export function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(Number(n.toPrecision(12))).replace('.', ',');
}

/**
 * A text cell: quoted when it holds the separator, a quote or a line break. A text that Excel would run as a
 * formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvCell(value: CellValue): string {
  if (value === null) return '';
  return typeof value === 'number' ? csvNumber(value) : csvText(value);
}

const LINE = '\r\n';

function tableLines(table: ChartTable): string[] {
  const body = table.footer ? [...table.rows, table.footer] : table.rows;
  return [table.columns.map((c) => csvText(c.header)).join(';'), ...body.map((r) => r.map(csvCell).join(';'))];
}

/**
 * The CSV of a chart, as Dutch Excel opens it with a double click: UTF-8 with a byte order mark, semicolons,
 * decimal commas, CRLF. One table gives its header line and rows (and the totals row); several tables each start
 * with their caption and are separated by an empty line.
 */
export function chartCsv(tables: readonly ChartTable[]): string {
  const blocks = tables.length === 1 ? [tableLines(tables[0]!)] : tables.map((t) => [csvText(t.caption), ...tableLines(t)]);
  return `\uFEFF${blocks.map((b) => b.join(LINE)).join(LINE + LINE)}${LINE}`;
}

/** A file name from a caption: "Bezetting van Ter Apel, 2 april 2022" → "bezetting-van-ter-apel-2-april-2022". */
export function fileBaseName(caption: string): string {
  const slug = caption
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'grafiek';
}

/**
 * The presentation properties a chart's stylesheet sets on SVG elements; the downloaded file carries them as style
 * attributes, since the app's stylesheet (and its custom properties) does not travel with it.
 */
export const SVG_STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** A style attribute from computed values; `getValue` is getComputedStyle(el).getPropertyValue in the browser. */
export function inlineStyle(getValue: (property: string) => string): string {
  return SVG_STYLE_PROPERTIES.map((p) => [p, getValue(p).trim()] as const)
    .filter(([, v]) => v !== '')
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
}

/** Width and height of a chart from its viewBox ("0 0 720 300" → 720 × 300); null when it has none. */
export function viewBoxSize(viewBox: string | null): { width: number; height: number } | null {
  const parts = (viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[2]! <= 0 || parts[3]! <= 0) return null;
  return { width: parts[2]!, height: parts[3]! };
}

/** A serialised <svg> as a file: the XML declaration in front, so editors and browsers take it as UTF-8. */
export function svgFile(markup: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`;
}

/** A data: URL of an SVG file (the CSP allows data: images, not blob: ones), to draw it onto a canvas. */
export function svgDataUrl(markup: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
}
