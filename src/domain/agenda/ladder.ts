/**
 * The escalation ladder of the action agenda (not the supervision ladder of `src/domain/ledger`): what happens, and
 * when, after an action holder misses a deadline or a province misses a report deadline.
 *
 * The ladder is data the secretariat edits: numbered levels, each `afterDays` after the deadline plus `graceDays`
 * of grace. A level's step is due on deadline + afterDays + graceDays and fires once, on the first scheduled run on
 * or after that day. The rules:
 * - Fired steps are remembered per (deadline, level). A new deadline is a new anchor: steps fired for an earlier
 *   deadline do not count for it, so extending a deadline starts the ladder again. Returning to a deadline that
 *   already had steps does not fire those again (they are fired for that date).
 * - A closed subject (an action `gereed` or `vervallen`, a submitted report) gets no steps: it leaves the ladder.
 * - After an outage every missed step comes in the first run, in level order: each step fires exactly once, late
 *   rather than never.
 * - Every step falls after the deadline (afterDays + graceDays ≥ 1): the holder has the whole deadline day, and a
 *   reminder on that day would be about a deadline not yet missed.
 * - Levels come in order: afterDays strictly increasing, and the due days (with grace) never decreasing, so no
 *   level fires before the one below it.
 */
import { addDays, checkDate } from './dates.ts';
import { AgendaError } from './errors.ts';

export const ESCALATION_KINDS = ['herinnering-houder', 'prt-voorzitter', 'lrt-agenda', 'staatssecretaris', 'melding'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** What each kind of step does, in Dutch, for the secretariat's ladder editor. */
export const ESCALATION_KIND_LABELS: Readonly<Record<EscalationKind, string>> = Object.freeze({
  'herinnering-houder': 'Herinnering aan de actiehouder',
  'prt-voorzitter': 'Bericht aan de voorzitter van de PRT van de actiehouder',
  'lrt-agenda': 'Voorstel voor de agenda van het volgende LRT-overleg',
  staatssecretaris: 'Bericht aan de staatssecretaris',
  melding: 'Melding aan het secretariaat',
});

export interface EscalationLevel {
  /** 1, 2, … in order of escalation. */
  readonly level: number;
  readonly name: string;
  /** Days after the deadline the level is reached (≥ 0). */
  readonly afterDays: number;
  /** Extra days before its step fires (≥ 0): the step is due on deadline + afterDays + graceDays. */
  readonly graceDays: number;
  readonly kind: EscalationKind;
}

/** Bounds of an editable ladder; the API schema uses the same numbers. */
export const LADDER_LIMITS = Object.freeze({ maxLevels: 20, maxAfterDays: 3650, maxGraceDays: 365, maxName: 200 });

/**
 * The ladder of the issue: deadline passed → reminder to the holder; +14 days → the holder's PRT chair; +28 days →
 * the agenda of the next LRT meeting; +56 days → the state secretary. The reminder has one day of grace so it goes
 * out on the first day the deadline has passed (the holder has the whole deadline day); the later steps count from
 * the deadline, so for a deadline of 1 August 2022: reminder 2 August, PRT chair 15 August, LRT 29 August, state
 * secretary 26 September.
 */
export const DEFAULT_LADDER: readonly EscalationLevel[] = Object.freeze([
  Object.freeze({ level: 1, name: 'Herinnering actiehouder', afterDays: 0, graceDays: 1, kind: 'herinnering-houder' as const }),
  Object.freeze({ level: 2, name: 'PRT-voorzitter', afterDays: 14, graceDays: 0, kind: 'prt-voorzitter' as const }),
  Object.freeze({ level: 3, name: 'LRT-agenda', afterDays: 28, graceDays: 0, kind: 'lrt-agenda' as const }),
  Object.freeze({ level: 4, name: 'Staatssecretaris', afterDays: 56, graceDays: 0, kind: 'staatssecretaris' as const }),
]);

/** `isEscalationKind('lrt-agenda')` → true */
export function isEscalationKind(value: unknown): value is EscalationKind {
  return typeof value === 'string' && (ESCALATION_KINDS as readonly string[]).includes(value);
}

function wholeNumber(value: unknown, field: string, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new AgendaError('ladder-ongeldig', `${field}: ${what} moet een geheel getal van ${min} tot en met ${max} zijn (niet ${String(value)}).`, { field });
  }
  return value;
}

