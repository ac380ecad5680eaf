import { useId } from 'react';
import { niceScale, segments } from './chart-math.ts';

/**
 * Small SVG charts of our own (no chart library is a dependency), for the reception and projection pages. Every chart
 * sits in the shared ChartFrame (src/web/shared/chart) with its figures as a table and as CSV, so nothing is shown
 * only as a picture. Lines differ in dash pattern and marker as well as colour; the legend says which is which.
 * (Generic enough for src/web/ui; kept here until a third feature needs it.)
 */

export type LineVariant = 'measured' | 'capacity' | 'norm' | 'forecast' | 'alt';
export interface ChartLine {
  key: string;
  label: string;
  values: readonly (number | null)[];
  variant: LineVariant;
}
export interface ChartBand {
  key: string;
  label: string;
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
  variant?: 'measured' | 'alt';
}
export interface ChartMarkers {
  key: string;
  label: string;
  points: readonly { index: number; value: number }[];
}

const W = 720;
const H = 300;
const PAD = { left: 68, right: 16, top: 14, bottom: 34 };

/** A legend entry's sample: the same stroke, dash and fill as in the chart. */
function Swatch({ kind }: { kind: LineVariant | 'band' | 'band-alt' | 'marker' | 'bar-capacity' | 'bar-occupancy' }) {
  return (
    <svg className="rt-chart__swatch" viewBox="0 0 32 14" aria-hidden="true" focusable="false">
      {kind === 'bar-capacity' || kind === 'bar-occupancy' ? (
        <rect x="1" y={kind === 'bar-capacity' ? 1 : 4} width="30" height={kind === 'bar-capacity' ? 12 : 6} className={`rt-chart__bar rt-chart__${kind.replace('bar-', 'bar--')}`} />
      ) : kind === 'band' || kind === 'band-alt' ? (
        <rect x="1" y="2" width="30" height="10" className={`rt-chart__band rt-chart__band--${kind === 'band' ? 'measured' : 'alt'}`} />
      ) : kind === 'marker' ? (
        <circle cx="16" cy="7" r="5" className="rt-chart__marker" />
      ) : (
        <line x1="1" x2="31" y1="7" y2="7" className={`rt-chart__line rt-chart__line--${kind}`} />
      )}
    </svg>
  );
}

export function ChartLegend({
  lines = [],
  bands = [],
  markers = [],
  bars = [],
}: {
  lines?: readonly ChartLine[];
  bands?: readonly ChartBand[];
  markers?: readonly ChartMarkers[];
  bars?: readonly { key: 'capacity' | 'occupancy'; label: string }[];
}) {
  return (
    <ul className="rt-chart__legend">
      {bars.map((b) => (
        <li key={b.key}>
          <Swatch kind={`bar-${b.key}`} />
          {b.label}
        </li>
      ))}
      {lines.map((l) => (
        <li key={l.key}>
          <Swatch kind={l.variant} />
          {l.label}
        </li>
      ))}
      {bands.map((b) => (
        <li key={b.key}>
          <Swatch kind={b.variant === 'alt' ? 'band-alt' : 'band'} />
          {b.label}
        </li>
      ))}
      {markers.map((m) => (
        <li key={m.key}>
          <Swatch kind="marker" />
          {m.label}
        </li>
      ))}
    </ul>
  );
}

export interface LineChartProps {
  labelledBy: string;
  description: string;
  /** Points on the x axis, evenly spaced (days or weeks). */
  count: number;
  ticks: readonly { index: number; label: string }[];
  lines: readonly ChartLine[];
  bands?: readonly ChartBand[];
  markers?: readonly ChartMarkers[];
  format: (n: number) => string;
  /** An index from which on the chart is shaded as "future" (the forecast). */
  futureFrom?: number | null;
}

