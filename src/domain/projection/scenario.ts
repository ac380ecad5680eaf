/**
 * Scenarios of the chain projection as data (JSON). `parseScenario` checks every field and returns one normal form
 * with all defaults filled in; that normal form is itself a valid scenario, so parsing twice changes nothing.
 * Unknown fields are refused rather than ignored: a misspelt `inflowPerweek` must not silently fall back to a default.
 */
import { ProjectionError } from './errors.ts';

/** A number that differs per Monte Carlo run: normal with this mean and standard deviation (sd 0: fixed). */
export interface Uncertain {
  readonly mean: number;
  readonly sd: number;
}

/**
 * Inflow of applicants per week. Week t uses `perWeek[t]`, or the last value once the list runs out. `sd` is the
 * uncertainty of the level (one draw per run, added to every week); `weeklySd` is independent week-to-week noise.
 */
export interface InflowSpec {
  readonly perWeek: readonly number[];
  readonly sd: number;
  readonly weeklySd: number;
}

/** Stocks at the start of the first week, in persons. */
export interface InitialStocks {
  /** In the registration centre (aanmeldcentrum, Ter Apel), all counted as still in the procedure. */
  readonly registrationCentre: number;
  /** In reception (opvang), waiting for a decision. */
  readonly awaitingDecision: number;
  /** Permit holders (statushouders) in reception, waiting for a home. */
  readonly permitHoldersWaiting: number;
  /** Rejected applicants still in reception. */
  readonly rejectedWaiting: number;
}

/** A planned opening (+) or closing (−) of reception places, from week `week` (0 = the start week) on. */
export interface CapacityChange {
  readonly week: number;
  readonly change: number;
  readonly note?: string;
}

export interface Scenario {
  readonly name: string;
  readonly description?: string;
  /** ISO date of the Monday of the first week. */
  readonly startWeek: string;
  /** Number of weeks projected, 1 … 520. */
  readonly weeks: number;
  readonly initial: InitialStocks;
  readonly inflowPerWeek: InflowSpec;
  /** Share of decisions that grant a permit, 0 … 1 (draws are clamped to that range). */
  readonly permitShare: Uncertain;
  /** Mean weeks in the registration centre when reception has room (≥ 1). */
  readonly registrationWeeks: number;
  /** Mean weeks in reception from arrival to decision (≥ 1; draws are clamped to ≥ 1). */
  readonly processingWeeks: Uncertain;
  /** Mean weeks a rejected applicant stays in reception after the decision (≥ 1). */
  readonly rejectedLeaveWeeks: number;
  readonly housing: {
    /** Taakstelling in persons per half-year, per block of 26 weeks from `startWeek`; the last value holds on. */
    readonly perHalfYear: readonly number[];
    /** Actual housing pace relative to the taakstelling (the ledger's realisation), ≥ 0. */
    readonly paceFactor: Uncertain;
    /**
     * Persons that can be housed in each week (week t at index t), e.g. the reserved homes the housing pipeline
     * expects × persons per home (`weeklyHomesForProjection` in src/domain/pipeline). When present it replaces
     * perHalfYear / 26 · paceFactor as the weekly housing cap: the pipeline's homes are already the expected number,
     * so the pace factor must then be the neutral 1 (sd 0). Weeks beyond the list house nobody: the pipeline knows
     * no homes for them. perHalfYear stays as the taakstelling of reference but does not drive the model then.
     */
    readonly homesPerWeek?: readonly number[];
  };
  readonly capacity: {
    /** Reception places (excluding the registration centre) in the start week. */
    readonly base: number;
    readonly changes: readonly CapacityChange[];
  };
  /** Ter Apel's norm: above this many persons the registration centre is over its norm. */
  readonly registrationCentreNorm: number;
}

export const DEFAULT_WEEKS = 104;
export const MAX_WEEKS = 520;
export const DEFAULT_REGISTRATION_CENTRE_NORM = 2000;
/** Weeks per half-year for the housing pace: pace per week = taakstelling / 26. */
export const WEEKS_PER_HALF_YEAR = 26;

type Json = Record<string, unknown>;

const show = (v: unknown): string => {
  if (v === undefined) return 'niets';
  if (typeof v === 'number') return String(v);
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

function object(v: unknown, field: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    if (field === '') throw new ProjectionError('scenario-ongeldig', `Een scenario moet een JSON-object zijn (gegeven: ${show(v)}).`);
    throw new ProjectionError('veld-ongeldig', `Het veld ${field} moet een object zijn (gegeven: ${show(v)}).`, { field });
  }
  return v as Json;
}

