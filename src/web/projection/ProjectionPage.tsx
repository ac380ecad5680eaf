import { useState, type FormEvent } from 'react';
import { asApiError, send } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorState } from '../shared/ApiErrorState.tsx';
import { TaskProgress } from '../shared/TaskProgress.tsx';
import { useTask, useTaskParam, type TaskStarted } from '../shared/useTask.ts';
import { serverErrors } from '../shared/formErrors.ts';
import { Button, CheckboxField, ErrorSummary, Heading, LoadingStatus, PageTitle, Paragraph, SelectField, TextField, type FormError } from '../ui/index.ts';
import { useProjectionT } from './common.ts';
import { ComparisonResult, SingleResult } from './Results.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import { checkForm, checkRun, fieldOfPath, formFromScenario, RUN_FIELDS, scenarioFromForm, type RunValues, type ScenarioFormValues } from './scenarioForm.ts';
import type { Comparison, Projection, SavedScenario } from './types.ts';

type Result = { kind: 'single'; data: Projection } | { kind: 'compare'; data: Comparison };

/**
 * /prognose: the chain projection of one saved (or adjusted) scenario, or two compared with the same draws. One
 * scenario is computed as a background task followed in the address (`?taak=123`): the user may leave and come back
 * (or reload) and still see its progress and result. A comparison is computed in the request.
 */
