import { Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
import { useProjectionT } from './common.ts';
import { CompareChart, FanChart } from './ProjectionCharts.tsx';
import { SUMMARY_FIGURES, type BandSeries, type Comparison, type Projection } from './types.ts';

const CHARTED: readonly BandSeries[] = ['registrationCentre', 'permitHoldersWaiting', 'placesShort'];

/** "na 26 weken (week van 2 januari 2023)", or "nooit"; short: "2 januari 2023" (for a table column). */
function useFirstWeek() {
  const { m, date } = useProjectionT();
  const start = (result: Projection, week: number) => date(result.weekStarts[week] ?? result.weekStarts.at(-1)!);
  return {
    long: (result: Projection, week: number | null) => (week === null ? m.never : m.result.firstWeekValue(week, start(result, week))),
    short: (result: Projection, week: number | null) => (week === null ? m.never : start(result, week)),
  };
}

function About({ result }: { result: Projection }) {
  const { m, number, date } = useProjectionT();
  return <Paragraph>{m.result.about(number(result.runs), result.seed, result.weeks, date(result.weekStarts[0]!))}</Paragraph>;
}

export function SingleResult({ result }: { result: Projection }) {
  const { m, number, share } = useProjectionT();
  const firstWeek = useFirstWeek();
  const first = result.summary.firstWeekOverNorm;
  return (
    <>
      <Heading level={2} id="projection-result">
        {m.result.title(result.scenario)}
      </Heading>
      <About result={result} />
      <Table caption={m.result.summaryCaption(result.scenario)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{m.result.colFigure}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">P10</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">P50</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">P90</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.result.colMean}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {SUMMARY_FIGURES.map((k) => {
            const d = result.summary[k];
            return (
              <TableRow key={k}>
                <TableHeaderCell scope="row">{m.result.figures[k] ?? k}</TableHeaderCell>
                <TableCell className="rt-numeric">{number(d.p10)}</TableCell>
                <TableCell className="rt-numeric">{number(d.p50)}</TableCell>
                <TableCell className="rt-numeric">{number(d.p90)}</TableCell>
                <TableCell className="rt-numeric">{number(d.mean)}</TableCell>
              </TableRow>
            );
          })}
          <TableRow>
            <TableHeaderCell scope="row">{m.result.firstWeekRow}</TableHeaderCell>
            <TableCell className="rt-numeric">{firstWeek.short(result, first.p10)}</TableCell>
            <TableCell className="rt-numeric">{firstWeek.short(result, first.p50)}</TableCell>
            <TableCell className="rt-numeric">{firstWeek.short(result, first.p90)}</TableCell>
            <TableCell className="rt-numeric">{m.noValue}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{m.result.everOver}</TableHeaderCell>
            <TableCell className="rt-numeric" colSpan={4}>
              {m.result.everOverValue(share(first.shareOfRuns))}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {CHARTED.map((s) => (
        <FanChart key={s} result={result} series={s} />
      ))}
    </>
  );
}

export function ComparisonResult({ comparison }: { comparison: Comparison }) {
  const { m, number, share, signed, pointsDifference } = useProjectionT();
  const firstWeek = useFirstWeek();
  const { a, b, difference } = comparison;
  const fa = a.summary.firstWeekOverNorm;
  const fb = b.summary.firstWeekOverNorm;
  return (
    <>
      <Heading level={2} id="projection-result">
        {m.result.compareTitle(a.scenario, b.scenario)}
      </Heading>
      <About result={a} />
      <Heading level={3}>{m.result.headlineTitle}</Heading>
      <ul className="rt-projection-headlines" data-testid="headlines">
        {SUMMARY_FIGURES.map((k) => (
          <li key={k}>{m.result.headline(m.result.figures[k] ?? k, number(a.summary[k].p50), number(b.summary[k].p50))}</li>
        ))}
        <li>{m.result.headline(m.result.firstWeek, firstWeek.long(a, fa.p50), firstWeek.long(b, fb.p50))}</li>
        <li>{m.result.headlineEver(share(fa.shareOfRuns), share(fb.shareOfRuns))}</li>
      </ul>
      <Table caption={m.result.compareSummaryCaption(a.scenario, b.scenario)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{m.result.colFigure}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{a.scenario}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{b.scenario}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.result.colDifference(a.scenario, b.scenario)}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">{m.result.colPaired}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {SUMMARY_FIGURES.map((k) => {
            const d = difference.summary[k];
            return (
              <TableRow key={k}>
                <TableHeaderCell scope="row">{m.result.figures[k] ?? k}</TableHeaderCell>
                <TableCell className="rt-numeric">{number(a.summary[k].p50)}</TableCell>
                <TableCell className="rt-numeric">{number(b.summary[k].p50)}</TableCell>
                <TableCell className="rt-numeric">{signed(d.p50Difference)}</TableCell>
                <TableCell className="rt-numeric">{`${signed(d.paired.p10)} / ${signed(d.paired.p50)} / ${signed(d.paired.p90)}`}</TableCell>
              </TableRow>
            );
          })}
          <TableRow>
            <TableHeaderCell scope="row">{m.result.firstWeekRow}</TableHeaderCell>
            <TableCell className="rt-numeric">{firstWeek.short(a, fa.p50)}</TableCell>
            <TableCell className="rt-numeric">{firstWeek.short(b, fb.p50)}</TableCell>
            <TableCell className="rt-numeric">{difference.summary.firstWeekOverNorm.p50Difference === null ? m.noValue : signed(difference.summary.firstWeekOverNorm.p50Difference)}</TableCell>
            <TableCell className="rt-numeric">{m.noValue}</TableCell>
          </TableRow>
          <TableRow>
            <TableHeaderCell scope="row">{m.result.everOver}</TableHeaderCell>
            <TableCell className="rt-numeric">{share(fa.shareOfRuns)}</TableCell>
            <TableCell className="rt-numeric">{share(fb.shareOfRuns)}</TableCell>
            <TableCell className="rt-numeric">{m.result.points(pointsDifference(difference.summary.firstWeekOverNorm.shareOfRunsDifference))}</TableCell>
            <TableCell className="rt-numeric">{m.noValue}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Paragraph appearance="small">{m.result.pairedNote}</Paragraph>
      {CHARTED.map((s) => (
        <CompareChart key={s} comparison={comparison} series={s} />
      ))}
    </>
  );
}