function onlyKnown(o: Json, field: string, known: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) {
      const where = join(field, key);
      throw new ProjectionError('veld-onbekend', `Het veld ${where} is onbekend; toegestaan${field === '' ? '' : ` in ${field}`}: ${known.join(', ')}.`, {
        field: where,
      });
    }
  }
}

function required(o: Json, key: string, field: string): unknown {
  const v = o[key];
  if (v === undefined) {
    const where = join(field, key);
    throw new ProjectionError('veld-ontbreekt', `Het veld ${where} ontbreekt.`, { field: where });
  }
  return v;
}

interface Range {
  readonly min: number;
  readonly max?: number;
  readonly integer?: boolean;
}

function rangeText(r: Range): string {
  const kind = r.integer ? 'een geheel getal' : 'een getal';
  return r.max === undefined ? `${kind} van ${r.min} of meer` : `${kind} van ${r.min} tot en met ${r.max}`;
}

function number(v: unknown, field: string, r: Range): number {
  const ok = typeof v === 'number' && Number.isFinite(v) && v >= r.min && (r.max === undefined || v <= r.max) && (!r.integer || Number.isInteger(v));
  if (!ok) throw new ProjectionError('getal-ongeldig', `Het veld ${field} moet ${rangeText(r)} zijn (gegeven: ${show(v)}).`, { field });
  // −0 + 0 is 0: JSON writes −0 as 0, and the normal form must survive a round trip through JSON.
  return v + 0;
}

function optionalNumber(o: Json, key: string, field: string, r: Range, fallback: number): number {
  return o[key] === undefined ? fallback : number(o[key], join(field, key), r);
}

