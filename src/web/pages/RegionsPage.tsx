import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Coverage, ProvinceList, ProvinceSummary } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useT } from '../i18n/index.tsx';
import { PopulationStatusBadge, PopulationValue, StatusNotes, UnofficialNotice } from '../regions/population.tsx';
import { ProvinceMap } from '../regions/ProvinceMap.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { chooseYear, withYear, YEAR_PARAM } from '../shared/year.ts';
import {
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  SortableTable,
  type Column,
} from '../ui/index.ts';

export function RegionsPage() {
  const { t, lang, date, number } = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const coverage = useApi<Coverage>('/api/v1/regions/coverage');
  const year = coverage.data
    ? chooseYear(searchParams.get(YEAR_PARAM), coverage.data.years, coverage.data.defaultYear)
    : null;
  const provinces = useApi<ProvinceList>(year === null ? null : `/api/v1/provinces?year=${year}`);
  const defaultYear = coverage.data?.defaultYear ?? 0;
  const hrefFor = (code: string) => withYear(`/regios/${code}`, year ?? defaultYear, defaultYear);

  const columns = useMemo<Column<ProvinceSummary>[]>(
    () => [
      { key: 'code', header: t.regions.colCode, cell: (p) => p.code, sortValue: (p) => p.code },
      {
        key: 'name',
        header: t.regions.colName,
        rowHeader: true,
        cell: (p) => (
          <RouterLink to={withYear(`/regios/${p.code}`, year ?? defaultYear, defaultYear)}>{p.name}</RouterLink>
        ),
        sortValue: (p) => p.name,
      },
      {
        key: 'municipalities',
        header: t.regions.colMunicipalities,
        numeric: true,
        cell: (p) => number(p.municipalityCount),
        sortValue: (p) => p.municipalityCount,
      },
      {
        key: 'population',
        header: t.regions.colPopulation,
        numeric: true,
        cell: (p) => <PopulationValue population={p.population} />,
        sortValue: (p) => p.population.inhabitants,
      },
      {
        key: 'referenceDate',
        header: t.regions.colReferenceDate,
        cell: (p) => (p.population.referenceDate ? date(p.population.referenceDate) : '–'),
        sortValue: (p) => p.population.referenceDate,
      },
      {
        key: 'status',
        header: t.regions.colStatus,
        cell: (p) => <PopulationStatusBadge status={p.population.status} />,
        sortValue: (p) => p.population.status,
      },
    ],
    [t, date, number, year, defaultYear],
  );

  const failed = coverage.status === 'error' ? coverage : provinces.status === 'error' ? provinces : null;
  const busy = !failed && (coverage.status === 'loading' || provinces.status === 'loading');
  const items = provinces.data?.items ?? [];

  return (
    <>
      <PageTitle>{`${t.regions.title}${year ? ` ${year}` : ''} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {t.regions.title}
      </Heading>
      <UnofficialNotice populations={items.map((p) => p.population)} coverage={coverage.data} />
      <Paragraph appearance="lead">{t.regions.lead}</Paragraph>
      <LoadingStatus busy={busy} loadingText={t.common.loading} />
      {failed?.error ? <ApiErrorState error={failed.error} onRetry={failed.retry} /> : null}

      {coverage.data && year !== null ? (
        <div className="rt-toolbar">
          <SelectField
            label={t.regions.yearLabel}
            description={t.regions.yearDescription}
            value={String(year)}
            options={coverage.data.years.map((y) => ({ value: String(y), label: String(y) }))}
            onChange={(value) => {
              const next = new URLSearchParams(searchParams);
              next.set(YEAR_PARAM, value);
              setSearchParams(next);
            }}
          />
          {provinces.data ? (
            <Paragraph>
              {provinces.data.referenceDate
                ? t.regions.boundaryAndReference(date(provinces.data.boundaryDate), date(provinces.data.referenceDate))
                : t.regions.noReference(date(provinces.data.boundaryDate))}
            </Paragraph>
          ) : null}
        </div>
      ) : null}

      {provinces.data && year !== null ? (
        <>
          <Heading level={2}>{t.regions.mapTitle}</Heading>
          <ProvinceMap provinces={items} hrefFor={hrefFor} />
          <SortableTable
            caption={t.regions.tableCaption(year)}
            captionHint={t.regions.tableCaptionHint}
            columns={columns}
            rows={items}
            rowKey={(p) => p.code}
            initialSort={{ key: 'code', direction: 'ascending' }}
            locale={lang === 'nl' ? 'nl-NL' : 'en-GB'}
            sortedMessage={t.common.sortedBy}
          />
          <StatusNotes statuses={new Set(items.map((p) => p.population.status))} />
        </>
      ) : null}
    </>
  );
}
