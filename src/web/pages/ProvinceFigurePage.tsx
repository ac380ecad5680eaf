import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { asApiError, send, type ApiError } from '../api/client.ts';
import type { Municipality, ProvinceFigure } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useVersioned } from '../api/useVersioned.ts';
import { RequireAccess } from '../auth/RequireAccess.tsx';
import { useT } from '../i18n/index.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { serverErrors } from '../shared/formErrors.ts';
import { History } from '../shared/History.tsx';
import { provinceName } from '../shared/roles.ts';
import { YEAR_PARAM } from '../shared/year.ts';
import {
  Alert,
  Button,
  ErrorSummary,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  TextareaField,
  TextField,
  type FormError,
} from '../ui/index.ts';
import { ConflictAlert } from './admin/UserPage.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS: Record<string, string> = { inwoners: 'inwoners', inhabitants: 'inwoners', reden: 'reden', reason: 'reden', referenceDate: 'peildatum' };

function FigureForm({
  municipality,
  referenceDate,
  figure,
  version,
  onSaved,
  onReload,
}: {
  municipality: Municipality;
  referenceDate: string;
  figure: ProvinceFigure | null;
  version: number | null;
  onSaved: (figure: ProvinceFigure, version: number | null) => void;
  onReload: () => void;
}) {
  const { t, number, date } = useT();
  const [inhabitants, setInhabitants] = useState(figure ? String(figure.inhabitants) : '');
  const [reason, setReason] = useState(figure?.reason ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    setConflict(null);
    const found: FormError[] = [];
    const digits = inhabitants.replace(/[.\s]/g, '');
    if (!/^\d+$/.test(digits)) found.push({ fieldId: 'inwoners', message: t.provinceFigure.errorInhabitants });
    if (!reason.trim()) found.push({ fieldId: 'reden', message: t.provinceFigure.errorReason });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await send<ProvinceFigure>(
        'PUT',
        `/api/v1/municipalities/${municipality.code}/population-set-by-province/${referenceDate}`,
        { inhabitants: Number(digits), reason: reason.trim() },
        { ifMatch: figure ? (version ?? figure.version) : null },
      );
      onSaved(saved.data, saved.version ?? saved.data.version);
      setMessage(t.provinceFigure.saved(number(saved.data.inhabitants), date(saved.data.referenceDate), saved.data.version));
    } catch (e) {
      const error = asApiError(e);
      // 412: someone changed it after we loaded it; 428: someone created it meanwhile. Either way nothing was saved.
      if (error.status === 412 || error.status === 428) {
        setConflict(error);
        setErrors([]);
      } else setErrors(serverErrors(error, (field) => FIELDS[field] ?? null, t.common.errorBody));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  return (
    <>
      {conflict ? (
        <ConflictAlert
          title={t.provinceFigure.conflictTitle}
          body={t.provinceFigure.conflictBody(conflict.currentVersion ?? 0)}
          onReload={onReload}
        />
      ) : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-form" noValidate onSubmit={submit} aria-busy={busy}>
        <TextField
          id="inwoners"
          label={t.provinceFigure.inhabitants}
          description={t.provinceFigure.inhabitantsDescription}
          inputMode="numeric"
          autoComplete="off"
          required
          value={inhabitants}
          onChange={setInhabitants}
          error={fieldError('inwoners')}
        />
        <TextareaField
          id="reden"
          label={t.provinceFigure.reason}
          description={t.provinceFigure.reasonDescription}
          required
          maxLength={500}
          value={reason}
          onChange={setReason}
          error={fieldError('reden')}
        />
        <div className="rt-actions">
          <Button type="submit" disabled={busy}>
            {t.provinceFigure.save}
          </Button>
        </div>
        <LoadingStatus busy={busy} loadingText={t.form.saving} doneText={message} />
      </form>
    </>
  );
}

function ProvinceFigureEditor({ provinceCode, municipalityCode }: { provinceCode: string; municipalityCode: string }) {
  const { t, number, date, dateTime } = useT();
  const [searchParams] = useSearchParams();
  const yearParam = searchParams.get(YEAR_PARAM);
  const year = yearParam && /^\d{4}$/.test(yearParam) ? yearParam : null;
  const municipality = useApi<{ year: number; municipality: Municipality }>(
    `/api/v1/municipalities/${encodeURIComponent(municipalityCode)}${year ? `?year=${year}` : ''}`,
  );
  // Until the user picks a date: 1 January of the year the page is about (the usual reference date).
  const [dateInput, setReferenceDate] = useState<string | null>(null);
  const referenceDate = dateInput ?? (municipality.data ? `${municipality.data.year}-01-01` : '');
  const validDate = ISO_DATE.test(referenceDate) && !Number.isNaN(Date.parse(referenceDate));
  const figure = useVersioned<ProvinceFigure>(
    validDate ? `/api/v1/municipalities/${encodeURIComponent(municipalityCode)}/population-set-by-province/${referenceDate}` : null,
  );
  const [saves, setSaves] = useState(0);
  const [reloads, setReloads] = useState(0);

  const m = municipality.data?.municipality ?? null;
  const name = m?.name ?? municipalityCode;
  const wrongProvince = m !== null && m.provinceCode !== provinceCode;
  const none = figure.error?.status === 404;
  const loaded = figure.status === 'ok' || none;
  const backTo = `/regios/${provinceCode}${year ? `?${YEAR_PARAM}=${year}` : ''}`;

  return (
    <>
      <PageTitle>{`${t.provinceFigure.title(name)} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to={backTo}>
          <span aria-hidden="true">← </span>
          {t.provinceFigure.backToProvince(provinceName(provinceCode))}
        </RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {t.provinceFigure.title(name)}
      </Heading>
      <LoadingStatus busy={municipality.status === 'loading'} loadingText={t.common.loading} />
      {municipality.error ? <ApiErrorState error={municipality.error} onRetry={municipality.retry} /> : null}
      {wrongProvince ? (
        <Alert type="error" role="none">
          <Paragraph>{t.provinceFigure.notInProvince(municipalityCode)}</Paragraph>
        </Alert>
      ) : null}
      {m && !wrongProvince ? (
        <>
          <Paragraph appearance="lead">{t.provinceFigure.lead}</Paragraph>
          <TextField
            id="peildatum"
            type="date"
            label={t.provinceFigure.referenceDate}
            description={t.provinceFigure.referenceDateDescription}
            required
            value={referenceDate}
            onChange={setReferenceDate}
            error={validDate ? null : t.provinceFigure.errorDate}
          />
          <div role="status" aria-live="polite" className="rt-status-line">
            {!validDate
              ? ''
              : figure.status === 'loading'
                ? t.provinceFigure.loading
                : figure.data
                  ? t.provinceFigure.existing(number(figure.data.inhabitants), figure.data.recordedBy, dateTime(figure.data.recordedAt), figure.version ?? figure.data.version)
                  : none
                    ? t.provinceFigure.none
                    : ''}
          </div>
          {figure.error && !none ? <ApiErrorState error={figure.error} onRetry={figure.reload} /> : null}
          {validDate && loaded ? (
            <FigureForm
              // A fresh form for another date, and after "Opnieuw laden"; after a save the input is what was saved.
              key={`${referenceDate}-${reloads}`}
              municipality={m}
              referenceDate={referenceDate}
              figure={figure.data}
              version={figure.version}
              onSaved={(saved, version) => {
                figure.replace(saved, version);
                setSaves((n) => n + 1);
              }}
              onReload={() => {
                setReloads((n) => n + 1);
                figure.reload();
              }}
            />
          ) : null}
          {validDate ? (
            <History
              key={referenceDate}
              resourceType="inwonertal-provincie"
              resourceId={`${m.code}/${referenceDate}`}
              what={t.provinceFigure.historyOf(m.name, date(referenceDate))}
              refreshKey={saves}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** Huisvestingswet art. 30: only a provincie user of this province may set the figure (the server checks again). */
export function ProvinceFigurePage() {
  const params = useParams();
  const provinceCode = (params.code ?? '').toUpperCase();
  const municipalityCode = (params.municipality ?? '').toUpperCase();
  return (
    <RequireAccess policy="population.set-by-province" scope={{ provinceCode }}>
      <ProvinceFigureEditor provinceCode={provinceCode} municipalityCode={municipalityCode} />
    </RequireAccess>
  );
}
