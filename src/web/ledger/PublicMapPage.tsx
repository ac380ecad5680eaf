import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
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
  type Column,
} from '../ui/index.ts';
import { ClassBadge, PROVINCE_CODES, provinceName, useLedgerT } from './common.tsx';
import { LedgerMap } from './LedgerMap.tsx';
import { MAP_CLASSES, PERIODS, type MapPreview, type ProvincePublicationStatus, type PublicMap, type PublicMapItem } from './types.ts';

/** `?voorbeeld=PV27` (or `?voorbeeld=` for the whole country): the live figures a publication would freeze. */
const PREVIEW_PARAM = 'voorbeeld';

/** The half-year in `?periode=`, and a setter that keeps the other parameters. */
function usePeriod(fallback: string): [string, (period: string) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get('periode') ?? '';
  const period = (PERIODS as readonly string[]).includes(requested) ? requested : fallback;
  const set = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('periode', value);
    setParams(next, { replace: true });
  };
  return [period, set];
}

function PeriodFilter({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const { m } = useLedgerT();
  return (
    <div className="rt-ledger-filters">
      <SelectField id="ledger-period" label={m.period} value={period} options={PERIODS.map((p) => ({ value: p, label: p }))} onChange={onChange} />
    </div>
  );
}

/** The text alternative of the map: one row per municipality, sortable. */
function MunicipalityTable({ items, caption }: { items: readonly PublicMapItem[]; caption: string }) {
  const { m, t, number, percent, locale } = useLedgerT();
  const session = useSession();
  const columns = useMemo<Column<PublicMapItem>[]>(
    () => [
      { key: 'code', header: m.map.colCode, cell: (r) => r.code, sortValue: (r) => r.code },
      {
        key: 'name',
        header: m.map.colName,
        rowHeader: true,
        cell: (r) => (session.user ? <RouterLink to={`/taakstelling/${r.code}`}>{r.name}</RouterLink> : r.name),
        sortValue: (r) => r.name,
      },
      { key: 'province', header: m.map.colProvince, cell: (r) => provinceName(r.provinceCode), sortValue: (r) => provinceName(r.provinceCode) },
      { key: 'corrected', header: m.map.colCorrected, numeric: true, cell: (r) => number(r.corrected), sortValue: (r) => r.corrected },
      { key: 'realised', header: m.map.colRealised, numeric: true, cell: (r) => number(r.realised), sortValue: (r) => r.realised },
      { key: 'percentage', header: m.map.colPercentage, numeric: true, cell: (r) => percent(r.percentage), sortValue: (r) => r.percentage ?? -1 },
      {
        key: 'class',
        header: m.map.colClass,
        cell: (r) => <ClassBadge value={r.class} />,
        sortValue: (r) => MAP_CLASSES.indexOf(r.class),
      },
    ],
    [m, number, percent, session.user],
  );
  return (
    <SortableTable
      caption={caption}
      captionHint={m.map.captionHint}
      columns={columns}
      rows={items}
      rowKey={(r) => r.code}
      locale={locale}
      sortedMessage={t.common.sortedBy}
    />
  );
}

/** Per province whether, and when, it published the map of the half-year. */
function PublicationStatus({ period, provinces }: { period: string; provinces: readonly ProvincePublicationStatus[] }) {
  const { m, date, dateTime, number } = useLedgerT();
  const published = provinces.filter((p) => p.published !== null).length;
  return (
    <section aria-labelledby="ledger-publication-status">
      <Heading level={2} id="ledger-publication-status">
        {m.map.statusTitle}
      </Heading>
      <Paragraph>{m.map.statusLead}</Paragraph>
      <Paragraph>
        <strong>{m.map.statusCount(published, provinces.length, period)}</strong>
      </Paragraph>
      <Table caption={m.map.statusCaption(period)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{m.map.colProvince}</TableHeaderCell>
            <TableHeaderCell scope="col">{m.map.colStatus}</TableHeaderCell>
            <TableHeaderCell scope="col" className="rt-numeric">
              {m.map.colVersion}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{m.map.colStatusAsOf}</TableHeaderCell>
            <TableHeaderCell scope="col">{m.map.colPublishedAt}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {provinces.map((p) => (
            <TableRow key={p.code} data-province={p.code}>
              <TableHeaderCell scope="row">{p.name}</TableHeaderCell>
              <TableCell>
                {p.published ? <StatusBadge tone="success">{m.map.published}</StatusBadge> : <StatusBadge tone="neutral">{m.map.notPublished}</StatusBadge>}
              </TableCell>
              <TableCell className="rt-numeric">{p.published ? number(p.published.version) : m.noValue}</TableCell>
              <TableCell className="rt-nowrap">{p.published ? date(p.published.asOf) : m.noValue}</TableCell>
              <TableCell className="rt-nowrap">{p.published ? dateTime(p.published.publishedAt) : m.noValue}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** The public map: what each province published for the half-year, frozen at publication. */
function PublishedMapView() {
  const { m, t } = useLedgerT();
  const session = useSession();
  const [period, setPeriod] = usePeriod(PERIODS[0]);
  const data = useApi<PublicMap>(`/api/v1/ledger/public-map?period=${encodeURIComponent(period)}`);
  const map = data.data;
  const unpublished = useMemo(() => (map?.provinces ?? []).filter((p) => p.published === null), [map]);
  const unpublishedCodes = useMemo(() => unpublished.map((p) => p.code), [unpublished]);
  const nonePublished = map !== null && map.provinces.length > 0 && unpublished.length === map.provinces.length;

  return (
    <>
      <PageTitle>{`${m.map.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.map.title}
      </Heading>
      <Paragraph appearance="lead">{m.map.lead}</Paragraph>
      {session.user ? (
        <div className="rt-actions">
          <RouterLink to={`/taakstelling/overzicht?periode=${encodeURIComponent(period)}`}>{m.map.toOverview}</RouterLink>
        </div>
      ) : null}
      <PeriodFilter period={period} onChange={setPeriod} />
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {map ? (
        <>
          {nonePublished ? (
            <Alert type="info" role="none" heading={m.map.emptyTitle(period)}>
              <Paragraph>{m.map.emptyBody}</Paragraph>
            </Alert>
          ) : null}
          <PublicationStatus period={period} provinces={map.provinces} />
          {nonePublished ? null : (
            <section aria-labelledby="ledger-results">
              <Heading level={2} id="ledger-results">
                {m.map.resultsTitle}
              </Heading>
              <LedgerMap items={map.items} period={period} legend={map.legend} unpublished={unpublishedCodes} />
              {unpublished.length > 0 ? <Paragraph>{m.map.onlyPublished(unpublished.map((p) => p.name).join(', '))}</Paragraph> : null}
              <MunicipalityTable items={map.items} caption={m.map.caption(period)} />
            </section>
          )}
        </>
      ) : null}
    </>
  );
}

/** For signed-in users (a province before publishing): the figures as they stand now, clearly marked as not published. */
function PreviewMapView({ province }: { province: string | null }) {
  const { m, t, date } = useLedgerT();
  const [period, setPeriod] = usePeriod(PERIODS[PERIODS.length - 1]!);
  const query = new URLSearchParams({ period });
  if (province) query.set('province', province);
  const data = useApi<MapPreview>(`/api/v1/ledger/public-map/preview?${query.toString()}`);
  const scope = province ? provinceName(province) : m.map.previewNational;
  const preview = data.data;

  return (
    <>
      <PageTitle>{`${m.map.previewHeading} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.map.previewHeading}
      </Heading>
      <div className="rt-actions">
        <RouterLink to={`/taakstelling?periode=${encodeURIComponent(period)}`}>{m.map.toPublicMap}</RouterLink>
        <RouterLink to={`/taakstelling/overzicht?periode=${encodeURIComponent(period)}${province ? `&provincie=${province}` : ''}`}>{m.map.toOverview}</RouterLink>
      </div>
      <PeriodFilter period={period} onChange={setPeriod} />
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {preview ? (
        <>
          <Alert type="warning" role="none" heading={m.map.previewTitle}>
            <Paragraph>{m.map.previewBody(scope, date(preview.asOf))}</Paragraph>
          </Alert>
          <LedgerMap items={preview.items} period={period} legend={preview.legend} />
          <MunicipalityTable items={preview.items} caption={m.map.previewCaption(period, scope)} />
        </>
      ) : null}
    </>
  );
}

export function PublicMapPage() {
  const [params] = useSearchParams();
  const preview = params.get(PREVIEW_PARAM);
  if (preview === null) return <PublishedMapView />;
  const province = PROVINCE_CODES.includes(preview.toUpperCase()) ? preview.toUpperCase() : null;
  return <PreviewMapView province={province} />;
}
