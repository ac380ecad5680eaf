import { useRef, useState } from 'react';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Alert, Button, ErrorSummary, Heading, LoadingStatus, Paragraph, RouterLink, type FormError } from '../ui/index.ts';
import { periodEnd, provinceName, useLedgerT } from './common.tsx';
import { ConfirmPanel } from '../ui/index.ts';
import type { MapPublication, PublicMap } from './types.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Halfjaarkaart publiceren" for a province user: the current publication status of its own province for the
 * half-year, a preview of what would be frozen, and publishing after an explicit confirmation. The server decides
 * again (only the province itself, only after the half-year); its refusal is shown in its own (Dutch) words.
 */
export function PublishMapSection({ province, period }: { province: string; period: string }) {
  const { m, t, date, dateTime } = useLedgerT();
  const status = useApi<PublicMap>(`/api/v1/ledger/public-map?period=${encodeURIComponent(period)}`);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [done, setDone] = useState<MapPublication | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const p = m.overview.publish;
  const name = provinceName(province);

  // Another period or province: the confirmation and the last answer belong to the one before.
  const [shownFor, setShownFor] = useState(`${province}|${period}`);
  if (shownFor !== `${province}|${period}`) {
    setShownFor(`${province}|${period}`);
    setConfirming(false);
    setErrors([]);
    setDone(null);
  }

  const own = status.data?.provinces.find((x) => x.code === province) ?? null;
  const end = periodEnd(period);
  const running = end >= today();

  function closeConfirm() {
    setConfirming(false);
    openerRef.current?.focus();
  }

  async function publish() {
    setBusy(true);
    setErrors([]);
    setDone(null);
    try {
      const { data } = await send<MapPublication>('POST', '/api/v1/ledger/public-map/publications', { period, provinceCode: province });
      setDone(data);
      setConfirming(false);
      status.retry();
      openerRef.current?.focus();
    } catch (e) {
      const error = asApiError(e);
      setConfirming(false);
      setErrors([{ message: error.invalidParams[0]?.reason ?? error.detail ?? t.common.errorBody }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="rt-ledger-publish" aria-labelledby="ledger-publish">
      <Heading level={2} id="ledger-publish">
        {p.title}
      </Heading>
      <Paragraph>{p.lead(name)}</Paragraph>
      {/* Always in the page, so the success is announced when it appears (a region born with its text often is not). */}
      <div role="status" aria-live="polite">
        {done ? (
          <Alert type="ok" role="none" heading={p.successTitle}>
            <Paragraph>{p.success(done.provinceName, done.period, done.version, dateTime(done.publishedAt), date(done.asOf), done.municipalities)}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <LoadingStatus busy={status.status === 'loading' && !done} loadingText={t.common.loading} />
      {status.error ? <ApiErrorState error={status.error} onRetry={status.retry} /> : null}
      {status.data ? (
        <Paragraph data-testid="publication-status">
          {own?.published
            ? p.published(name, period, own.published.version, dateTime(own.published.publishedAt), date(own.published.asOf))
            : p.notPublished(name, period)}
        </Paragraph>
      ) : null}
      <div className="rt-actions">
        <RouterLink to={`/taakstelling?periode=${encodeURIComponent(period)}&voorbeeld=${province}`}>{p.preview(period)}</RouterLink>
        <RouterLink to={`/taakstelling?periode=${encodeURIComponent(period)}`}>{p.publishedMap(period)}</RouterLink>
      </div>
      {running ? (
        <Paragraph>{p.running(period, date(end))}</Paragraph>
      ) : (
        <div className="rt-actions">
          <Button
            aria-expanded={confirming}
            onClick={(event) => {
              openerRef.current = event.currentTarget;
              setConfirming(true);
            }}
          >
            {own?.published ? p.republish : p.button}
          </Button>
        </div>
      )}
      {confirming ? (
        <ConfirmPanel
          title={p.confirmTitle(name, period)}
          body={p.confirmBody}
          confirmLabel={p.confirm}
          cancelLabel={p.cancel}
          busy={busy}
          onConfirm={() => void publish()}
          onCancel={closeConfirm}
        />
      ) : null}
      <LoadingStatus busy={busy} loadingText={p.working} />
    </section>
  );
}
