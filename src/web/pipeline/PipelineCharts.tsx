import { useId } from 'react';
import { ChartFrame, FiguresTable, type ChartTable } from '../shared/chart/ChartFrame.tsx';
import { provinceName, SeriesPatterns, SeriesSwatch, usePipelineT } from './common.tsx';
import { priceTable, timelineSeries } from './logic.ts';
import type { PricePoint, TrackExpectation } from './types.ts';

const W = 720;
const H = 280;
const PAD = { left: 52, right: 16, top: 16, bottom: 44 };

function Legend({ names }: { names: readonly string[] }) {
  return (
    <ul className="rt-pipeline-legend" aria-hidden="true">
      {names.map((name, i) => (
        <li key={name}>
          <SeriesSwatch index={i} />
          {name}
        </li>
      ))}
    </ul>
  );
}

/** Expected homes for permit holders per month, stacked per track; its figures in the chart frame. */
export function TimelineChart({ tracks }: { tracks: readonly TrackExpectation[] }) {
  const { m, number, month, shortMonth } = usePipelineT();
  const prefix = useId().replace(/:/g, '');
  const descId = useId();
  const s = timelineSeries(tracks);
  if (s.tracks.length === 0) return <p>{m.timeline.empty}</p>;
  const n = s.months.length;
  const step = (W - PAD.left - PAD.right) / Math.max(1, n);
  const barW = Math.max(4, step * 0.7);
  const y = (v: number) => PAD.top + (1 - v / s.max) * (H - PAD.top - PAD.bottom);
  const ticks = [...new Set([0, Math.round(s.max / 2), s.max])];
  // Label every month when there is room, otherwise every third.
  const every = n > 18 ? 3 : 1;

  const chart = (captionId: string) => (
    <svg className="rt-pipeline-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={captionId} aria-describedby={descId}>
        <desc id={descId}>{m.timeline.chartDesc}</desc>
        <SeriesPatterns prefix={prefix} count={s.tracks.length} />
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="rt-pipeline-chart__grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="rt-pipeline-chart__label">
              {number(v)}
            </text>
          </g>
        ))}
        {s.months.map((mo, i) => {
          let base = 0;
          const x = PAD.left + i * step + (step - barW) / 2;
          return (
            <g key={mo} data-month={mo}>
              {s.tracks.map((t, ti) => {
                const v = t.values[i] ?? 0;
                if (v === 0) return null;
                const top = y(base + v);
                const height = y(base) - top;
                base += v;
                return <rect key={t.code} x={x} y={top} width={barW} height={height} fill={`url(#${prefix}-${ti})`} stroke="#ffffff" strokeWidth="0.5" />;
              })}
              {i % every === 0 ? (
                <text x={x + barW / 2} y={H - PAD.bottom + 16} textAnchor="middle" className="rt-pipeline-chart__label" aria-hidden="true">
                  {shortMonth(mo)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
  );
  const table: ChartTable = {
    caption: m.timeline.caption,
    columns: [{ header: m.timeline.colMonth }, ...s.tracks.map((t) => ({ header: t.code, numeric: true })), { header: m.timeline.colTotal, numeric: true }],
    rows: s.months.map((mo, i) => [month(mo), ...s.tracks.map((t) => t.values[i] ?? 0), s.totals[i] ?? 0]),
  };
  return (
    <div className="rt-pipeline-chart">
      <ChartFrame caption={m.timeline.chartTitle} chart={chart} table={table} footer={<Legend names={s.tracks.map((t) => t.name)} />} />
    </div>
  );
}

/** Mean cost per home per group and half-year, in euros (the CSV gets euros, not the API's cents). */
function priceChartTable(points: readonly PricePoint[], caption: string, groupHeader: string, groupLabel: (g: string) => string, euro: (cents: number) => string): ChartTable {
  const t = priceTable(points);
  return {
    caption,
    columns: [{ header: groupHeader }, ...t.periods.map((p) => ({ header: p, numeric: true, format: (v: number) => euro(v * 100) }))],
    rows: t.groups.map((g) => [groupLabel(g), ...t.periods.map((p) => {
      const v = t.value(g, p);
      return v === null ? null : Math.round(v) / 100;
    })]),
  };
}

/**
 * The price signal: mean cost per home per half-year, a line per track, and the tables per track and per province
 * (the province table always shows; it has no chart of its own).
 */
export function PriceSignal({ byTrack, byProvince }: { byTrack: readonly PricePoint[]; byProvince: readonly PricePoint[] }) {
  const { m, euro } = usePipelineT();
  const prefix = useId().replace(/:/g, '');
  const descId = useId();
  if (byTrack.length === 0 && byProvince.length === 0) return <p>{m.prices.empty}</p>;
  const t = priceTable(byTrack);
  const h = 220;
  const x = (i: number) => PAD.left + 20 + (i * (W - PAD.left - PAD.right - 40)) / Math.max(1, t.periods.length - 1);
  // A round top of the scale (a multiple of € 50.000), so the ticks read 0, 125k, 250k rather than 0, 123k, 245k.
  const top = Math.ceil(t.max / 5_000_000) * 5_000_000;
  const y = (cents: number) => PAD.top + (1 - cents / top) * (h - PAD.top - PAD.bottom);
  const ticks = [0, top / 2, top];
  const chart = (captionId: string) => (
    <svg className="rt-pipeline-chart__svg" viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={captionId} aria-describedby={descId}>
        <desc id={descId}>{m.prices.chartDesc}</desc>
        <SeriesPatterns prefix={prefix} count={t.groups.length} />
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="rt-pipeline-chart__grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="rt-pipeline-chart__label">
              {`${Math.round(v / 100_000)}k`}
            </text>
          </g>
        ))}
        {t.periods.map((p, i) => (
          <text key={p} x={x(i)} y={h - PAD.bottom + 16} textAnchor="middle" className="rt-pipeline-chart__label" aria-hidden="true">
            {p}
          </text>
        ))}
        {t.groups.map((g, gi) => {
          const pts = t.periods.map((p, i) => [i, t.value(g, p)] as const).filter((pt): pt is readonly [number, number] => pt[1] !== null);
          const colour = `url(#${prefix}-${gi})`;
          return (
            <g key={g} data-track={g}>
              <polyline points={pts.map(([i, v]) => `${x(i)},${y(v)}`).join(' ')} fill="none" stroke={colour} strokeWidth="3" />
              {pts.map(([i, v]) => (
                <circle key={i} cx={x(i)} cy={y(v)} r="5" fill={colour} stroke="#ffffff">
                  <title>{`${g}, ${t.periods[i]}: ${euro(v)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
  );
  return (
    <>
      {byTrack.length > 0 ? (
        <div className="rt-pipeline-chart">
          <ChartFrame
            caption={m.prices.chartTitle}
            chart={chart}
            table={priceChartTable(byTrack, m.prices.byTrackCaption, m.prices.colGroup, (g) => g, euro)}
            footer={<Legend names={t.groups} />}
          />
        </div>
      ) : null}
      {byProvince.length > 0 ? <FiguresTable table={priceChartTable(byProvince, m.prices.byProvinceCaption, m.prices.colProvince, provinceName, euro)} /> : null}
    </>
  );
}
