/**
 * The intervention ladder of interbestuurlijk toezicht on the taakstelling. The province decides; this module only
 * SUGGESTS a step (with a Dutch reason) and VALIDATES a step a province user proposes.
 *
 * Suggestion rules, checked in this order:
 * 1. A closed ledger (the municipality was reorganised away) gets nothing: supervision continues at the successor.
 * 2. While `asOf` falls in an excused period nothing is suggested: the step is frozen.
 * 3. The latest half-year that has ended decides. If it ended inside an excused period it does not count.
 * 4. Step `geen`: a backlog at the end of that half-year → `signaleren`. Without one, a running half-year whose
 *    last ended month is `achter` (not excused) → `signaleren` as an early signal. Otherwise nothing.
 * 5. Any higher step: a backlog at the end of a half-year that ended AFTER the current step was taken → one step
 *    up (a further half-year passed and the backlog remained). A backlog at the end of a half-year that ended
 *    before the step was taken is what the step was for, so nothing new. No backlog → nothing (on schedule;
 *    stepping down is the province's call).
 * A suggestion is always exactly one step above the current one: never a skip.
 */
import { formatWhole } from '../distribution/format.ts';
import { formatDate } from '../../lib/dutch.ts';
import { LedgerError } from './errors.ts';
import { checkExcused, excusedOn, type ExcusedPeriod } from './excused.ts';
import { standingOn, type LedgerPeriod, type MunicipalityLedger } from './ledger.ts';
import { checkDate, nextPeriod, period, periodOf } from './periods.ts';

