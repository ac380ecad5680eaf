import { useParams, useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
} from '../ui/index.ts';
import { ForecastText, NormLine } from './CentreSummary.tsx';
import { provinceName, useReceptionT } from './common.tsx';
import { OccupancyChart } from './OccupancyChart.tsx';
import type { LocationDetail, Streak } from './types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function Penalties({ detail }: { detail: LocationDetail }) {
  const { m, date, euro } = useReceptionT();
  if (detail.penalties.length === 0) return null;
  // Whole cents added as integers: exact, whatever the number of periods.
  const total = detail.penalties.reduce((s, p) => s + p.totalCents, 0);
  return (
    <section aria-labelledby="location-penalties">
      <Heading level={2} id="location-penalties">
        {m.location.penaltyTitle}
      </Heading>
      <Paragraph>{m.location.penaltyLead}</Paragraph>
      <ul className="rt-reception-penalties" data-testid="penalties">
        {detail.penalties.map((p) => (
          <li key={p.from}>{m.location.penaltyLine(date(p.from), p.to ? date(p.to) : null, p.days, euro(p.amountCents), euro(p.totalCents))}</li>
        ))}
      </ul>
      <dl className="rt-reception-figures">
        <div className="rt-reception-figures--over">
          <dt>{m.location.penaltyTotal}</dt>
          <dd data-testid="penalty-total">{euro(total)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Breaches({ detail }: { detail: LocationDetail }) {
  const { m, number, date, month } = useReceptionT();
  const streak = (s: Streak | null) => (s ? m.location.streakValue(date(s.from), date(s.to), s.breachDays, s.calendarDays, number(s.peak)) : m.location.none);
  return (
    <section aria-labelledby="location-breaches">
      <Heading level={2} id="location-breaches">
        {m.location.breachTitle}
      </Heading>
      <dl className="rt-details" data-testid="streaks">
        <dt>{m.location.breachTotal}</dt>
        <dd>{number(detail.summary.breachDays)}</dd>
        <dt>{m.location.currentStreak}</dt>
        <dd>{streak(detail.summary.currentStreak)}</dd>
        <dt>{m.location.longestStreak}</dt>
        <dd>{streak(detail.summary.longestStreak)}</dd>
      </dl>
      {detail.breachesPerMonth.length > 0 ? (
        <Table caption={m.location.perMonthCaption}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{m.location.colMonth}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{m.location.colKnownDays}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{m.location.colNormDays}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{m.location.colBreachDays}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.breachesPerMonth.map((b) => (
              <TableRow key={b.period}>
                <TableHeaderCell scope="row">{month(b.period)}</TableHeaderCell>
                <TableCell className="rt-numeric">{number(b.knownDays)}</TableCell>
                <TableCell className="rt-numeric">{number(b.normDays)}</TableCell>
                <TableCell className="rt-numeric">{number(b.breachDays)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {detail.breachDays.length === 0 ? (
        <Paragraph>{m.location.noBreaches}</Paragraph>
      ) : (
        <Table caption={m.location.breachDaysCaption}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{m.chart.colDate}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colOccupancy}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colNorm}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rt-numeric">{m.chart.colExcess}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.breachDays.map((b) => (
              <TableRow key={b.date}>
                <TableHeaderCell scope="row" className="rt-nowrap">{date(b.date)}</TableHeaderCell>
                <TableCell className="rt-numeric">{number(b.occupancy)}</TableCell>
                <TableCell className="rt-numeric">{number(b.norm)}</TableCell>
                <TableCell className="rt-numeric">{number(b.excess)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** /opvang/:code: one location with its daily figures against capacity and norm, breaches, forecast and penalties. */
export function LocationPage() {
  const { m, t, number, date, maybe } = useReceptionT();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const from = ISO_DATE.test(params.get('van') ?? '') ? params.get('van')! : '';
  const to = ISO_DATE.test(params.get('tot') ?? '') ? params.get('tot')! : '';
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const data = useApi<LocationDetail>(`/api/v1/reception/locations/${encodeURIComponent(code)}${query.size > 0 ? `?${query.toString()}` : ''}`);
  const d = data.data;
  const setDate = (key: 'van' | 'tot', value: string) => {
    const next = new URLSearchParams(params);
    if (ISO_DATE.test(value)) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const title = d ? m.location.title(d.location.name) : data.status === 'loading' ? t.common.loading : code.toUpperCase();

  return (
    <>
      <PageTitle>{`${title} – ${m.national.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to="/opvang">{m.location.back}</RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error?.status === 404 ? (
        <Alert type="error" role="alert" heading={m.location.notFoundTitle}>
          <Paragraph>{m.location.notFoundBody}</Paragraph>
          {data.error.detail ? <Paragraph lang="nl">{data.error.detail}</Paragraph> : null}
        </Alert>
      ) : data.error ? (
        <ApiErrorState error={data.error} onRetry={data.retry} />
      ) : null}
      {d ? (
        <>
          <Heading level={2} className="rt-visually-hidden">
            {m.location.facts}
          </Heading>
          <dl className="rt-details" data-testid="facts">
            <dt>{m.location.type}</dt>
            <dd>{d.location.typeLabel}</dd>
            <dt>{m.location.municipality}</dt>
            <dd>{d.location.municipalityName}</dd>
            <dt>{m.location.province}</dt>
            <dd>{provinceName(d.location.provinceCode)}</dd>
            <dt>{m.location.capacity}</dt>
            <dd>{number(d.location.capacity)}</dd>
            <dt>{m.location.norm}</dt>
            <dd>{d.location.norm === null ? m.location.noNorm : number(d.location.norm)}</dd>
            <dt>{m.location.lastFigure}</dt>
            <dd>{d.location.lastDay && d.location.occupancy !== null ? m.location.lastFigureValue(number(d.location.occupancy), date(d.location.lastDay)) : m.location.noFigure}</dd>
          </dl>
        </>
      ) : null}
      <div className="rt-reception-filters" role="group" aria-label={m.location.period}>
        <TextField id="location-from" type="date" label={m.location.from} description={m.location.periodHelp} value={from} onChange={(v) => setDate('van', v)} />
        <TextField id="location-to" type="date" label={m.location.to} value={to} onChange={(v) => setDate('tot', v)} />
      </div>
      {d ? (
        <>
          <section aria-labelledby="location-chart">
            <Heading level={2} id="location-chart">
              {m.location.chartTitle}
            </Heading>
            {d.location.norm !== null ? <NormLine summary={d.summary} /> : null}
            {d.days.length === 0 ? <Paragraph>{m.location.noDays}</Paragraph> : <OccupancyChart detail={d} withForecast />}
          </section>

          <section aria-labelledby="location-forecast">
            <Heading level={2} id="location-forecast">
              {m.location.forecastTitle}
            </Heading>
            <ForecastText forecast={d.forecast} />
          </section>

          {d.location.norm !== null || d.breachDays.length > 0 ? (
            <Breaches detail={d} />
          ) : null}
          <Penalties detail={d} />

          {d.events.length > 0 ? (
            <Table caption={m.location.eventsCaption}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{m.chart.colDate}</TableHeaderCell>
                  <TableHeaderCell scope="col">{m.location.colKind}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="rt-numeric">{m.location.colPlaces}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.events.map((e, i) => (
                  <TableRow key={`${e.date}-${i}`}>
                    <TableHeaderCell scope="row" className="rt-nowrap">{date(e.date)}</TableHeaderCell>
                    <TableCell>{m.eventKinds[e.kind] ?? e.kind}</TableCell>
                    <TableCell className="rt-numeric">{maybe(e.places)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </>
      ) : null}
    </>
  );
}
