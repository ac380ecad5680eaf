import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  SortableTable,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  type Column,
} from '../ui/index.ts';
import { PROVINCES, provinceName, ProjectStatusBadge, usePipelineT } from './common.tsx';
import { CoverageMap } from './CoverageMap.tsx';
import { PriceSignal, TimelineChart } from './PipelineCharts.tsx';
import { PERIODS, RUNNING_AS_OF, type MunicipalityCoverage, type PipelineOverview } from './types.ts';

const ALL = 'alle';
const PROVINCE_CODES = PROVINCES.map((p) => p.code);

/** /woningpijplijn?periode=2022-II&provincie=PV27&peildatum=2022-07-08 (Dutch parameters, like the ledger's). */
export function overviewHref(period: string, province: string | null, asOf: string | null) {
  const q = new URLSearchParams({ periode: period, provincie: province ?? ALL });
  if (asOf) q.set('peildatum', asOf);
  return `/woningpijplijn?${q.toString()}`;
}

/** The LRT's pipeline overview: coverage of what is due, tracks, deliveries per month, slips, prices and the map. */
export function OverviewPage() {
  const { m, t, number, date, percent, locale } = usePipelineT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('periode') ?? '';
  const period = (PERIODS as readonly string[]).includes(requested) ? requested : PERIODS[PERIODS.length - 1]!;
  const provinceParam = params.get('provincie');
  const province = provinceParam && PROVINCE_CODES.includes(provinceParam) ? provinceParam : null;
  const asOf = params.get('peildatum') ?? RUNNING_AS_OF[period] ?? '';

  const query = new URLSearchParams({ period });
  if (province) query.set('province', province);
  if (asOf) query.set('asOf', asOf);
  const data = useApi<PipelineOverview>(`/api/v1/pipeline/overview?${query.toString()}`);
  const v = data.data;
  const scope = province ? provinceName(province) : m.overview.national;

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams({ periode: period, provincie: province ?? ALL });
    if (params.has('peildatum')) next.set('peildatum', asOf);
    for (const [k, val] of Object.entries(changes)) next.set(k, val);
    // Another half-year: its own default reading date, not one outside it.
    if (changes.periode && !('peildatum' in changes)) next.delete('peildatum');
    setParams(next, { replace: true });
  };

  const columns = useMemo<Column<MunicipalityCoverage>[]>(
    () => [
      {
        key: 'name',
        header: m.overview.colMunicipality,
        rowHeader: true,
        cell: (r) => <RouterLink to={`/taakstelling/${r.municipalityCode}${asOf ? `?peildatum=${encodeURIComponent(asOf)}` : ''}`}>{r.name}</RouterLink>,
        sortValue: (r) => r.name,
      },
      { key: 'province', header: m.overview.colProvince, cell: (r) => provinceName(r.provinceCode), sortValue: (r) => provinceName(r.provinceCode) },
      { key: 'due', header: m.overview.colDue, numeric: true, cell: (r) => number(r.due), sortValue: (r) => r.due },
      { key: 'inPeriod', header: m.overview.colInPeriod, numeric: true, cell: (r) => number(r.homesExpectedInPeriod), sortValue: (r) => r.homesExpectedInPeriod },
      { key: 'later', header: m.overview.colLater, numeric: true, cell: (r) => number(r.homesExpectedLater), sortValue: (r) => r.homesExpectedLater },
      { key: 'coverage', header: m.overview.colCoverage, numeric: true, cell: (r) => percent(r.coveragePercent), sortValue: (r) => r.coveragePercent ?? Number.POSITIVE_INFINITY },
      { key: 'projects', header: m.overview.colProjects, numeric: true, cell: (r) => number(r.projects), sortValue: (r) => r.projects },
      { key: 'slips', header: m.overview.colSlips, numeric: true, cell: (r) => number(r.slips), sortValue: (r) => r.slips },
    ],
    [m, number, percent, asOf],
  );

  return (
    <>
      <PageTitle>{`${m.overview.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.overview.title}
      </Heading>
      <Paragraph appearance="lead">{m.overview.lead}</Paragraph>
      {session.may('pipeline.upload') ? (
        <div className="rt-actions">
          <RouterLink to="/woningpijplijn/nieuw">{m.overview.newProject}</RouterLink>
        </div>
      ) : null}
      <div className="rt-pipeline-filters" role="group" aria-label={m.overview.filters}>
        <SelectField id="pipeline-period" label={m.period} value={period} options={PERIODS.map((p) => ({ value: p, label: p }))} onChange={(val) => update({ periode: val })} />
        <SelectField
          id="pipeline-province"
          label={m.overview.province}
          value={province ?? ALL}
          options={[{ value: ALL, label: m.overview.allProvinces }, ...PROVINCES.map((p) => ({ value: p.code, label: p.name }))]}
          onChange={(val) => update({ provincie: val })}
        />
        <TextField id="pipeline-asof" type="date" label={m.overview.asOf} description={m.overview.asOfHelp} value={asOf} onChange={(val) => update({ peildatum: val })} />
      </div>
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {v ? (
        <>
          <section aria-labelledby="pipeline-totals">
            <Heading level={2} id="pipeline-totals">
              {m.overview.totalsTitle(scope)}
            </Heading>
            <p className="rt-pipeline-coverage" data-testid="pipeline-coverage">
              {v.totals.coveragePercent === null ? m.overview.noCoverage(`${v.period}, ${scope}`) : m.overview.coverageLine(percent(v.totals.coveragePercent), `${v.period}, ${scope}`)}
            </p>
            <Paragraph appearance="small">{m.overview.source(date(v.asOf), v.personsPerHome)}</Paragraph>
            {v.ledgerNote ? (
              <Paragraph>
                <span lang="nl">{v.ledgerNote}</span>
              </Paragraph>
            ) : null}
            <dl className="rt-pipeline-totals">
              {(
                [
                  [m.overview.totals.due, number(v.totals.due)],
                  [m.overview.totals.homesExpectedInPeriod, number(v.totals.homesExpectedInPeriod)],
                  [m.overview.totals.personsCovered, number(v.totals.personsCovered)],
                  [m.overview.totals.homesExpectedLater, number(v.totals.homesExpectedLater)],
                  [m.overview.totals.projects, number(v.totals.projects)],
                  [m.overview.totals.slips, number(v.totals.slips)],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="pipeline-tracks">
            <Heading level={2} id="pipeline-tracks">
              {m.overview.tracksTitle}
            </Heading>
            {v.tracks.length === 0 ? (
              <Paragraph>{m.overview.noTracks}</Paragraph>
            ) : (
              <Table caption={m.overview.tracksCaption(v.period)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.overview.colTrack}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.overview.colOwner}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colProjects}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colInPeriod}</TableHeaderCell>
                    <TableHeaderCell scope="col" className="rt-numeric">{m.overview.colLater}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {v.tracks.map((tr) => (
                    <TableRow key={tr.code}>
                      <TableHeaderCell scope="row">
                        {tr.code}
                        <span className="rt-pipeline-note">{tr.name}</span>
                      </TableHeaderCell>
                      <TableCell>{tr.ownerOrganisation}</TableCell>
                      <TableCell className="rt-numeric">{number(tr.projects)}</TableCell>
                      <TableCell className="rt-numeric">{number(tr.homesExpectedInPeriod)}</TableCell>
                      <TableCell className="rt-numeric">{number(tr.homesExpectedLater)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="pipeline-timeline">
            <Heading level={2} id="pipeline-timeline">
              {m.timeline.title}
            </Heading>
            <Paragraph>{m.timeline.lead}</Paragraph>
            <TimelineChart tracks={v.tracks} />
          </section>

          <section aria-labelledby="pipeline-slips" className="rt-pipeline-slips">
            <Heading level={2} id="pipeline-slips">
              {m.slips.title}
            </Heading>
            <Paragraph>{m.slips.lead}</Paragraph>
            {v.slips.length === 0 ? (
              <Paragraph>{m.slips.empty}</Paragraph>
            ) : (
              <Table caption={m.slips.caption}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{m.slips.colProject}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.slips.colMunicipality}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.slips.colTrack}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.slips.colFirst}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.slips.colNow}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.slips.colDelay}</TableHeaderCell>
                    <TableHeaderCell scope="col">{m.slips.colReason}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {v.slips.map((s) => (
                    <TableRow key={s.projectId} className="rt-pipeline-slip">
                      <TableHeaderCell scope="row">
                        <RouterLink to={`/woningpijplijn/projecten/${s.projectId}`}>{s.name}</RouterLink>
                        <span className="rt-pipeline-note">
                          <ProjectStatusBadge status={s.status} />
                        </span>
                      </TableHeaderCell>
                      <TableCell>{s.municipalityName}</TableCell>
                      <TableCell>{s.trackCode}</TableCell>
                      <TableCell className="rt-nowrap">{date(s.firstExpectedDelivery)}</TableCell>
                      <TableCell className="rt-nowrap">{date(s.expectedDelivery)}</TableCell>
                      <TableCell>
                        <StatusBadge tone="danger">{m.slips.delayDays(s.delayDays, number(s.delayDays))}</StatusBadge>
                        <span className="rt-pipeline-note">{m.slips.moves(s.moves)}</span>
                      </TableCell>
                      <TableCell lang="nl">
                        {s.lastReason ?? m.noValue}
                        {s.lastChangedOn ? <span className="rt-pipeline-note">{date(s.lastChangedOn)}</span> : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>

          <section aria-labelledby="pipeline-prices">
            <Heading level={2} id="pipeline-prices">
              {m.prices.title}
            </Heading>
            <Paragraph>{m.prices.lead}</Paragraph>
            <PriceSignal byTrack={v.prices.byTrack} byProvince={v.prices.byProvince} />
          </section>

          <section aria-labelledby="pipeline-map">
            <Heading level={2} id="pipeline-map">
              {m.map.title}
            </Heading>
            <CoverageMap provinces={v.provinces} period={v.period} hrefFor={(code) => overviewHref(period, code, params.get('peildatum'))} />
          </section>

          <section aria-labelledby="pipeline-municipalities">
            <Heading level={2} id="pipeline-municipalities">
              {m.overview.municipalitiesTitle}
            </Heading>
            <Paragraph>{m.overview.municipalitiesLead}</Paragraph>
            {v.municipalities.length === 0 ? (
              <Paragraph>{m.overview.noTracks}</Paragraph>
            ) : (
              <SortableTable
                caption={m.overview.municipalitiesCaption(v.period, scope)}
                columns={columns}
                rows={v.municipalities}
                rowKey={(r) => r.municipalityCode}
                locale={locale}
                sortedMessage={t.common.sortedBy}
              />
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
