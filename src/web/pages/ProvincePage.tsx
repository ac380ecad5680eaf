import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Coverage, Municipality, ProvinceDetail, ReorganisationList } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { useT } from '../i18n/index.tsx';
import { PopulationStatusBadge, PopulationValue, StatusNotes, UnofficialNotice } from '../regions/population.tsx';
import { ProvinceLocator } from '../regions/ProvinceLocator.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { chooseYear, withYear, YEAR_PARAM } from '../shared/year.ts';
import {
  Alert,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SortableTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
  VisuallyHidden,
  type Column,
} from '../ui/index.ts';

export function ProvincePage() {
  const { t, lang, date } = useT();
  const code = (useParams().code ?? '').toUpperCase();
  const [searchParams] = useSearchParams();
  const coverage = useApi<Coverage>('/api/v1/regions/coverage');
  const year = coverage.data
    ? chooseYear(searchParams.get(YEAR_PARAM), coverage.data.years, coverage.data.defaultYear)
    : null;
  const detail = useApi<ProvinceDetail>(
    year === null ? null : `/api/v1/provinces/${encodeURIComponent(code)}?year=${year}`,
  );
  const reorganisations = useApi<ReorganisationList>(year === null ? null : `/api/v1/reorganisations?year=${year}`);
  const defaultYear = coverage.data?.defaultYear ?? 0;
  const backTo = withYear('/regios', year ?? defaultYear, defaultYear);
  // Huisvestingswet art. 30: the province sets the figure for its own municipalities; only its users see the action.
  const canSetFigure = useSession().may('population.set-by-province', { provinceCode: code });

  const columns = useMemo<Column<Municipality>[]>(
    () => [
      { key: 'code', header: t.regions.colCode, cell: (m) => m.code, sortValue: (m) => m.code },
      { key: 'name', header: t.regions.colName, rowHeader: true, cell: (m) => m.name, sortValue: (m) => m.name },
      {
        key: 'population',
        header: t.regions.colPopulation,
        numeric: true,
        cell: (m) => <PopulationValue population={m.population} />,
        sortValue: (m) => m.population.inhabitants,
      },
      {
        key: 'referenceDate',
        header: t.regions.colReferenceDate,
        cell: (m) => (m.population.referenceDate ? date(m.population.referenceDate) : '–'),
        sortValue: (m) => m.population.referenceDate,
      },
      {
        key: 'status',
        header: t.regions.colStatus,
        cell: (m) => <PopulationStatusBadge status={m.population.status} />,
        sortValue: (m) => m.population.status,
      },
      {
        key: 'basis',
        header: t.regions.colBasis,
        cell: (m) => (m.population.basis ? t.basis[m.population.basis] : '–'),
        sortValue: (m) => m.population.basis,
      },
      ...(canSetFigure
        ? [
            {
              key: 'action',
              header: t.provinceFigure.colAction,
              cell: (m: Municipality) => (
                <RouterLink to={withYear(`/regios/${code}/gemeenten/${m.code}/inwonertal`, year ?? defaultYear, defaultYear)}>
                  {t.provinceFigure.action}
                  <VisuallyHidden>{` (${m.name})`}</VisuallyHidden>
                </RouterLink>
              ),
            },
          ]
        : []),
    ],
    [t, date, canSetFigure, code, year, defaultYear],
  );

  // 400: the server rejects a malformed code (not PVnn) before looking it up; for a visitor both mean "no such province".
  const notFound = detail.status === 'error' && (detail.error.status === 404 || detail.error.status === 400);
  const failed =
    coverage.status === 'error' ? coverage : detail.status === 'error' && !notFound ? detail : null;
  const busy = !failed && !notFound && (coverage.status === 'loading' || detail.status === 'loading');
  const data = detail.data;
  const name = data?.province.name;
  const municipalities = data?.municipalities ?? [];
  const populations = data ? [data.province.population, ...municipalities.map((m) => m.population)] : [];
  const sources = [...new Set(municipalities.flatMap((m) => m.population.sources))].sort();
  const codes = new Set(municipalities.map((m) => m.code));
  const changes = (reorganisations.data?.items ?? []).filter((r) => codes.has(r.newCode) || codes.has(r.oldCode));

  const heading = notFound ? t.province.notFoundTitle : (name ?? t.province.titleLoading(code));
  return (
    <>
      <PageTitle>{`${heading}${year ? ` ${year}` : ''} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to={backTo}>
          <span aria-hidden="true">← </span>
          {t.common.backToRegions}
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {heading}
      </Heading>
      <UnofficialNotice populations={populations} coverage={coverage.data} />
      <LoadingStatus busy={busy} loadingText={t.common.loading} />
      {failed?.error ? <ApiErrorState error={failed.error} onRetry={failed.retry} /> : null}
      {notFound ? (
        <Alert type="info" role="none">
          <Paragraph>{t.province.notFoundBody(code)}</Paragraph>
        </Alert>
      ) : null}

      {data && name ? (
        <>
          <ProvinceLocator code={data.province.code} label={t.province.outline(name)} />
          <Paragraph appearance="lead">{t.province.lead(data.province.municipalityCount, data.year)}</Paragraph>
          <Paragraph>
            {t.province.population}: <strong><PopulationValue population={data.province.population} /></strong>{' '}
            <PopulationStatusBadge status={data.province.population.status} />
          </Paragraph>
          <Paragraph>
            {data.referenceDate
              ? t.regions.boundaryAndReference(date(data.boundaryDate), date(data.referenceDate))
              : t.regions.noReference(date(data.boundaryDate))}
          </Paragraph>
          <div className="rt-clear" />
          <SortableTable
            caption={t.province.tableCaption(name, data.year)}
            captionHint={t.regions.tableCaptionHint}
            columns={columns}
            rows={municipalities}
            rowKey={(m) => m.code}
            initialSort={{ key: 'name', direction: 'ascending' }}
            locale={lang === 'nl' ? 'nl-NL' : 'en-GB'}
            sortedMessage={t.common.sortedBy}
          />
          <StatusNotes statuses={new Set(populations.map((p) => p.status))} />

          {changes.length > 0 ? (
            <>
              <Heading level={2}>{t.province.reorganisationsTitle}</Heading>
              <Table caption={t.province.reorganisationsCaption(name, data.year)}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t.province.colDate}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.province.colOld}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.province.colNew}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t.province.colKind}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {changes.map((r) => (
                    <TableRow key={`${r.effectiveDate}-${r.oldCode}-${r.newCode}`}>
                      <TableCell>{date(r.effectiveDate)}</TableCell>
                      <TableCell>
                        {r.oldName} ({r.oldCode})
                      </TableCell>
                      <TableCell>
                        {r.newName} ({r.newCode})
                      </TableCell>
                      <TableCell>{t.province.kind[r.kind]}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          ) : null}

          {sources.length > 0 ? (
            <>
              <Heading level={2}>{t.province.sourcesTitle}</Heading>
              <UnorderedList>
                {sources.map((source) => (
                  // Source descriptions come from the server in Dutch.
                  <UnorderedListItem key={source} lang="nl">
                    {source}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
