import { useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { asApiError, send, type ApiError } from '../api/client.ts';
import { useVersioned } from '../api/useVersioned.ts';
import { PopulationStatusBadge } from '../regions/population.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { History } from '../shared/History.tsx';
import {
  Alert,
  Button,
  ConfirmPanel,
  ErrorSummary,
  Heading,
  Link,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  type FormError,
} from '../ui/index.ts';
import { AreaTable } from './AreaTable.tsx';
import { DecisionStatusBadge, decisionLabel, keyLabel, kindLabel, methodLabel, useDistributionAccess, useDistributionT } from './common.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionMap } from './DecisionMap.tsx';
import type { DecisionView } from './types.ts';


function DetailRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="rt-details__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function DecisionSummaryList({ d }: { d: DecisionView }) {
  const { m, number, date, dateTime } = useDistributionT();
  const difference = d.assignedTotal - d.total;
  return (
    <dl className="rt-details rt-decision-details">
      <DetailRow term={m.detail.number}>{d.number ?? decisionLabel(m, { id: d.id ?? 0, number: null })}</DetailRow>
      <DetailRow term={m.detail.status}>
        <DecisionStatusBadge status={d.status} />
      </DetailRow>
      <DetailRow term={m.detail.kind}>{kindLabel(m, d)}</DetailRow>
      <DetailRow term={m.detail.key}>{keyLabel(m, d.key)}</DetailRow>
      <DetailRow term={m.detail.method}>{methodLabel(m, d.method)}</DetailRow>
      <DetailRow term={m.detail.methodNote}>
        <span lang="nl">{d.methodNote}</span>
      </DetailRow>
      <DetailRow term={m.detail.referenceDate}>{date(d.referenceDate)}</DetailRow>
      <DetailRow term={m.detail.populationStatus}>
        <PopulationStatusBadge status={d.populationStatus} />
      </DetailRow>
      <DetailRow term={m.detail.boundaryDate}>{date(d.boundaryDate)}</DetailRow>
      {d.nationalPopulation !== null ? <DetailRow term={m.detail.nationalPopulation}>{number(d.nationalPopulation)}</DetailRow> : null}
      <DetailRow term={m.detail.total}>{number(d.total)}</DetailRow>
      <DetailRow term={m.detail.assigned}>
        <strong>{number(d.assignedTotal)}</strong>
        {' – '}
        {difference === 0 ? m.detail.exact : d.method === 'round-up' && difference > 0 ? m.detail.roundUpDifference(number(difference)) : null}
      </DetailRow>
      {d.createdBy ? (
        <DetailRow term={m.detail.createdBy}>{d.createdAt ? m.detail.publishedBy(dateTime(d.createdAt), d.createdBy) : d.createdBy}</DetailRow>
      ) : null}
      {d.publishedAt ? (
        <DetailRow term={m.detail.publishedAt}>{m.detail.publishedBy(date(d.publishedAt), d.publishedBy ?? '–')}</DetailRow>
      ) : null}
      {d.supersedesId !== null ? (
        <DetailRow term={m.detail.supersedes}>
          <RouterLink to={`/verdeling/${d.supersedesId}`}>{m.detail.decisionLink(String(d.supersedesId))}</RouterLink>
        </DetailRow>
      ) : null}
      {d.supersededById !== null ? (
        <DetailRow term={m.detail.supersededBy}>
          <RouterLink to={`/verdeling/${d.supersededById}`}>{m.detail.decisionLink(String(d.supersededById))}</RouterLink>
        </DetailRow>
      ) : null}
    </dl>
  );
}

