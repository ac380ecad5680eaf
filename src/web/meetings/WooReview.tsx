import { useId, useRef, useState } from 'react';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Button,
  ConfirmPanel,
  ErrorSummary,
  Heading,
  LoadingStatus,
  Paragraph,
  RouterLink,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
  type FormError,
} from '../ui/index.ts';
import { useMeetingsT } from './common.tsx';
import type { Proposal, Proposals, Review } from './types.ts';

/** Names from the register are redacted unless the reviewer says otherwise; a possible name needs an explicit choice. */
export function initialDecisions(items: readonly Proposal[]): Record<string, boolean | undefined> {
  return Object.fromEntries(items.map((p) => [p.key, p.reason === 'bekende-persoon' ? true : undefined]));
}

/**
 * The Woo review of approved minutes, for the secretariat: each proposed redaction in its context with "weglakken" /
 * "leesbaar laten", recorded as one review, then published after a confirmation. The server refuses a publication in
 * which a registered name would stay readable (409 naam-leesbaar); its Dutch detail is shown as it is.
 */
export function WooReview({ minutesId, version }: { minutesId: number; version: number }) {
  const { m, t } = useMeetingsT();
  const w = m.woo;
  const uid = useId();
  const proposals = useApi<Proposals>(`/api/v1/minutes/${minutesId}/woo/proposals`);
  const [decisions, setDecisions] = useState<{ from: Proposals; values: Record<string, boolean | undefined> } | null>(null);
  if (proposals.data && decisions?.from !== proposals.data) setDecisions({ from: proposals.data, values: initialDecisions(proposals.data.items) });
  const values = proposals.data && decisions?.from === proposals.data ? decisions.values : {};
  const [errors, setErrors] = useState<FormError[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<Review | null>(null);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [publishFailure, setPublishFailure] = useState<{ code: string; detail: string } | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const publishButton = useRef<HTMLDivElement>(null);

  const items = proposals.data?.items ?? [];
  const fieldsetId = (i: number) => `${uid}-voorstel-${i}`;

  function decide(key: string, accept: boolean) {
    if (!proposals.data) return;
    setDecisions({ from: proposals.data, values: { ...values, [key]: accept } });
    // A changed decision makes an earlier review stale: record again before publishing.
    setReview(null);
    setPublished(null);
    setPublishFailure(null);
  }

  async function save() {
    const open = items.map((p, i) => ({ p, i })).filter(({ p }) => values[p.key] === undefined);
    if (open.length > 0) {
      setShowErrors(true);
      setErrors(open.map(({ p, i }) => ({ fieldId: fieldsetId(i), message: w.chooseError(p.text) })));
      return;
    }
    setErrors([]);
    setShowErrors(false);
    setBusy(true);
    setSaveFailure(null);
    try {
      const { data } = await send<Review>('POST', `/api/v1/minutes/${minutesId}/woo/reviews`, {
        decisions: items.map((p) => ({ key: p.key, accept: values[p.key] === true })),
        manual: [],
      });
      setReview(data);
    } catch (e) {
      const error = asApiError(e);
      setSaveFailure(error.detail ?? error.title);
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    if (!review) return;
    setBusy(true);
    setPublishFailure(null);
    try {
      const { data } = await send<{ id: number; title: string }>('POST', `/api/v1/minutes/${minutesId}/woo/publications`, { reviewId: review.reviewId });
      setConfirming(false);
      setPublished(data.title);
    } catch (e) {
      const error = asApiError(e);
      setConfirming(false);
      setPublishFailure({ code: error.code, detail: error.detail ?? error.title });
      requestAnimationFrame(() => publishButton.current?.querySelector('button')?.focus());
    } finally {
      setBusy(false);
    }
  }

  const open = items.filter((p) => values[p.key] === undefined).length;

  return (
    <section aria-labelledby={`${uid}-title`} className="rt-meetings-woo">
      <Heading level={2} id={`${uid}-title`}>
        {w.title}
      </Heading>
      <Paragraph>{w.lead(version)}</Paragraph>
      <LoadingStatus busy={proposals.status === 'loading'} loadingText={t.common.loading} />
      {proposals.error ? <ApiErrorState error={proposals.error} onRetry={proposals.retry} /> : null}
      {proposals.data ? (
        <>
          {showErrors ? <ErrorSummary title={w.errorsTitle} errors={errors} /> : null}
          {items.length === 0 ? (
            <Paragraph>{w.none}</Paragraph>
          ) : (
            <Table caption={w.caption} captionHint={w.captionHint}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{w.colField}</TableHeaderCell>
                  <TableHeaderCell scope="col">{w.colContext}</TableHeaderCell>
                  <TableHeaderCell scope="col">{w.colReason}</TableHeaderCell>
                  <TableHeaderCell scope="col">{w.colDecision}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((p, i) => {
                  const error = showErrors && values[p.key] === undefined;
                  const errorId = `${fieldsetId(i)}-error`;
                  return (
                    <TableRow key={p.key}>
                      <TableCell>
                        <code>{p.field}</code>
                      </TableCell>
                      <TableCell lang="nl">
                        {p.before ? `…${p.before}` : null}
                        <strong>{p.text}</strong>
                        {p.after ? `${p.after}…` : null}
                      </TableCell>
                      <TableCell>
                        {m.reasons[p.reason] ?? p.reason}
                        {p.personOrganisation ? ` (${p.personOrganisation})` : null}
                      </TableCell>
                      <TableCell>
                        <fieldset
                          id={fieldsetId(i)}
                          tabIndex={-1}
                          className="rt-meetings-decision"
                          aria-invalid={error || undefined}
                          aria-describedby={error ? errorId : undefined}
                        >
                          <legend>
                            <VisuallyHidden>{w.decisionLegend(p.text)}</VisuallyHidden>
                          </legend>
                          {error ? (
                            <p className="rt-field-error" id={errorId}>
                              {w.chooseError(p.text)}
                            </p>
                          ) : null}
                          <label>
                            <input type="radio" name={`${uid}-${i}`} checked={values[p.key] === true} onChange={() => decide(p.key, true)} /> {w.accept}
                          </label>
                          <label>
                            <input type="radio" name={`${uid}-${i}`} checked={values[p.key] === false} onChange={() => decide(p.key, false)} /> {w.reject}
                          </label>
                        </fieldset>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <p className="rt-status-line" role="status" aria-live="polite">
            {review ? w.saved(review.reviewId, review.accepted, review.rejected) : open > 0 ? w.open(open) : ''}
          </p>
          {saveFailure ? (
            <Alert type="error" role="alert" heading={w.saveFailed}>
              <Paragraph lang="nl">{saveFailure}</Paragraph>
            </Alert>
          ) : null}
          <div className="rt-actions">
            <Button appearance="secondary" disabled={busy} onClick={() => void save()}>
              {busy && !review ? w.saving : w.save}
            </Button>
          </div>
          {review && !published ? (
            <div ref={publishButton} className="rt-actions">
              {confirming ? (
                <ConfirmPanel
                  title={w.confirmTitle}
                  body={w.confirmBody}
                  confirmLabel={busy ? w.publishing : w.confirm}
                  cancelLabel={m.cancel}
                  busy={busy}
                  onConfirm={() => void publish()}
                  onCancel={() => {
                    setConfirming(false);
                    requestAnimationFrame(() => publishButton.current?.querySelector('button')?.focus());
                  }}
                />
              ) : (
                <Button onClick={() => setConfirming(true)}>{w.publish}</Button>
              )}
            </div>
          ) : null}
          {publishFailure ? (
            <Alert type="error" role="alert" heading={publishFailure.code === 'naam-leesbaar' ? w.nameReadable : w.publishFailed}>
              <Paragraph lang="nl">{publishFailure.detail}</Paragraph>
            </Alert>
          ) : null}
          {published ? (
            <Alert type="ok" role="status" heading={w.published(published)}>
              <Paragraph>
                <RouterLink to="/openbaar/verslagen">{w.toPublication}</RouterLink>
              </Paragraph>
            </Alert>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
