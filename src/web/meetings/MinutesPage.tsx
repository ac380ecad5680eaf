import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { isDate } from '../../domain/agenda/dates.ts';
import { fieldErrors } from '../agenda/logic.ts';
import { asApiError, send, type ApiError } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useVersioned } from '../api/useVersioned.ts';
import { ConflictAlert } from '../pages/admin/UserPage.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Alert,
  Button,
  ConfirmPanel,
  ErrorSummary,
  FieldGroup,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  TextareaField,
  TextField,
  UnorderedList,
  UnorderedListItem,
  type FormError,
} from '../ui/index.ts';
import { MinutesStatusBadge, useMeetingsT } from './common.tsx';
import {
  actionDraft,
  approvingMeetings,
  linkedActions,
  minutesChanged,
  minutesDraft,
  minutesField,
  minutesFieldId as ids,
  minutesItems,
  minutesProblems,
  textDraft,
  type ActionDraft,
  type ItemDraft,
  type TextDraft,
} from './logic.ts';
import type { Meeting, MeetingSummary, Minutes, MinutesItem } from './types.ts';

type Notice = { kind: 'sent'; actions: number } | { kind: 'approved'; date: string };

/**
 * The minutes of a meeting for the secretariat: a concept is edited per agenda item (points, decisions, actions),
 * saved with the version it builds on (If-Match; a 412 saves nothing) and sent to the members after a confirmation,
 * which puts its actions on the action agenda. Sent minutes can still be corrected in their text and are approved in
 * a later meeting of the same body; approved minutes are shown, not edited.
 */
