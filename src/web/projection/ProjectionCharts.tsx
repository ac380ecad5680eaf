import { monthStarts } from '../reception/chart-math.ts';
import { ChartLegend, LineChart, type ChartBand, type ChartLine } from '../reception/charts.tsx';
import { ChartFrame } from '../shared/chart/ChartFrame.tsx';
import { useProjectionT } from './common.ts';
import type { BandSeries, Comparison, Projection } from './types.ts';

/** Half-yearly labels on a weekly axis (quarterly ones would overlap on two years). */
function useWeekTicks(weekStarts: readonly string[]) {
  const { axisMonth } = useProjectionT();
  return monthStarts(weekStarts, weekStarts.length > 60 ? 6 : 3).map((i) => ({ index: i, label: axisMonth(weekStarts[i]!) }));
}

/** One series of one projection: the P10–P90 band with the P50 line; for the registration centre also its norm. */
export function FanChart({ result, series }: { result: Projection; series: BandSeries }) {
  const { m, number, date, share } = useProjectionT();
  const ticks = useWeekTicks(result.weekStarts);
  const band = result.bands[series];
  const label = m.result.series[series] ?? series;
  const withNorm = series === 'registrationCentre';
  const lines: ChartLine[] = [];
  if (withNorm) lines.push({ key: 'norm', label: m.result.norm, variant: 'norm', values: result.weekStarts.map(() => result.registrationCentreNorm) });
  lines.push({ key: 'p50', label: m.result.p50, variant: 'measured', values: band.p50 });
  const bands: ChartBand[] = [{ key: 'band', label: m.result.band, lower: band.p10, upper: band.p90 }];
  return (
    <ChartFrame
      testId={`fan-${series}`}
      caption={m.result.fanCaption(label, result.scenario)}
      chart={(captionId) => (
        <LineChart
          labelledBy={captionId}
          description={m.result.fanDesc(label, withNorm)}
          count={result.weekStarts.length}
          ticks={ticks}
          lines={lines}
          bands={bands}
          format={number}
        />
      )}
      footer={<ChartLegend lines={lines} bands={bands} />}
      table={{
        caption: m.result.fanCaption(label, result.scenario),
        columns: [
          { header: m.result.colWeek },
          { header: 'P10', format: number },
          { header: 'P50', format: number },
          { header: 'P90', format: number },
          ...(withNorm ? [{ header: m.result.norm, format: number }, { header: m.result.colOverNorm, format: (p: number) => share(p / 100) }] : []),
        ],
        rows: result.weekStarts.map((w, i) => [
          date(w),
          band.p10[i]!,
          band.p50[i]!,
          band.p90[i]!,
          ...(withNorm ? [result.registrationCentreNorm, Math.round(result.overNormShare[i]! * 1000) / 10] : []),
        ]),
      }}
    />
  );
}

/** Both scenarios' P50 lines of one series in one chart; the table gives both and their difference per week. */
export function CompareChart({ comparison, series }: { comparison: Comparison; series: BandSeries }) {
  const { m, number, date, signed } = useProjectionT();
  const { a, b, weekStarts } = comparison;
  const ticks = useWeekTicks(weekStarts);
  const label = m.result.series[series] ?? series;
  const withNorm = series === 'registrationCentre';
  const lines: ChartLine[] = [];
  if (withNorm) lines.push({ key: 'norm', label: m.result.norm, variant: 'norm', values: weekStarts.map(() => a.registrationCentreNorm) });
  lines.push({ key: 'a', label: `${a.scenario} (P50)`, variant: 'measured', values: a.bands[series].p50 });
  lines.push({ key: 'b', label: `${b.scenario} (P50)`, variant: 'alt', values: b.bands[series].p50 });
  const difference = comparison.difference.p50[series];
  return (
    <ChartFrame
      testId={`compare-${series}`}
      caption={m.result.compareCaption(label)}
      chart={(captionId) => (
        <LineChart
          labelledBy={captionId}
          description={m.result.compareDesc(label, a.scenario, b.scenario, withNorm)}
          count={weekStarts.length}
          ticks={ticks}
          lines={lines}
          format={number}
        />
      )}
      footer={<ChartLegend lines={lines} />}
      table={{
        caption: m.result.compareCaption(label),
        columns: [
          { header: m.result.colWeek },
          { header: `${a.scenario} (P50)`, format: number },
          { header: `${b.scenario} (P50)`, format: number },
          { header: m.result.colDifference(a.scenario, b.scenario), format: signed },
        ],
        rows: weekStarts.map((w, i) => [date(w), a.bands[series].p50[i]!, b.bands[series].p50[i]!, difference[i]!]),
      }}
    />
  );
}
