import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Heading, LoadingStatus, PageTitle, Paragraph, RouterLink, SelectField, SortableTable, type Column } from '../ui/index.ts';
import { ClassBadge, provinceName, useLedgerT } from './common.tsx';
import { LedgerMap } from './LedgerMap.tsx';
import { MAP_CLASSES, PERIODS, type PublicMap, type PublicMapItem } from './types.ts';

export function PublicMapPage() {
  const { m, t, number, date, percent, locale } = useLedgerT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('periode') ?? '';
  const period = (PERIODS as readonly string[]).includes(requested) ? requested : PERIODS[0];
  const data = useApi<PublicMap>(`/api/v1/ledger/public-map?period=${encodeURIComponent(period)}`);
  const items = useMemo(() => data.data?.items ?? [], [data.data]);

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
      <div className="rt-ledger-filters">
        <SelectField
          id="ledger-period"
          label={m.period}
          value={period}
          options={PERIODS.map((p) => ({ value: p, label: p }))}
          onChange={(value) => setParams({ periode: value }, { replace: true })}
        />
      </div>
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {data.data ? (
        <>
          <Paragraph>{m.asOfLine(date(data.data.asOf))}</Paragraph>
          <LedgerMap items={items} period={period} />
          <SortableTable
            caption={m.map.caption(period)}
            captionHint={m.map.captionHint}
            columns={columns}
            rows={items}
            rowKey={(r) => r.code}
            locale={locale}
            sortedMessage={t.common.sortedBy}
          />
        </>
      ) : null}
    </>
  );
}
