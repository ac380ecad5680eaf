/**
 * Actions of the action agenda (programme → numbered measure → action): the input rules, the status workflow,
 * "overdue", the supervisor's "newly overdue" view, deadline changes and list filters.
 *
 * Status rules (`STATUS_TRANSITIONS`):
 * - `open`, `loopt` and `vertraagd` are the active statuses. They describe the work as the holder sees it, so the
 *   holder may move freely between them, also back (a mistaken `loopt` is corrected to `open`).
 * - `gereed` (done) and `vervallen` (dropped) close the action; it leaves the escalation ladder. Any active status
 *   may close it. Dropping it needs a reason, since nobody will finish it and the table must know why.
 * - A closed action is final: it only goes back to an active status when it is reopened EXPLICITLY (`reopen: true`)
 *   with a reason, so a slip in a status menu cannot revive it. `gereed` ↔ `vervallen` directly is refused: a done
 *   action was not dropped and a dropped one was not done; reopen first. Reopening keeps the deadline, and steps that
 *   already fired for it stay fired; to give the holder a fresh ladder, extend the deadline (with a reason).
 * - The same status again is no change (a progress update without a new status) and always allowed.
 *
 * `vertraagd` is what the holder says; "overdue" is what the calendar says (deadline passed, not closed). They are
 * independent: an action can be `loopt` and overdue, or `vertraagd` before its deadline.
 */
import { addDays, checkDate, daysBetween } from './dates.ts';
import { AgendaError } from './errors.ts';

