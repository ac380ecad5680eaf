import { useId, useState, type ReactNode } from 'react';
import { Button } from '../ui/index.ts';
import { scaleMax } from './logic.ts';

export interface PairedRow {
  key: string;
  label: string;
  value: number;
  reference: number;
}

/**
 * Two horizontal bars per row, as light inline SVG (no chart library): the value filled, the reference it is measured
 * against as an outline, so the two differ by shape as well as colour. The figure's caption names the chart; a
 * button shows the same figures as a table (rendered only when opened), so nothing is shown only as a picture.
 */
export function PairedBars({
  caption,
  description,
  rows,
  legend,
  format,
  valueText,
  showTable,
  hideTable,
  table,
  testId,
}: {
  caption: string;
  description: string;
  rows: readonly PairedRow[];
  legend: { value: string; reference: string };
  format: (n: number) => string;
  valueText: (r: PairedRow) => string;
  showTable: string;
  hideTable: string;
  table: () => ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const captionId = useId();
  const descId = useId();
  const tableId = useId();
  const max = scaleMax(Math.max(0, ...rows.flatMap((r) => [r.value, r.reference])));
  const LABEL = 150;
  const WIDTH = 640;
  const ROW = 30;
  const barWidth = WIDTH - LABEL - 110;
  const x = (v: number) => (max > 0 ? (Math.max(0, v) / max) * barWidth : 0);
  const height = rows.length * ROW + 8;
  return (
    <figure className="rt-dash-chart" data-testid={testId}>
      <figcaption className="rt-dash-chart__caption" id={captionId}>
        {caption}
      </figcaption>
      <svg className="rt-dash-chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={captionId} aria-describedby={descId}>
        <desc id={descId}>{description}</desc>
        {rows.map((r, i) => {
          const top = 4 + i * ROW;
          return (
            <g key={r.key}>
              <title>{`${r.label}: ${valueText(r)}`}</title>
              <text x={LABEL - 8} y={top + 17} textAnchor="end" className="rt-dash-chart__label">
                {r.label}
              </text>
              <rect x={LABEL} y={top + 3} width={x(r.reference)} height={20} className="rt-dash-chart__reference" />
              <rect x={LABEL} y={top + 8} width={x(r.value)} height={10} className="rt-dash-chart__value" />
              <text x={LABEL + Math.max(x(r.value), x(r.reference)) + 6} y={top + 17} className="rt-dash-chart__label">
                {format(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="rt-dash-chart__legend">
        <li>
          <svg viewBox="0 0 32 14" className="rt-dash-chart__swatch" aria-hidden="true" focusable="false">
            <rect x="1" y="4" width="30" height="6" className="rt-dash-chart__value" />
          </svg>
          {legend.value}
        </li>
        <li>
          <svg viewBox="0 0 32 14" className="rt-dash-chart__swatch" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="30" height="12" className="rt-dash-chart__reference" />
          </svg>
          {legend.reference}
        </li>
      </ul>
      <Button appearance="secondary" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((v) => !v)}>
        {open ? hideTable : showTable}
      </Button>
      <div id={tableId} hidden={!open}>
        {open ? table() : null}
      </div>
    </figure>
  );
}
