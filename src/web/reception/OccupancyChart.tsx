import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
import { dayRange, monthStarts } from './chart-math.ts';
import { ChartFigure, ChartLegend, LineChart, type ChartBand, type ChartLine, type ChartMarkers } from './charts.tsx';
import { useReceptionT } from './common.tsx';
import type { LocationDetail } from './types.ts';

/**
 * A location's occupancy per day against its capacity and norm, breach days marked; with `withForecast` the
 * forecast continues as a dashed line in a band of ± its backtest's mean absolute error (what the method really
 * missed by on the last weeks, not a statistical interval), and the table alternative lists the forecast days too.
 */
export function OccupancyChart({ detail, withForecast }: { detail: LocationDetail; withForecast: boolean }) {
  const { m, number, date, maybe, shortMonth } = useReceptionT();
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

  return (
    <ChartFigure
      testId={`occupancy-chart-${detail.location.code}`}
      caption={m.chart.caption(name, date(detail.from), date(last))}
      showTable={m.showTable}
      hideTable={m.hideTable}
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
      table={() => (
        <>
          <Table caption={m.chart.daysCaption(name)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{m.chart.colDate}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colOccupancy}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colPermitHolders}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colCapacity}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colNorm}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colExcess}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {detail.days.map((d) => (
                <TableRow key={d.date}>
                  <TableHeaderCell scope="row" className="rt-nowrap">{date(d.date)}</TableHeaderCell>
                  <TableCell className="rt-numeric">{number(d.occupancy)}</TableCell>
                  <TableCell className="rt-numeric">{maybe(d.permitHolders)}</TableCell>
                  <TableCell className="rt-numeric">{maybe(d.capacity)}</TableCell>
                  <TableCell className="rt-numeric">{maybe(d.norm)}</TableCell>
                  <TableCell className="rt-numeric">{d.norm !== null && d.occupancy > d.norm ? number(d.occupancy - d.norm) : m.noValue}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {forecast && forecast.days.length > 0 ? (
            <Table caption={m.chart.forecastCaption(name)}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{m.chart.colDate}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colForecast}</TableHeaderCell>
                  {mae !== null ? (
                    <>
                      <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colLower}</TableHeaderCell>
                      <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colUpper}</TableHeaderCell>
                    </>
                  ) : null}
                  <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colNorm}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.chart.colExcess}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {forecast.days.map((d) => (
                  <TableRow key={d.date}>
                    <TableHeaderCell scope="row" className="rt-nowrap">{date(d.date)}</TableHeaderCell>
                    <TableCell className="rt-numeric">{number(d.value)}</TableCell>
                    {mae !== null ? (
                      <>
                        <TableCell className="rt-numeric">{number(Math.max(0, Math.round(d.exact - mae)))}</TableCell>
                        <TableCell className="rt-numeric">{number(Math.round(d.exact + mae))}</TableCell>
                      </>
                    ) : null}
                    <TableCell className="rt-numeric">{maybe(d.norm)}</TableCell>
                    <TableCell>{d.overNorm ? m.chart.yes : m.chart.no}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </>
      )}
    />
  );
}
