import { monthStarts } from '../reception/chart-math.ts';
import { ChartFigure, ChartLegend, LineChart, type ChartBand, type ChartLine } from '../reception/charts.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
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
    <ChartFigure
      testId={`fan-${series}`}
      caption={m.result.fanCaption(label, result.scenario)}
      showTable={m.showTable}
      hideTable={m.hideTable}
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
      table={() => (
        <Table caption={m.result.fanCaption(label, result.scenario)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{m.result.colWeek}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">P10</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">P50</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">P90</TableHeaderCell>
              {withNorm ? (
                <>
                  <TableHeaderCell scope="col" className="rt-numeric">{m.result.norm}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="rt-numeric">{m.result.colOverNorm}</TableHeaderCell>
                </>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.weekStarts.map((w, i) => (
              <TableRow key={w}>
                <TableHeaderCell scope="row" className="rt-nowrap">{date(w)}</TableHeaderCell>
                <TableCell className="rt-numeric">{number(band.p10[i]!)}</TableCell>
                <TableCell className="rt-numeric">{number(band.p50[i]!)}</TableCell>
                <TableCell className="rt-numeric">{number(band.p90[i]!)}</TableCell>
                {withNorm ? (
                  <>
                    <TableCell className="rt-numeric">{number(result.registrationCentreNorm)}</TableCell>
                    <TableCell className="rt-numeric">{share(result.overNormShare[i]!)}</TableCell>
                  </>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
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
    <ChartFigure
      testId={`compare-${series}`}
      caption={m.result.compareCaption(label)}
      showTable={m.showTable}
      hideTable={m.hideTable}
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
      table={() => (
        <Table caption={m.result.compareCaption(label)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{m.result.colWeek}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{`${a.scenario} (P50)`}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{`${b.scenario} (P50)`}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{m.result.colDifference(a.scenario, b.scenario)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {weekStarts.map((w, i) => (
              <TableRow key={w}>
                <TableHeaderCell scope="row" className="rt-nowrap">{date(w)}</TableHeaderCell>
                <TableCell className="rt-numeric">{number(a.bands[series].p50[i]!)}</TableCell>
                <TableCell className="rt-numeric">{number(b.bands[series].p50[i]!)}</TableCell>
                <TableCell className="rt-numeric">{signed(difference[i]!)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    />
  );
}
