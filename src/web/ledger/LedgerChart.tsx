import { useId } from 'react';
import { ChartFrame, type ChartTable } from '../shared/chart/ChartFrame.tsx';
import { PaceBadge, useLedgerT } from './common.tsx';
import type { LedgerPeriodView } from './types.ts';

const W = 600;
const H = 260;
const PAD = { left: 56, right: 16, top: 16, bottom: 40 };

/** Cumulative realisation against the pace line, per month; in the shared chart frame (table, CSV, SVG, PNG). */
export function LedgerChart({ line }: { line: LedgerPeriodView }) {
  const { m, number, month, locale } = useLedgerT();
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const descId = useId();
  const months = line.months;
  const max = Math.max(1, line.corrected, ...months.map((x) => Math.max(x.cumulative, x.target)));
  const x = (i: number) => PAD.left + ((i + 1) * (W - PAD.left - PAD.right)) / Math.max(1, months.length);
  const y = (v: number) => PAD.top + (1 - Math.max(0, v) / max) * (H - PAD.top - PAD.bottom);
  const points = (values: number[]) => [`${PAD.left},${y(0)}`, ...values.map((v, i) => `${x(i)},${y(v)}`)].join(' ');
  const ticks = [0, max / 2, max].map((v) => Math.round(v));

  const table: ChartTable = {
    caption: m.municipality.monthsCaption(line.period),
    columns: [
      { header: m.municipality.colMonth },
      { header: m.municipality.colRealisedMonth, numeric: true },
      { header: m.municipality.colCumulative, numeric: true },
      { header: m.municipality.colTarget, numeric: true },
      {
        header: m.municipality.colStatus,
        render: (_value, i) => {
          const mo = months[i];
          if (!mo) return null;
          return (
            <>
              <PaceBadge status={mo.status} />
              {mo.excusedReason ? <span lang="nl"> ({mo.excusedReason})</span> : null}
            </>
          );
        },
      },
    ],
    rows: months.map((mo) => [
      month(mo.month),
      mo.realised,
      mo.cumulative,
      Math.ceil(mo.target),
      mo.status ? `${m.pace[mo.status] ?? mo.status}${mo.excusedReason ? ` (${mo.excusedReason})` : ''}` : null,
    ]),
  };

  return (
    <div className="rt-ledger-chart">
      <ChartFrame
        caption={m.municipality.chartTitle(line.period)}
        table={table}
        chart={(captionId) => (
          <>
            <svg className="rt-ledger-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={captionId} aria-describedby={descId}>
              <desc id={descId}>{m.municipality.chartDesc}</desc>
              {ticks.map((v) => (
                <g key={v} aria-hidden="true">
                  <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="rt-ledger-chart__grid" />
                  <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="rt-ledger-chart__label">
                    {number(v)}
                  </text>
                </g>
              ))}
              {months.map((mo, i) => (
                <text key={mo.month} x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" className="rt-ledger-chart__label" aria-hidden="true">
                  {shortMonth.format(new Date(`${mo.month}-01T00:00:00Z`))}
                </text>
              ))}
              <polyline points={points(months.map((mo) => mo.target))} className="rt-ledger-chart__target" />
              <polyline points={points(months.map((mo) => mo.cumulative))} className="rt-ledger-chart__realised" />
              {months.map((mo, i) => (
                <circle key={mo.month} cx={x(i)} cy={y(mo.cumulative)} r="3.5" className="rt-ledger-chart__dot" />
              ))}
            </svg>
            <ul className="rt-ledger-months">
              {months.map((mo) => (
                <li key={mo.month}>
                  {month(mo.month)}: <PaceBadge status={mo.status} />
                </li>
              ))}
            </ul>
          </>
        )}
        footer={
          <ul className="rt-ledger-chart__legend" aria-hidden="true">
            <li>
              <span className="rt-ledger-chart__key rt-ledger-chart__key--realised" />
              {m.municipality.legendRealised}
            </li>
            <li>
              <span className="rt-ledger-chart__key rt-ledger-chart__key--target" />
              {m.municipality.legendTarget}
            </li>
          </ul>
        }
      />
    </div>
  );
}