export function DecisionPage() {
  const { m, t, date } = useDistributionT();
  const access = useDistributionAccess();
  const navigate = useNavigate();
  const location = useLocation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const decision = useVersioned<DecisionView>(valid ? `/api/v1/distributions/${id}` : null);
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const createdNotice = (location.state as { created?: boolean } | null)?.created ? m.detail.created : '';
  const [notice, setNotice] = useState(createdNotice);
  const [actionErrors, setActionErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [saves, setSaves] = useState(0);
  const openerRef = useRef<HTMLElement | null>(null);

  // A new decision (after a correction) or a different one by link: start clean.
  const [shownId, setShownId] = useState(id);
  if (shownId !== id) {
    setShownId(id);
    setEditing(false);
    setConfirm(null);
    setNotice(createdNotice);
    setConflict(null);
    setActionErrors([]);
  }

  const d = decision.data;
  const label = d ? decisionLabel(m, { id: d.id ?? id, number: d.number }) : '';
  const heading = d?.title ?? m.detail.titleLoading;
  const notFound = !valid || (decision.error && (decision.error.status === 404 || decision.error.status === 400));
  const manage = d ? access.canManage(d) : false;

  function closeConfirm() {
    setConfirm(null);
    openerRef.current?.focus();
  }

  async function act(action: 'publish' | 'delete' | 'correction') {
    if (!d) return;
    setBusy(true);
    setActionErrors([]);
    setConflict(null);
    try {
      if (action === 'publish') {
        const { data, version } = await send<DecisionView>('POST', `/api/v1/distributions/${id}/publish`, undefined, { ifMatch: decision.version ?? d.version });
        decision.replace(data, version ?? data.version);
        setConfirm(null);
        setEditing(false);
        setSaves((n) => n + 1);
        document.querySelector<HTMLElement>('main h1')?.focus();
        setNotice(m.detail.published(data.number ?? ''));
      } else if (action === 'delete') {
        await send<null>('DELETE', `/api/v1/distributions/${id}`, undefined, { ifMatch: decision.version ?? d.version });
        void navigate('/verdeling', { state: { notice: m.detail.deleted } });
      } else {
        const { data } = await send<DecisionView>('POST', `/api/v1/distributions/${id}/correction`);
        void navigate(`/verdeling/${data.id}`, { state: { created: true } });
      }
    } catch (e) {
      const error = asApiError(e);
      setConfirm(null);
      if (error.status === 412) setConflict(error);
      else setActionErrors([{ message: error.detail ?? t.common.errorBody }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{`${d ? `${label}: ${d.title}` : heading} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to="/verdeling">
          <span aria-hidden="true">← </span>
          {m.detail.back}
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1} className="rt-break-words">
        {heading}
      </Heading>
      <p className="rt-status-line rt-notice" role="status" aria-live="polite">
        {notice}
      </p>
      <LoadingStatus busy={valid && decision.status === 'loading'} loadingText={t.common.loading} />
      {notFound ? (
        <Alert type="info" role="none">
          <Paragraph>{m.detail.notFound}</Paragraph>
        </Alert>
      ) : decision.error ? (
        <ApiErrorState error={decision.error} onRetry={decision.reload} />
      ) : null}

      {d ? (
        <>
          {d.populationStatus === 'onofficieel' ? (
            <Alert type="warning" role="none" heading={m.detail.unofficialTitle}>
              <Paragraph>{m.detail.unofficialBody(date(d.referenceDate))}</Paragraph>
            </Alert>
          ) : d.populationStatus === 'voorlopig' ? (
            <Alert type="info" role="none">
              <Paragraph>{m.detail.provisionalBody}</Paragraph>
            </Alert>
          ) : null}
          {d.status === 'concept' ? (
            <Alert type="info" role="none">
              <Paragraph>{m.detail.draftNotice}</Paragraph>
            </Alert>
          ) : null}
          {d.status === 'vervangen' && d.supersededById !== null ? (
            <Alert type="warning" role="none">
              <Paragraph>
                {m.detail.supersededNotice}{' '}
                <RouterLink to={`/verdeling/${d.supersededById}`}>{m.detail.decisionLink(String(d.supersededById))}</RouterLink>
              </Paragraph>
            </Alert>
          ) : null}

          <Heading level={2}>{m.detail.summary}</Heading>
          <DecisionSummaryList d={d} />

          {manage && (d.status === 'concept' || d.status === 'gepubliceerd') ? (
            <section aria-labelledby="acties">
              <Heading level={2} id="acties">
                {m.detail.actions}
              </Heading>
              {conflict ? (
                <Alert type="error" role="alert" heading={m.form.conflictTitle}>
                  <Paragraph>{m.form.conflictBody(conflict.currentVersion ?? 0)}</Paragraph>
                  <Button
                    appearance="secondary"
                    onClick={() => {
                      setConflict(null);
                      setFormKey((n) => n + 1);
                      document.querySelector<HTMLElement>('main h1')?.focus();
                      decision.reload();
                    }}
                  >
                    {m.form.reload}
                  </Button>
                </Alert>
              ) : null}
              <ErrorSummary title={t.form.errorSummaryTitle} errors={actionErrors} />
              {d.status === 'concept' ? (
                <div className="rt-actions">
                  <Button appearance="secondary" aria-expanded={editing} aria-controls="concept-wijzigen" onClick={() => setEditing((e) => !e)}>
                    {editing ? m.detail.stopEditing : m.detail.edit}
                  </Button>
                  <Button
                    disabled={busy}
                    onClick={(event) => {
                      openerRef.current = event.currentTarget;
                      setConfirm('publish');
                    }}
                  >
                    {m.detail.publish}
                  </Button>
                  <Button
                    appearance="subtle"
                    disabled={busy}
                    onClick={(event) => {
                      openerRef.current = event.currentTarget;
                      setConfirm('delete');
                    }}
                  >
                    {m.detail.delete}
                  </Button>
                </div>
              ) : (
                <>
                  <Paragraph>{m.detail.correctionHelp}</Paragraph>
                  <div className="rt-actions">
                    <Button appearance="secondary" disabled={busy} onClick={() => void act('correction')}>
                      {m.detail.correction}
                    </Button>
                  </div>
                </>
              )}
              {confirm === 'publish' ? (
                <ConfirmPanel
                  title={m.detail.publishConfirmTitle}
                  body={m.detail.publishConfirmBody}
                  confirmLabel={m.detail.publishConfirm}
                  cancelLabel={m.detail.cancel}
                  busy={busy}
                  onConfirm={() => void act('publish')}
                  onCancel={closeConfirm}
                />
              ) : confirm === 'delete' ? (
                <ConfirmPanel
                  title={m.detail.deleteConfirmTitle}
                  body={m.detail.deleteConfirmBody}
                  confirmLabel={m.detail.deleteConfirm}
                  cancelLabel={m.detail.cancel}
                  busy={busy}
                  onConfirm={() => void act('delete')}
                  onCancel={closeConfirm}
                />
              ) : null}
              <LoadingStatus busy={busy} loadingText={m.detail.working} />
              {d.status === 'concept' && editing ? (
                <div id="concept-wijzigen">
                  <Heading level={3}>{m.form.editTitle}</Heading>
                  <DecisionForm
                    key={`${d.id}-${formKey}`}
                    decision={d}
                    version={decision.version}
                    onSaved={(view, version) => {
                      decision.replace(view, version);
                      setEditing(false);
                      setSaves((n) => n + 1);
                      setNotice(m.detail.saved);
                    }}
                    onCancel={() => setEditing(false)}
                    onReload={() => {
                      setFormKey((n) => n + 1);
                      decision.reload();
                    }}
                  />
                </div>
              ) : null}
            </section>
          ) : null}

          <Heading level={2}>{m.detail.exports}</Heading>
          <ul className="rt-link-list">
            <li>
              <Link href={`/api/v1/distributions/${id}/export?format=csv`} download>
                {m.detail.exportCsv}
              </Link>
            </li>
            <li>
              <Link href={`/api/v1/distributions/${id}/export?format=xlsx`} download>
                {m.detail.exportXlsx}
              </Link>
            </li>
          </ul>

          <Heading level={2}>{m.detail.mapTitle}</Heading>
          <DecisionMap decision={d} />

          <Heading level={2}>{m.detail.tableTitle}</Heading>
          <AreaTable decision={d} caption={m.detail.caption(label)} />

          {access.session.user ? (
            <History resourceType="besluit" resourceId={String(id)} what={m.detail.historyWhat(label)} refreshKey={saves} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