/**
 * Checks a ladder as the secretariat submits it (in any order) and returns it in level order, names trimmed.
 * The first rule broken is reported, naming the field by its index in the input.
 * `checkLadder(DEFAULT_LADDER)` → the same four levels
 * `checkLadder([{ level: 1, name: 'Herinnering', afterDays: 0, graceDays: 0, kind: 'herinnering-houder' }])` throws
 *   (field `levels[0].graceDays`: a step on the deadline day itself)
 */
export function checkLadder(levels: readonly EscalationLevel[]): EscalationLevel[] {
  if (!Array.isArray(levels) || levels.length === 0 || levels.length > LADDER_LIMITS.maxLevels) {
    throw new AgendaError('ladder-ongeldig', `levels: een escalatieladder heeft 1 tot en met ${LADDER_LIMITS.maxLevels} niveaus.`, { field: 'levels' });
  }
  const checked = levels.map((l, i) => {
    const at = `levels[${i}]`;
    if (typeof l !== 'object' || l === null) throw new AgendaError('ladder-ongeldig', `${at}: een niveau ontbreekt.`, { field: at });
    const level = wholeNumber(l.level, `${at}.level`, 'het niveau', 1, LADDER_LIMITS.maxLevels);
    const name = typeof l.name === 'string' ? l.name.trim() : '';
    if (name === '' || name.length > LADDER_LIMITS.maxName) {
      throw new AgendaError('ladder-ongeldig', `${at}.name: geef niveau ${level} een naam van 1 tot en met ${LADDER_LIMITS.maxName} tekens.`, { field: `${at}.name` });
    }
    const afterDays = wholeNumber(l.afterDays, `${at}.afterDays`, 'het aantal dagen na de termijn', 0, LADDER_LIMITS.maxAfterDays);
    const graceDays = wholeNumber(l.graceDays, `${at}.graceDays`, 'de respijttermijn in dagen', 0, LADDER_LIMITS.maxGraceDays);
    if (!isEscalationKind(l.kind)) {
      throw new AgendaError('ladder-ongeldig', `${at}.kind: '${String(l.kind)}' is geen soort stap; kies uit ${ESCALATION_KINDS.join(', ')}.`, { field: `${at}.kind` });
    }
    if (afterDays + graceDays < 1) {
      throw new AgendaError(
        'ladder-ongeldig',
        `${at}.graceDays: niveau ${level} zou op de dag van de termijn zelf vallen; een stap valt op zijn vroegst de dag erna (dagen na de termijn plus respijt minstens 1).`,
        { field: `${at}.graceDays` },
      );
    }
    return { index: i, value: { level, name, afterDays, graceDays, kind: l.kind } };
  });
  const sorted = [...checked].sort((a, b) => a.value.level - b.value.level || a.index - b.index);
  sorted.forEach((c, p) => {
    const at = `levels[${c.index}]`;
    if (c.value.level !== p + 1) {
      const message =
        p > 0 && sorted[p - 1]?.value.level === c.value.level
          ? `${at}.level: niveau ${c.value.level} komt meer dan eens voor.`
          : `${at}.level: de niveaus moeten 1 tot en met ${levels.length} doorlopen; niveau ${p + 1} ontbreekt.`;
      throw new AgendaError('ladder-ongeldig', message, { field: `${at}.level` });
    }
    const prev = sorted[p - 1]?.value;
    if (prev) {
      const l = c.value;
      if (l.afterDays <= prev.afterDays) {
        throw new AgendaError(
          'ladder-ongeldig',
          `${at}.afterDays: niveau ${l.level} moet later komen dan niveau ${prev.level} (${prev.afterDays} dagen na de termijn), niet na ${l.afterDays} dagen.`,
          { field: `${at}.afterDays` },
        );
      }
      if (l.afterDays + l.graceDays < prev.afterDays + prev.graceDays) {
        throw new AgendaError(
          'ladder-ongeldig',
          `${at}.graceDays: met respijt valt niveau ${l.level} ${l.afterDays + l.graceDays} dagen na de termijn, eerder dan niveau ${prev.level} (${prev.afterDays + prev.graceDays} dagen).`,
          { field: `${at}.graceDays` },
        );
      }
    }
  });
  return sorted.map((c) => c.value);
}

