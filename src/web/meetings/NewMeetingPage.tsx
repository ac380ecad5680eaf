import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isDate } from '../../domain/agenda/dates.ts';
import { fieldErrors, moveItem } from '../agenda/logic.ts';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { Button, ErrorSummary, FieldGroup, Heading, LoadingStatus, PageTitle, Paragraph, RouterLink, SelectField, TextField, type FormError } from '../ui/index.ts';
import { useMeetingsT } from './common.tsx';
import { agendaDraft, documentDraft, meetingField, meetingFieldId as ids, meetingRequest, type AgendaDraft } from './logic.ts';
import type { Body, Meeting } from './types.ts';

/** What the meeting page shows once after creation: how many agenda items were asked for (the rest the server added). */
export interface CreatedState {
  created: { requestedItems: number };
}

/**
 * "Nieuwe vergadering" for the secretariat: the body, date, place and agenda (add, remove and reorder items, each with
 * its documents). The server adds escalated actions to an LRT agenda itself; the meeting page shows which, after
 * creation.
 */
export function NewMeetingPage() {
  const { m, t } = useMeetingsT();
  const c = m.create;
  const navigate = useNavigate();
  const bodies = useApi<{ items: Body[] }>('/api/v1/bodies');
  const [bodyId, setBodyId] = useState('');
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const [items, setItems] = useState<AgendaDraft[]>(() => [agendaDraft()]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  /** After a move or removal the focus follows the item (or lands on its neighbour), never on the page's start. */
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const rowId = (i: number, button: 'up' | 'down' | 'remove') => `meeting-item-${i}-${button}`;
  const update = (index: number, change: Partial<AgendaDraft>) => setItems((list) => list.map((d, i) => (i === index ? { ...d, ...change } : d)));
  const updateDoc = (index: number, j: number, change: Partial<AgendaDraft['documents'][number]>) =>
    setItems((list) => list.map((d, i) => (i === index ? { ...d, documents: d.documents.map((x, k) => (k === j ? { ...x, ...change } : x)) } : d)));

  function move(from: number, to: number, button: 'up' | 'down') {
    setItems((list) => moveItem(list, from, to));
    setErrors([]);
    setAnnouncement(c.moved(from + 1, to + 1));
    const atEdge = (button === 'up' && to === 0) || (button === 'down' && to === items.length - 1);
    focusLater(rowId(to, atEdge ? (button === 'up' ? 'down' : 'up') : button));
  }

  function remove(index: number) {
    setItems((list) => list.filter((_, i) => i !== index));
    setErrors([]);
    setAnnouncement(c.removed(index + 1));
    focusLater(items.length > 1 ? ids.itemTitle(Math.max(0, index - 1)) : ids.addItem);
  }

  function add() {
    setItems((list) => [...list, agendaDraft()]);
    setAnnouncement(c.added(items.length + 1));
    focusLater(ids.itemTitle(items.length));
  }

  function addDocument(index: number) {
    const count = items[index]?.documents.length ?? 0;
    update(index, { documents: [...(items[index]?.documents ?? []), documentDraft()] });
    focusLater(ids.docTitle(index, count));
  }

  function removeDocument(index: number, j: number) {
    update(index, { documents: (items[index]?.documents ?? []).filter((_, k) => k !== j) });
    setErrors([]);
    focusLater(j > 0 ? ids.docTitle(index, j - 1) : `meeting-item-${index}-add-doc`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FormError[] = [];
    if (!bodyId) found.push({ fieldId: ids.body, message: c.errorBody });
    if (!isDate(date)) found.push({ fieldId: ids.date, message: c.errorDate });
    items.forEach((it, i) => {
      if (!it.title.trim()) found.push({ fieldId: ids.itemTitle(i), message: c.errorItemTitle(i + 1) });
      it.documents.forEach((d, j) => {
        if (!d.title.trim()) found.push({ fieldId: ids.docTitle(i, j), message: c.errorDocumentTitle(j + 1, i + 1) });
      });
    });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { data } = await send<Meeting>('POST', '/api/v1/meetings', meetingRequest(bodyId, date, place, items));
      const state: CreatedState = { created: { requestedItems: items.length } };
      void navigate(`/vergaderingen/${data.id}`, { state });
    } catch (e) {
      setErrors(fieldErrors(asApiError(e), meetingField, t.common.errorBody));
      setBusy(false);
    }
  }

  const fieldError = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  return (
    <>
      <PageTitle>{`${c.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Paragraph>
        <RouterLink to="/vergaderingen">{m.meeting.back}</RouterLink>
      </Paragraph>
      <Heading level={1} tabIndex={-1} id="meeting-new-title">
        {c.title}
      </Heading>
      <Paragraph appearance="lead">{c.lead}</Paragraph>
      <LoadingStatus busy={bodies.status === 'loading'} loadingText={t.common.loading} />
      {bodies.error ? <ApiErrorState error={bodies.error} onRetry={bodies.retry} /> : null}
      {bodies.data ? (
        <form className="rt-form rt-meetings-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="meeting-new-title" aria-busy={busy}>
          <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
          <div className="rt-meetings-wide">
            <SelectField
              id={ids.body}
              label={c.body}
              required
              value={bodyId}
              options={[{ value: '', label: c.chooseBody }, ...bodies.data.items.map((b) => ({ value: String(b.id), label: b.name }))]}
              onChange={setBodyId}
              error={fieldError(ids.body)}
            />
          </div>
          <TextField id={ids.date} type="date" label={c.date} required value={date} onChange={setDate} error={fieldError(ids.date)} />
          <TextField id={ids.place} label={c.place} maxLength={200} value={place} onChange={setPlace} error={fieldError(ids.place)} />

          <Heading level={2} id="meeting-new-agenda">
            {c.agenda}
          </Heading>
          <Paragraph>{c.agendaHelp}</Paragraph>
          {items.length === 0 ? <Paragraph>{c.noItems}</Paragraph> : null}
          {items.map((it, i) => (
            <FieldGroup key={it.key} legend={c.item(i + 1)}>
              <TextField id={ids.itemTitle(i)} label={c.itemTitle} required wide maxLength={500} value={it.title} onChange={(v) => update(i, { title: v })} error={fieldError(ids.itemTitle(i))} />
              {it.documents.length > 0 ? (
                <div className="rt-meetings-rows" role="group" aria-label={`${c.documents}: ${c.item(i + 1)}`}>
                  {it.documents.map((d, j) => (
                    <div key={d.key} className="rt-meetings-row">
                      <TextField id={ids.docTitle(i, j)} label={c.docTitle(j + 1)} required maxLength={300} value={d.title} onChange={(v) => updateDoc(i, j, { title: v })} error={fieldError(ids.docTitle(i, j))} />
                      <TextField id={ids.docRef(i, j)} label={c.docRef(j + 1)} maxLength={500} value={d.ref} onChange={(v) => updateDoc(i, j, { ref: v })} error={fieldError(ids.docRef(i, j))} />
                      <Button appearance="subtle" aria-label={c.removeDocumentLabel(j + 1, i + 1)} onClick={() => removeDocument(i, j)}>
                        {c.remove}
                      </Button>
                    </div>
                  ))}
                </div>
              ) : null}
              <div className="rt-actions">
                <Button id={`meeting-item-${i}-add-doc`} appearance="secondary" aria-label={c.addDocumentLabel(i + 1)} disabled={it.documents.length >= 50} onClick={() => addDocument(i)}>
                  {c.addDocument}
                </Button>
                {i > 0 ? (
                  <Button id={rowId(i, 'up')} appearance="subtle" aria-label={c.moveUpLabel(i + 1)} onClick={() => move(i, i - 1, 'up')}>
                    <span aria-hidden="true">↑ </span>
                    {c.moveUp}
                  </Button>
                ) : null}
                {i < items.length - 1 ? (
                  <Button id={rowId(i, 'down')} appearance="subtle" aria-label={c.moveDownLabel(i + 1)} onClick={() => move(i, i + 1, 'down')}>
                    <span aria-hidden="true">↓ </span>
                    {c.moveDown}
                  </Button>
                ) : null}
                <Button id={rowId(i, 'remove')} appearance="subtle" aria-label={c.removeLabel(i + 1)} onClick={() => remove(i)}>
                  {c.remove}
                </Button>
              </div>
            </FieldGroup>
          ))}
          <div className="rt-actions">
            <Button id={ids.addItem} appearance="secondary" disabled={items.length >= 50} onClick={add}>
              {c.addItem}
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? c.saving : c.save}
            </Button>
          </div>
          <p className="rt-visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          <LoadingStatus busy={busy} loadingText={c.saving} />
        </form>
      ) : null}
    </>
  );
}
