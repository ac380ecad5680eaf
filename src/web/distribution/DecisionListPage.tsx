import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { getJson } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { PopulationStatusBadge, StatusNotes } from '../regions/population.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Alert, Heading, LoadingStatus, PageTitle, Paragraph, RouterLink, SortableTable, type Column } from '../ui/index.ts';
import { DecisionStatusBadge, decisionLabel, kindLabel, methodLabel, useDistributionAccess, useDistributionT } from './common.tsx';
import type { DecisionList, DecisionSummary, DecisionView } from './types.ts';

/**
 * The list does not say which decision replaced a superseded one, so those few are looked up one by one
 * (a superseded decision never changes again, so the answer can be kept for the visit).
 */
const successorCache = new Map<number, { id: number; label: string }>();
function useSuccessors(items: readonly DecisionSummary[]) {
  const [, setTick] = useState(0);
  const superseded = items.filter((d) => d.status === 'vervangen').map((d) => d.id);
  const key = superseded.join(',');
  useEffect(() => {
    const controller = new AbortController();
    const missing = key ? key.split(',').map(Number).filter((id) => !successorCache.has(id)) : [];
    void Promise.all(
      missing.map(async (id) => {
        const old = await getJson<DecisionView>(`/api/v1/distributions/${id}`, controller.signal);
        if (old.supersededById === null) return;
        const next = await getJson<DecisionView>(`/api/v1/distributions/${old.supersededById}`, controller.signal);
        successorCache.set(id, { id: next.id ?? old.supersededById, label: next.number ?? String(old.supersededById) });
      }),
    ).then(
      () => setTick((n) => n + 1),
      () => undefined, // Without the link the status "vervangen" still says enough.
    );
    return () => controller.abort();
  }, [key]);
  return successorCache;
}

export function DecisionListPage() {
  const { m, t, number, date, locale } = useDistributionT();
  const access = useDistributionAccess();
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? '';
  // The list depends on who is asking (drafts), so it is fetched again when the user changes.
  const list = useApi<DecisionList>(access.session.status === 'loading' ? null : '/api/v1/distributions');
  const userId = access.session.user?.id ?? null;
  const { retry } = list;
  const seenUser = useRef(userId);
  useEffect(() => {
    if (seenUser.current === userId) return;
    seenUser.current = userId;
    retry();
  }, [userId, retry]);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const successors = useSuccessors(items);

  const columns = useMemo<Column<DecisionSummary>[]>(
    () => [
      {
        key: 'number',
        header: m.list.colNumber,
        cell: (d) => <span className="rt-nowrap">{decisionLabel(m, d)}</span>,
        sortValue: (d) => d.number ?? `~${String(d.id).padStart(8, '0')}`,
      },
      {
        key: 'title',
        header: m.list.colTitle,
        rowHeader: true,
        cell: (d) => <RouterLink to={`/verdeling/${d.id}`}>{d.title}</RouterLink>,
        sortValue: (d) => d.title,
      },
      { key: 'kind', header: m.list.colKind, cell: (d) => kindLabel(m, d), sortValue: (d) => kindLabel(m, d) },
      { key: 'total', header: m.list.colTotal, numeric: true, cell: (d) => number(d.total), sortValue: (d) => d.total },
      { key: 'method', header: m.list.colMethod, cell: (d) => methodLabel(m, d.method), sortValue: (d) => methodLabel(m, d.method) },
      { key: 'referenceDate', header: m.list.colReferenceDate, cell: (d) => <span className="rt-nowrap">{date(d.referenceDate)}</span>, sortValue: (d) => d.referenceDate },
      {
        key: 'populationStatus',
        header: m.list.colPopulationStatus,
        cell: (d) => <PopulationStatusBadge status={d.populationStatus} />,
        sortValue: (d) => d.populationStatus,
      },
      {
        key: 'status',
        header: m.list.colStatus,
        cell: (d) => {
          const next = successors.get(d.id);
          return (
            <>
              <DecisionStatusBadge status={d.status} />
              {d.status === 'vervangen' && next ? (
                <>
                  {' '}
                  <RouterLink to={`/verdeling/${next.id}`}>{m.list.supersededBy(next.label)}</RouterLink>
                </>
              ) : null}
            </>
          );
        },
        sortValue: (d) => d.status,
      },
    ],
    [m, number, date, successors],
  );

  return (
    <>
      <PageTitle>{`${m.list.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1} className="rt-break-words">
        {m.list.title}
      </Heading>
      {notice ? (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph appearance="lead">{m.list.lead}</Paragraph>
      <div className="rt-actions">
        {access.canCreate ? (
          <RouterLink to="/verdeling/nieuw" className="rt-button-link">
            {m.list.newDecision}
          </RouterLink>
        ) : null}
        <RouterLink to="/verdeling/vergelijk">{m.list.compare}</RouterLink>
      </div>
      {access.readsDrafts ? <Paragraph>{m.list.draftsShown}</Paragraph> : null}
      <LoadingStatus busy={list.status === 'loading'} loadingText={t.common.loading} />
      {list.error ? <ApiErrorState error={list.error} onRetry={list.retry} /> : null}
      {list.data ? (
        items.length === 0 ? (
          <Paragraph>{m.list.empty}</Paragraph>
        ) : (
          <>
            <SortableTable
              caption={m.list.caption}
              captionHint={m.list.captionHint}
              columns={columns}
              rows={items}
              rowKey={(d) => String(d.id)}
              locale={locale}
              sortedMessage={t.common.sortedBy}
            />
            <StatusNotes statuses={new Set(items.map((d) => d.populationStatus))} />
          </>
        )
      ) : null}
    </>
  );
}