export const ACTION_STATUSES = ['open', 'loopt', 'gereed', 'vertraagd', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Dutch labels for lists and forms. `ACTION_STATUS_LABELS.vertraagd` → 'Vertraagd' */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = Object.freeze({
  open: 'Open',
  loopt: 'Loopt',
  gereed: 'Gereed',
  vertraagd: 'Vertraagd',
  vervallen: 'Vervallen',
});

/** The statuses that close an action: it is no longer overdue and leaves the escalation ladder. */
export const CLOSED_STATUSES: readonly ActionStatus[] = Object.freeze(['gereed', 'vervallen'] as const);

/**
 * Allowed changes without reopening (see the module comment). A closed status has none: only `reopen` leaves it,
 * to one of `REOPEN_TO`.
 */
export const STATUS_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = Object.freeze({
  open: Object.freeze(['loopt', 'vertraagd', 'gereed', 'vervallen'] as const),
  loopt: Object.freeze(['open', 'vertraagd', 'gereed', 'vervallen'] as const),
  vertraagd: Object.freeze(['open', 'loopt', 'gereed', 'vervallen'] as const),
  gereed: Object.freeze([] as const),
  vervallen: Object.freeze([] as const),
});

/** Where a reopened action may go: the active statuses. */
export const REOPEN_TO: readonly ActionStatus[] = Object.freeze(['open', 'loopt', 'vertraagd'] as const);

/** `isActionStatus('loopt')` → true; `isActionStatus('klaar')` → false */
export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Checks a status and returns it. `checkActionStatus('gereed')` → 'gereed'; 'klaar' throws. */
export function checkActionStatus(value: string, field = 'status'): ActionStatus {
  if (isActionStatus(value)) return value;
  throw new AgendaError('status-onbekend', `${field}: '${String(value)}' is geen status van een actie; kies uit ${ACTION_STATUSES.join(', ')}.`, { field });
}

/** `isClosed('gereed')` → true; `isClosed('vertraagd')` → false */
export function isClosed(status: ActionStatus): boolean {
  return (CLOSED_STATUSES as readonly string[]).includes(checkActionStatus(status));
}

/** What a user enters for a new action. The measure is its number within the programme. */
export interface ActionInput {
  readonly description: string;
  readonly holderOrganisation: string;
  readonly holderPerson?: string | null | undefined;
  readonly deadline: string;
  readonly measure?: number | null | undefined;
  /** CBS code of the holder's province (PV20 … PV31); absent for a national action. */
  readonly province?: string | null | undefined;
  /** Default `open`. */
  readonly status?: ActionStatus | undefined;
}

/** The input, trimmed, with absent optional parts as null. */
export interface CheckedAction {
  readonly description: string;
  readonly holderOrganisation: string;
  readonly holderPerson: string | null;
  readonly deadline: string;
  readonly measure: number | null;
  readonly province: string | null;
  readonly status: ActionStatus;
}

/** Upper bounds on free text: generous for a description, a line for a name. */
export const TEXT_LIMITS = Object.freeze({ description: 4000, holder: 200 });

const PROVINCE_CODE = /^PV(2\d|3[01])$/;

function requiredText(value: unknown, field: string, what: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new AgendaError('tekst-ontbreekt', `${field}: vul ${what} in.`, { field });
  if (text.length > max) throw new AgendaError('tekst-te-lang', `${field}: ${what} is te lang (${text.length} tekens, hooguit ${max}).`, { field });
  return text;
}

/**
 * Checks a new action. A deadline in the past is accepted: actions from earlier meetings are entered afterwards,
 * and the ladder then simply starts at once.
 * `checkActionInput({ description: ' Locaties inventariseren ', holderOrganisation: 'COA', deadline: '2022-08-01' })`
 * → { description: 'Locaties inventariseren', holderOrganisation: 'COA', holderPerson: null, deadline: '2022-08-01',
 *     measure: null, province: null, status: 'open' }
 */
export function checkActionInput(input: ActionInput): CheckedAction {
  const description = requiredText(input.description, 'description', 'een omschrijving van de actie', TEXT_LIMITS.description);
  const holderOrganisation = requiredText(input.holderOrganisation, 'holderOrganisation', 'de organisatie van de actiehouder', TEXT_LIMITS.holder);
  const person = input.holderPerson;
  const holderPerson = person === null || person === undefined || person.trim() === '' ? null : requiredText(person, 'holderPerson', 'de naam van de actiehouder', TEXT_LIMITS.holder);
  const deadline = checkDate(input.deadline, 'deadline');
  const measure = input.measure ?? null;
  if (measure !== null && (!Number.isSafeInteger(measure) || measure < 1)) {
    throw new AgendaError('maatregel-ongeldig', `measure: een maatregelnummer is een geheel getal van 1 of meer (niet ${String(measure)}).`, { field: 'measure' });
  }
  const province = input.province === null || input.province === undefined || input.province === '' ? null : input.province;
  if (province !== null && !PROVINCE_CODE.test(province)) {
    throw new AgendaError('provincie-ongeldig', `province: '${String(province)}' is geen provinciecode (PV20 t/m PV31).`, { field: 'province' });
  }
  const status = input.status === undefined ? 'open' : checkActionStatus(input.status);
  return { description, holderOrganisation, holderPerson, deadline, measure, province, status };
}

export interface StatusChange {
  readonly from: ActionStatus;
  readonly to: ActionStatus;
  /** False for the same status again. */
  readonly changed: boolean;
  /** True when a closed action went back to an active status. */
  readonly reopened: boolean;
}

/**
 * Checks a status change (rules in the module comment). `reason` is required to drop an action (`vervallen`) and
 * to reopen one; the `reopen` flag is ignored for an action that is not closed.
 * `checkStatusChange('loopt', 'gereed')` → { from: 'loopt', to: 'gereed', changed: true, reopened: false }
 * `checkStatusChange('gereed', 'loopt')` throws 'statusovergang-ongeldig'
 * `checkStatusChange('gereed', 'loopt', { reopen: true, reason: 'Nieuwe vraag van de PRT' })` → reopened: true
 */
export function checkStatusChange(from: ActionStatus, to: ActionStatus, options: { readonly reopen?: boolean; readonly reason?: string | null } = {}): StatusChange {
  checkActionStatus(from, 'from');
  checkActionStatus(to, 'status');
  const hasReason = typeof options.reason === 'string' && options.reason.trim() !== '';
  if (from === to) return { from, to, changed: false, reopened: false };
  const fromLabel = ACTION_STATUS_LABELS[from].toLowerCase();
  if (isClosed(from)) {
    if (isClosed(to)) {
      throw new AgendaError('statusovergang-ongeldig', `status: een actie die ${fromLabel} is, kan niet rechtstreeks naar de status '${to}'; heropen haar eerst.`, { field: 'status' });
    }
    if (options.reopen !== true) {
      throw new AgendaError(
        'statusovergang-ongeldig',
        `status: de actie is ${fromLabel} en daarmee afgesloten; zij gaat alleen terug naar de status '${to}' als u haar uitdrukkelijk heropent, met een reden.`,
        { field: 'status' },
      );
    }
    if (!hasReason) throw new AgendaError('reden-ontbreekt', 'reason: geef een reden op voor het heropenen van de actie.', { field: 'reason' });
    return { from, to, changed: true, reopened: true };
  }
  // The table is the rule; today every active status reaches every other one, but a stricter table needs no code.
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    throw new AgendaError('statusovergang-ongeldig', `status: van '${from}' naar '${to}' is niet toegestaan.`, { field: 'status' });
  }
  if (to === 'vervallen' && !hasReason) {
    throw new AgendaError('reden-ontbreekt', 'reason: geef een reden op waarom de actie vervalt.', { field: 'reason' });
  }
  return { from, to, changed: true, reopened: false };
}

