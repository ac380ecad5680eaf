import { useId, useState, type FormEvent } from 'react';
import { fieldErrors } from '../agenda/logic.ts';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Button, ErrorSummary, FieldGroup, Heading, LoadingStatus, Paragraph, SelectField, TextField, type FormError } from '../ui/index.ts';
import { useMeetingsT } from './common.tsx';
import {
  attendanceDraft,
  attendanceField,
  attendanceFieldId as ids,
  attendanceProblems,
  attendanceRequest,
  guestDraft,
  MEMBER_STATUSES,
  personOption,
  type AttendanceDraft,
  type MemberStatus,
} from './logic.ts';
import { PersonForm } from './PersonForm.tsx';
import type { Body, Meeting, Person } from './types.ts';

/**
 * "Aanwezigheid vastleggen", behind a button on the meeting page: every member of the body with aanwezig / afwezig /
 * vervangen (then a substitute from the register; one person may replace several members), guests from the register,
 * and a note per person. Beside it "Persoon toevoegen" for a substitute or guest not in the register yet.
 */
export function AttendanceEditor({ meeting, onSaved }: { meeting: Meeting; onSaved: (meeting: Meeting) => void }) {
  const { m, t } = useMeetingsT();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const bodies = useApi<{ items: Body[] }>(open ? '/api/v1/bodies' : null);
  const register = useApi<{ items: Person[] }>(open ? '/api/v1/people' : null);
  const [added, setAdded] = useState<Person[]>([]);
  const body = bodies.data?.items.find((b) => b.id === meeting.body.id) ?? null;
  const registered = register.data?.items ?? null;
  const people = registered ? [...registered, ...added.filter((p) => !registered.some((x) => x.id === p.id))] : null;
  const error = bodies.error ?? register.error;

  return (
    <>
      <div className="rt-actions">
        <Button appearance="secondary" aria-expanded={open} aria-controls={`${uid}-editor`} onClick={() => setOpen((o) => !o)}>
          {m.att.open}
        </Button>
      </div>
      <div id={`${uid}-editor`} hidden={!open}>
        {open ? (
          <>
            <LoadingStatus busy={bodies.status === 'loading' || register.status === 'loading'} loadingText={t.common.loading} />
            {error ? (
              <ApiErrorState
                error={error}
                onRetry={() => {
                  bodies.retry();
                  register.retry();
                }}
              />
            ) : null}
            {body && people ? (
              <>
                <AttendanceForm meeting={meeting} body={body} people={people} onSaved={onSaved} />
                <PersonForm onAdded={(p) => setAdded((list) => [...list, p])} />
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}

function AttendanceForm({ meeting, body, people, onSaved }: { meeting: Meeting; body: Body; people: Person[]; onSaved: (meeting: Meeting) => void }) {
  const { m, t } = useMeetingsT();
  const a = m.att;
  const [draft, setDraft] = useState<AttendanceDraft>(() => attendanceDraft(body.members, meeting.attendance));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');

  const byId = new Map(people.map((p) => [p.id, p]));
  const nameOf = (id: number) => byId.get(id)?.displayName ?? String(id);
  const memberIds = new Set(body.members.map((x) => x.person.id));
  const everyone = people.map(personOption);
  const nonMembers = people.filter((p) => !memberIds.has(p.id)).map(personOption);

  const setMember = (personId: number, change: Partial<AttendanceDraft['members'][number]>) => {
    setDraft((d) => ({ ...d, members: d.members.map((x) => (x.personId === personId ? { ...x, ...change } : x)) }));
    setMessage('');
  };
  const setGuest = (index: number, change: Partial<AttendanceDraft['guests'][number]>) => {
    setDraft((d) => ({ ...d, guests: d.guests.map((g, i) => (i === index ? { ...g, ...change } : g)) }));
    setMessage('');
  };
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  function addGuest() {
    setDraft((d) => ({ ...d, guests: [...d.guests, guestDraft()] }));
    setAnnouncement(a.guestAdded(draft.guests.length + 1));
    focusLater(ids.guestPerson(draft.guests.length));
  }

  function removeGuest(index: number) {
    setDraft((d) => ({ ...d, guests: d.guests.filter((_, i) => i !== index) }));
    setErrors([]);
    setAnnouncement(a.guestRemoved(index + 1));
    focusLater(draft.guests.length > 1 ? ids.guestPerson(Math.max(0, index - 1)) : ids.addGuest);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    const found = attendanceProblems(draft, nameOf, a);
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { data } = await send<Meeting>('PUT', `/api/v1/meetings/${meeting.id}/attendance`, attendanceRequest(draft));
      onSaved(data);
      setMessage(a.saved);
    } catch (e) {
      setErrors(fieldErrors(asApiError(e), (name) => attendanceField(draft, name), t.common.errorBody));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  const statusOptions = MEMBER_STATUSES.map((s) => ({ value: s, label: m.attendance[s] }));
  return (
    <form className="rt-form rt-meetings-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="meeting-attendance-edit" aria-busy={busy}>
      <Heading level={3} id="meeting-attendance-edit">
        {a.title}
      </Heading>
      <Paragraph>{a.lead}</Paragraph>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      {draft.members.length === 0 ? <Paragraph>{a.noMembers}</Paragraph> : null}
      {draft.members.map((x) => {
        const person = byId.get(x.personId);
        return (
          <FieldGroup key={x.personId} legend={a.memberLegend(nameOf(x.personId), person?.organisation ?? '')}>
            <div className="rt-meetings-row">
              <SelectField
                id={ids.status(x.personId)}
                label={a.status}
                value={x.status}
                options={statusOptions}
                onChange={(v) => setMember(x.personId, { status: v as MemberStatus })}
                error={fieldError(ids.status(x.personId))}
              />
              {x.status === 'vervangen' ? (
                <div className="rt-meetings-wide">
                  <SelectField
                    id={ids.substitute(x.personId)}
                    label={a.substitute}
                    required
                    value={x.substituteId}
                    options={[{ value: '', label: a.chooseSubstitute }, ...everyone.filter((o) => o.value !== String(x.personId))]}
                    onChange={(v) => setMember(x.personId, { substituteId: v })}
                    error={fieldError(ids.substitute(x.personId))}
                  />
                </div>
              ) : null}
              <TextField id={ids.note(x.personId)} label={a.note} maxLength={500} value={x.note} onChange={(v) => setMember(x.personId, { note: v })} error={fieldError(ids.note(x.personId))} />
            </div>
          </FieldGroup>
        );
      })}
      <FieldGroup legend={a.guests}>
        {draft.guests.length === 0 ? <Paragraph>{a.noGuests}</Paragraph> : null}
        {draft.guests.map((g, i) => (
          <div key={g.key} className="rt-meetings-row" role="group" aria-label={a.guest(i + 1)}>
            <div className="rt-meetings-wide">
              <SelectField
                id={ids.guestPerson(i)}
                label={a.guestPerson(i + 1)}
                required
                value={g.personId}
                options={[{ value: '', label: a.chooseGuest }, ...nonMembers]}
                onChange={(v) => setGuest(i, { personId: v })}
                error={fieldError(ids.guestPerson(i))}
              />
            </div>
            <TextField id={ids.guestNote(i)} label={a.guestNote(i + 1)} maxLength={500} value={g.note} onChange={(v) => setGuest(i, { note: v })} error={fieldError(ids.guestNote(i))} />
            <Button appearance="subtle" aria-label={a.removeGuestLabel(i + 1)} onClick={() => removeGuest(i)}>
              {a.removeGuest}
            </Button>
          </div>
        ))}
        <div className="rt-actions">
          <Button id={ids.addGuest} appearance="secondary" onClick={addGuest}>
            {a.addGuest}
          </Button>
        </div>
      </FieldGroup>
      <div className="rt-actions">
        <Button type="submit" disabled={busy}>
          {busy ? a.saving : a.save}
        </Button>
      </div>
      <p className="rt-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <LoadingStatus busy={busy} loadingText={a.saving} doneText={message} />
    </form>
  );
}