export function MinutesPage() {
  const params = useParams();
  const { m, t, date } = useMeetingsT();
  const meeting = useApi<Meeting>(`/api/v1/meetings/${encodeURIComponent(params.id ?? '')}`);
  const minutes = useVersioned<Minutes>(`/api/v1/minutes/${encodeURIComponent(params.minutesId ?? '')}`);
  // Every load from the server (the first, and after a conflict) starts the form afresh; a save of our own does not.
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const x = meeting.data;
  const n = minutes.data;
  const title = x ? m.mins.title(x.body.name, date(x.date)) : m.meeting.minutes;
  const error = meeting.error ?? minutes.error;

  return (
    <>
      <PageTitle>{`${title} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to={`/vergaderingen/${encodeURIComponent(params.id ?? '')}`}>{m.mins.back}</RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1}>
        {title}
      </Heading>
      <LoadingStatus busy={meeting.status === 'loading' || minutes.status === 'loading'} loadingText={t.common.loading} />
      {error ? (
        <ApiErrorState
          error={error}
          onRetry={() => {
            meeting.retry();
            minutes.reload();
          }}
        />
      ) : null}
      {x && n && n.meetingId !== x.id ? (
        <Alert type="error" role="alert">
          <Paragraph>{m.mins.wrongMeeting}</Paragraph>
        </Alert>
      ) : null}
      {x && n && n.meetingId === x.id ? (
        <>
          <Paragraph>
            {m.mins.status(n.version)} <MinutesStatusBadge status={n.status} />
          </Paragraph>
          {notice ? <NoticeAlert notice={notice} meetingId={x.id} /> : null}
          {n.status === 'vastgesteld' ? (
            <>
              <Paragraph>{m.mins.leadApproved(n.approvedOn ? date(n.approvedOn) : '–')}</Paragraph>
              <MinutesView items={n.items} />
            </>
          ) : (
            <MinutesEditor
              key={`${generation}-${n.status}`}
              meeting={x}
              minutes={n}
              version={minutes.version ?? n.rowVersion}
              onSaved={(data, version) => minutes.replace(data, version ?? data.rowVersion)}
              onNotice={setNotice}
              onReload={() => {
                setNotice(null);
                setGeneration((g) => g + 1);
                minutes.reload();
              }}
            />
          )}
        </>
      ) : null}
    </>
  );
}

function NoticeAlert({ notice, meetingId }: { notice: Notice; meetingId: number }) {
  const { m } = useMeetingsT();
  return notice.kind === 'sent' ? (
    <Alert type="ok" role="status" heading={m.mins.sent(notice.actions)}>
      <Paragraph>
        <RouterLink to="/acties">{m.mins.toActions}</RouterLink>
      </Paragraph>
    </Alert>
  ) : (
    <Alert type="ok" role="status" heading={m.mins.approved(notice.date)}>
      <Paragraph>
        <RouterLink to={`/vergaderingen/${meetingId}`}>{m.mins.toWoo}</RouterLink>
      </Paragraph>
    </Alert>
  );
}

/** An action as the minutes record it, with its link into the action agenda once it is there. */
function ActionLine({ description, holderOrganisation, holderPerson, deadline, actionId }: { description: string; holderOrganisation: string; holderPerson: string | null; deadline: string; actionId: number | null }) {
  const { m, date } = useMeetingsT();
  return (
    <>
      <span lang="nl">{m.mins.actionLine(description, m.mins.holder(holderOrganisation, holderPerson), date(deadline))}</span>
      {actionId ? (
        <>
          {' – '}
          <RouterLink to={`/acties/${actionId}`}>{m.mins.inAgenda(actionId)}</RouterLink>
        </>
      ) : null}
    </>
  );
}

/** Approved minutes, read only. */
function MinutesView({ items }: { items: MinutesItem[] }) {
  const { m } = useMeetingsT();
  const list = (texts: string[]) =>
    texts.length === 0 ? (
      <Paragraph>{m.mins.none}</Paragraph>
    ) : (
      <UnorderedList>
        {texts.map((text, i) => (
          <UnorderedListItem key={i} lang="nl">
            {text}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    );
  return (
    <>
      {items.map((it) => (
        <section key={it.number} aria-labelledby={`min-view-${it.number}`}>
          <Heading level={2} id={`min-view-${it.number}`}>
            <span lang="nl">{`${it.number}. ${it.title}`}</span>
          </Heading>
          <Heading level={3}>{m.mins.points}</Heading>
          {list(it.points)}
          <Heading level={3}>{m.mins.decisions}</Heading>
          {list(it.decisions)}
          <Heading level={3}>{m.mins.actions}</Heading>
          {it.actions.length === 0 ? (
            <Paragraph>{m.mins.none}</Paragraph>
          ) : (
            <UnorderedList>
              {it.actions.map((a, i) => (
                <UnorderedListItem key={i}>
                  <ActionLine description={a.description} holderOrganisation={a.holderOrganisation} holderPerson={a.holderPerson ?? null} deadline={a.deadline} actionId={a.actionId ?? null} />
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </section>
      ))}
    </>
  );
}

/** Points or decisions of one agenda item: a textarea each, added and removed by button. */
function TextList({
  legend,
  items,
  idOf,
  labelOf,
  removeLabelOf,
  addLabel,
  addText,
  addId,
  removeText,
  onChange,
  onAnnounce,
  fieldError,
}: {
  legend: string;
  items: TextDraft[];
  idOf: (j: number) => string;
  labelOf: (j: number) => string;
  removeLabelOf: (j: number) => string;
  addLabel: string;
  addText: string;
  addId: string;
  removeText: string;
  onChange: (items: TextDraft[]) => void;
  onAnnounce: (text: string) => void;
  fieldError: (id: string) => string | null;
}) {
  const { m } = useMeetingsT();
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  return (
    <FieldGroup legend={legend}>
      {items.length === 0 ? <Paragraph>{m.mins.none}</Paragraph> : null}
      {items.map((p, j) => (
        <div key={p.key} className="rt-meetings-text-row">
          <TextareaField id={idOf(j)} label={labelOf(j)} maxLength={10_000} rows={3} value={p.text} onChange={(v) => onChange(items.map((x, k) => (k === j ? { ...x, text: v } : x)))} error={fieldError(idOf(j))} />
          <Button
            appearance="subtle"
            aria-label={removeLabelOf(j)}
            onClick={() => {
              onChange(items.filter((_, k) => k !== j));
              onAnnounce(m.mins.removed(labelOf(j)));
              focusLater(j > 0 ? idOf(j - 1) : addId);
            }}
          >
            {removeText}
          </Button>
        </div>
      ))}
      <div className="rt-actions">
        <Button
          id={addId}
          appearance="secondary"
          aria-label={addLabel}
          disabled={items.length >= 100}
          onClick={() => {
            onChange([...items, textDraft()]);
            onAnnounce(m.mins.added(labelOf(items.length)));
            focusLater(idOf(items.length));
          }}
        >
          {addText}
        </Button>
      </div>
    </FieldGroup>
  );
}

/** An item without points or decisions starts with one empty field of each, so typing can start at once. */
function withBlanks(drafts: ItemDraft[]): ItemDraft[] {
  return drafts.map((d) => ({
    ...d,
    points: d.points.length > 0 ? d.points : [textDraft()],
    decisions: d.decisions.length > 0 ? d.decisions : [textDraft()],
  }));
}

function MinutesEditor({
  meeting,
  minutes,
  version,
  onSaved,
  onNotice,
  onReload,
}: {
  meeting: Meeting;
  minutes: Minutes;
  version: number;
  onSaved: (minutes: Minutes, version: number | null) => void;
  onNotice: (notice: Notice) => void;
  onReload: () => void;
}) {
  const { m, t, date } = useMeetingsT();
  const s = m.mins;
  const concept = minutes.status === 'concept';
  const [drafts, setDrafts] = useState<ItemDraft[]>(() => withBlanks(minutesDraft(minutes.items)));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'send' | 'approve' | null>(null);
  const [message, setMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState<'send' | 'approve' | null>(null);
  const [approvingId, setApprovingId] = useState('');
  const finalButton = useRef<HTMLDivElement>(null);
  const later = useApi<{ items: MeetingSummary[] }>(concept ? null : `/api/v1/meetings?bodyId=${meeting.body.id}`);
  const candidates = later.data ? approvingMeetings(later.data.items, meeting) : [];

  const dirty = minutesChanged(drafts, minutes.items);
  const setItem = (i: number, change: Partial<ItemDraft>) => {
    setDrafts((list) => list.map((d, k) => (k === i ? { ...d, ...change } : d)));
    setMessage('');
  };
  const setAction = (i: number, j: number, change: Partial<ActionDraft>) =>
    setItem(i, { actions: (drafts[i]?.actions ?? []).map((a, k) => (k === j ? { ...a, ...change } : a)) });
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const refocusFinal = () => requestAnimationFrame(() => finalButton.current?.querySelector('button')?.focus());

  /** A failed request: a stale version shows the conflict; anything else lands on its field or in the summary. */
  function failed(e: unknown) {
    const error = asApiError(e);
    if (error.status === 412) {
      setConflict(error);
      setErrors([]);
    } else {
      setErrors(
        fieldErrors(
          error,
          (name) => (name === 'meetingId' || name === 'approvingMeetingDate' ? 'minutes-approving-meeting' : minutesField(drafts, name)),
          t.common.errorBody,
        ),
      );
    }
  }

  /** Saves the form when it differs from the server; the version to build on next, or null when it failed. */
  async function save(): Promise<number | null> {
    setMessage('');
    setConflict(null);
    const found = minutesProblems(drafts, isDate, s);
    setErrors(found);
    if (found.length > 0) return null;
    if (!dirty) return version;
    try {
      const saved = await send<Minutes>('PUT', `/api/v1/minutes/${minutes.id}`, { items: minutesItems(drafts) }, { ifMatch: version });
      const next = saved.version ?? saved.data.rowVersion;
      onSaved(saved.data, next);
      return next;
    } catch (e) {
      failed(e);
      return null;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy('save');
    const saved = await save();
    setBusy(null);
    if (saved !== null) setMessage(s.saved);
  }

  async function sendToMembers() {
    setBusy('send');
    const at = await save();
    if (at === null) {
      setBusy(null);
      setConfirming(null);
      return;
    }
    try {
      const { data, version: next } = await send<Minutes>('POST', `/api/v1/minutes/${minutes.id}/send`, undefined, { ifMatch: at });
      onNotice({ kind: 'sent', actions: linkedActions(data.items).length });
      onSaved(data, next ?? data.rowVersion);
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (e) {
      failed(e);
      setConfirming(null);
      setBusy(null);
      refocusFinal();
    }
  }

  function askApproval() {
    if (!approvingId) {
      setErrors([{ fieldId: 'minutes-approving-meeting', message: s.errorMeeting }]);
      return;
    }
    setErrors([]);
    setConfirming('approve');
  }

  async function approve() {
    setBusy('approve');
    const at = await save();
    if (at === null) {
      setBusy(null);
      setConfirming(null);
      return;
    }
    try {
      const { data, version: next } = await send<Minutes>('POST', `/api/v1/minutes/${minutes.id}/approve`, { meetingId: Number(approvingId) }, { ifMatch: at });
      onNotice({ kind: 'approved', date: date(candidates.find((c) => String(c.id) === approvingId)?.date ?? data.approvedOn ?? '') });
      onSaved(data, next ?? data.rowVersion);
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (e) {
      failed(e);
      setConfirming(null);
      setBusy(null);
      refocusFinal();
    }
  }

  const fieldError = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  const newActions = drafts.reduce((sum, it) => sum + it.actions.filter((a) => !a.actionId).length, 0);
  const approvingDate = candidates.find((c) => String(c.id) === approvingId)?.date;

  return (
    <>
      <Paragraph>{concept ? s.leadConcept : s.leadSent(minutes.sentAt ? date(minutes.sentAt) : '–')}</Paragraph>
      {conflict ? <ConflictAlert title={s.conflictTitle} body={s.conflictBody(conflict.currentVersion ?? 0)} onReload={onReload} /> : null}
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      <form className="rt-meetings-minutes" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy !== null}>
        {drafts.map((it, i) => (
          <section key={it.number} aria-labelledby={`min-item-${i}`} className="rt-meetings-item">
            <Heading level={2} id={`min-item-${i}`}>
              <span lang="nl">{`${it.number}. ${it.title}`}</span>
            </Heading>
            <TextList
              legend={s.points}
              items={it.points}
              idOf={(j) => ids.point(i, j)}
              labelOf={(j) => s.point(j + 1)}
              removeLabelOf={(j) => s.removePointLabel(j + 1, it.number)}
              addLabel={s.addPointLabel(it.number)}
              addText={s.addPoint}
              addId={ids.addPoint(i)}
              removeText={s.remove}
              onChange={(points) => setItem(i, { points })}
              onAnnounce={setAnnouncement}
              fieldError={fieldError}
            />
            <TextList
              legend={s.decisions}
              items={it.decisions}
              idOf={(j) => ids.decision(i, j)}
              labelOf={(j) => s.decision(j + 1)}
              removeLabelOf={(j) => s.removeDecisionLabel(j + 1, it.number)}
              addLabel={s.addDecisionLabel(it.number)}
              addText={s.addDecision}
              addId={`min-${i}-add-decision`}
              removeText={s.remove}
              onChange={(decisions) => setItem(i, { decisions })}
              onAnnounce={setAnnouncement}
              fieldError={fieldError}
            />
            <FieldGroup legend={s.actions}>
              {it.actions.length === 0 ? <Paragraph>{s.none}</Paragraph> : null}
              {it.actions.map((a, j) =>
                a.actionId || !concept ? (
                  <p key={a.key} className="rt-meetings-action-line">
                    <ActionLine description={a.description} holderOrganisation={a.holderOrganisation} holderPerson={a.holderPerson || null} deadline={a.deadline} actionId={a.actionId} />
                  </p>
                ) : (
                  <FieldGroup key={a.key} legend={s.action(j + 1)}>
                    <TextareaField
                      id={ids.action(i, j, 'description')}
                      label={s.description}
                      required
                      maxLength={2000}
                      rows={2}
                      value={a.description}
                      onChange={(v) => setAction(i, j, { description: v })}
                      error={fieldError(ids.action(i, j, 'description'))}
                    />
                    <div className="rt-meetings-row">
                      <TextField
                        id={ids.action(i, j, 'holderOrganisation')}
                        label={s.holderOrganisation}
                        required
                        maxLength={200}
                        value={a.holderOrganisation}
                        onChange={(v) => setAction(i, j, { holderOrganisation: v })}
                        error={fieldError(ids.action(i, j, 'holderOrganisation'))}
                      />
                      <TextField
                        id={ids.action(i, j, 'holderPerson')}
                        label={s.holderPerson}
                        maxLength={200}
                        value={a.holderPerson}
                        onChange={(v) => setAction(i, j, { holderPerson: v })}
                        error={fieldError(ids.action(i, j, 'holderPerson'))}
                      />
                      <TextField
                        id={ids.action(i, j, 'deadline')}
                        type="date"
                        label={s.deadline}
                        required
                        value={a.deadline}
                        onChange={(v) => setAction(i, j, { deadline: v })}
                        error={fieldError(ids.action(i, j, 'deadline'))}
                      />
                    </div>
                    <div className="rt-actions">
                      <Button
                        appearance="subtle"
                        aria-label={s.removeActionLabel(j + 1, it.number)}
                        onClick={() => {
                          setItem(i, { actions: it.actions.filter((_, k) => k !== j) });
                          setAnnouncement(s.removed(s.action(j + 1)));
                          focusLater(`min-${i}-add-action`);
                        }}
                      >
                        {s.remove}
                      </Button>
                    </div>
                  </FieldGroup>
                ),
              )}
              {concept ? (
                <div className="rt-actions">
                  <Button
                    id={`min-${i}-add-action`}
                    appearance="secondary"
                    aria-label={s.addActionLabel(it.number)}
                    disabled={it.actions.length >= 100}
                    onClick={() => {
                      setItem(i, { actions: [...it.actions, actionDraft()] });
                      setAnnouncement(s.added(s.action(it.actions.length + 1)));
                      focusLater(ids.action(i, it.actions.length, 'description'));
                    }}
                  >
                    {s.addAction}
                  </Button>
                </div>
              ) : null}
            </FieldGroup>
          </section>
        ))}
        <div className="rt-actions">
          <Button type="submit" disabled={busy !== null}>
            {busy === 'save' ? s.saving : s.save}
          </Button>
        </div>
        <p className="rt-status-line" role="status" aria-live="polite">
          {busy === 'save' ? s.saving : message || (dirty ? s.unsaved : '')}
        </p>
        <p className="rt-visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </form>

      {concept ? (
        <section aria-labelledby="minutes-send" className="rt-meetings-final">
          <Heading level={2} id="minutes-send">
            {s.sendTitle}
          </Heading>
          <Paragraph>{s.sendLead}</Paragraph>
          <div ref={finalButton}>
            {confirming === 'send' ? (
              <ConfirmPanel
                title={s.confirmSendTitle}
                body={s.confirmSendBody(newActions)}
                confirmLabel={busy === 'send' ? s.sending : s.confirmSend}
                cancelLabel={m.cancel}
                busy={busy !== null}
                onConfirm={() => void sendToMembers()}
                onCancel={() => {
                  setConfirming(null);
                  refocusFinal();
                }}
              />
            ) : (
              <div className="rt-actions">
                <Button disabled={busy !== null} onClick={() => setConfirming('send')}>
                  {s.send}
                </Button>
              </div>
            )}
          </div>
          <LoadingStatus busy={busy === 'send'} loadingText={s.sending} />
        </section>
      ) : (
        <section aria-labelledby="minutes-approve" className="rt-meetings-final">
          <Heading level={2} id="minutes-approve">
            {s.approveTitle}
          </Heading>
          <Paragraph>{s.approveLead}</Paragraph>
          <LoadingStatus busy={later.status === 'loading'} loadingText={t.common.loading} />
          {later.error ? <ApiErrorState error={later.error} onRetry={later.retry} /> : null}
          {later.data && candidates.length === 0 ? (
            <Paragraph>
              {s.noLaterMeeting} <RouterLink to="/vergaderingen/nieuw">{m.list.newMeeting}</RouterLink>
            </Paragraph>
          ) : null}
          {candidates.length > 0 ? (
            <div ref={finalButton} className="rt-meetings-wide">
              <SelectField
                id="minutes-approving-meeting"
                label={s.approveMeeting}
                required
                value={approvingId}
                disabled={confirming !== null}
                options={[{ value: '', label: s.chooseMeeting }, ...candidates.map((c) => ({ value: String(c.id), label: `${date(c.date)}${c.place ? `, ${c.place}` : ''}` }))]}
                onChange={(v) => {
                  setApprovingId(v);
                  setErrors([]);
                }}
                error={fieldError('minutes-approving-meeting')}
              />
              {confirming === 'approve' && approvingDate ? (
                <ConfirmPanel
                  title={s.confirmApproveTitle}
                  body={s.confirmApproveBody(date(approvingDate))}
                  confirmLabel={busy === 'approve' ? s.approving : s.confirmApprove}
                  cancelLabel={m.cancel}
                  busy={busy !== null}
                  onConfirm={() => void approve()}
                  onCancel={() => {
                    setConfirming(null);
                    refocusFinal();
                  }}
                />
              ) : (
                <div className="rt-actions">
                  <Button disabled={busy !== null} onClick={askApproval}>
                    {s.approve}
                  </Button>
                </div>
              )}
            </div>
          ) : null}
          <LoadingStatus busy={busy === 'approve'} loadingText={s.approving} />
        </section>
      )}
    </>
  );
}
