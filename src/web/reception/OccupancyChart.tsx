import { ChartFrame, type ChartTable } from '../shared/chart/ChartFrame.tsx';
import { dayRange, monthStarts } from './chart-math.ts';
import { ChartLegend, LineChart, type ChartBand, type ChartLine, type ChartMarkers } from './charts.tsx';
import { useReceptionT } from './common.tsx';
import type { LocationDetail } from './types.ts';

/**
 * A location's occupancy per day against its capacity and norm, breach days marked; with `withForecast` the
 * forecast continues as a dashed line in a band of ± its backtest's mean absolute error (what the method really
 * missed by on the last weeks, not a statistical interval), and the table alternative lists the forecast days too.
 */
export function OccupancyChart({ detail, withForecast }: { detail: LocationDetail; withForecast: boolean }) {
  const { m, number, date, shortMonth } = useReceptionT();
  const name = detail.location.name;
  const forecast = withForecast ? detail.forecast : null;
  const last = forecast?.days.at(-1)?.date ?? detail.to;
  const dates = dayRange(detail.from, last > detail.to ? last : detail.to);
  const at = new Map(dates.map((d, i) => [d, i]));
  const byDay = new Map(detail.days.map((d) => [d.date, d]));
  const fcByDay = new Map((forecast?.days ?? []).map((d) => [d.date, d]));
  const mae = forecast?.backtest.mae ?? null;
  const lastMeasured = detail.days.at(-1) ?? null;

  const lines: ChartLine[] = [
    { key: 'capacity', label: m.chart.capacity, variant: 'capacity', values: dates.map((d) => byDay.get(d)?.capacity ?? null) },
    { key: 'norm', label: m.chart.norm, variant: 'norm', values: dates.map((d) => byDay.get(d)?.norm ?? fcByDay.get(d)?.norm ?? null) },
    { key: 'occupancy', label: m.chart.occupancy, variant: 'measured', values: dates.map((d) => byDay.get(d)?.occupancy ?? null) },
  ];
  const bands: ChartBand[] = [];
  if (forecast && forecast.days.length > 0) {
    // The dashed line starts at the last measured day, so it visibly continues the measured one.
    lines.push({
      key: 'forecast',
      label: m.chart.forecast,
      variant: 'forecast',
      values: dates.map((d) => (fcByDay.has(d) ? fcByDay.get(d)!.exact : d === lastMeasured?.date ? lastMeasured.occupancy : null)),
    });
    if (mae !== null) {
      bands.push({
        key: 'band',
        label: m.chart.band(number(Math.round(mae))),
        lower: dates.map((d) => (fcByDay.has(d) ? Math.max(0, fcByDay.get(d)!.exact - mae) : null)),
        upper: dates.map((d) => (fcByDay.has(d) ? fcByDay.get(d)!.exact + mae : null)),
      });
    }
  }
  const markers: ChartMarkers[] = [
    { key: 'breach', label: m.chart.breach, points: detail.breachDays.filter((b) => at.has(b.date)).map((b) => ({ index: at.get(b.date)!, value: b.occupancy })) },
  ];
  const ticks = monthStarts(dates).map((i) => ({ index: i, label: shortMonth(dates[i]!) }));
  const futureFrom = forecast && forecast.days.length > 0 ? (at.get(forecast.days[0]!.date) ?? null) : null;

  const days: ChartTable = {
    caption: m.chart.daysCaption(name),
    columns: [
      { header: m.chart.colDate },
      { header: m.chart.colOccupancy, numeric: true },
      { header: m.chart.colPermitHolders, numeric: true },
      { header: m.chart.colCapacity, numeric: true },
      { header: m.chart.colNorm, numeric: true },
      { header: m.chart.colExcess, numeric: true },
    ],
    rows: detail.days.map((d) => [date(d.date), d.occupancy, d.permitHolders, d.capacity, d.norm, d.norm !== null && d.occupancy > d.norm ? d.occupancy - d.norm : null]),
  };
  const tables = [days];
  if (forecast && forecast.days.length > 0) {
    tables.push({
      caption: m.chart.forecastCaption(name),
      columns: [
        { header: m.chart.colDate },
        { header: m.chart.colForecast, numeric: true },
        ...(mae !== null ? [{ header: m.chart.colLower, numeric: true }, { header: m.chart.colUpper, numeric: true }] : []),
        { header: m.chart.colNorm, numeric: true },
        { header: m.chart.colExcess },
      ],
      rows: forecast.days.map((d) => [
        date(d.date),
        d.value,
        ...(mae !== null ? [Math.max(0, Math.round(d.exact - mae)), Math.round(d.exact + mae)] : []),
        d.norm,
        d.overNorm ? m.chart.yes : m.chart.no,
      ]),
    });
  }

  return (
    <ChartFrame
      testId={`occupancy-chart-${detail.location.code}`}
      caption={m.chart.caption(name, date(detail.from), date(last))}
      chart={(captionId) => (
        <LineChart
          labelledBy={captionId}
          description={m.chart.description(!!forecast, forecast?.days.length ?? 0)}
          count={dates.length}
          ticks={ticks}
          lines={lines}
          bands={bands}
          markers={markers}
          format={number}
          futureFrom={futureFrom}
        />
      )}
      footer={<ChartLegend lines={lines.filter((l) => l.values.some((v) => v !== null))} bands={bands} markers={markers.filter((mk) => mk.points.length > 0)} />}
      table={tables}
    />
  );
}
