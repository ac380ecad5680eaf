import { useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/index.tsx';
import { Button, Paragraph, Table, TableBody, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.ts';
import './chart.css';
import { en, nl, type ChartMessages } from './messages.ts';
import { cellText, chartCsv, fileBaseName, inlineStyle, svgDataUrl, svgFile, viewBoxSize, type CellValue, type ChartColumn, type ChartTable } from './serialise.ts';

export type { CellValue, ChartColumn, ChartTable } from './serialise.ts';

export interface ChartFrameProps {
  /** The figure's caption: names the chart (as `labelledBy` when `chart` is a function) and the downloaded files. */
  caption: string;
  /** The chart: an inline <svg> (the first one inside is what SVG and PNG save), or a function of the caption's id. */
  chart: ReactNode | ((captionId: string) => ReactNode);
  /**
   * The chart's figures, given once: the table alternative and the CSV are both made from these, so they cannot
   * differ. Several tables (measured and forecast days) show one under the other and share one CSV.
   */
  table: ChartTable | readonly ChartTable[];
  /** Under the chart, hidden with it: the legend. Its items (`li`) also go into the SVG and PNG files. */
  footer?: ReactNode;
  testId?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FORMATS = ['csv', 'svg', 'png'] as const;
type Format = (typeof FORMATS)[number];

/** The frame's texts and number format in the current language. */
function useChartT() {
  const i18n = useT();
  const m: ChartMessages = i18n.lang === 'en' ? en : nl;
  const decimals = new Intl.NumberFormat(i18n.lang === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 });
  return { m, number: (n: number) => decimals.format(n) };
}

/**
 * Every chart of the app sits in this frame: a caption, "Toon als tabel" / "Toon als grafiek" (the same figures as
 * a table, for screen readers and for copying), and downloads as CSV (Dutch Excel), SVG (styles inlined, so the file
 * stands alone) and PNG (the SVG drawn onto a canvas). The chart stays in the page while the table shows, hidden,
 * so SVG and PNG can still be saved.
 */
export function ChartFrame({ caption, chart, table, footer, testId }: ChartFrameProps) {
  const { m, number } = useChartT();
  const [asTable, setAsTable] = useState(false);
  const [failed, setFailed] = useState(false);
  const captionId = useId();
  const bodyId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const footerRef = useRef<HTMLDivElement>(null);
  const tables: readonly ChartTable[] = Array.isArray(table) ? table : [table as ChartTable];
  const base = fileBaseName(caption);

  const chartSvg = () => chartRef.current?.querySelector('svg') ?? null;
  const standalone = () => {
    const svg = chartSvg();
    return svg ? standaloneSvg(svg, caption, footerRef.current) : null;
  };
  const chartFile = () => {
    const file = standalone();
    if (!file) throw new Error('no chart');
    return file;
  };
  const make = async (format: Format): Promise<Blob> => {
    if (format === 'csv') return new Blob([chartCsv(tables)], { type: 'text/csv;charset=utf-8' });
    if (format === 'svg') return new Blob([svgFile(chartFile().markup)], { type: 'image/svg+xml;charset=utf-8' });
    return pngOf(chartFile());
  };
  const save = (format: Format) => {
    setFailed(false);
    make(format)
      .then((blob) => saveFile(blob, `${base}.${format}`))
      .catch(() => setFailed(true));
  };
  const labels: Record<Format, string> = { csv: m.downloadCsv, svg: m.downloadSvg, png: m.downloadPng };

  return (
    <figure className="rt-chart-frame" data-testid={testId}>
      <figcaption className="rt-chart-frame__caption" id={captionId}>
        {caption}
      </figcaption>
      <div className="rt-chart-frame__tools">
        <Button appearance="secondary" aria-expanded={asTable} aria-controls={bodyId} onClick={() => setAsTable((v) => !v)}>
          {asTable ? m.showChart : m.showTable}
        </Button>
        <span className="rt-chart-frame__downloads">
          <span aria-hidden="true">{m.downloads}:</span>
          {FORMATS.map((f) => (
            <Button key={f} appearance="subtle" aria-label={m.downloadLabel(labels[f], caption)} onClick={() => save(f)}>
              {labels[f]}
            </Button>
          ))}
        </span>
      </div>
      {failed ? (
        <Paragraph role="alert" className="rt-chart-frame__error">
          {m.failed}
        </Paragraph>
      ) : null}
      <div id={bodyId} className="rt-chart-frame__body">
        <div ref={chartRef} hidden={asTable} className="rt-chart-frame__chart">
          {typeof chart === 'function' ? chart(captionId) : chart}
        </div>
        {footer ? (
          <div ref={footerRef} hidden={asTable}>
            {footer}
          </div>
        ) : null}
        {asTable ? tables.map((t) => <DataTable key={t.caption} table={t} number={number} empty={m.noValue} />) : null}
      </div>
    </figure>
  );
}

/** A ChartTable as a table on its own, for figures that have no chart (they show as the frame's tables do). */
export function FiguresTable({ table }: { table: ChartTable }) {
  const { m, number } = useChartT();
  return <DataTable table={table} number={number} empty={m.noValue} />;
}

function DataTable({ table, number, empty }: { table: ChartTable; number: (n: number) => string; empty: string }) {
  const cell = (column: ChartColumn | undefined, value: CellValue, rowIndex: number) =>
    column?.render ? column.render(value, rowIndex) : cellText(column ?? { header: '' }, value, number, empty);
  const numeric = (column: ChartColumn | undefined, value: CellValue) => (column?.numeric || typeof value === 'number' ? 'rt-numeric' : undefined);
  const line = (row: readonly CellValue[], rowIndex: number) =>
    row.map((value, i) =>
      i === 0 ? (
        <TableHeaderCell key={i} scope="row" className="rt-nowrap">
          {cell(table.columns[0], value, rowIndex)}
        </TableHeaderCell>
      ) : (
        <TableCell key={i} className={numeric(table.columns[i], value)}>
          {cell(table.columns[i], value, rowIndex)}
        </TableCell>
      ),
    );
  return (
    <Table caption={table.caption}>
      <TableHeader>
        <TableRow>
          {table.columns.map((c, i) => (
            <TableHeaderCell key={i} scope="col" className={c.numeric ? 'rt-numeric' : undefined}>
              {c.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {table.rows.map((row, i) => (
          <TableRow key={i}>{line(row, i)}</TableRow>
        ))}
      </TableBody>
      {table.footer ? (
        <TableFooter>
          <TableRow>{line(table.footer, table.rows.length)}</TableRow>
        </TableFooter>
      ) : null}
    </Table>
  );
}

/** Saves a file through a temporary link (a blob: URL is a navigation, which the CSP leaves alone). */
function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob after click() returns; a minute is ample and frees it afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface StandaloneSvg {
  markup: string;
  width: number;
  height: number;
}

/**
 * A copy of the chart that needs no stylesheet: every element carries its computed presentation as a style
 * attribute, on a white background, with the caption above and the legend's items below.
 */
function standaloneSvg(svg: SVGSVGElement, caption: string, legend: HTMLElement | null): StandaloneSvg {
  const box = viewBoxSize(svg.getAttribute('viewBox')) ?? { width: svg.clientWidth || 720, height: svg.clientHeight || 300 };
  const clone = inlined(svg);
  const font = getComputedStyle(svg).fontFamily || 'sans-serif';
  const top = 28;
  const items = [...(legend?.querySelectorAll('li') ?? [])];
  const row = 20;
  const width = box.width;
  const height = top + box.height + (items.length > 0 ? 8 + items.length * row : 0);

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const text = (x: number, y: number, content: string, size: number, weight = 'normal') => {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(x));
    t.setAttribute('y', String(y));
    t.setAttribute('style', `font-family:${font};font-size:${size}px;font-weight:${weight};fill:#000000`);
    t.textContent = content;
    return t;
  };
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(background, text(0, 18, caption, 15, 'bold'));
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  root.append(clone);
  items.forEach((li, i) => {
    const y = top + box.height + 8 + i * row;
    const swatch = li.querySelector('svg');
    if (swatch) {
      const s = inlined(swatch);
      s.setAttribute('x', '0');
      s.setAttribute('y', String(y));
      s.setAttribute('width', '32');
      s.setAttribute('height', '14');
      root.append(s);
    }
    root.append(text(40, y + 12, (li.textContent ?? '').trim(), 13));
  });
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

/** A deep copy of an SVG element with every element's computed presentation inlined. */
function inlined(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i]!;
    target.setAttribute('style', inlineStyle((p) => style.getPropertyValue(p)));
    target.removeAttribute('class');
  });
  for (const attr of ['role', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'focusable', 'tabindex']) clone.removeAttribute(attr);
  return clone;
}

/** The standalone SVG drawn onto a canvas at twice its size (sharp on a high-resolution screen), as PNG. */
async function pngOf(file: StandaloneSvg): Promise<Blob> {
  const image = new Image();
  image.src = svgDataUrl(file.markup);
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = file.width * scale;
  canvas.height = file.height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, file.width, file.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no png'))), 'image/png'));
}