export const LADDER_STEPS = ['geen', 'signaleren', 'bestuurlijk overleg', 'schriftelijke aanmaning', 'indeplaatsstelling'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

/** `stepRank('bestuurlijk overleg')` → 2; throws on an unknown step. */
export function stepRank(step: LadderStep): number {
  const i = LADDER_STEPS.indexOf(step);
  if (i < 0) throw new LedgerError('stap-onbekend', `'${String(step)}' is geen stap van de interventieladder; kies uit ${LADDER_STEPS.join(', ')}.`, { field: 'step' });
  return i;
}

/** `isLadderStep('signaleren')` → true */
export function isLadderStep(value: unknown): value is LadderStep {
  return typeof value === 'string' && (LADDER_STEPS as readonly string[]).includes(value);
}

/** A step a province user took, as kept in the history (oldest first). */
export interface LadderDecision {
  readonly step: LadderStep;
  /** ISO date the step took effect. */
  readonly date: string;
  readonly reason: string;
  /** The responsible province user. */
  readonly decidedBy: string;
  /** References to the documents of the step (letters, minutes), if any. */
  readonly documents?: readonly string[];
}

/** `currentStep([])` → { step: 'geen', since: null } */
export function currentStep(history: readonly LadderDecision[]): { step: LadderStep; since: string | null } {
  const last = history[history.length - 1];
  return last ? { step: last.step, since: last.date } : { step: 'geen', since: null };
}

export interface LadderSuggestionInput {
  readonly ledger: Pick<MunicipalityLedger, 'periods' | 'excused' | 'closed'>;
  readonly history: readonly LadderDecision[];
  /** The date the suggestion is made on. */
  readonly asOf: string;
}

export interface LadderSuggestion {
  readonly current: LadderStep;
  /** Exactly one step above `current`, or null. */
  readonly suggested: LadderStep | null;
  /** Dutch: why this (or why nothing). */
  readonly reason: string;
  /** True while an excuse freezes the step. */
  readonly frozen: boolean;
}

/** The first half-year that ends after a date: the one it falls in, or the next when it is its last day. */
function firstEndAfter(date: string): string {
  const p = period(periodOf(date));
  return date < p.lastDay ? p.label : nextPeriod(p.label);
}

function up(step: LadderStep): LadderStep | null {
  return LADDER_STEPS[stepRank(step) + 1] ?? null;
}

/**
 * Suggests the next step for one municipality (see the module comment for the rules).
 * `suggestStep({ ledger, history: [], asOf: '2022-07-15' })` with a backlog of 40 at the end of 2022-I
 * → { current: 'geen', suggested: 'signaleren', reason: 'Aan het eind van 2022-I resteerde een achterstand van 40 …' }
 */
export function suggestStep(input: LadderSuggestionInput): LadderSuggestion {
  const asOf = checkDate(input.asOf, 'asOf');
  for (const d of input.history) stepRank(d.step);
  const { step: current, since } = currentStep(input.history);
  const none = (reason: string, frozen = false): LadderSuggestion => ({ current, suggested: null, reason, frozen });
  const suggest = (reason: string): LadderSuggestion => {
    const next = up(current);
    return next ? { current, suggested: next, reason: `${reason} Voorstel: ${next}.`, frozen: false } : none(`${reason} De hoogste stap (${current}) is al bereikt.`);
  };

  if (input.ledger.closed) {
    return none(`De gemeente is per ${formatDate(input.ledger.closed.effectiveDate)} opgeheven; het toezicht loopt verder bij de opvolger.`);
  }
  const excused = checkExcused(input.ledger.excused);
  const exc = excusedOn(excused, asOf);
  if (exc) {
    return none(`Vrijgesteld van ${formatDate(exc.from)} tot en met ${formatDate(exc.to)} (${exc.reason}); de stap blijft ${current}.`, true);
  }

  const ended = input.ledger.periods.filter((p) => p.lastDay <= asOf);
  const last: LedgerPeriod | undefined = ended[ended.length - 1];
  const lastExcused = last ? excusedOn(excused, last.lastDay) : null;
  const overdue = last !== undefined && lastExcused === null && last.carriedOut > 0;

  if (current === 'geen') {
    if (overdue) {
      return suggest(`Aan het eind van ${last.period} resteerde een achterstand van ${formatWhole(last.carriedOut)} (gecorrigeerde taakstelling ${formatWhole(last.corrected)}, gehuisvest ${formatWhole(last.realised)}).`);
    }
    const running = input.ledger.periods.find((p) => p.firstDay <= asOf && asOf < p.lastDay);
    const month = running ? standingOn(running, asOf, excused) : null;
    if (running && month && month.status === 'achter') {
      return suggest(
        `Na ${String(month.index)} maand(en) van ${running.period} zijn ${formatWhole(month.cumulative)} personen gehuisvest; ` +
          `het tempo vraagt ${month.target.toDecimalString(1, { trimZeros: true })}: achter.`,
      );
    }
    if (last && lastExcused) return none(`${last.period} eindigde tijdens een vrijstelling (${lastExcused.reason}); geen stap.`);
    return none('Op schema; geen stap nodig.');
  }

  if (!last) return none(`Nog geen afgelopen halfjaar om te beoordelen; de stap blijft ${current}.`);
  if (lastExcused) return none(`${last.period} eindigde tijdens een vrijstelling (${lastExcused.reason}); de stap blijft ${current}.`);
  if (!overdue) return none(`Geen achterstand aan het eind van ${last.period}; geen nieuwe stap. Terugschalen is aan de provincie.`);
  if (since !== null && last.lastDay <= since) {
    return none(
      `De stap ${current} is op ${formatDate(since)} gezet, na afloop van ${last.period}; ` +
        `de volgende beoordeling is aan het eind van ${firstEndAfter(since)}.`,
    );
  }
  return suggest(
    `Sinds ${current}${since !== null ? ` (${formatDate(since)})` : ''} is ${last.period} verstreken en resteerde nog een achterstand van ${formatWhole(last.carriedOut)}.`,
  );
}

/** A step a province user proposes. */
export interface StepProposal {
  readonly step: LadderStep;
  readonly date: string;
  readonly reason: string;
  readonly decidedBy: string;
}

export type StepValidation =
  | { readonly ok: true; readonly direction: 'omhoog' | 'omlaag' }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks a proposed change: a known step, a real date not before the previous step, a reason and a responsible
 * user; up only one step at a time and not on a date inside an excused period (the step is frozen); down any
 * number of steps (back to `geen` included), also while excused, since easing supervision cannot harm the
 * municipality.
 * `validateStepChange([], { step: 'bestuurlijk overleg', date: '2022-07-15', reason: 'x', decidedBy: 'p' })`
 * → { ok: false, reason: 'Van geen kan alleen naar signaleren; …' }
 */
export function validateStepChange(history: readonly LadderDecision[], proposal: StepProposal, options: { readonly excused?: readonly ExcusedPeriod[] } = {}): StepValidation {
  const refuse = (reason: string): StepValidation => ({ ok: false, reason });
  if (!isLadderStep(proposal.step)) return refuse(`'${String(proposal.step)}' is geen stap van de interventieladder; kies uit ${LADDER_STEPS.join(', ')}.`);
  try {
    checkDate(proposal.date);
  } catch {
    return refuse(`'${String(proposal.date)}' is geen geldige datum; schrijf bijvoorbeeld 2022-07-15.`);
  }
  if (typeof proposal.reason !== 'string' || proposal.reason.trim() === '') return refuse('Geef een reden op voor de stap.');
  if (typeof proposal.decidedBy !== 'string' || proposal.decidedBy.trim() === '') return refuse('Vermeld de verantwoordelijke medewerker van de provincie.');
  const { step: current, since } = currentStep(history);
  if (since !== null && proposal.date < since) {
    return refuse(`De datum ${formatDate(proposal.date)} ligt voor de vorige stap (${current}, ${formatDate(since)}).`);
  }
  const from = stepRank(current);
  const to = stepRank(proposal.step);
  if (to === from) return refuse(`De gemeente staat al op ${current}.`);
  if (to < from) return { ok: true, direction: 'omlaag' };
  if (to > from + 1) {
    return refuse(`Van ${current} kan alleen naar ${LADDER_STEPS[from + 1] ?? current}; ${proposal.step} slaat ${LADDER_STEPS.slice(from + 1, to).join(', ')} over.`);
  }
  let excused: readonly ExcusedPeriod[];
  try {
    excused = checkExcused(options.excused ?? []);
  } catch (e) {
    return refuse(e instanceof Error ? e.message : String(e));
  }
  const exc = excusedOn(excused, proposal.date);
  if (exc) return refuse(`Op ${formatDate(proposal.date)} is de gemeente vrijgesteld (${exc.reason}); de stap is bevroren tot en met ${formatDate(exc.to)}.`);
  return { ok: true, direction: 'omhoog' };
}
