/**
 * The housing-quota ledger of one municipality (Huisvestingswet 2014 art. 28–30): per half-year its taakstelling,
 * the balance carried in, agreed swaps, the realisation per month and the balance carried out.
 *
 * One signed balance runs through the periods: positive is a backlog (achterstand), negative an advance
 * (voorsprong). corrected = taakstelling + carriedIn + swaps; carriedOut = corrected − realised; the next period's
 * carriedIn is exactly this carriedOut. The corrected taakstelling is deliberately NOT clamped at 0: an advance
 * larger than the new task leaves a negative corrected taakstelling, and that negative number is what carries on.
 * Clamping would make the surplus disappear, and Σ taakstelling + Σ swaps − Σ realised = last carriedOut − first
 * carriedIn would no longer hold. Views that need "nothing due" read `max(0, corrected)`; the pace rule treats
 * corrected ≤ 0 as on schedule.
 */
import type { ReorganisationKind } from '../regions/regions.ts';
import type { Swap } from '../distribution/swaps.ts';
import { formatWhole } from '../distribution/format.ts';
import { Rational } from '../distribution/rational.ts';
import { LedgerError } from './errors.ts';
import { checkExcused, excusedInMonth, type ExcusedPeriod } from './excused.ts';
import { paceStatus, paceTarget, type PaceStatus } from './pace.ts';
import { checkDate, checkMonth, comparePeriods, monthsEnded, period, periodMonths, periodOrdinal, type MonthIndex } from './periods.ts';

/** One side of an agreed swap (art. 29(2)) as it lands on this municipality. */
export interface LedgerSwap {
  /** The other municipality of the agreement. */
  readonly counterpart: string;
  /** + received (this municipality takes over part of the other's task), − given. A whole number, not 0. */
  readonly amount: number;
}

/** Persons housed in a month (several entries for one month are added up). */
export interface MonthlyRealisation {
  /** 'YYYY-MM', inside the period. */
  readonly month: string;
  readonly persons: number;
}

export interface LedgerPeriodInput {
  /** 'YYYY-I' or 'YYYY-II'. */
  readonly period: string;
  /** From the published quota decision; a whole number ≥ 0. */
  readonly taakstelling: number;
  readonly swaps?: readonly LedgerSwap[];
  readonly realisations?: readonly MonthlyRealisation[];
}

/** A balance that arrived from a municipality that was merged into, added to or split over this one. */
export interface TransferIn {
  readonly fromCode: string;
  readonly fromName?: string;
  /** Signed: + backlog, − advance. */
  readonly amount: number;
  readonly effectiveDate: string;
  readonly kind: ReorganisationKind;
}

export type MonthStatus = PaceStatus | 'vrijgesteld';

export interface LedgerMonth {
  /** 'YYYY-MM' */
  readonly month: string;
  readonly index: MonthIndex;
  /** Persons housed in this month. */
  readonly realised: number;
  /** Persons housed from the start of the half-year up to and including this month. */
  readonly cumulative: number;
  /** The pace: index/6 × corrected, exact. */
  readonly target: Rational;
  /** Whether the month had ended on `asOf` (always true without `asOf`). */
  readonly ended: boolean;
  /** The pace status, whatever an excuse says; null for a month that has not ended. */
  readonly pace: PaceStatus | null;
  readonly excused: ExcusedPeriod | null;
  /** What a view shows: `vrijgesteld` when excused, else the pace status; null for a month that has not ended. */
  readonly status: MonthStatus | null;
}

export interface LedgerPeriod {
  readonly municipalityCode: string;
  readonly period: string;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly taakstelling: number;
  /** The municipality's own balance from its previous period (or the initial balance). */
  readonly carriedFromPrevious: number;
  /** Balances of municipalities that merged into this one, arriving in this period. */
  readonly transfersIn: readonly TransferIn[];
  /** carriedFromPrevious + Σ transfersIn. Positive = achterstand, negative = voorsprong. */
  readonly carriedIn: number;
  readonly swaps: readonly LedgerSwap[];
  readonly swapsNet: number;
  /** taakstelling + carriedIn + swapsNet; not clamped, may be negative. */
  readonly corrected: number;
  readonly realised: number;
  /** corrected − realised: the next period's carriedFromPrevious. */
  readonly carriedOut: number;
  readonly months: readonly LedgerMonth[];
  /** Whether the half-year had ended on `asOf` (always true without `asOf`). */
  readonly finished: boolean;
  /** Dutch one-line account of the numbers. */
  readonly explanation: string;
}