function text(v: unknown, field: string, maxLength: number): string {
  if (typeof v !== 'string' || v.trim() === '' || v.length > maxLength) {
    throw new ProjectionError('veld-ongeldig', `Het veld ${field} moet een tekst van 1 tot ${maxLength} tekens zijn (gegeven: ${show(v)}).`, { field });
  }
  return v;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real ISO date, or null ('2022-02-30' is not one). */
function epochDay(v: unknown): number | null {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls an impossible day over into the next month; comparing back catches that.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.getTime() / DAY_MS;
}

function date(v: unknown, field: string): number {
  const day = epochDay(v);
  if (day === null) throw new ProjectionError('datum-ongeldig', `Het veld ${field} moet een datum zijn zoals 2022-07-04 (gegeven: ${show(v)}).`, { field });
  return day;
}

/** ISO date of `startWeek` plus `weeks` weeks. `weekStart('2022-07-04', 1)` → '2022-07-11' */
export function weekStart(startWeek: string, weeks: number): string {
  const day = epochDay(startWeek);
  if (day === null) throw new ProjectionError('datum-ongeldig', `'${startWeek}' is geen datum zoals 2022-07-04.`, { field: 'startWeek' });
  return new Date((day + 7 * weeks) * DAY_MS).toISOString().slice(0, 10);
}

function uncertain(v: unknown, field: string, r: Range): Uncertain {
  if (typeof v === 'number') return { mean: number(v, field, r), sd: 0 };
  const o = object(v, field);
  onlyKnown(o, field, ['mean', 'sd']);
  return { mean: number(required(o, 'mean', field), join(field, 'mean'), r), sd: optionalNumber(o, 'sd', field, { min: 0 }, 0) };
}

const MAX_PERSONS = 10_000_000;
const persons: Range = { min: 0, max: MAX_PERSONS };

function inflow(v: unknown, weeks: number): InflowSpec {
  const field = 'inflowPerWeek';
  if (typeof v === 'number') return { perWeek: [number(v, field, persons)], sd: 0, weeklySd: 0 };
  const o = object(v, field);
  onlyKnown(o, field, ['mean', 'perWeek', 'sd', 'weeklySd']);
  if ((o.mean === undefined) === (o.perWeek === undefined)) {
    throw new ProjectionError('veld-ongeldig', `Geef in ${field} precies één van mean (gelijk elke week) of perWeek (een lijst per week).`, { field });
  }
  let perWeek: number[];
  if (o.mean !== undefined) perWeek = [number(o.mean, join(field, 'mean'), persons)];
  else {
    const list = o.perWeek;
    const f = join(field, 'perWeek');
    if (!Array.isArray(list) || list.length === 0 || list.length > weeks) {
      throw new ProjectionError('veld-ongeldig', `Het veld ${f} moet een lijst van 1 tot en met ${weeks} getallen zijn (één per week).`, { field: f });
    }
    perWeek = list.map((x: unknown, i) => number(x, `${f}[${i}]`, persons));
  }
  return { perWeek, sd: optionalNumber(o, 'sd', field, { min: 0 }, 0), weeklySd: optionalNumber(o, 'weeklySd', field, { min: 0 }, 0) };
}

function housing(v: unknown, weeks: number): Scenario['housing'] {
  const field = 'housing';
  const o = object(v, field);
  onlyKnown(o, field, ['perHalfYear', 'paceFactor', 'homesPerWeek']);
  const raw = required(o, 'perHalfYear', field);
  const f = join(field, 'perHalfYear');
  const halfYears = Math.ceil(weeks / WEEKS_PER_HALF_YEAR);
  let perHalfYear: number[];
  if (typeof raw === 'number') perHalfYear = [number(raw, f, persons)];
  else if (Array.isArray(raw) && raw.length > 0 && raw.length <= halfYears) perHalfYear = raw.map((x: unknown, i) => number(x, `${f}[${i}]`, persons));
  else {
    throw new ProjectionError('veld-ongeldig', `Het veld ${f} moet een getal of een lijst van 1 tot en met ${halfYears} getallen zijn (één per halfjaar).`, { field: f });
  }
  const paceFactor = o.paceFactor === undefined ? { mean: 1, sd: 0 } : uncertain(o.paceFactor, join(field, 'paceFactor'), { min: 0, max: 10 });
  if (o.homesPerWeek === undefined) return { perHalfYear, paceFactor };
  const h = join(field, 'homesPerWeek');
  const list = o.homesPerWeek;
  if (!Array.isArray(list) || list.length === 0 || list.length > weeks) {
    throw new ProjectionError('veld-ongeldig', `Het veld ${h} moet een lijst van 1 tot en met ${weeks} getallen zijn (personen per week).`, { field: h });
  }
  const homesPerWeek = list.map((x: unknown, i) => number(x, `${h}[${i}]`, persons));
  if (paceFactor.mean !== 1 || paceFactor.sd !== 0) {
    const p = join(field, 'paceFactor');
    throw new ProjectionError(
      'veld-ongeldig',
      `Het veld ${p} kan niet samen met ${h}: de woningen per week zijn al het verwachte aantal. Laat ${p} weg (of 1) of laat ${h} weg.`,
      { field: p },
    );
  }
  return { perHalfYear, paceFactor, homesPerWeek };
}

function capacity(v: unknown, startDay: number, weeks: number): Scenario['capacity'] {
  const field = 'capacity';
  const o = object(v, field);
  onlyKnown(o, field, ['base', 'changes']);
  const base = number(required(o, 'base', field), join(field, 'base'), persons);
  const rawChanges = o.changes === undefined ? [] : o.changes;
  if (!Array.isArray(rawChanges)) {
    throw new ProjectionError('veld-ongeldig', `Het veld ${field}.changes moet een lijst zijn van { week of date, change }.`, { field: `${field}.changes` });
  }
  const changes = rawChanges.map((raw: unknown, i): CapacityChange => {
    const f = `${field}.changes[${i}]`;
    const c = object(raw, f);
    onlyKnown(c, f, ['week', 'date', 'change', 'note']);
    if ((c.week === undefined) === (c.date === undefined)) {
      throw new ProjectionError('veld-ongeldig', `Geef in ${f} precies één van week (0 = de startweek) of date (een datum in de projectie).`, { field: f });
    }
    let week: number;
    if (c.week !== undefined) week = number(c.week, `${f}.week`, { min: 0, max: weeks - 1, integer: true });
    else {
      const day = date(c.date, `${f}.date`);
      // A date counts from the Monday of its week: a place opening on Wednesday is there for most of that week.
      week = Math.floor((day - startDay) / 7);
      if (week < 0 || week >= weeks) {
        throw new ProjectionError('datum-ongeldig', `De datum in ${f}.date (${show(c.date)}) valt buiten de ${weeks} weken van de projectie.`, { field: `${f}.date` });
      }
    }
    const change = number(required(c, 'change', f), `${f}.change`, { min: -MAX_PERSONS, max: MAX_PERSONS });
    const note = c.note === undefined ? undefined : text(c.note, `${f}.note`, 500);
    return note === undefined ? { week, change } : { week, change, note };
  });
  // Closings may never take capacity below zero, at any week; checking in week order names the first culprit.
  const order = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.week - b.c.week || a.i - b.i);
  let total = base;
  for (const { c, i } of order) {
    total += c.change;
    if (total < 0) {
      throw new ProjectionError('capaciteit-negatief', `Na capacity.changes[${i}] (week ${c.week}) zou de capaciteit negatief worden (${total}).`, {
        field: `${field}.changes[${i}].change`,
      });
    }
  }
  return { base, changes };
}

