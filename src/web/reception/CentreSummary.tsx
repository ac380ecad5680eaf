import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Heading, LoadingStatus, Paragraph, RouterLink } from '../ui/index.ts';
import { useReceptionT } from './common.tsx';
import { OccupancyChart } from './OccupancyChart.tsx';
import type { BreachSummary, Forecast, LocationDetail } from './types.ts';

/** "2.193 bewoners op 8 juli 2022, tegen een norm van 2.000." plus how far over or under. */
export function NormLine({ summary }: { summary: BreachSummary }) {
  const { m, number, date } = useReceptionT();
  const last = summary.last;
  if (!last) return <Paragraph>{m.centre.noFigure}</Paragraph>;
  if (last.norm === null || last.difference === null) return <Paragraph>{m.centre.noNorm}</Paragraph>;
  const diff = last.difference;
  return (
    <Paragraph data-testid="norm-line">
      <strong>{m.centre.now(number(last.occupancy), date(last.date), number(last.norm))}</strong>{' '}
      {diff > 0 ? m.centre.over(number(diff)) : diff < 0 ? m.centre.under(number(-diff)) : m.centre.atNorm}.
    </Paragraph>
  );
}

export function StreakLine({ summary }: { summary: BreachSummary }) {
  const { m, number, date } = useReceptionT();
  const s = summary.currentStreak;
  return <Paragraph>{s ? m.centre.streak(date(s.from), s.breachDays, s.calendarDays, number(s.peak)) : m.centre.noStreak}</Paragraph>;
}

/** The forecast in words, and the method with its error in the server's own words ("methode: Holt …"). */
export function ForecastText({ forecast }: { forecast: Forecast | null }) {
  const { m, number, date } = useReceptionT();
  if (!forecast || forecast.days.length === 0) return <Paragraph>{m.centre.noForecast}</Paragraph>;
  const end = forecast.days.at(-1)!;
  return (
    <div data-testid="forecast">
      <Paragraph>
        {forecast.firstBreach ? m.centre.forecastFirst(date(forecast.firstBreach.date), number(forecast.firstBreach.value)) : m.centre.forecastNone(forecast.days.length)}{' '}
        {m.centre.forecastEnd(date(end.date), number(end.value))}
      </Paragraph>
      <Paragraph appearance="small" lang="nl" className="rt-reception-method">
        {forecast.description}
      </Paragraph>
    </div>
  );
}

/**
 * One registration centre on the national page: its figure against the norm, the last three months as a chart, the
 * current streak and the forecast. Fetches the location's own detail up to the page's date.
 */
export function CentreSummary({ code, name, summary, asOf }: { code: string; name: string; summary: BreachSummary; asOf: string }) {
  const { m, t, date } = useReceptionT();
  const detail = useApi<LocationDetail>(`/api/v1/reception/locations/${encodeURIComponent(code)}?to=${encodeURIComponent(asOf)}`);
  const headingId = `centre-${code}`;
  return (
    <section className="rt-reception-centre" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {name}
      </Heading>
      <NormLine summary={summary} />
      <StreakLine summary={summary} />
      <LoadingStatus busy={detail.status === 'loading'} loadingText={t.common.loading} />
      {detail.error ? <ApiErrorState error={detail.error} onRetry={detail.retry} /> : null}
      {detail.data ? (
        <>
          <Paragraph>{m.centre.breachCount(detail.data.summary.breachDays, date(detail.data.from), date(detail.data.to))}</Paragraph>
          <ForecastText forecast={detail.data.forecast} />
          <OccupancyChart detail={detail.data} withForecast={false} />
        </>
      ) : null}
      <Paragraph>
        <RouterLink to={`/opvang/${encodeURIComponent(code)}`}>{m.centre.toLocation(name)}</RouterLink>
      </Paragraph>
    </section>
  );
}
