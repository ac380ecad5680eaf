/**
 * The editable part of a scenario as form fields, and back: `formFromScenario` reads a saved scenario's JSON into
 * strings, `scenarioFromForm` writes the fields over that JSON (everything the form does not show, such as capacity
 * changes and the other uncertainties, stays as it was), and `checkForm` mirrors the server's checks field by field
 * in the user's language. The last word is `parseScenario` itself, the same function the server runs.
 */
import { ProjectionError } from '../../domain/projection/errors.ts';
import { parseScenario } from '../../domain/projection/scenario.ts';
import type { FormError } from '../ui/index.ts';
import type { ProjectionMessages } from './messages.ts';

export const FIELDS = {
  name: 'scenario-name',
  description: 'scenario-description',
  startWeek: 'scenario-start-week',
  registrationCentre: 'scenario-registration-centre',
  awaitingDecision: 'scenario-awaiting-decision',
  permitHoldersWaiting: 'scenario-permit-holders',
  rejectedWaiting: 'scenario-rejected',
  inflowMean: 'scenario-inflow-mean',
  inflowSd: 'scenario-inflow-sd',
  permitShare: 'scenario-permit-share',
  processingWeeks: 'scenario-processing-weeks',
  perHalfYear: 'scenario-per-half-year',
  paceFactor: 'scenario-pace-factor',
  capacityBase: 'scenario-capacity-base',
  norm: 'scenario-norm',
} as const;
export type FormField = keyof typeof FIELDS;
export type ScenarioFormValues = Record<FormField, string>;

export const RUN_FIELDS = { a: 'projection-a', b: 'projection-b', runs: 'projection-runs', seed: 'projection-seed', weeks: 'projection-weeks' } as const;
export type RunField = keyof typeof RUN_FIELDS;
export type RunValues = Record<'runs' | 'seed' | 'weeks', string>;

export const MAX_RUNS = 20_000;
export const MAX_SEED = 4_294_967_295;
export const MAX_WEEKS = 520;
const MAX_PERSONS = 10_000_000;
const WEEKS_PER_HALF_YEAR = 26;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
/** The mean of a number-or-{ mean, sd }. */
const meanOf = (v: unknown) => (isObject(v) ? str(v.mean) : str(v));
/** The sd that the form leaves as it is, or null when there is none. */
export const sdOf = (v: unknown): number | null => (isObject(v) && typeof v.sd === 'number' && v.sd > 0 ? v.sd : null);

/** A saved scenario's JSON as the form's strings. */
export function formFromScenario(s: Json): ScenarioFormValues {
  const initial = isObject(s.initial) ? s.initial : {};
  const inflow = s.inflowPerWeek;
  const housing = isObject(s.housing) ? s.housing : {};
  const capacity = isObject(s.capacity) ? s.capacity : {};
  const perHalfYear = housing.perHalfYear;
  return {
    name: typeof s.name === 'string' ? s.name : '',
    description: typeof s.description === 'string' ? s.description : '',
    startWeek: typeof s.startWeek === 'string' ? s.startWeek : '',
    registrationCentre: str(initial.registrationCentre),
    awaitingDecision: str(initial.awaitingDecision),
    permitHoldersWaiting: str(initial.permitHoldersWaiting),
    rejectedWaiting: initial.rejectedWaiting === undefined ? '0' : str(initial.rejectedWaiting),
    // A list per week is shown as its first week; saving or running then makes it one mean.
    inflowMean: isObject(inflow) ? (Array.isArray(inflow.perWeek) ? str(inflow.perWeek[0]) : str(inflow.mean)) : str(inflow),
    inflowSd: isObject(inflow) && inflow.sd !== undefined ? str(inflow.sd) : '0',
    permitShare: meanOf(s.permitShare),
    processingWeeks: meanOf(s.processingWeeks),
    perHalfYear: Array.isArray(perHalfYear) ? perHalfYear.map(str).join('; ') : str(perHalfYear),
    paceFactor: housing.paceFactor === undefined ? '1' : meanOf(housing.paceFactor),
    capacityBase: str(capacity.base),
    norm: s.registrationCentreNorm === undefined ? '2000' : str(s.registrationCentreNorm),
  };
}

