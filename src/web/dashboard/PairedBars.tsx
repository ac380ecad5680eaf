import { useId } from 'react';
import { ChartFrame, type ChartTable } from '../shared/chart/ChartFrame.tsx';
import { scaleMax } from './logic.ts';

export interface PairedRow {
  key: string;
  label: string;
  value: number;
  reference: number;
}

/**
 * Two horizontal bars per row, as light inline SVG (no chart library): the value filled, the reference it is measured
 * against as a dashed outline, so the two differ by shape as well as colour. In the shared chart frame: "Toon als
 * tabel" gives `table` (the same figures), and the chart downloads as CSV, SVG and PNG.
 */
export function PairedBars({
  caption,
  description,
  rows,
  legend,
  format,
  valueText,
  table,
  testId,
}: {
  caption: string;
  description: string;
  rows: readonly PairedRow[];
  legend: { value: string; reference: string };
  format: (n: number) => string;
  valueText: (r: PairedRow) => string;
  table: ChartTable;
  testId?: string;
}) {
  const descId = useId();
  const max = scaleMax(Math.max(0, ...rows.flatMap((r) => [r.value, r.reference])));
  const LABEL = 150;
  const WIDTH = 640;
  const ROW = 30;
  const barWidth = WIDTH - LABEL - 110;
  const x = (v: number) => (max > 0 ? (Math.max(0, v) / max) * barWidth : 0);
  const height = rows.length * ROW + 8;
  return (
    <ChartFrame
      testId={testId}
      caption={caption}
      table={table}
      chart={(captionId) => (
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
      )}
      footer={
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
      }
    />
  );
}
