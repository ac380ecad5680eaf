import { useId, useState, type ReactNode } from 'react';
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
import { provinceName, SeriesPatterns, SeriesSwatch, usePipelineT } from './common.tsx';
import { priceTable, timelineSeries } from './logic.ts';
import type { PricePoint, TrackExpectation } from './types.ts';

const W = 720;
const H = 280;
const PAD = { left: 52, right: 16, top: 16, bottom: 44 };

/** A chart with a button that shows the same figures as a table instead (the text alternative). */
function ChartOrTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  const { m } = usePipelineT();
  const [asTable, setAsTable] = useState(false);
  const bodyId = useId();
  return (
    <div className="rt-pipeline-chart">
      <Button appearance="secondary" aria-expanded={asTable} aria-controls={bodyId} onClick={() => setAsTable((v) => !v)}>
        {asTable ? m.timeline.showChart : m.timeline.showTable}
      </Button>
      <div id={bodyId}>{asTable ? table : chart}</div>
    </div>
  );
}

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

/** Expected homes for permit holders per month, stacked per track; "Toon als tabel" gives the figures. */
export function TimelineChart({ tracks }: { tracks: readonly TrackExpectation[] }) {
  const { m, number, month, shortMonth } = usePipelineT();
  const prefix = useId().replace(/:/g, '');
  const titleId = useId();
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

  const chart = (
    <>
      <svg className="rt-pipeline-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{m.timeline.chartTitle}</title>
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
      <Legend names={s.tracks.map((t) => t.name)} />
    </>
  );
  const table = (
    <Table caption={m.timeline.caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{m.timeline.colMonth}</TableHeaderCell>
          {s.tracks.map((t) => (
            <TableHeaderCell key={t.code} scope="col" className="rt-numeric">
              {t.code}
            </TableHeaderCell>
          ))}
          <TableHeaderCell scope="col" className="rt-numeric">
            {m.timeline.colTotal}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {s.months.map((mo, i) => (
          <TableRow key={mo}>
            <TableHeaderCell scope="row">{month(mo)}</TableHeaderCell>
            {s.tracks.map((t) => (
              <TableCell key={t.code} className="rt-numeric">
                {number(t.values[i] ?? 0)}
              </TableCell>
            ))}
            <TableCell className="rt-numeric">{number(s.totals[i] ?? 0)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return <ChartOrTable chart={chart} table={table} />;
}

function PriceTableView({ points, caption, groupHeader, groupLabel }: { points: readonly PricePoint[]; caption: string; groupHeader: string; groupLabel: (g: string) => string }) {
  const { euro, m } = usePipelineT();
  const t = priceTable(points);
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{groupHeader}</TableHeaderCell>
          {t.periods.map((p) => (
            <TableHeaderCell key={p} scope="col" className="rt-numeric">
              {p}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {t.groups.map((g) => (
          <TableRow key={g}>
            <TableHeaderCell scope="row">{groupLabel(g)}</TableHeaderCell>
            {t.periods.map((p) => {
              const v = t.value(g, p);
              return (
                <TableCell key={p} className="rt-numeric">
                  {v === null ? m.noValue : euro(v)}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The price signal: mean cost per home per half-year, a line per track, and the tables per track and per province
 * (the province table always shows; it has no chart of its own).
 */
export function PriceSignal({ byTrack, byProvince }: { byTrack: readonly PricePoint[]; byProvince: readonly PricePoint[] }) {
  const { m, euro } = usePipelineT();
  const prefix = useId().replace(/:/g, '');
  const titleId = useId();
  const descId = useId();
  if (byTrack.length === 0 && byProvince.length === 0) return <p>{m.prices.empty}</p>;
  const t = priceTable(byTrack);
  const h = 220;
  const x = (i: number) => PAD.left + 20 + (i * (W - PAD.left - PAD.right - 40)) / Math.max(1, t.periods.length - 1);
  // A round top of the scale (a multiple of € 50.000), so the ticks read 0, 125k, 250k rather than 0, 123k, 245k.
  const top = Math.ceil(t.max / 5_000_000) * 5_000_000;
  const y = (cents: number) => PAD.top + (1 - cents / top) * (h - PAD.top - PAD.bottom);
  const ticks = [0, top / 2, top];
  const chart = (
    <>
      <svg className="rt-pipeline-chart__svg" viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <title id={titleId}>{m.prices.chartTitle}</title>
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
      <Legend names={t.groups} />
    </>
  );
  return (
    <>
      {byTrack.length > 0 ? (
        <ChartOrTable chart={chart} table={<PriceTableView points={byTrack} caption={m.prices.byTrackCaption} groupHeader={m.prices.colGroup} groupLabel={(g) => g} />} />
      ) : null}
      {byProvince.length > 0 ? <PriceTableView points={byProvince} caption={m.prices.byProvinceCaption} groupHeader={m.prices.colProvince} groupLabel={provinceName} /> : null}
    </>
  );
}
