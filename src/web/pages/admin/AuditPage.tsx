import { useState, type FormEvent } from 'react';
import { asApiError, getJson, type ApiError } from '../../api/client.ts';
import type { AuditItem, AuditPage as AuditPageData } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { ApiErrorState } from '../../shared/ApiErrorState.tsx';
import { AuditTable, auditTypeLabel } from '../../shared/AuditTable.tsx';
import {
  Button,
  ErrorSummary,
  Heading,
  Link,
  LoadingStatus,
  PageTitle,
  Paragraph,
  SelectField,
  TextField,
  type FormError,
} from '../../ui/index.ts';
import { AdminNav } from './AdminNav.tsx';

interface Filters {
  actor: string;
  user: string;
  resourceType: string;
  resourceId: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', user: '', resourceType: '', resourceId: '', from: '', to: '' };
const TYPES = ['gebruiker', 'sessie', 'api-token', 'inwonertallen', 'inwonertal-provincie'] as const;
const PAGE_SIZE = 50;

/** The query string the search and the CSV export share. */
function queryOf(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.actor.trim()) q.set('actor', f.actor.trim());
  if (f.user.trim()) q.set('user', f.user.trim());
  if (f.resourceType) q.set('resourceType', f.resourceType);
  if (f.resourceId.trim()) q.set('resourceId', f.resourceId.trim());
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  return q;
}

export function AuditPage() {
  const { t } = useT();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [errors, setErrors] = useState<FormError[]>([]);
  const query = queryOf(applied).toString();
  const first = useApi<AuditPageData>(`/api/v1/audit?${query}${query ? '&' : ''}limit=${PAGE_SIZE}`);
  // Pages after the first, for the query they belong to (a new search starts over).
  const [more, setMore] = useState<{ query: string; items: AuditItem[]; next: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);

  const extra = more?.query === query ? more : null;
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : (first.data?.nextBefore ?? null);

  function search(event: FormEvent) {
    event.preventDefault();
    const found: FormError[] = [];
    if (draft.user.trim() && !/^[1-9]\d*$/.test(draft.user.trim())) found.push({ fieldId: 'audit-gebruiker', message: t.audit.errorUserId });
    if (draft.from && draft.to && draft.from > draft.to) found.push({ fieldId: 'audit-van', message: t.audit.errorPeriod });
    setErrors(found);
    if (found.length > 0) return;
    setApplied(draft);
    setMoreError(null);
    if (queryOf(draft).toString() === query) first.retry();
  }

  async function loadMore() {
    if (next === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getJson<AuditPageData>(`/api/v1/audit?${query}${query ? '&' : ''}limit=${PAGE_SIZE}&before=${next}`);
      setMore({ query, items: [...(extra?.items ?? []), ...page.items], next: page.nextBefore });
    } catch (e) {
      setMoreError(asApiError(e));
    } finally {
      setLoadingMore(false);
    }
  }

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  const status =
    first.status === 'loading'
      ? t.common.loading
      : loadingMore
        ? t.audit.loadingMore
        : first.data
          ? items.length === 0
            ? t.audit.none
            : t.audit.results(items.length, next !== null)
          : '';

  return (
    <>
      <PageTitle>{`${t.audit.title} – ${t.app.titleSuffix}`}</PageTitle>
      <AdminNav />
      <Heading level={1} tabIndex={-1}>
        {t.audit.title}
      </Heading>
      <Paragraph appearance="lead">{t.audit.lead}</Paragraph>

      <Heading level={2}>{t.audit.searchTitle}</Heading>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form noValidate onSubmit={search} role="search" aria-label={t.audit.searchTitle}>
        <div className="rt-toolbar">
          <TextField id="audit-wie" label={t.audit.actor} description={t.audit.actorDescription} value={draft.actor} onChange={set('actor')} autoComplete="off" />
          <TextField
            id="audit-gebruiker"
            label={t.audit.userId}
            description={t.audit.userIdDescription}
            inputMode="numeric"
            value={draft.user}
            onChange={set('user')}
            error={fieldError('audit-gebruiker')}
            autoComplete="off"
          />
        </div>
        <div className="rt-toolbar">
          <SelectField
            id="audit-soort"
            label={t.audit.resourceType}
            value={draft.resourceType}
            options={[{ value: '', label: t.audit.anyType }, ...TYPES.map((type) => ({ value: type, label: auditTypeLabel(t, type) }))]}
            onChange={set('resourceType')}
          />
          <TextField
            id="audit-sleutel"
            label={t.audit.resourceId}
            description={t.audit.resourceIdDescription}
            value={draft.resourceId}
            onChange={set('resourceId')}
            autoComplete="off"
          />
        </div>
        <div className="rt-toolbar">
          <TextField id="audit-van" type="date" label={t.audit.from} value={draft.from} onChange={set('from')} error={fieldError('audit-van')} />
          <TextField id="audit-tot" type="date" label={t.audit.to} value={draft.to} onChange={set('to')} />
        </div>
        <div className="rt-actions">
          <Button type="submit">{t.audit.search}</Button>
          <Button
            appearance="subtle"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
              setErrors([]);
            }}
          >
            {t.audit.reset}
          </Button>
          <Link href={`/api/v1/audit/export${query ? `?${query}` : ''}`} download>
            {t.audit.export}
          </Link>
        </div>
      </form>

      <LoadingStatus busy={false} loadingText="" doneText={status} />
      {first.error ? <ApiErrorState error={first.error} onRetry={first.retry} /> : null}
      {items.length > 0 ? (
        <AuditTable caption={t.audit.caption} items={items} withResource />
      ) : null}
      {moreError ? <ApiErrorState error={moreError} onRetry={loadMore} /> : null}
      {next !== null && first.data ? (
        <div className="rt-actions">
          <Button appearance="secondary" disabled={loadingMore} onClick={loadMore}>
            {t.audit.more}
          </Button>
        </div>
      ) : null}
    </>
  );
}
