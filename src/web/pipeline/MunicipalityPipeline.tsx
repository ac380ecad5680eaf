import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Heading, LoadingStatus, Paragraph, RouterLink, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.ts';
import { ProjectStatusBadge, usePipelineT } from './common.tsx';
import { overviewHref } from './OverviewPage.tsx';
import { pipelinePeriodFor } from './logic.ts';
import type { PipelineOverview, Project } from './types.ts';

/**
 * The section "Woningpijplijn" on a municipality's ledger page: its projects and how much of what it still has to
 * house they cover. `asOf`: the ledger page's reading date, if any; it chooses the half-year.
 */
export function MunicipalityPipeline({ code, asOf }: { code: string; asOf: string | null }) {
  const { m, t, number, date, percent } = usePipelineT();
  const { period, asOf: readOn } = pipelinePeriodFor(asOf);
  const q = new URLSearchParams({ period, municipality: code });
  if (readOn) q.set('asOf', readOn);
  const overview = useApi<PipelineOverview>(`/api/v1/pipeline/overview?${q.toString()}`);
  const projects = useApi<{ items: Project[] }>(`/api/v1/pipeline/projects?municipality=${encodeURIComponent(code)}`);
  const v = overview.data;
  const row = v?.municipalities.find((r) => r.municipalityCode === code);
  const slipped = new Set((v?.slips ?? []).map((s) => s.projectId));
  const error = overview.error ?? projects.error;
  return (
    <section aria-labelledby="ledger-pipeline" data-testid="municipality-pipeline">
      <Heading level={2} id="ledger-pipeline">
        {m.municipality.title}
      </Heading>
      <Paragraph>{m.municipality.lead(period)}</Paragraph>
      {error ? (
        <ApiErrorState
          error={error}
          onRetry={() => {
            overview.retry();
            projects.retry();
          }}
        />
      ) : null}
      <LoadingStatus busy={overview.status === 'loading' || projects.status === 'loading'} loadingText={t.common.loading} />
      {v ? (
        <>
          <p className="rt-pipeline-coverage">
            {v.totals.coveragePercent === null
              ? m.overview.noCoverage(`${v.period}, ${row?.name ?? code}`)
              : m.overview.coverageLine(percent(v.totals.coveragePercent), `${v.period}, ${row?.name ?? code}`)}
          </p>
          <Paragraph appearance="small">{m.overview.source(date(v.asOf), v.personsPerHome)}</Paragraph>
          <dl className="rt-pipeline-totals">
            {(
              [
                [m.overview.totals.due, number(v.totals.due)],
                [m.overview.totals.homesExpectedInPeriod, number(v.totals.homesExpectedInPeriod)],
                [m.overview.totals.homesExpectedLater, number(v.totals.homesExpectedLater)],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {projects.data ? (
        projects.data.items.length === 0 ? (
          <Paragraph>{m.municipality.empty}</Paragraph>
        ) : (
          <Table caption={m.municipality.caption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{m.municipality.colProject}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.municipality.colTrack}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.municipality.colStatus}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rt-numeric">{m.municipality.colUnits}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rt-numeric">{m.municipality.colReserved}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.municipality.colDelivery}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {projects.data.items.map((p) => (
                <TableRow key={p.id}>
                  <TableHeaderCell scope="row">
                    <RouterLink to={`/woningpijplijn/projecten/${p.id}`}>{p.name}</RouterLink>
                  </TableHeaderCell>
                  <TableCell>{p.trackCode}</TableCell>
                  <TableCell>
                    <ProjectStatusBadge status={p.status} />
                  </TableCell>
                  <TableCell className="rt-numeric">{number(p.units)}</TableCell>
                  <TableCell className="rt-numeric">{number(p.reservedUnits)}</TableCell>
                  <TableCell className="rt-nowrap">
                    {date(p.expectedDelivery)}
                    {slipped.has(p.id) ? (
                      <>
                        {' '}
                        <StatusBadge tone="danger">{m.municipality.slipped}</StatusBadge>
                      </>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      ) : null}
      <div className="rt-actions">
        <RouterLink to={overviewHref(period, v?.municipalities[0]?.provinceCode ?? null, readOn)}>{m.municipality.toOverview}</RouterLink>
      </div>
    </section>
  );
}
