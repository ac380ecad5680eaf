import { useState, type FormEvent } from 'react';
import { asApiError, send, type ApiError } from '../api/client.ts';
import { isDate } from '../../domain/agenda/dates.ts';
import { Button, CheckboxField, ErrorSummary, Heading, LoadingStatus, Paragraph, SelectField, TextareaField, TextField, type FormError } from '../ui/index.ts';
import { ConflictAlert, useAgendaT } from './common.tsx';
import { dutchToday, fieldErrors } from './logic.ts';
import { REOPEN_TO, STATUS_TRANSITIONS, isClosed, type ActionDetail, type ActionStatus } from './types.ts';

const IDS = { date: 'update-date', text: 'update-text', status: 'update-status', deadline: 'update-deadline', reopen: 'update-reopen' } as const;

/** The API's field names (POST /api/v1/actions/{id}/updates) → this form's fields; the reason is the text. */
const SERVER_FIELDS: Record<string, string> = { date: IDS.date, text: IDS.text, reason: IDS.text, status: IDS.status, reopen: IDS.status, deadline: IDS.deadline };

/**
 * "Voortgang melden": a progress update, optionally with a new status or a new deadline, sent with the version the
 * page shows (If-Match). A 412 saves nothing and keeps the input; the page reloads the action on request.
 */
export function ActionUpdateForm({
  action,
  version,
  onSaved,
  onReload,
}: {
  action: ActionDetail;
  version: number | null;
  onSaved: (action: ActionDetail, version: number | null) => void;
  onReload: () => void;
}) {
  const { m, t, status: statusLabel } = useAgendaT();
  const u = m.update;
  const [date, setDate] = useState(dutchToday);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [deadline, setDeadline] = useState('');
  const [reopen, setReopen] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const closed = isClosed(action.status);
  const choices: readonly ActionStatus[] = closed ? (reopen ? REOPEN_TO : []) : STATUS_TRANSITIONS[action.status];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    setConflict(null);
    const found: FormError[] = [];
    if (!isDate(date)) found.push({ fieldId: IDS.date, message: u.errorDate });
    if (!text.trim()) found.push({ fieldId: IDS.text, message: u.errorText });
    if (closed && reopen && !status) found.push({ fieldId: IDS.status, message: u.errorReopenStatus });
    if (deadline && (!isDate(deadline) || deadline < dutchToday())) found.push({ fieldId: IDS.deadline, message: u.errorDeadlinePast });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const body = {
        date,
        text: text.trim(),
        ...(status ? { status } : {}),
        ...(deadline ? { deadline } : {}),
        ...(closed && reopen ? { reopen: true } : {}),
      };
      const saved = await send<ActionDetail>('POST', `/api/v1/actions/${action.id}/updates`, body, { ifMatch: version ?? action.version });
      onSaved(saved.data, saved.version ?? saved.data.version);
      setText('');
      setStatus('');
      setDeadline('');
      setReopen(false);
      setMessage(u.saved);
    } catch (e) {
      const error = asApiError(e);
      if (error.status === 412) {
        setConflict(error);
        setErrors([]);
      } else {
        setErrors(fieldErrors(error, (name) => SERVER_FIELDS[name] ?? null, t.common.errorBody));
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  return (
    <form className="rt-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="agenda-update" aria-busy={busy}>
      <Heading level={2} id="agenda-update">
        {u.title}
      </Heading>
      <Paragraph>{u.lead}</Paragraph>
      {conflict ? <ConflictAlert title={u.conflictTitle} body={u.conflictBody(conflict.currentVersion ?? 0)} onReload={onReload} /> : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <TextField id={IDS.date} type="date" label={u.date} required value={date} onChange={setDate} error={fieldError(IDS.date)} />
      <TextareaField id={IDS.text} label={u.text} description={u.textHelp} required maxLength={4000} rows={4} value={text} onChange={setText} error={fieldError(IDS.text)} />
      {closed ? (
        <CheckboxField
          id={IDS.reopen}
          label={u.reopen}
          description={u.reopenHelp(statusLabel(action.status))}
          checked={reopen}
          onChange={(checked) => {
            setReopen(checked);
            if (!checked) setStatus('');
          }}
        />
      ) : null}
      <SelectField
        id={IDS.status}
        label={u.status}
        value={status}
        disabled={choices.length === 0}
        options={[{ value: '', label: u.keepStatus(statusLabel(action.status)) }, ...choices.map((s) => ({ value: s, label: statusLabel(s) }))]}
        onChange={(v) => setStatus(v as ActionStatus | '')}
        error={fieldError(IDS.status)}
      />
      <TextField id={IDS.deadline} type="date" label={u.deadline} description={u.deadlineHelp} value={deadline} onChange={setDeadline} error={fieldError(IDS.deadline)} />
      <div className="rt-actions">
        <Button type="submit" disabled={busy}>
          {busy ? u.saving : u.save}
        </Button>
      </div>
      <LoadingStatus busy={busy} loadingText={u.saving} doneText={message} />
    </form>
  );
}