/** The parts of an action the overdue rules look at. */
export interface DatedAction {
  readonly deadline: string;
  readonly status: ActionStatus;
}

/**
 * Overdue: the deadline has passed (the holder has the whole deadline day) and the action is not closed.
 * `isOverdue({ deadline: '2022-08-01', status: 'loopt' }, '2022-08-02')` → true; on '2022-08-01' → false
 */
export function isOverdue(action: DatedAction, today: string): boolean {
  checkDate(today, 'today');
  return checkDate(action.deadline, 'deadline') < today && !isClosed(action.status);
}

/** Whole days past the deadline: 0 when not overdue. `daysOverdue({ deadline: '2022-08-01', status: 'open' }, '2022-08-15')` → 14 */
export function daysOverdue(action: DatedAction, today: string): number {
  if (!isOverdue(action, today)) return 0;
  return daysBetween(action.deadline, today);
}

/**
 * The supervisor's view: actions overdue today whose deadline lies in [today − sinceDays, today), i.e. that became
 * overdue (on the day after their deadline) in the last `sinceDays` days, today included. Run every N days with
 * sinceDays = N, every deadline shows up in exactly one run. Keeps the input order.
 * `newlyOverdue([{ deadline: '2022-08-01', status: 'open' }], '2022-08-05')` → that action (deadline 4 days ago)
 */
export function newlyOverdue<T extends DatedAction>(actions: readonly T[], today: string, sinceDays = 7): T[] {
  checkDate(today, 'today');
  if (!Number.isSafeInteger(sinceDays) || sinceDays < 1 || sinceDays > 3660) {
    throw new AgendaError('getal-ongeldig', `sinceDays: het aantal dagen moet een geheel getal van 1 tot en met 3660 zijn (niet ${String(sinceDays)}).`, { field: 'sinceDays' });
  }
  const from = addDays(today, -sinceDays);
  return actions.filter((a) => isOverdue(a, today) && a.deadline >= from);
}

export type DeadlineChangeKind = 'verlengd' | 'vervroegd' | 'ongewijzigd';

export interface DeadlineChange {
  readonly kind: DeadlineChangeKind;
  readonly from: string;
  readonly to: string;
  /** The trimmed reason; null when nothing changed. */
  readonly reason: string | null;
  /**
   * True when the escalation ladder starts again: any new deadline is a new anchor, and steps fired for the old
   * one do not count for it (`dueSteps` keys fired steps on the deadline).
   */
  readonly resetsLadder: boolean;
}

/**
 * Checks a change of deadline. Every change needs a reason, the extension the issue asks for and equally a move
 * to an earlier date (the table tightened it): both change what the holder is held to, and the history must say
 * why. Either way the ladder starts again from the new date. With `today`, a new deadline before today is refused:
 * a deadline that has already passed cannot be met and would fire the ladder at once. The same date is no change.
 * `checkDeadlineChange('2022-09-01', '2022-10-01', 'Afstemming met VNG')` → { kind: 'verlengd', resetsLadder: true, … }
 * `checkDeadlineChange('2022-09-01', '2022-10-01', ' ')` throws 'reden-ontbreekt'
 */