export interface LedgerPeriodContext {
  readonly municipalityCode?: string;
  /** The own balance carried from the previous period: + achterstand, − voorsprong. Default 0. */
  readonly carriedIn?: number;
  readonly transfersIn?: readonly TransferIn[];
  readonly excused?: readonly ExcusedPeriod[];
  /** The date the ledger is read on: months and periods after it are not judged yet. */
  readonly asOf?: string;
}

function checkWhole(n: number, code: 'achterstand-ongeldig', message: string, field: string, codes: string[]): void {
  if (!Number.isSafeInteger(n)) throw new LedgerError(code, message, { field, municipalityCodes: codes });
}

/** 'achterstand 1.200' / 'voorsprong 300' / 'geen achterstand' */
export function describeBalance(n: number): string {
  if (n > 0) return `achterstand ${formatWhole(n)}`;
  if (n < 0) return `voorsprong ${formatWhole(-n)}`;
  return 'geen achterstand';
}

function signed(n: number): string {
  return n < 0 ? `− ${formatWhole(-n)}` : `+ ${formatWhole(n)}`;
}

/**
 * One half-year of one municipality's ledger.
 * `ledgerPeriod({ period: '2022-I', taakstelling: 100, realisations: [{ month: '2022-03', persons: 90 }] }, { carriedIn: 20 })`
 * → corrected 120, realised 90, carriedOut 30 (achterstand)
 */
export function ledgerPeriod(input: LedgerPeriodInput, context: LedgerPeriodContext = {}): LedgerPeriod {
  const code = context.municipalityCode ?? '';
  const codes = code ? [code] : [];
  const p = period(input.period);
  const label = p.label;
  if (!Number.isSafeInteger(input.taakstelling) || input.taakstelling < 0) {
    throw new LedgerError('taakstelling-ongeldig', `${label}: de taakstelling moet een geheel getal van 0 of meer zijn (niet ${String(input.taakstelling)}).`, {
      field: 'taakstelling',
      municipalityCodes: codes,
    });
  }
  const own = context.carriedIn ?? 0;
  checkWhole(own, 'achterstand-ongeldig', `${label}: de meegenomen achterstand moet een geheel getal zijn (niet ${String(own)}).`, 'carriedIn', codes);
  const transfersIn = context.transfersIn ?? [];
  for (const t of transfersIn) {
    checkWhole(t.amount, 'achterstand-ongeldig', `${label}: het saldo van ${t.fromCode} moet een geheel getal zijn (niet ${String(t.amount)}).`, 'transfersIn', [t.fromCode]);
  }
  const swaps = input.swaps ?? [];
  swaps.forEach((s, i) => {
    if (!Number.isSafeInteger(s.amount) || s.amount === 0) {
      throw new LedgerError('ruil-ongeldig', `${label}, ruil ${String(i + 1)}: het aantal moet een geheel getal ongelijk aan 0 zijn (+ overgenomen, − overgedragen), niet ${String(s.amount)}.`, {
        field: `swaps[${String(i)}].amount`,
        municipalityCodes: codes,
      });
    }
    if (code && s.counterpart === code) {
      throw new LedgerError('ruil-ongeldig', `${label}, ruil ${String(i + 1)}: ${code} kan niet met zichzelf ruilen.`, { field: `swaps[${String(i)}].counterpart`, municipalityCodes: codes });
    }
  });
  const months = periodMonths(label);
  const perMonth = new Map<string, number>(months.map((m) => [m, 0]));
  (input.realisations ?? []).forEach((r, i) => {
    const field = `realisations[${String(i)}]`;
    checkMonth(r.month, `${field}.month`);
    if (!perMonth.has(r.month)) {
      throw new LedgerError('realisatie-buiten-periode', `${label}: de maand ${r.month} valt niet in dit halfjaar (${months[0] ?? ''} t/m ${months[5] ?? ''}).`, {
        field: `${field}.month`,
        municipalityCodes: codes,
      });
    }
    if (!Number.isSafeInteger(r.persons) || r.persons < 0) {
      throw new LedgerError('realisatie-ongeldig', `${label}, ${r.month}: het aantal gehuisveste personen moet een geheel getal van 0 of meer zijn (niet ${String(r.persons)}).`, {
        field: `${field}.persons`,
        municipalityCodes: codes,
      });
    }
    perMonth.set(r.month, (perMonth.get(r.month) ?? 0) + r.persons);
  });
  const excused = checkExcused(context.excused ?? []);
  const asOf = context.asOf === undefined ? undefined : checkDate(context.asOf, 'asOf');
  const ended = asOf === undefined ? 6 : monthsEnded(label, asOf);

  const carriedIn = own + transfersIn.reduce((a, t) => a + t.amount, 0);
  const swapsNet = swaps.reduce((a, s) => a + s.amount, 0);
  const corrected = input.taakstelling + carriedIn + swapsNet;
  let cumulative = 0;
  const ledgerMonths = months.map((month, i): LedgerMonth => {
    const index = (i + 1) as MonthIndex;
    const realised = perMonth.get(month) ?? 0;
    cumulative += realised;
    const isEnded = index <= ended;
    const pace = isEnded ? paceStatus(cumulative, corrected, index) : null;
    const exc = excusedInMonth(excused, month);
    return {
      month,
      index,
      realised,
      cumulative,
      target: paceTarget(corrected, index),
      ended: isEnded,
      pace,
      excused: exc,
      status: !isEnded ? null : exc ? 'vrijgesteld' : pace,
    };
  });
  const realised = cumulative;
  const carriedOut = corrected - realised;

  const parts = [`taakstelling ${formatWhole(input.taakstelling)}`];
  if (own !== 0) parts.push(`${signed(own)} (${describeBalance(own)} uit vorig halfjaar)`);
  for (const t of transfersIn) parts.push(`${signed(t.amount)} (${describeBalance(t.amount)} van ${t.fromName ?? t.fromCode}, ${t.kind} ${t.effectiveDate})`);
  for (const s of swaps) parts.push(`${signed(s.amount)} (ruil: ${s.amount > 0 ? 'overgenomen van' : 'overgedragen aan'} ${s.counterpart})`);
  const explanation =
    `${label}: ${parts.join(' ')} = gecorrigeerde taakstelling ${corrected < 0 ? `− ${formatWhole(-corrected)}` : formatWhole(corrected)}; ` +
    `gehuisvest ${formatWhole(realised)}; ${asOf !== undefined && ended < 6 ? 'stand nu' : 'naar volgend halfjaar'}: ${describeBalance(carriedOut)}.`;

  return {
    municipalityCode: code,
    period: label,
    firstDay: p.firstDay,
    lastDay: p.lastDay,
    taakstelling: input.taakstelling,
    carriedFromPrevious: own,
    transfersIn,
    carriedIn,
    swaps,
    swapsNet,
    corrected,
    realised,
    carriedOut,
    months: ledgerMonths,
    finished: ended === 6,
    explanation,
  };
}

