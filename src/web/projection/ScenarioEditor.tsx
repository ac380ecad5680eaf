import { useState } from 'react';
import { asApiError, getJson, send } from '../api/client.ts';
import { mondayOf } from '../reception/chart-math.ts';
import { serverErrors } from '../shared/formErrors.ts';
import { Alert, Button, FieldGroup, Paragraph, TextareaField, TextField, UnorderedList, UnorderedListItem, type FormError } from '../ui/index.ts';
import { useProjectionT } from './common.ts';
import { checkForm, fieldOfPath, FIELDS, scenarioFromForm, sdOf, type FormField, type ScenarioFormValues } from './scenarioForm.ts';
import type { SavedScenario, StartState } from './types.ts';

export interface ScenarioEditorProps {
  base: SavedScenario;
  values: ScenarioFormValues;
  onChange: (values: ScenarioFormValues) => void;
  /** The errors of the last check or refusal (the page's error summary lists them too). */
  errors: readonly FormError[];
  onErrors: (errors: FormError[]) => void;
  mayManage: boolean;
  onSaved: (saved: SavedScenario) => void;
}

/**
 * The main inputs of a scenario, starting from a saved one; a start state can be taken from the figures of a day,
 * and secretariaat and LRT members can save the result as a new scenario.
 */
export function ScenarioEditor({ base, values, onChange, errors, onErrors, mayManage, onSaved }: ScenarioEditorProps) {
  const { m, number, decimal, date } = useProjectionT();
  const [startDate, setStartDate] = useState('');
  const [startError, setStartError] = useState<string | null>(null);
  const [startBusy, setStartBusy] = useState(false);
  const [startNotes, setStartNotes] = useState<{ text: string; notes: string[] } | null>(null);
  const [saveBusy, setSaveBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const f = m.form;
  const errorOf = (field: FormField) => errors.find((e) => e.fieldId === FIELDS[field])?.message ?? null;
  const set = (field: FormField) => (value: string) => onChange({ ...values, [field]: value });
  const dropped = /^\d{4}-\d{2}-\d{2}$/.test(values.startWeek) ? scenarioFromForm(base.scenario, values).dropped : 0;

  const field = (name: FormField, label: string, opts: { description?: string; step?: string; type?: 'number' | 'text' | 'date' } = {}) => (
    <TextField
      id={FIELDS[name]}
      label={label}
      description={opts.description}
      type={opts.type ?? 'number'}
      step={opts.type === undefined || opts.type === 'number' ? (opts.step ?? 'any') : undefined}
      min={opts.type === undefined || opts.type === 'number' ? 0 : undefined}
      value={values[name]}
      onChange={set(name)}
      error={errorOf(name)}
    />
  );
  const kept = (v: unknown) => {
    const sd = sdOf(v);
    return sd === null ? undefined : f.keptSd(decimal(sd));
  };

  async function takeStartState() {
    setStartNotes(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) {
      setStartError(f.required(f.startDate));
      document.getElementById('projection-start-date')?.focus();
      return;
    }
    setStartError(null);
    setStartBusy(true);
    try {
      const s = await getJson<StartState>(`/api/v1/projections/start-state?date=${encodeURIComponent(startDate)}`);
      onChange({
        ...values,
        startWeek: mondayOf(s.date),
        registrationCentre: String(s.initial.registrationCentre),
        awaitingDecision: String(s.initial.awaitingDecision),
        permitHoldersWaiting: String(s.initial.permitHoldersWaiting),
        rejectedWaiting: String(s.initial.rejectedWaiting),
        capacityBase: String(s.capacityBase),
        norm: s.registrationCentreNorm === null ? values.norm : String(s.registrationCentreNorm),
        perHalfYear: s.housing.perHalfYear === null ? values.perHalfYear : String(s.housing.perHalfYear),
        paceFactor: s.housing.pace?.factor == null ? values.paceFactor : String(Math.round(s.housing.pace.factor * 1000) / 1000),
      });
      setStartNotes({ text: f.startStateDone(date(s.date)), notes: s.notes });
    } catch (e) {
      const error = asApiError(e);
      setStartError(error.invalidParams[0]?.reason ?? error.detail ?? error.title);
    } finally {
      setStartBusy(false);
    }
  }

  async function save() {
    setSaved('');
    const problems = checkForm(base.scenario, values, m, number);
    onErrors(problems);
    if (problems.length > 0 || saveBusy) return;
    setSaveBusy(true);
    try {
      const { data } = await send<SavedScenario>('POST', '/api/v1/projections/scenarios', scenarioFromForm(base.scenario, values).scenario);
      setSaved(f.saved(data.name));
      onSaved(data);
    } catch (e) {
      const error = asApiError(e);
      // A name that is taken has no invalidParams: it belongs next to the name.
      if (error.code === 'scenario-bestaat') onErrors([{ fieldId: FIELDS.name, message: error.detail ?? error.title }]);
      else onErrors(serverErrors(error, (name) => fieldOfPath(name), error.title));
    } finally {
      setSaveBusy(false);
    }
  }

  return (
    <div className="rt-projection-editor">
      <Paragraph>{f.basedOn(base.name)}</Paragraph>
      <section className="rt-projection-start" aria-labelledby="projection-start-title">
        <p className="rt-projection-subtitle" id="projection-start-title">
          {f.startStateTitle}
        </p>
        <Paragraph>{f.startStateLead}</Paragraph>
        <div className="rt-projection-row">
          <TextField id="projection-start-date" type="date" label={f.startDate} value={startDate} onChange={setStartDate} error={startError} />
          <Button appearance="secondary" onClick={() => void takeStartState()}>
            {f.startStateButton}
          </Button>
        </div>
        <p className="rt-status-line" role="status" aria-live="polite">
          {startBusy ? f.startStateBusy : (startNotes?.text ?? '')}
        </p>
        {startNotes && startNotes.notes.length > 0 ? (
          <Alert type="info" role="none" heading={f.startStateNotes}>
            <UnorderedList lang="nl">
              {startNotes.notes.map((n) => (
                <UnorderedListItem key={n}>{n}</UnorderedListItem>
              ))}
            </UnorderedList>
          </Alert>
        ) : null}
      </section>

      {field('name', f.name, { type: 'text' })}
      <TextareaField id={FIELDS.description} label={f.description} value={values.description} onChange={set('description')} error={errorOf('description')} rows={2} />
      <FieldGroup legend={f.initialTitle}>
        {field('startWeek', f.startWeek, { type: 'date' })}
        {dropped > 0 ? <Paragraph appearance="small">{f.droppedChanges(dropped)}</Paragraph> : null}
        {field('registrationCentre', f.registrationCentre)}
        {field('awaitingDecision', f.awaitingDecision)}
        {field('permitHoldersWaiting', f.permitHoldersWaiting)}
        {field('rejectedWaiting', f.rejectedWaiting)}
      </FieldGroup>
      <FieldGroup legend={f.flowTitle}>
        {field('inflowMean', f.inflowMean)}
        {field('inflowSd', f.inflowSd)}
        {field('permitShare', f.permitShare, { description: kept(base.scenario.permitShare) })}
        {field('processingWeeks', f.processingWeeks, { description: kept(base.scenario.processingWeeks) })}
      </FieldGroup>
      <FieldGroup legend={f.housingTitle}>
        {field('perHalfYear', f.perHalfYear, { type: 'text', description: f.perHalfYearHelp })}
        {field('paceFactor', f.paceFactor, { description: kept((base.scenario.housing as Record<string, unknown> | undefined)?.paceFactor) })}
        {field('capacityBase', f.capacityBase)}
        {field('norm', f.norm)}
      </FieldGroup>
      {mayManage ? (
        <div className="rt-projection-save">
          <Paragraph appearance="small">{f.saveHelp}</Paragraph>
          <Button appearance="secondary" onClick={() => void save()}>
            {f.save}
          </Button>
          <p className="rt-status-line" role="status" aria-live="polite">
            {saveBusy ? f.saving : saved}
          </p>
        </div>
      ) : null}
    </div>
  );
}