export function ProjectionPage() {
  const { m, t, number } = useProjectionT();
  const session = useSession();
  const mayManage = session.may('projection.manage');
  const list = useApi<{ items: SavedScenario[] }>('/api/v1/projections/scenarios');
  // Scenarios saved on this page join the list without reloading it (which would empty the page for a moment).
  const [added, setAdded] = useState<SavedScenario[]>([]);
  const items = [...(list.data?.items ?? []), ...added.filter((s) => !list.data?.items.some((i) => i.id === s.id))];
  const [aId, setAId] = useState('');
  const [bId, setBId] = useState('');
  const a = items.find((s) => String(s.id) === aId) ?? items[0] ?? null;
  const [editing, setEditing] = useState(false);
  // The form belongs to the scenario it started from; choosing another scenario starts it again from that one.
  const [form, setForm] = useState<{ forId: number; values: ScenarioFormValues } | null>(null);
  const values = a ? (form && form.forId === a.id ? form.values : formFromScenario(a.scenario)) : null;
  const [run, setRun] = useState<RunValues>({ runs: '10000', seed: '1', weeks: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [taskId, setTaskId] = useTaskParam();
  const followed = useTask<Projection>(taskId);
  const fromTask = followed.task?.status === 'done' && followed.task.result ? followed.task.result : null;
  // A comparison computed here replaces what the task showed; a new task replaces an earlier comparison.
  const shown: Result | null = result ?? (fromTask ? { kind: 'single', data: fromTask } : null);
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  const options = items.map((s) => ({ value: String(s.id), label: s.name }));

  async function calculate(event: FormEvent) {
    event.preventDefault();
    if (!a || !values || busy) return;
    const problems = checkRun(run, m, number);
    if (bId && bId === String(a.id) && !editing) problems.push({ fieldId: RUN_FIELDS.b, message: m.choose.sameScenario });
    if (editing) problems.push(...checkForm(a.scenario, values, m, number));
    setErrors(problems);
    if (problems.length > 0) return;
    const aRef = editing ? { scenario: scenarioFromForm(a.scenario, values).scenario } : { scenarioId: a.id };
    const opts = { runs: Number(run.runs), seed: Number(run.seed), ...(run.weeks.trim() !== '' ? { weeks: Number(run.weeks) } : {}) };
    setBusy(true);
    setDone('');
    try {
      if (bId) {
        const data = (await send<Comparison>('POST', '/api/v1/projections/compare', { a: aRef, b: { scenarioId: Number(bId) }, ...opts })).data;
        setTaskId(null);
        setResult({ kind: 'compare', data });
        setDone(m.choose.done(number(opts.runs), data.a.weeks));
      } else {
        const started = (await send<TaskStarted>('POST', '/api/v1/projections/tasks', { ...aRef, ...opts })).data;
        setResult(null);
        setTaskId(started.id);
      }
    } catch (e) {
      const error = asApiError(e);
      setErrors(serverErrors(error, (name) => fieldOfPath(name), `${m.choose.failedTitle}: ${error.title}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{`${m.title} – ${t.app.titleSuffix}`}</PageTitle>
      <Heading level={1} tabIndex={-1}>
        {m.title}
      </Heading>
      <Paragraph appearance="lead">{m.lead}</Paragraph>
      <Paragraph>{m.modelNote}</Paragraph>
      <LoadingStatus busy={list.status === 'loading'} loadingText={t.common.loading} />
      {list.error ? <ApiErrorState error={list.error} onRetry={list.retry} /> : null}
      {list.data && items.length === 0 ? <Paragraph>{m.noScenarios}</Paragraph> : null}
      {a && values ? (
        <form className="rt-projection-form" aria-labelledby="projection-choose" noValidate onSubmit={(e) => void calculate(e)}>
          <ErrorSummary title={m.form.errorsTitle} errors={errors} />
          <Heading level={2} id="projection-choose">
            {m.choose.title}
          </Heading>
          <div className="rt-projection-row">
            <SelectField
              id={RUN_FIELDS.a}
              label={m.choose.a}
              value={String(a.id)}
              options={options}
              onChange={(v) => {
                setAId(v);
                setErrors([]);
              }}
              error={errorOf(RUN_FIELDS.a)}
            />
            <SelectField
              id={RUN_FIELDS.b}
              label={m.choose.b}
              description={m.choose.bHelp}
              value={bId}
              options={[{ value: '', label: m.choose.bNone }, ...options]}
              onChange={setBId}
              error={errorOf(RUN_FIELDS.b)}
            />
          </div>
          {a.description ? (
            <Paragraph appearance="small" lang="nl">
              {a.description}
            </Paragraph>
          ) : null}
          <div className="rt-projection-row">
            <TextField id={RUN_FIELDS.runs} type="number" min={1} max={20000} step={1} label={m.choose.runs} description={m.choose.runsHelp} value={run.runs} onChange={(v) => setRun({ ...run, runs: v })} error={errorOf(RUN_FIELDS.runs)} />
            <TextField id={RUN_FIELDS.seed} type="number" min={0} step={1} label={m.choose.seed} description={m.choose.seedHelp} value={run.seed} onChange={(v) => setRun({ ...run, seed: v })} error={errorOf(RUN_FIELDS.seed)} />
            <TextField id={RUN_FIELDS.weeks} type="number" min={1} max={520} step={1} label={m.choose.weeks} description={m.choose.weeksHelp} value={run.weeks} onChange={(v) => setRun({ ...run, weeks: v })} error={errorOf(RUN_FIELDS.weeks)} />
          </div>
          <CheckboxField id="projection-edit" label={m.form.toggle} description={m.form.toggleHelp} checked={editing} onChange={setEditing} />
          {editing ? (
            <section aria-labelledby="projection-edit-title">
              <Heading level={2} id="projection-edit-title">
                {m.form.title}
              </Heading>
              <ScenarioEditor
                base={a}
                values={values}
                onChange={(v) => setForm({ forId: a.id, values: v })}
                errors={errors}
                onErrors={setErrors}
                mayManage={mayManage}
                onSaved={(saved) => {
                  setAdded((list) => [...list, saved]);
                  setAId(String(saved.id));
                  setForm({ forId: saved.id, values: formFromScenario(saved.scenario) });
                }}
              />
            </section>
          ) : null}
          <div className="rt-actions">
            <Button type="submit">{bId ? m.choose.compare : m.choose.run}</Button>
          </div>
        </form>
      ) : null}
      <LoadingStatus busy={busy} loadingText={m.choose.busy} doneText={done} />
      {taskId !== null && !result ? (
        <section aria-labelledby="projection-task">
          <Heading level={2} id="projection-task">
            {m.task.title}
          </Heading>
          {followed.task ? <TaskProgress task={followed.task} /> : null}
          {followed.error ? <ApiErrorState error={followed.error} onRetry={followed.retry} /> : null}
        </section>
      ) : null}
      <section className="rt-projection-results" aria-labelledby={shown ? 'projection-result' : undefined} aria-busy={busy}>
        {shown?.kind === 'single' ? <SingleResult result={shown.data} /> : null}
        {shown?.kind === 'compare' ? <ComparisonResult comparison={shown.data} /> : null}
      </section>
    </>
  );
}