export function checkDeadlineChange(oldDeadline: string, newDeadline: string, reason: string | null | undefined, options: { readonly today?: string } = {}): DeadlineChange {
  const from = checkDate(oldDeadline, 'oldDeadline');
  const to = checkDate(newDeadline, 'deadline');
  if (from === to) return { kind: 'ongewijzigd', from, to, reason: null, resetsLadder: false };
  const kind: DeadlineChangeKind = to > from ? 'verlengd' : 'vervroegd';
  const why = typeof reason === 'string' ? reason.trim() : '';
  if (why === '') {
    throw new AgendaError('reden-ontbreekt', `reason: geef een reden op voor het ${kind === 'verlengd' ? 'verlengen' : 'vervroegen'} van de termijn.`, { field: 'reason' });
  }
  if (options.today !== undefined && to < checkDate(options.today, 'today')) {
    throw new AgendaError('termijn-ongeldig', `deadline: de nieuwe termijn ${to} ligt voor vandaag (${options.today}); kies vandaag of later.`, { field: 'deadline' });
  }
  return { kind, from, to, reason: why, resetsLadder: true };
}

/** A progress update as entered: the day it is about and the text. */
export interface ProgressUpdateInput {
  readonly date: string;
  readonly text: string;
}

/**
 * Checks a progress update: a text, and a date that is not in the future (an update reports what happened).
 * `checkProgressUpdate({ date: '2022-08-10', text: ' Twee locaties gevonden ' }, '2022-08-12')`
 * → { date: '2022-08-10', text: 'Twee locaties gevonden' }
 */
export function checkProgressUpdate(input: ProgressUpdateInput, today: string): { date: string; text: string } {
  const date = checkDate(input.date, 'date');
  if (date > checkDate(today, 'today')) {
    throw new AgendaError('voortgang-ongeldig', `date: een voortgangsbericht kan niet over een dag na vandaag (${today}) gaan.`, { field: 'date' });
  }
  return { date, text: requiredText(input.text, 'text', 'de voortgang', TEXT_LIMITS.description) };
}

/** What a list filter looks at. */
export interface FilterableAction extends DatedAction {
  readonly programme: string;
  readonly measure?: number | null;
  readonly holderOrganisation: string;
  readonly holderPerson?: string | null;
  readonly province?: string | null;
}

export interface ActionFilter {
  /** Programme code, exact. */
  readonly programme?: string | undefined;
  /** Measure number, exact. */
  readonly measure?: number | undefined;
  /** Part of the holder's organisation or person, case-insensitive (as typed in a search box). */
  readonly holder?: string | undefined;
  /** Province code, exact. */
  readonly province?: string | undefined;
  /** One status or any of several. */
  readonly status?: ActionStatus | readonly ActionStatus[] | undefined;
  /** true: only overdue actions; false: only those not overdue. */
  readonly overdue?: boolean | undefined;
  readonly today: string;
}

/**
 * Filters a list, keeping its order; an absent or empty criterion does not filter.
 * `filterActions(list, { province: 'PV27', overdue: true, today: '2022-08-15' })` → the overdue actions of Noord-Holland
 */
export function filterActions<T extends FilterableAction>(list: readonly T[], filter: ActionFilter): T[] {
  const today = checkDate(filter.today, 'today');
  const holder = filter.holder?.trim().toLocaleLowerCase('nl') ?? '';
  const statuses = filter.status === undefined ? null : typeof filter.status === 'string' ? [filter.status] : filter.status;
  if (statuses) for (const s of statuses) checkActionStatus(s);
  const programme = filter.programme?.trim() ?? '';
  const province = filter.province?.trim() ?? '';
  return list.filter((a) => {
    if (programme !== '' && a.programme !== programme) return false;
    if (filter.measure !== undefined && a.measure !== filter.measure) return false;
    if (province !== '' && a.province !== province) return false;
    if (statuses && statuses.length > 0 && !statuses.includes(a.status)) return false;
    if (holder !== '' && ![a.holderOrganisation, a.holderPerson ?? ''].some((h) => h.toLocaleLowerCase('nl').includes(holder))) return false;
    if (filter.overdue !== undefined && isOverdue(a, today) !== filter.overdue) return false;
    return true;
  });
}
