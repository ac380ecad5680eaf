import { useState, type FormEvent } from 'react';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import {
  Button,
  ErrorSummary,
  FieldGroup,
  Heading,
  LoadingStatus,
  PageTitle,
  Paragraph,
  RouterLink,
  SelectField,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
  type FormError,
} from '../ui/index.ts';
import { useAgendaT } from './common.tsx';
import { fieldErrors, ladderField, moveItem } from './logic.ts';
import { ESCALATION_KINDS, LADDER_LIMITS, type EscalationKind, type EscalationLevel, type Ladder } from './types.ts';

/** A level as the form holds it: numbers as typed, and a key that stays with the level when it moves. */
interface LevelDraft {
  key: number;
  name: string;
  afterDays: string;
  graceDays: string;
  kind: EscalationKind;
}

const WHOLE = /^\d+$/;
const fieldId = (index: number, field: string) => `ladder-${index}-${field}`;
const FIELDS = new Set(['name', 'afterDays', 'graceDays', 'kind']);

let nextKey = 1;
const draftOf = (l: EscalationLevel): LevelDraft => ({ key: nextKey++, name: l.name, afterDays: String(l.afterDays), graceDays: String(l.graceDays), kind: l.kind });

function LevelsTable({ levels }: { levels: EscalationLevel[] }) {
  const { m, number } = useAgendaT();
  return (
    <Table caption={m.ladder.caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col" className="rt-numeric">
            {m.ladder.colLevel}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{m.ladder.colName}</TableHeaderCell>
          <TableHeaderCell scope="col" className="rt-numeric">
            {m.ladder.colAfterDays}
          </TableHeaderCell>
          <TableHeaderCell scope="col" className="rt-numeric">
            {m.ladder.colGraceDays}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{m.ladder.colDueOn}</TableHeaderCell>
          <TableHeaderCell scope="col">{m.ladder.colKind}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {levels.map((l) => (
          <TableRow key={l.level}>
            <TableCell className="rt-numeric">{l.level}</TableCell>
            <TableHeaderCell scope="row" lang="nl">
              {l.name}
            </TableHeaderCell>
            <TableCell className="rt-numeric">{number(l.afterDays)}</TableCell>
            <TableCell className="rt-numeric">{number(l.graceDays)}</TableCell>
            <TableCell>{m.ladder.dueOn(l.afterDays + l.graceDays)}</TableCell>
            <TableCell>{m.kinds[l.kind] ?? l.kind}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The secretariat's editor: add, remove and reorder levels (the order is the level number), then save the whole
 * ladder. The server checks it whole and names the field of the first rule broken (`levels[1].afterDays`); that
 * message lands next to the field of that level.
 */
function LadderForm({ levels, onSaved }: { levels: EscalationLevel[]; onSaved: (levels: EscalationLevel[]) => void }) {
  const { m, t } = useAgendaT();
  const l = m.ladder;
  const [drafts, setDrafts] = useState<LevelDraft[]>(() => levels.map(draftOf));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');

  const update = (index: number, change: Partial<LevelDraft>) => setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...change } : d)));
  /** After a move or removal the focus follows the level (or lands on its neighbour), never on the page's start. */
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  function move(from: number, to: number, button: 'up' | 'down') {
    setDrafts((list) => moveItem(list, from, to));
    setErrors([]);
    setAnnouncement(l.moved(from + 1, to + 1));
    // Stay on the same button of the moved level; at the top or bottom that button is gone, so take the other one.
    const atEdge = (button === 'up' && to === 0) || (button === 'down' && to === drafts.length - 1);
    focusLater(fieldId(to, atEdge ? (button === 'up' ? 'down' : 'up') : button));
  }

  function remove(index: number) {
    setDrafts((list) => list.filter((_, i) => i !== index));
    setErrors([]);
    setAnnouncement(l.removed(index + 1));
    focusLater(drafts.length > 1 ? fieldId(Math.max(0, index - 1), 'name') : 'ladder-add');
  }

  function add() {
    const lastDraft = drafts[drafts.length - 1];
    const after = lastDraft && WHOLE.test(lastDraft.afterDays) ? Number(lastDraft.afterDays) + 14 : 1;
    setDrafts((list) => [...list, { key: nextKey++, name: '', afterDays: String(Math.min(after, LADDER_LIMITS.maxAfterDays)), graceDays: '0', kind: 'melding' }]);
    setAnnouncement(l.added(drafts.length + 1));
    focusLater(fieldId(drafts.length, 'name'));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    const found: FormError[] = [];
    if (drafts.length === 0) found.push({ fieldId: 'ladder-add', message: l.errorEmpty });
    drafts.forEach((d, i) => {
      if (!d.name.trim()) found.push({ fieldId: fieldId(i, 'name'), message: l.errorName(i + 1) });
      if (!WHOLE.test(d.afterDays.trim()) || Number(d.afterDays) > LADDER_LIMITS.maxAfterDays) {
        found.push({ fieldId: fieldId(i, 'afterDays'), message: l.errorAfterDays(i + 1, LADDER_LIMITS.maxAfterDays) });
      }
      if (!WHOLE.test(d.graceDays.trim()) || Number(d.graceDays) > LADDER_LIMITS.maxGraceDays) {
        found.push({ fieldId: fieldId(i, 'graceDays'), message: l.errorGraceDays(i + 1, LADDER_LIMITS.maxGraceDays) });
      }
    });
    setErrors(found);
    if (found.length > 0) return;
    const body: EscalationLevel[] = drafts.map((d, i) => ({ level: i + 1, name: d.name.trim(), afterDays: Number(d.afterDays), graceDays: Number(d.graceDays), kind: d.kind }));
    setBusy(true);
    try {
      const { data } = await send<Ladder>('PUT', '/api/v1/escalation-ladder', { levels: body });
      onSaved(data.levels);
      setMessage(l.saved);
    } catch (e) {
      setErrors(
        fieldErrors(
          asApiError(e),
          (name) => {
            const at = ladderField(name);
            if (!at || at.index >= drafts.length) return name === 'levels' ? 'ladder-add' : null;
            // The level number follows the order in the form, so a complaint about it belongs to the level's name.
            return fieldId(at.index, FIELDS.has(at.field) ? at.field : 'name');
          },
          t.common.errorBody,
        ).map((error) => {
          const at = error.fieldId ? /^ladder-(\d+)-/.exec(error.fieldId) : null;
          // The rules' own messages name the level already; the schema's ("Moet minstens 0 zijn") do not.
          return at && !/niveau \d/i.test(error.message) ? { ...error, message: `${l.level(Number(at[1]) + 1)}: ${error.message}` } : error;
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (id: string) => {
    const found = errors.filter((e) => e.fieldId === id).map((e) => e.message);
    return found.length > 0 ? found.join(' ') : null;
  };
  const kindOptions = ESCALATION_KINDS.map((k) => ({ value: k, label: m.kinds[k] }));
  return (
    <form className="rt-form rt-agenda-ladder-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="agenda-ladder-edit" aria-busy={busy}>
      <Heading level={2} id="agenda-ladder-edit">
        {l.editTitle}
      </Heading>
      <Paragraph>{l.editLead}</Paragraph>
      <ErrorSummary title={t.form.errorSummaryTitle} errors={errors} />
      {drafts.map((d, i) => (
        <FieldGroup key={d.key} id={fieldId(i, 'group')} legend={l.level(i + 1)}>
          <div className="rt-agenda-level">
            <TextField id={fieldId(i, 'name')} label={l.name} required maxLength={LADDER_LIMITS.maxName} value={d.name} onChange={(v) => update(i, { name: v })} error={fieldError(fieldId(i, 'name'))} />
            <TextField
              id={fieldId(i, 'afterDays')}
              label={l.afterDays}
              inputMode="numeric"
              autoComplete="off"
              required
              className="rt-agenda-number"
              value={d.afterDays}
              onChange={(v) => update(i, { afterDays: v })}
              error={fieldError(fieldId(i, 'afterDays'))}
            />
            <TextField
              id={fieldId(i, 'graceDays')}
              label={l.graceDays}
              inputMode="numeric"
              autoComplete="off"
              required
              className="rt-agenda-number"
              value={d.graceDays}
              onChange={(v) => update(i, { graceDays: v })}
              error={fieldError(fieldId(i, 'graceDays'))}
            />
            <SelectField id={fieldId(i, 'kind')} label={l.kind} value={d.kind} options={kindOptions} onChange={(v) => update(i, { kind: v as EscalationKind })} error={fieldError(fieldId(i, 'kind'))} />
          </div>
          <div className="rt-actions">
            {i > 0 ? (
              <Button id={fieldId(i, 'up')} appearance="subtle" aria-label={l.moveUpLabel(i + 1)} onClick={() => move(i, i - 1, 'up')}>
                <span aria-hidden="true">↑ </span>
                {l.moveUp}
              </Button>
            ) : null}
            {i < drafts.length - 1 ? (
              <Button id={fieldId(i, 'down')} appearance="subtle" aria-label={l.moveDownLabel(i + 1)} onClick={() => move(i, i + 1, 'down')}>
                <span aria-hidden="true">↓ </span>
                {l.moveDown}
              </Button>
            ) : null}
            <Button id={fieldId(i, 'remove')} appearance="subtle" aria-label={l.removeLabel(i + 1)} onClick={() => remove(i)}>
              {l.remove}
            </Button>
          </div>
        </FieldGroup>
      ))}
      <div className="rt-actions">
        <Button id="ladder-add" appearance="secondary" disabled={drafts.length >= LADDER_LIMITS.maxLevels} onClick={add}>
          {l.add}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? l.saving : l.save}
        </Button>
      </div>
      <p className="rt-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <LoadingStatus busy={busy} loadingText={l.saving} doneText={message} />
    </form>
  );
}

export function LadderPage() {
  const { m, t } = useAgendaT();
  const session = useSession();
  const ladder = useApi<Ladder>('/api/v1/escalation-ladder');
  const [saved, setSaved] = useState<EscalationLevel[] | null>(null);
  const levels = saved ?? ladder.data?.levels ?? null;
  return (
    <>
      <PageTitle>{`${m.ladder.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.ladder.title}
      </Heading>
      <Paragraph appearance="lead">{m.ladder.lead}</Paragraph>
      <div className="rt-actions">
        <RouterLink to="/acties">{m.ladder.back}</RouterLink>
      </div>
      <LoadingStatus busy={ladder.status === 'loading'} loadingText={t.common.loading} />
      {ladder.error ? <ApiErrorState error={ladder.error} onRetry={ladder.retry} /> : null}
      {levels ? (
        <>
          <LevelsTable levels={levels} />
          {session.may('agenda.configure') ? <LadderForm levels={levels} onSaved={setSaved} /> : null}
        </>
      ) : null}
    </>
  );
}
