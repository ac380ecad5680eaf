import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Heading, Link, LoadingStatus, PageTitle, Paragraph, RouterLink, SelectField, SortableTable, StatusBadge, TextField, type Column } from '../ui/index.ts';
import { PaceBadge, PROVINCE_CODES, provinceName, useLedgerT } from './common.tsx';
import { PublishMapSection } from './PublishMapSection.tsx';
import { LADDER_STEPS, PERIODS, RUNNING_AS_OF, type Overview, type OverviewItem } from './types.ts';

const ALL = 'alle';

export function OverviewPage() {
  const { m, t, number, date, share, locale, step } = useLedgerT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('periode') ?? '';
  const period = (PERIODS as readonly string[]).includes(requested) ? requested : PERIODS[PERIODS.length - 1]!;
  // A provincie user starts with its own province; "alle" chooses the whole country.
  const own = PROVINCE_CODES.find((code) => session.may('ledger.supervise', { provinceCode: code })) ?? null;
  const provinceParam = params.get('provincie');
  const province = provinceParam === ALL ? null : provinceParam && PROVINCE_CODES.includes(provinceParam) ? provinceParam : own;
  const asOf = params.get('peildatum') ?? RUNNING_AS_OF[period] ?? '';

  const query = new URLSearchParams({ period });
  if (province) query.set('province', province);
  if (asOf) query.set('asOf', asOf);
  const data = useApi<Overview>(`/api/v1/ledger?${query.toString()}`);
  const items = useMemo(() => data.data?.items ?? [], [data.data]);
  const scope = province ? provinceName(province) : m.overview.national;

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams({ periode: period, provincie: province ?? ALL });
    if (params.has('peildatum')) next.set('peildatum', asOf);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    if (changes.periode && !('peildatum' in changes)) next.delete('peildatum');
    setParams(next, { replace: true });
  };

  const columns = useMemo<Column<OverviewItem>[]>(
    () => [
      {
        key: 'name',
        header: m.overview.colName,
        rowHeader: true,
        cell: (r) => (
          <>
            <RouterLink to={`/taakstelling/${r.code}${asOf ? `?peildatum=${encodeURIComponent(asOf)}` : ''}`}>{r.name}</RouterLink>
            {r.newlyOverdue ? (
              <>
                {' '}
                <StatusBadge tone="danger">{m.overview.newlyOverdue}</StatusBadge>
              </>
            ) : null}
          </>
        ),
        sortValue: (r) => r.name,
      },
      { key: 'taakstelling', header: m.overview.colTaakstelling, numeric: true, cell: (r) => number(r.taakstelling), sortValue: (r) => r.taakstelling },
      { key: 'corrected', header: m.overview.colCorrected, numeric: true, cell: (r) => number(r.corrected), sortValue: (r) => r.corrected },
      { key: 'realised', header: m.overview.colRealised, numeric: true, cell: (r) => number(r.realised), sortValue: (r) => r.realised },
      { key: 'backlog', header: m.overview.colBacklog, numeric: true, cell: (r) => number(r.backlog), sortValue: (r) => r.backlog },
      { key: 'pace', header: m.overview.colPace, cell: (r) => <PaceBadge status={r.currentStatus ?? r.monthStatus} />, sortValue: (r) => r.currentStatus ?? r.monthStatus ?? '' },
      { key: 'step', header: m.overview.colStep, cell: (r) => step(r.step), sortValue: (r) => LADDER_STEPS.indexOf(r.step) },
      {
        key: 'suggested',
        header: m.overview.colSuggested,
        cell: (r) => (
          <>
            <strong>{step(r.suggestedStep)}</strong>
            {r.frozen ? ` (${m.overview.frozen})` : null}
            <span className="rt-ledger-reason" lang="nl">
              {r.suggestionReason}
            </span>
          </>
        ),
        sortValue: (r) => LADDER_STEPS.indexOf(r.suggestedStep),
      },
    ],
    [m, number, step, asOf],
  );

  const totals = data.data?.totals;
  return (
    <>
      <PageTitle>{`${m.overview.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.overview.title}
      </Heading>
      <Paragraph appearance="lead">{m.overview.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to={`/taakstelling?periode=${encodeURIComponent(period)}`}>{m.municipality.toMap}</RouterLink>
        {own ? <Link href="#ledger-publish">{m.overview.publish.title}</Link> : null}
        {/* The same policy as the upload route: COA reports the realisations. */}
        {session.may('realisation.upload') ? <RouterLink to="/taakstelling/realisaties-uploaden">{m.upload.link}</RouterLink> : null}
      </div>
      <div className="rt-ledger-filters" role="group" aria-label={m.overview.filters}>
        <SelectField id="ledger-period" label={m.period} value={period} options={PERIODS.map((p) => ({ value: p, label: p }))} onChange={(v) => update({ periode: v })} />
        <SelectField
          id="ledger-province"
          label={m.overview.province}
          value={province ?? ALL}
          options={[{ value: ALL, label: m.overview.allProvinces }, ...PROVINCE_CODES.map((c) => ({ value: c, label: provinceName(c) }))]}
          onChange={(v) => update({ provincie: v })}
        />
        <TextField id="ledger-asof" type="date" label={m.overview.asOf} description={m.overview.asOfHelp} value={asOf} onChange={(v) => update({ peildatum: v })} />
      </div>
      <LoadingStatus busy={data.status === 'loading'} loadingText={t.common.loading} />
      {data.error ? <ApiErrorState error={data.error} onRetry={data.retry} /> : null}
      {data.data && totals ? (
        <>
          <Paragraph>{m.asOfLine(date(data.data.asOf))}</Paragraph>
          <Heading level={2}>{m.overview.totalsTitle(scope)}</Heading>
          <dl className="rt-ledger-totals">
            {(
              [
                [m.overview.totals.municipalities, number(totals.municipalities)],
                [m.overview.totals.taakstelling, number(totals.taakstelling)],
                [m.overview.totals.corrected, number(totals.corrected)],
                [m.overview.totals.realised, number(totals.realised)],
                [m.overview.totals.backlog, number(totals.backlog)],
                [m.overview.totals.behind, number(totals.behind)],
                [m.overview.totals.shareBehind, share(totals.shareBehind)],
                [m.overview.totals.bareTaskMet, totals.bareTaskMet ? m.overview.yes : m.overview.no],
                [m.overview.totals.backlogCaughtUp, share(totals.backlogCaughtUp)],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {items.length === 0 ? (
            <Paragraph>{m.overview.empty}</Paragraph>
          ) : (
            <SortableTable
              caption={m.overview.caption(period, scope)}
              captionHint={m.overview.captionHint}
              columns={columns}
              rows={items}
              rowKey={(r) => r.code}
              locale={locale}
              sortedMessage={t.common.sortedBy}
            />
          )}
        </>
      ) : null}
      {/* A province publishes the public map of its own municipalities, whatever province the selection shows. */}
      {own ? <PublishMapSection province={own} period={period} /> : null}
    </>
  );
}