export interface LedgerHistoryInput {
  readonly municipalityCode: string;
  readonly name?: string;
  /** The balance carried into the first period from before the data begins: + achterstand, − voorsprong. Default 0. */
  readonly initialCarriedIn?: number;
  /** Consecutive half-years, in any order; a gap or a duplicate is refused. */
  readonly periods: readonly LedgerPeriodInput[];
  readonly excused?: readonly ExcusedPeriod[];
}

/** A ledger that ended in a reorganisation: readable, but nothing is added to it any more. */
export interface LedgerClosure {
  readonly effectiveDate: string;
  readonly kind: ReorganisationKind;
  /** The last half-year of the old municipality. */
  readonly lastPeriod: string;
  readonly balance: number;
  readonly successors: readonly { readonly code: string; readonly name?: string; readonly amount: number; readonly period: string }[];
  readonly explanation: string;
}

export interface MunicipalityLedger {
  readonly municipalityCode: string;
  readonly name?: string;
  readonly initialCarriedIn: number;
  readonly periods: readonly LedgerPeriod[];
  /** The last period's carriedOut (the initial balance when there are no periods). */
  readonly finalCarriedOut: number;
  readonly excused: readonly ExcusedPeriod[];
  readonly closed: LedgerClosure | null;
}

export interface RunLedgerOptions {
  readonly asOf?: string;
  /** Balances arriving from reorganisations, each in a period of this history (see `runLedgers`). */
  readonly transfersIn?: readonly (TransferIn & { readonly period: string })[];
}

/**
 * Folds a municipality's half-years in order, each period's carriedOut becoming the next one's carriedIn.
 * `runLedger({ municipalityCode: 'GM0001', periods: [{ period: '2022-I', taakstelling: 10 }, { period: '2022-II', taakstelling: 12 }] }).finalCarriedOut`
 * → 22 (nothing housed: both tasks remain)
 */
