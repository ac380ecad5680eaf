import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Button,
  CheckboxField,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  SortableTable,
  TextField,
  type Column,
} from '../ui/index.ts';
import { ActionStatusBadge, OverdueBadge, PROVINCES, useAgendaT } from './common.tsx';
import { actionsPath, filtersFromSearch, searchOfFilters, type ActionFilters } from './logic.ts';
import { NewActionForm } from './NewActionForm.tsx';
import { ACTION_STATUSES, type Action, type ActionDetail, type ActionList, type NewlyOverdueList, type ProgrammeList } from './types.ts';

const NEWLY_OVERDUE_DAYS = 14;

/** The columns of both action tables: the list and "nieuw over de termijn". */
function useActionColumns(): Column<Action>[] {
  const { m, date, province } = useAgendaT();
  return useMemo<Column<Action>[]>(
    () => [
      {
        key: 'measure',
        header: m.list.colMeasure,
        cell: (a) => <span title={a.measure.title}>{m.measureShort(a.programme.code, a.measure.number)}</span>,
        sortValue: (a) => `${a.programme.code} ${String(a.measure.number).padStart(4, '0')}`,
      },
      {
        key: 'description',
        header: m.list.colDescription,
        rowHeader: true,
        cell: (a) => <RouterLink to={`/acties/${a.id}`}>{a.description}</RouterLink>,
        sortValue: (a) => a.description,
      },
      {
        key: 'holder',
        header: m.list.colHolder,
        cell: (a) => (
          <>
            {a.holder.organisation}
            {a.holder.person ? <span className="rt-agenda-sub">{a.holder.person}</span> : null}
          </>
        ),
        sortValue: (a) => a.holder.organisation,
      },
      { key: 'province', header: m.list.colProvince, cell: (a) => province(a.provinceCode), sortValue: (a) => province(a.provinceCode) },
      { key: 'deadline', header: m.list.colDeadline, cell: (a) => <span className="rt-nowrap">{date(a.deadline)}</span>, sortValue: (a) => a.deadline },
      { key: 'status', header: m.list.colStatus, cell: (a) => <ActionStatusBadge status={a.status} />, sortValue: (a) => ACTION_STATUSES.indexOf(a.status) },
      { key: 'overdue', header: m.list.colOverdue, cell: (a) => (a.overdue ? <OverdueBadge /> : m.list.notOverdue), sortValue: (a) => (a.overdue ? 1 : 0) },
    ],
    [m, date, province],
  );
}