const num = (v: string) => Number(v.trim());
const list = (v: string) =>
  v
    .split(/[;\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(Number);

/** The number, or the same {mean, sd} with a new mean. */
function withMean(old: unknown, mean: number): unknown {
  return isObject(old) ? { ...old, mean } : mean;
}

/**
 * The form's fields written over `base`. Capacity changes dated before a later start week are dropped (the places at
 * the start already include them); `dropped` says how many.
 */
export function scenarioFromForm(base: Json, v: ScenarioFormValues): { scenario: Json; dropped: number } {
  const inflow = isObject(base.inflowPerWeek) ? base.inflowPerWeek : {};
  const housing = isObject(base.housing) ? base.housing : {};
  const capacity = isObject(base.capacity) ? base.capacity : {};
  const halfYears = list(v.perHalfYear);
  const changes = Array.isArray(capacity.changes) ? capacity.changes : [];
  const kept = changes.filter((c) => !(isObject(c) && typeof c.date === 'string' && c.date < v.startWeek));
  const scenario: Json = {
    ...base,
    name: v.name.trim(),
    startWeek: v.startWeek,
    initial: {
      registrationCentre: num(v.registrationCentre),
      awaitingDecision: num(v.awaitingDecision),
      permitHoldersWaiting: num(v.permitHoldersWaiting),
      rejectedWaiting: num(v.rejectedWaiting),
    },
    inflowPerWeek: {
      mean: num(v.inflowMean),
      sd: num(v.inflowSd),
      ...(typeof inflow.weeklySd === 'number' ? { weeklySd: inflow.weeklySd } : {}),
    },
    permitShare: withMean(base.permitShare, num(v.permitShare)),
    processingWeeks: withMean(base.processingWeeks, num(v.processingWeeks)),
    housing: { ...housing, perHalfYear: halfYears.length === 1 ? halfYears[0] : halfYears, paceFactor: withMean(housing.paceFactor, num(v.paceFactor)) },
    capacity: { ...capacity, base: num(v.capacityBase), changes: kept },
    registrationCentreNorm: num(v.norm),
  };
  if (v.description.trim() === '') delete scenario.description;
  else scenario.description = v.description.trim();
  return { scenario, dropped: changes.length - kept.length };
}

/** A scenario field path of the server or the parser ('scenario.inflowPerWeek.sd', 'a.name', 'runs') as a field id. */
export function fieldOfPath(path: string): string | null {
  const p = path.replace(/^(scenario|a)\./, '');
  if (p.startsWith('b.') || p === 'b') return RUN_FIELDS.b;
  const table: [RegExp, string][] = [
    [/^name$/, FIELDS.name],
    [/^description$/, FIELDS.description],
    [/^startWeek$/, FIELDS.startWeek],
    [/^initial\.registrationCentre$/, FIELDS.registrationCentre],
    [/^initial\.awaitingDecision$/, FIELDS.awaitingDecision],
    [/^initial\.permitHoldersWaiting$/, FIELDS.permitHoldersWaiting],
    [/^initial\.rejectedWaiting$/, FIELDS.rejectedWaiting],
    [/^inflowPerWeek\.sd$/, FIELDS.inflowSd],
    [/^inflowPerWeek/, FIELDS.inflowMean],
    [/^permitShare/, FIELDS.permitShare],
    [/^processingWeeks/, FIELDS.processingWeeks],
    [/^housing\.perHalfYear/, FIELDS.perHalfYear],
    [/^housing\.paceFactor/, FIELDS.paceFactor],
    [/^capacity\.base$/, FIELDS.capacityBase],
    [/^registrationCentreNorm$/, FIELDS.norm],
    [/^runs$/, RUN_FIELDS.runs],
    [/^seed$/, RUN_FIELDS.seed],
    [/^weeks$/, RUN_FIELDS.weeks],
  ];
  return table.find(([re]) => re.test(p))?.[1] ?? null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isMonday(iso: string): boolean | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return d.getUTCDay() === 1;
}

/**
 * The run options checked as the server does (runs 1 … 20,000, seed 0 … 2³² − 1, weeks empty or 1 … 520).
 * `format` writes the bounds in the user's number format.
 */
export function checkRun(v: RunValues, m: ProjectionMessages, format: (n: number) => string): FormError[] {
  const errors: FormError[] = [];
  const integer = (value: string, field: RunField, label: string, min: number, max: number, optional = false) => {
    if (value.trim() === '') {
      if (!optional) errors.push({ fieldId: RUN_FIELDS[field], message: m.form.required(label) });
      return;
    }
    const n = num(value);
    if (!Number.isInteger(n) || n < min || n > max) errors.push({ fieldId: RUN_FIELDS[field], message: m.form.integerRange(label, format(min), format(max)) });
  };
  integer(v.runs, 'runs', m.choose.runs, 1, MAX_RUNS);
  integer(v.seed, 'seed', m.choose.seed, 0, MAX_SEED);
  integer(v.weeks, 'weeks', m.choose.weeks, 1, MAX_WEEKS, true);
  return errors;
}

/**
 * The scenario form checked field by field in the user's language, then whole by `parseScenario` (the server's own
 * check, in Dutch) for what only the whole can tell (e.g. capacity going below zero after a planned closure).
 */
export function checkForm(base: Json, v: ScenarioFormValues, m: ProjectionMessages, format: (n: number) => string): FormError[] {
  const errors: FormError[] = [];
  const f = m.form;
  const add = (field: FormField, message: string) => errors.push({ fieldId: FIELDS[field], message });
  const number = (field: FormField, label: string, min: number, max: number | null) => {
    const value = v[field];
    if (value.trim() === '') return add(field, f.required(label));
    const n = num(value);
    if (!Number.isFinite(n) || n < min || (max !== null && n > max)) add(field, max === null ? f.min(label, format(min)) : f.range(label, format(min), format(max)));
  };

  if (v.name.trim() === '') add('name', f.required(f.name));
  else if (v.name.length > 200) add('name', f.textLength(f.name, 200));
  if (v.description.length > 5000) add('description', f.textLength(f.description, 5000));
  const monday = isMonday(v.startWeek);
  if (v.startWeek === '') add('startWeek', f.required(f.startWeek));
  else if (monday === null) add('startWeek', f.date(f.startWeek));
  else if (!monday) add('startWeek', f.monday);
  number('registrationCentre', f.registrationCentre, 0, MAX_PERSONS);
  number('awaitingDecision', f.awaitingDecision, 0, MAX_PERSONS);
  number('permitHoldersWaiting', f.permitHoldersWaiting, 0, MAX_PERSONS);
  number('rejectedWaiting', f.rejectedWaiting, 0, MAX_PERSONS);
  number('inflowMean', f.inflowMean, 0, MAX_PERSONS);
  number('inflowSd', f.inflowSd, 0, null);
  number('permitShare', f.permitShare, 0, 1);
  number('processingWeeks', f.processingWeeks, 1, MAX_WEEKS);
  const weeks = typeof base.weeks === 'number' ? base.weeks : 104;
  const halfYears = Math.ceil(weeks / WEEKS_PER_HALF_YEAR);
  const perHalfYear = list(v.perHalfYear);
  if (v.perHalfYear.trim() === '') add('perHalfYear', f.required(f.perHalfYear));
  else if (perHalfYear.length > halfYears || perHalfYear.some((n) => !Number.isFinite(n) || n < 0 || n > MAX_PERSONS)) add('perHalfYear', f.listRange(f.perHalfYear, halfYears));
  number('paceFactor', f.paceFactor, 0, 10);
  number('capacityBase', f.capacityBase, 0, MAX_PERSONS);
  number('norm', f.norm, 0, MAX_PERSONS);
  if (errors.length > 0) return errors;

  try {
    parseScenario(scenarioFromForm(base, v).scenario);
  } catch (e) {
    if (!(e instanceof ProjectionError)) throw e;
    const fieldId = e.field ? fieldOfPath(e.field) : null;
    errors.push(fieldId ? { fieldId, message: e.message } : { message: e.message });
  }
  return errors;
}