export function runLedger(input: LedgerHistoryInput, options: RunLedgerOptions = {}): MunicipalityLedger {
  const code = input.municipalityCode;
  const initial = input.initialCarriedIn ?? 0;
  if (!Number.isSafeInteger(initial)) {
    throw new LedgerError('achterstand-ongeldig', `${code}: de beginstand moet een geheel getal zijn (niet ${String(initial)}).`, {
      field: 'initialCarriedIn',
      municipalityCodes: [code],
    });
  }
  const sorted = [...input.periods].map((p, i) => ({ p, i, ord: periodOrdinal(p.period) })).sort((a, b) => a.ord - b.ord);
  for (let j = 1; j < sorted.length; j++) {
    const prev = sorted[j - 1]!;
    const cur = sorted[j]!;
    if (cur.ord === prev.ord) {
      throw new LedgerError('periode-dubbel', `${code}: het halfjaar ${period(cur.p.period).label} komt meer dan eens voor.`, {
        field: `periods[${String(cur.i)}]`,
        municipalityCodes: [code],
      });
    }
    if (cur.ord !== prev.ord + 1) {
      throw new LedgerError(
        'periode-gat',
        `${code}: tussen ${period(prev.p.period).label} en ${period(cur.p.period).label} ontbreekt een halfjaar; de periodes moeten aansluiten, anders gaat achterstand verloren.`,
        { field: 'periods', municipalityCodes: [code] },
      );
    }
  }
  const labels = new Set(sorted.map((s) => period(s.p.period).label));
  const transfers = options.transfersIn ?? [];
  for (const t of transfers) {
    if (!labels.has(period(t.period).label)) {
      throw new LedgerError('overdracht-buiten-historie', `${code}: het saldo van ${t.fromCode} komt binnen in ${t.period}, maar dat halfjaar staat niet in het grootboek.`, {
        field: 'transfersIn',
        municipalityCodes: [code, t.fromCode],
      });
    }
  }
  const excused = checkExcused(input.excused ?? []);
  const periods: LedgerPeriod[] = [];
  let balance = initial;
  for (const { p } of sorted) {
    const label = period(p.period).label;
    const lp = ledgerPeriod(p, {
      municipalityCode: code,
      carriedIn: balance,
      transfersIn: transfers.filter((t) => period(t.period).label === label).map(({ period: _p, ...t }) => t),
      excused,
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    });
    periods.push(lp);
    balance = lp.carriedOut;
  }
  return {
    municipalityCode: code,
    ...(input.name !== undefined ? { name: input.name } : {}),
    initialCarriedIn: initial,
    periods,
    finalCarriedOut: balance,
    excused,
    closed: null,
  };
}

/**
 * The swap entries of one municipality from agreements between two municipalities ({ from, to, amount }, as
 * `applySwaps` takes them): the receiver gets +amount, the giver −amount, so a province's swaps always net to 0.
 * `swapEntriesFor('B', [{ from: 'A', to: 'B', amount: 5 }])` → [{ counterpart: 'A', amount: 5 }]
 */
export function swapEntriesFor(code: string, agreements: readonly Swap[]): LedgerSwap[] {
  const out: LedgerSwap[] = [];
  for (const s of agreements) {
    if (s.to === code) out.push({ counterpart: s.from, amount: s.amount });
    else if (s.from === code) out.push({ counterpart: s.to, amount: -s.amount });
  }
  return out;
}

/** Where a half-year stands on a date: its latest ended month judged against the pace. */
export interface PeriodStanding {
  readonly period: string;
  readonly index: MonthIndex;
  readonly cumulative: number;
  readonly target: Rational;
  readonly pace: PaceStatus;
  readonly excused: ExcusedPeriod | null;
  readonly status: MonthStatus;
}

/**
 * The latest month of a half-year that has ended on `asOf`, judged on that date (whatever `asOf` the ledger was run
 * with); null when no month has ended yet.
 * `standingOn(period2022I, '2022-05-10', [])` → { index: 4, pace: 'achter', … } when nothing was housed before May
 */
export function standingOn(p: LedgerPeriod, asOf: string, excused: readonly ExcusedPeriod[] = []): PeriodStanding | null {
  const k = monthsEnded(p.period, asOf);
  const month = p.months[k - 1];
  if (k === 0 || !month) return null;
  const pace = paceStatus(month.cumulative, p.corrected, k);
  const exc = excusedInMonth(excused, month.month);
  return { period: p.period, index: month.index, cumulative: month.cumulative, target: month.target, pace, excused: exc, status: exc ? 'vrijgesteld' : pace };
}

/** Looks up a period in a ledger. `periodIn(ledger, '2022-II')?.carriedOut` */
export function periodIn(ledger: Pick<MunicipalityLedger, 'periods'>, label: string): LedgerPeriod | undefined {
  const l = period(label).label;
  return ledger.periods.find((p) => p.period === l);
}

/** Sort helper for callers that keep periods elsewhere. `byPeriod(a, b)` orders LedgerPeriods by half-year. */
export function byPeriod(a: Pick<LedgerPeriod, 'period'>, b: Pick<LedgerPeriod, 'period'>): number {
  return comparePeriods(a.period, b.period);
}