/** The filters as a search form: nothing changes until it is sent, then the address carries the choice. */
function FilterForm({ initial, programmes, onApply }: { initial: ActionFilters; programmes: ProgrammeList | null; onApply: (f: ActionFilters) => void }) {
  const { m, status } = useAgendaT();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof ActionFilters>(key: K, value: ActionFilters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const programmeOptions = (programmes?.items ?? []).map((p) => ({ value: p.code, label: `${p.code}: ${p.name}` }));
  // A programme in the address that the list does not (yet) know stays choosable, so the form shows what is filtered.
  if (draft.programme && !programmeOptions.some((o) => o.value === draft.programme)) programmeOptions.push({ value: draft.programme, label: draft.programme });
  return (
    <form role="search" aria-label={m.list.filters} className="rt-agenda-filters" onSubmit={submit}>
      <SelectField
        id="agenda-filter-programme"
        label={m.list.programme}
        value={draft.programme}
        options={[{ value: '', label: m.list.allProgrammes }, ...programmeOptions]}
        onChange={(v) => set('programme', v)}
      />
      <TextField id="agenda-filter-holder" type="search" label={m.list.holder} description={m.list.holderHelp} maxLength={200} value={draft.holder} onChange={(v) => set('holder', v)} />
      <SelectField
        id="agenda-filter-province"
        label={m.list.province}
        value={draft.province}
        options={[{ value: '', label: m.list.allProvinces }, ...PROVINCES.map((p) => ({ value: p.code, label: p.name }))]}
        onChange={(v) => set('province', v)}
      />
      <SelectField
        id="agenda-filter-status"
        label={m.list.status}
        value={draft.status}
        options={[{ value: '', label: m.list.allStatuses }, ...ACTION_STATUSES.map((s) => ({ value: s, label: status(s) }))]}
        onChange={(v) => set('status', v as ActionFilters['status'])}
      />
      <CheckboxField id="agenda-filter-overdue" label={m.list.overdueOnly} checked={draft.overdue} onChange={(v) => set('overdue', v)} />
      <div className="rt-actions">
        <Button type="submit">{m.list.apply}</Button>
        <RouterLink to="/acties">{m.list.clear}</RouterLink>
      </div>
    </form>
  );
}

export function ActionsPage() {
  const { m, t, date, locale } = useAgendaT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const search = searchOfFilters(filters).toString();
  const list = useApi<ActionList>(actionsPath(filters));
  const newly = useApi<NewlyOverdueList>(`/api/v1/actions/newly-overdue?days=${NEWLY_OVERDUE_DAYS}`);
  const programmes = useApi<ProgrammeList>('/api/v1/programmes');
  const columns = useActionColumns();
  const manages = session.may('agenda.manage');
  const ownProvince = PROVINCES.find((p) => session.may('report.write', { provinceCode: p.code }))?.code ?? '';

  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ActionDetail | null>(null);
  const [formKey, setFormKey] = useState(0);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  const { retry: retryList } = list;
  const { retry: retryNewly } = newly;

  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle>{`${m.list.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.list.title}
      </Heading>
      <Paragraph appearance="lead">{m.list.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to="/acties/ladder">{m.list.toLadder}</RouterLink>
        <RouterLink to="/rapportages">{m.list.toReports}</RouterLink>
        <RouterLink to="/meldingen">{m.list.toInbox}</RouterLink>
      </div>

      {/* A new key when the address changes (back button, "Filters wissen"): the form shows what is filtered. */}
      <FilterForm key={search} initial={filters} programmes={programmes.data} onApply={(f) => setParams(searchOfFilters(f))} />

      <LoadingStatus busy={list.status === 'loading'} loadingText={t.common.loading} doneText={list.data ? m.list.count(items.length, date(list.data.today)) : ''} />
      {list.error ? <ApiErrorState error={list.error} onRetry={list.retry} /> : null}
      {list.data ? (
        items.length === 0 ? (
          <Paragraph>{m.list.empty}</Paragraph>
        ) : (
          <SortableTable caption={m.list.caption} captionHint={m.list.captionHint} columns={columns} rows={items} rowKey={(a) => String(a.id)} locale={locale} sortedMessage={t.common.sortedBy} />
        )
      ) : null}

      <section aria-labelledby="agenda-newly-overdue" className="rt-agenda-section">
        <Heading level={2} id="agenda-newly-overdue">
          {m.list.newlyTitle}
        </Heading>
        <Paragraph>{m.list.newlyLead(NEWLY_OVERDUE_DAYS)}</Paragraph>
        <LoadingStatus busy={newly.status === 'loading'} loadingText={t.common.loading} />
        {newly.error ? <ApiErrorState error={newly.error} onRetry={newly.retry} /> : null}
        {newly.data ? (
          newly.data.items.length === 0 ? (
            <Paragraph>{m.list.newlyEmpty(newly.data.days)}</Paragraph>
          ) : (
            <SortableTable
              caption={m.list.newlyCaption(newly.data.days)}
              columns={columns}
              rows={newly.data.items}
              rowKey={(a) => String(a.id)}
              locale={locale}
              sortedMessage={t.common.sortedBy}
            />
          )
        ) : null}
      </section>

      {manages ? (
        <section aria-labelledby="agenda-new" className="rt-agenda-section">
          <Heading level={2} id="agenda-new">
            {m.create.title}
          </Heading>
          <Paragraph>{m.create.lead}</Paragraph>
          {/* Always in the page, so the confirmation is announced when it appears. */}
          <div role="status" aria-live="polite">
            {created ? (
              <Alert type="ok" role="none" heading={m.create.saved(created.id)}>
                <Paragraph>
                  <RouterLink to={`/acties/${created.id}`}>{m.create.toAction(created.id)}</RouterLink>
                </Paragraph>
              </Alert>
            ) : null}
          </div>
          <div className="rt-actions">
            <Button
              appearance={creating ? 'secondary' : 'primary'}
              aria-expanded={creating}
              aria-controls={creating ? 'agenda-new-form' : undefined}
              onClick={(event) => {
                openerRef.current = event.currentTarget;
                setCreated(null);
                setCreating(!creating);
              }}
            >
              {m.create.open}
            </Button>
          </div>
          {creating ? (
            <>
              {programmes.error ? <ApiErrorState error={programmes.error} onRetry={programmes.retry} /> : null}
              <NewActionForm
                key={formKey}
                programmes={programmes.data?.items ?? []}
                ownProvince={ownProvince}
                onCreated={(action) => {
                  setCreated(action);
                  setCreating(false);
                  setFormKey((k) => k + 1);
                  retryList();
                  retryNewly();
                  // The form closes; focus goes back to the button that opened it, just below the announcement.
                  openerRef.current?.focus();
                }}
              />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