/** A step that fired: for which deadline and which level. */
export interface FiredStep {
  readonly level: number;
  readonly deadline: string;
}

/** A step of the ladder for one deadline, with the day it is due. */
export interface EscalationStep {
  readonly level: number;
  readonly kind: EscalationKind;
  readonly name: string;
  readonly dueOn: string;
  /** The deadline the step belongs to: with the level, the key that makes it fire once. */
  readonly deadline: string;
}

export interface LadderInput {
  readonly deadline: string;
  /** An action `gereed` or `vervallen`, or a submitted report. */
  readonly closed: boolean;
  readonly ladder: readonly EscalationLevel[];
  /** Steps fired so far for this subject, for any deadline it had. */
  readonly fired: readonly FiredStep[];
  readonly today: string;
}

/**
 * Every step of a ladder for a deadline, in level order, fired or not (for a timeline in the UI).
 * `escalationSchedule('2022-08-01', DEFAULT_LADDER).map((s) => s.dueOn)` → ['2022-08-02', '2022-08-15', '2022-08-29', '2022-09-26']
 */
export function escalationSchedule(deadline: string, ladder: readonly EscalationLevel[]): EscalationStep[] {
  checkDate(deadline, 'deadline');
  return checkLadder(ladder).map((l) => ({ level: l.level, kind: l.kind, name: l.name, dueOn: addDays(deadline, l.afterDays + l.graceDays), deadline }));
}

function unfired(input: LadderInput): EscalationStep[] {
  checkDate(input.today, 'today');
  const schedule = escalationSchedule(input.deadline, input.ladder);
  if (input.closed) return [];
  const done = new Set<number>();
  input.fired.forEach((f, i) => {
    // A date that is not an ISO string (a Date object from a driver) would never match and fire a step again.
    checkDate(f.deadline, `fired[${i}].deadline`);
    if (f.deadline === input.deadline) done.add(f.level);
  });
  return schedule.filter((s) => !done.has(s.level));
}

/**
 * The steps to fire now: due (dueOn ≤ today), not fired for THIS deadline, in level order; none for a closed
 * subject. Record them as fired and the next call returns [].
 * `dueSteps({ deadline: '2022-08-01', closed: false, ladder: DEFAULT_LADDER, fired: [], today: '2022-08-15' })`
 * → [{ level: 1, kind: 'herinnering-houder', dueOn: '2022-08-02', … }, { level: 2, kind: 'prt-voorzitter', dueOn: '2022-08-15', … }]
 */
export function dueSteps(input: LadderInput): EscalationStep[] {
  return unfired(input).filter((s) => s.dueOn <= input.today);
}

/**
 * The next step of the ladder for the UI ("volgende stap: PRT-voorzitter op 15 augustus 2022"): the lowest level
 * not fired for this deadline. Its day may be today or past when the scheduled run has not yet come by. Null for
 * a closed subject or when every step has fired.
 * `nextStep({ deadline: '2022-08-01', closed: false, ladder: DEFAULT_LADDER, fired: [{ level: 1, deadline: '2022-08-01' }], today: '2022-08-03' })`
 * → { level: 2, kind: 'prt-voorzitter', name: 'PRT-voorzitter', dueOn: '2022-08-15', deadline: '2022-08-01' }
 */
export function nextStep(input: LadderInput): EscalationStep | null {
  return unfired(input)[0] ?? null;
}