const SCENARIO_FIELDS = [
  'name',
  'description',
  'startWeek',
  'weeks',
  'initial',
  'inflowPerWeek',
  'permitShare',
  'registrationWeeks',
  'processingWeeks',
  'rejectedLeaveWeeks',
  'housing',
  'capacity',
  'registrationCentreNorm',
] as const;

/**
 * Checks a scenario from JSON and returns its normal form (defaults: 104 weeks, norm 2,000, no noise, pace factor
 * 1, no capacity changes, no rejected applicants in reception at the start). Throws `ProjectionError` naming the
 * field. `parseScenario({ ...demo, permitShare: 1.4 })` → error 'getal-ongeldig', field 'permitShare'.
 */
export function parseScenario(json: unknown): Scenario {
  const o = object(json, '');
  onlyKnown(o, '', SCENARIO_FIELDS);
  const name = text(required(o, 'name', ''), 'name', 200);
  const description = o.description === undefined ? undefined : text(o.description, 'description', 5000);
  const startWeek = required(o, 'startWeek', '');
  const startDay = date(startWeek, 'startWeek');
  // 1970-01-01 was a Thursday, so Mondays are the days ≡ 4 (mod 7).
  if ((((startDay - 4) % 7) + 7) % 7 !== 0) {
    throw new ProjectionError('datum-ongeldig', `Het veld startWeek moet een maandag zijn (gegeven: ${show(startWeek)}).`, { field: 'startWeek' });
  }
  const weeks = optionalNumber(o, 'weeks', '', { min: 1, max: MAX_WEEKS, integer: true }, DEFAULT_WEEKS);

  const init = object(required(o, 'initial', ''), 'initial');
  onlyKnown(init, 'initial', ['registrationCentre', 'awaitingDecision', 'permitHoldersWaiting', 'rejectedWaiting']);
  const initial: InitialStocks = {
    registrationCentre: number(required(init, 'registrationCentre', 'initial'), 'initial.registrationCentre', persons),
    awaitingDecision: number(required(init, 'awaitingDecision', 'initial'), 'initial.awaitingDecision', persons),
    permitHoldersWaiting: number(required(init, 'permitHoldersWaiting', 'initial'), 'initial.permitHoldersWaiting', persons),
    rejectedWaiting: optionalNumber(init, 'rejectedWaiting', 'initial', persons, 0),
  };
  const weeksRange: Range = { min: 1, max: MAX_WEEKS };
  const scenario: Scenario = {
    name,
    ...(description === undefined ? {} : { description }),
    startWeek: startWeek as string,
    weeks,
    initial,
    inflowPerWeek: inflow(required(o, 'inflowPerWeek', ''), weeks),
    permitShare: uncertain(required(o, 'permitShare', ''), 'permitShare', { min: 0, max: 1 }),
    registrationWeeks: number(required(o, 'registrationWeeks', ''), 'registrationWeeks', weeksRange),
    processingWeeks: uncertain(required(o, 'processingWeeks', ''), 'processingWeeks', weeksRange),
    rejectedLeaveWeeks: number(required(o, 'rejectedLeaveWeeks', ''), 'rejectedLeaveWeeks', weeksRange),
    housing: housing(required(o, 'housing', ''), weeks),
    capacity: capacity(required(o, 'capacity', ''), startDay, weeks),
    registrationCentreNorm: optionalNumber(o, 'registrationCentreNorm', '', persons, DEFAULT_REGISTRATION_CENTRE_NORM),
  };
  return scenario;
}