/** A time series chart: lines with gaps, shaded bands, point markers (breach days), y axis from 0. */
export function LineChart({ labelledBy, description, count, ticks, lines, bands = [], markers = [], format, futureFrom = null }: LineChartProps) {
  const descId = useId();
  const all = [...lines.flatMap((l) => l.values), ...bands.flatMap((b) => b.upper), ...markers.flatMap((m) => m.points.map((p) => p.value))];
  const scale = niceScale(Math.max(0, ...all.filter((v): v is number => v !== null && Number.isFinite(v))));
  const x = (i: number) => PAD.left + (count <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (count - 1));
  const y = (v: number) => PAD.top + (1 - Math.max(0, v) / scale.max) * (H - PAD.top - PAD.bottom);
  const path = (run: [number, number][]) => run.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');

  return (
    <svg className="rt-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={labelledBy} aria-describedby={descId}>
      <desc id={descId}>{description}</desc>
      {futureFrom !== null && futureFrom < count ? (
        <rect x={x(futureFrom)} y={PAD.top} width={x(count - 1) - x(futureFrom)} height={H - PAD.top - PAD.bottom} className="rt-chart__future" />
      ) : null}
      {scale.ticks.map((v) => (
        <g key={v} aria-hidden="true">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="rt-chart__grid" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="rt-chart__label">
            {format(v)}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={t.index} aria-hidden="true">
          <line x1={x(t.index)} x2={x(t.index)} y1={H - PAD.bottom} y2={H - PAD.bottom + 5} className="rt-chart__axis" />
          <text x={x(t.index)} y={H - PAD.bottom + 20} textAnchor={t.index === 0 ? 'start' : 'middle'} className="rt-chart__label">
            {t.label}
          </text>
        </g>
      ))}
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="rt-chart__axis" />
      {bands.map((b) =>
        segments(b.upper.map((u, i) => (u === null || b.lower[i] === null || b.lower[i] === undefined ? null : u))).map((run) => (
          <polygon
            key={`${b.key}-${run[0]![0]}`}
            points={`${path(run)} ${path(run.map(([i]) => [i, b.lower[i] as number] as [number, number]).reverse())}`}
            className={`rt-chart__band rt-chart__band--${b.variant ?? 'measured'}`}
          />
        )),
      )}
      {lines.map((l) =>
        segments(l.values).map((run) =>
          run.length === 1 ? (
            <circle key={`${l.key}-${run[0]![0]}`} cx={x(run[0]![0])} cy={y(run[0]![1])} r="2.5" className={`rt-chart__dot rt-chart__dot--${l.variant}`} />
          ) : (
            <polyline key={`${l.key}-${run[0]![0]}`} points={path(run)} className={`rt-chart__line rt-chart__line--${l.variant}`} />
          ),
        ),
      )}
      {markers.map((m) => m.points.map((p) => <circle key={`${m.key}-${p.index}`} cx={x(p.index)} cy={y(p.value)} r="4" className="rt-chart__marker" />))}
    </svg>
  );
}

export interface BarRow {
  key: string;
  label: string;
  capacity: number;
  occupancy: number;
}

/**
 * Horizontal bars, one row per kind: capacity as a light bar with a border, occupancy as a dark bar inside it (or
 * beyond it, when over capacity), with both figures written at the end of the row.
 */
export function BarChart({ labelledBy, description, rows, format, valueText }: { labelledBy: string; description: string; rows: readonly BarRow[]; format: (n: number) => string; valueText: (row: BarRow) => string }) {
  const descId = useId();
  const rowH = 40;
  const left = 220;
  const right = 170;
  const height = rows.length * rowH + 34;
  const scale = niceScale(Math.max(0, ...rows.map((r) => Math.max(r.capacity, r.occupancy))));
  const w = (v: number) => (Math.max(0, v) / scale.max) * (W - left - right);
  return (
    <svg className="rt-chart__svg" viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={labelledBy} aria-describedby={descId}>
      <desc id={descId}>{description}</desc>
      {scale.ticks.map((v) => (
        <g key={v} aria-hidden="true">
          <line x1={left + w(v)} x2={left + w(v)} y1={4} y2={height - 26} className="rt-chart__grid" />
          <text x={left + w(v)} y={height - 8} textAnchor="middle" className="rt-chart__label">
            {format(v)}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const top = 8 + i * rowH;
        return (
          <g key={r.key}>
            <text x={left - 8} y={top + 20} textAnchor="end" className="rt-chart__label">
              {r.label}
            </text>
            <rect x={left} y={top + 2} width={w(r.capacity)} height={rowH - 12} className="rt-chart__bar rt-chart__bar--capacity" />
            <rect x={left} y={top + 9} width={w(r.occupancy)} height={rowH - 26} className="rt-chart__bar rt-chart__bar--occupancy" />
            <text x={left + Math.max(w(r.capacity), w(r.occupancy)) + 6} y={top + 20} className="rt-chart__label">
              {valueText(r)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
