import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { asApiError, send, type ApiError } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useVersioned } from '../api/useVersioned.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Button,
  ErrorSummary,
  FieldGroup,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextareaField,
  TextField,
  type FormError,
} from '../ui/index.ts';
import { ConflictAlert, provinceName, useAgendaT } from './common.tsx';
import { ConfirmPanel } from '../ui/index.ts';
import { fieldErrors, reportField } from './logic.ts';
import { REPORT_LIMITS, type ProgrammeList, type Report, type ReportFigures } from './types.ts';
import { daysBetween } from '../../domain/agenda/dates.ts';

const PROVINCE = /^PV\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The figures the platform filled in: read-only, frozen on submission. */
function Figures({ figures }: { figures: Partial<ReportFigures> }) {
  const { m, date, number } = useAgendaT();
  const r = m.report;
  const { ledger, reception, overdueActions = [] } = figures;
  return (
    <section aria-labelledby="report-figures">
      <Heading level={2} id="report-figures">
        {r.figuresTitle}
      </Heading>
      {figures.asOf ? <Paragraph>{r.figuresLead(date(figures.asOf))}</Paragraph> : null}
      <Heading level={3}>{ledger ? r.ledgerTitle(ledger.period) : r.ledgerTitle('')}</Heading>
      {ledger ? (
        <dl className="rt-agenda-totals">
          <div>
            <dt>{r.taakstelling}</dt>
            <dd>{number(ledger.taakstelling)}</dd>
          </div>
          <div>
            <dt>{r.corrected}</dt>
            <dd>{number(ledger.corrected)}</dd>
          </div>
          <div>
            <dt>{r.realised}</dt>
            <dd>{number(ledger.realised)}</dd>
          </div>
          <div>
            <dt>{r.behindLabel}</dt>
            <dd>{r.behind(ledger.behind, ledger.municipalities)}</dd>
          </div>
        </dl>
      ) : (
        <Paragraph>{r.noLedger}</Paragraph>
      )}
      <Heading level={3}>{r.receptionTitle}</Heading>
      {reception ? (
        <dl className="rt-agenda-totals">
          <div>
            <dt>{r.places}</dt>
            <dd>{r.placesOf(number(reception.places), number(reception.share))}</dd>
          </div>
          <div>
            <dt>{r.percentage}</dt>
            <dd>{reception.percentage === null ? m.noValue : `${reception.percentage} %`}</dd>
          </div>
        </dl>
      ) : (
        <Paragraph>{r.noReception}</Paragraph>
      )}
      <Heading level={3}>{r.overdueTitle}</Heading>
      {overdueActions.length === 0 ? (
        <Paragraph>{r.noOverdue}</Paragraph>
      ) : (
        <ul className="rt-agenda-plain-list">
          {overdueActions.map((a) => (
            <li key={a.id}>
              <RouterLink to={`/acties/${a.id}`}>{r.overdueItem(a.measure, a.description, date(a.deadline))}</RouterLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The report as submitted (or as anyone but its province sees it): texts, no fields. */
function ReadOnlyContent({ report }: { report: Report }) {
  const { m } = useAgendaT();
  const r = m.report;
  return (
    <>
      <section aria-labelledby="report-bottlenecks-title">
        <Heading level={2} id="report-bottlenecks-title">
          {r.bottlenecks}
        </Heading>
        <Paragraph lang="nl" className="rt-agenda-pre">
          {report.content.bottlenecks.trim() || r.noBottlenecks}
        </Paragraph>
      </section>
      <section aria-labelledby="report-measures-title">
        <Heading level={2} id="report-measures-title">
          {r.measuresTitle}
        </Heading>
        {report.content.measures.length === 0 ? (
          <Paragraph>{r.noBottlenecks}</Paragraph>
        ) : (
          <Table caption={r.measuresCaption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{r.colMeasure}</TableHeaderCell>
                <TableHeaderCell scope="col">{r.colProgress}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.content.measures.map((x, i) => (
                <TableRow key={`${i}-${x.measure}`}>
                  <TableHeaderCell scope="row" lang="nl">
                    {x.measure}
                  </TableHeaderCell>
                  <TableCell lang="nl" className="rt-agenda-pre">
                    {x.progress}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}

interface MeasureDraft {
  key: number;
  measure: string;
  progress: string;
}

let nextKey = 1;
const measureId = (index: number, field: 'measure' | 'progress' | 'remove') => `report-measure-${index}-${field}`;

/**
 * The province's form: bottlenecks and progress per measure. "Concept opslaan" sends the version the page shows
 * (If-Match, 0 for a new draft); "Indienen" asks to confirm, saves what is on screen and then submits that version.
 * The server's complaints (422 incomplete, 400 invalid) land on the fields they name.
 */
function ReportForm({
  report,
  version,
  onSaved,
  onReload,
  onSubmitted,
}: {
  report: Report;
  version: number | null;
  onSaved: (report: Report, version: number | null) => void;
  onReload: () => void;
  onSubmitted: (report: Report, version: number | null) => void;
}) {
  const { m, t } = useAgendaT();
  const r = m.report;
  const programmes = useApi<ProgrammeList>('/api/v1/programmes');
  const [bottlenecks, setBottlenecks] = useState(report.content.bottlenecks);
  const [rows, setRows] = useState<MeasureDraft[]>(() => report.content.measures.map((x) => ({ key: nextKey++, ...x })));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [locked, setLocked] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const submitRef = useRef<HTMLElement | null>(null);

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const update = (index: number, change: Partial<MeasureDraft>) => setRows((list) => list.map((x, i) => (i === index ? { ...x, ...change } : x)));

  function add() {
    setRows((list) => [...list, { key: nextKey++, measure: '', progress: '' }]);
    setAnnouncement(r.measureAdded(rows.length + 1));
    focusLater(measureId(rows.length, 'measure'));
  }

  function remove(index: number) {
    setRows((list) => list.filter((_, i) => i !== index));
    setErrors([]);
    setAnnouncement(r.measureRemoved(index + 1));
    focusLater(rows.length > 1 ? measureId(Math.max(0, index - 1), 'measure') : 'report-add-measure');
  }

  const fieldOf = (name: string) => {
    const at = reportField(name);
    if (!at) return null;
    if (at.field === 'bottlenecks') return 'report-bottlenecks';
    if (at.field === 'measures' || at.index === undefined || at.index >= rows.length) return 'report-add-measure';
    return measureId(at.index, at.field);
  };

  function refused(e: unknown) {
    const error = asApiError(e);
    if (error.status === 412) {
      setConflict(error);
      setErrors([]);
    } else if (error.status === 409) {
      setLocked(error);
      setErrors([]);
    } else {
      setErrors(fieldErrors(error, fieldOf, t.common.errorBody));
    }
  }

  /** Saves what is on screen; returns the saved report, or null when the server refused (shown on the form). */
  async function save(): Promise<{ data: Report; version: number | null } | null> {
    try {
      const body = { bottlenecks, measures: rows.map((x) => ({ measure: x.measure.trim(), progress: x.progress })) };
      const saved = await send<Report>('PUT', `/api/v1/reports/${report.provinceCode}/${report.month}`, body, { ifMatch: version ?? report.version });
      const result = { data: saved.data, version: saved.version ?? saved.data.version };
      onSaved(result.data, result.version);
      return result;
    } catch (e) {
      refused(e);
      return null;
    }
  }

  async function saveDraft(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    setConflict(null);
    setErrors([]);
    setBusy('save');
    const saved = await save();
    if (saved) setMessage(r.saved(saved.data.version));
    setBusy(null);
  }

  async function submit() {
    setMessage('');
    setConflict(null);
    setErrors([]);
    setBusy('submit');
    const saved = await save();
    if (!saved) {
      setConfirming(false);
      setBusy(null);
      return;
    }
    try {
      const done = await send<Report>('POST', `/api/v1/reports/${report.provinceCode}/${report.month}/submit`, undefined, { ifMatch: saved.version ?? saved.data.version });
      onSubmitted(done.data, done.version ?? done.data.version);
    } catch (e) {
      refused(e);
      setMessage(r.savedNotSubmitted);
      setConfirming(false);
      setBusy(null);
      submitRef.current?.focus();
    }
  }

  const fieldError = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  const suggestions = (programmes.data?.items ?? []).flatMap((p) => p.measures.map((x) => `Maatregel ${x.number}: ${x.title}`));
  return (
    <form className="rt-form rt-agenda-report-form" onSubmit={(e) => void saveDraft(e)} noValidate aria-labelledby="report-form-title" aria-busy={busy !== null}>
      <Heading level={2} id="report-form-title">
        {r.formTitle}
      </Heading>
      {conflict ? <ConflictAlert title={r.conflictTitle} body={r.conflictBody(conflict.currentVersion ?? 0)} onReload={onReload} /> : null}
      {locked ? (
        <Alert type="error" role="alert" heading={r.lockedTitle}>
          {locked.detail ? <Paragraph lang="nl">{locked.detail}</Paragraph> : null}
          <Button
            appearance="secondary"
            onClick={() => {
              document.querySelector<HTMLElement>('main h1')?.focus();
              onReload();
            }}
          >
            {m.reload}
          </Button>
        </Alert>
      ) : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <TextareaField
        id="report-bottlenecks"
        label={r.bottlenecks}
        description={r.bottlenecksHelp}
        maxLength={REPORT_LIMITS.bottlenecks}
        rows={6}
        value={bottlenecks}
        onChange={setBottlenecks}
        error={fieldError('report-bottlenecks')}
      />
      <Heading level={3} id="report-measures-title">
        {r.measuresTitle}
      </Heading>
      <Paragraph>{r.measuresHelp}</Paragraph>
      {rows.length === 0 ? <Paragraph>{r.noMeasures}</Paragraph> : null}
      <datalist id="report-measure-suggestions">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {rows.map((x, i) => (
        <FieldGroup key={x.key} legend={r.measureRow(i + 1)}>
          <TextField
            id={measureId(i, 'measure')}
            label={r.measure}
            wide
            list="report-measure-suggestions"
            autoComplete="off"
            maxLength={REPORT_LIMITS.measure}
            value={x.measure}
            onChange={(v) => update(i, { measure: v })}
            error={fieldError(measureId(i, 'measure'))}
          />
          <TextareaField
            id={measureId(i, 'progress')}
            label={r.progress}
            maxLength={REPORT_LIMITS.progress}
            rows={3}
            value={x.progress}
            onChange={(v) => update(i, { progress: v })}
            error={fieldError(measureId(i, 'progress'))}
          />
          <div className="rt-actions">
            <Button appearance="subtle" id={measureId(i, 'remove')} aria-label={r.removeMeasureLabel(i + 1)} onClick={() => remove(i)}>
              {r.removeMeasure}
            </Button>
          </div>
        </FieldGroup>
      ))}
      <div className="rt-actions">
        <Button id="report-add-measure" appearance="secondary" disabled={rows.length >= REPORT_LIMITS.measures} onClick={add}>
          {r.addMeasure}
        </Button>
      </div>
      {fieldError('report-add-measure') ? (
        <p className="rt-field-error" id="report-add-measure-error">
          {fieldError('report-add-measure')}
        </p>
      ) : null}
      <p className="rt-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="rt-actions">
        <Button type="submit" appearance="secondary" disabled={busy !== null}>
          {busy === 'save' ? r.saving : r.save}
        </Button>
        <Button
          aria-expanded={confirming}
          disabled={busy !== null}
          onClick={(event) => {
            submitRef.current = event.currentTarget;
            setConfirming(true);
          }}
        >
          {r.submit}
        </Button>
      </div>
      {confirming ? (
        <ConfirmPanel
          cancelLabel={m.cancel}
          title={r.confirmTitle(report.provinceName, report.month)}
          body={r.confirmBody}
          confirmLabel={r.confirm}
          busy={busy !== null}
          onConfirm={() => void submit()}
          onCancel={() => {
            setConfirming(false);
            submitRef.current?.focus();
          }}
        />
      ) : null}
      <LoadingStatus busy={busy !== null} loadingText={busy === 'submit' ? r.submitting : r.saving} doneText={message} />
    </form>
  );
}

export function ReportPage() {
  const { m, t, date, month: monthLabel, number } = useAgendaT();
  const session = useSession();
  const params = useParams();
  const province = (params.province ?? '').toUpperCase();
  const month = params.month ?? '';
  const valid = PROVINCE.test(province) && MONTH.test(month);
  const report = useVersioned<Report>(valid ? `/api/v1/reports/${province}/${month}` : null);
  const [notice, setNotice] = useState('');
  // While the report reloads (after a conflict), keep showing the last one, so the form and its text stay put.
  const [last, setLast] = useState<{ data: Report; version: number | null } | null>(null);
  if (report.data && report.data !== last?.data) setLast({ data: report.data, version: report.version });
  const shown =
    report.data ? { data: report.data, version: report.version } : report.status === 'loading' && last?.data.provinceCode === province && last.data.month === month ? last : null;
  const r = shown?.data ?? null;
  const name = r?.provinceName ?? provinceName(province);
  const title = valid ? m.report.title(name, monthLabel(month)) : m.report.notFound;
  const writes = valid && session.may('report.write', { provinceCode: province });

  return (
    <>
      <PageTitle>{`${title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <div className="rt-actions">
        <RouterLink to="/rapportages">{m.report.back}</RouterLink>
      </div>
      <p className="rt-status-line rt-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {report.status === 'loading' && !r && valid ? <LoadingStatus busy loadingText={t.common.loading} /> : null}
      {report.error ? <ApiErrorState error={report.error} onRetry={report.reload} /> : null}
      {r ? (
        <>
          <dl className="rt-details">
            <dt>{m.report.status}</dt>
            <dd data-testid="report-status">
              <StatusBadge tone={r.status === 'ingediend' ? 'success' : 'neutral'}>{m.report.statusLabels[r.status]}</StatusBadge>
              {r.stored ? null : ` (${m.report.notStored})`}
            </dd>
            <dt>{m.report.deadline}</dt>
            <dd>{date(r.deadline)}</dd>
          </dl>
          {r.status === 'ingediend' && r.submittedOn ? (
            <div id="report-submitted" tabIndex={-1} className="rt-agenda-submitted">
              <Paragraph data-testid="report-submitted">
                {m.report.submitted(date(r.submittedOn), r.submittedBy ?? m.noValue)}
                {r.submittedOn > r.deadline ? ` ${m.report.submittedLate(m.reports.daysLate(daysBetween(r.deadline, r.submittedOn), number(daysBetween(r.deadline, r.submittedOn))))}` : ''}
              </Paragraph>
              <Paragraph>{m.report.lockedNote}</Paragraph>
            </div>
          ) : null}
          {!writes && r.status === 'concept' ? <Paragraph>{m.report.readOnlyNote(r.provinceName)}</Paragraph> : null}
          <Figures figures={r.content.figures} />
          {writes && r.status === 'concept' ? (
            <ReportForm
              key={`${r.provinceCode}/${r.month}`}
              report={r}
              version={shown?.version ?? null}
              onSaved={report.replace}
              onReload={report.reload}
              onSubmitted={(done, version) => {
                report.replace(done, version);
                setNotice(m.report.submittedNotice(date(done.submittedOn ?? done.deadline)));
                requestAnimationFrame(() => document.getElementById('report-submitted')?.focus());
              }}
            />
          ) : (
            <ReadOnlyContent report={r} />
          )}
        </>
      ) : null}
    </>
  );
}
