/**
 * Ledgers across municipal reorganisations (herindelingen). The rule, the same for 1 January and mid-year:
 *
 * - The old municipality keeps its ledger up to and including the half-year in which it last existed (the
 *   half-year of the day before the effective date). That half-year runs to its end as usual; the old code only
 *   records realisation in months that began before the effective date (after it, housing in its area is the
 *   receiver's).
 * - Its carriedOut at the end of that half-year goes into the successor's NEXT half-year, added to the successor's
 *   own carriedIn. For a merger on 1 January that is the new year's first half-year, i.e. the new municipality's
 *   first period; for Weesp → Amsterdam (24 March 2022) Weesp's 2022-I balance enters Amsterdam's 2022-II.
 *   Why not mid-period: the taakstelling of a half-year is fixed per municipality on its first day, and moving part
 *   of a running half-year would need a split of the pace by days that the law does not give.
 * - `samenvoeging` and `toevoeging` move the whole balance (several old municipalities: the balances add up).
 *   `opsplitsing` (or any old municipality with more than one successor) needs the shares per successor as input,
 *   as set by the province; they must add up to the balance exactly, and without them the run is refused.
 * - The old ledger stays readable, marked `closed` with its successors and what each received.
 * - A successor whose history does not reach the receiving half-year yet gets the balance as a `pending` transfer;
 *   a successor whose history starts after it is refused, since the balance would be lost.
 */
import { formatDate } from '../../lib/dutch.ts';
import type { Reorganisation, ReorganisationKind } from '../regions/regions.ts';
import { LedgerError } from './errors.ts';
import { describeBalance, runLedger, type LedgerHistoryInput, type MunicipalityLedger, type TransferIn } from './ledger.ts';
import { checkDate, dayBefore, nextPeriod, periodOf, periodOrdinal } from './periods.ts';

/** The part of a split municipality's balance one successor takes over, as the province decided. */
export interface SplitShare {
  readonly oldCode: string;
  readonly newCode: string;
  /** Signed like every balance: + achterstand, − voorsprong. */
  readonly amount: number;
}

export interface BalanceTransfer {
  readonly fromCode: string;
  readonly toCode: string;
  readonly kind: ReorganisationKind;
  readonly effectiveDate: string;
  /** The old municipality's last half-year. */
  readonly fromPeriod: string;
  /** The successor's half-year the balance enters. */
  readonly toPeriod: string;
  readonly amount: number;
  /** The successor's history does not reach `toPeriod` yet: the balance is owed but not booked. */
  readonly pending: boolean;
}

export interface LedgersInput {
  readonly municipalities: readonly LedgerHistoryInput[];
  /**
   * May be the full national list: a reorganisation whose old municipality has no ledger here is taken to lie
   * before the data begins (the successor's `initialCarriedIn` then holds the balance).
   */
  readonly reorganisations?: readonly Reorganisation[];
  readonly splitShares?: readonly SplitShare[];
  readonly asOf?: string;
}

export interface LedgersResult {
  /** In the order of `input.municipalities`. */
  readonly ledgers: readonly MunicipalityLedger[];
  readonly byCode: ReadonlyMap<string, MunicipalityLedger>;
  readonly transfers: readonly BalanceTransfer[];
}

const KINDS: readonly ReorganisationKind[] = ['samenvoeging', 'toevoeging', 'opsplitsing'];

/** The old municipality's last half-year. `lastPeriodBefore('2022-03-24')` → '2022-I'; `lastPeriodBefore('2022-01-01')` → '2021-II' */
export function lastPeriodBefore(effectiveDate: string): string {
  return periodOf(dayBefore(effectiveDate));
}

/** The half-year a balance enters the successor. `receivingPeriod('2022-03-24')` → '2022-II'; `receivingPeriod('2023-01-01')` → '2023-I' */
export function receivingPeriod(effectiveDate: string): string {
  return nextPeriod(lastPeriodBefore(effectiveDate));
}

function span(h: LedgerHistoryInput): { first: number; last: number } | null {
  if (h.periods.length === 0) return null;
  const ords = h.periods.map((p) => periodOrdinal(p.period));
  return { first: Math.min(...ords), last: Math.max(...ords) };
}

/**
 * Runs the ledgers of many municipalities and carries balances across reorganisations (see the module comment).
 * `runLedgers({ municipalities: [weesp, amsterdam], reorganisations: [{ effectiveDate: '2022-03-24', oldCode: 'GM0457',
 *   newCode: 'GM0363', kind: 'toevoeging' }] }).byCode.get('GM0363')` → Amsterdam with Weesp's 2022-I balance in 2022-II
 */
export function runLedgers(input: LedgersInput): LedgersResult {
  const histories = new Map<string, LedgerHistoryInput>();
  for (const h of input.municipalities) {
    if (histories.has(h.municipalityCode)) {
      throw new LedgerError('gemeente-dubbel', `Gemeente ${h.municipalityCode} komt meer dan eens voor.`, { field: 'municipalities', municipalityCodes: [h.municipalityCode] });
    }
    histories.set(h.municipalityCode, h);
  }
  const nameOf = (code: string): string => {
    const n = histories.get(code)?.name;
    return n && n !== code ? `${n} (${code})` : code;
  };

  // Only reorganisations whose old municipality has a ledger move a balance.
  const outgoing = new Map<string, Reorganisation[]>();
  const predecessors = new Map<string, string[]>();
  (input.reorganisations ?? []).forEach((r, i) => {
    if (!histories.has(r.oldCode)) return;
    const field = `reorganisations[${String(i)}]`;
    checkDate(r.effectiveDate, `${field}.effectiveDate`);
    if (!KINDS.includes(r.kind)) {
      throw new LedgerError('herindeling-ongeldig', `Herindeling ${String(i + 1)}: soort '${String(r.kind)}' is onbekend; kies samenvoeging, toevoeging of opsplitsing.`, {
        field: `${field}.kind`,
        municipalityCodes: [r.oldCode],
      });
    }
    if (r.oldCode === r.newCode) {
      throw new LedgerError('herindeling-ongeldig', `Herindeling ${String(i + 1)}: ${r.oldCode} kan niet in zichzelf opgaan.`, { field, municipalityCodes: [r.oldCode] });
    }
    const list = outgoing.get(r.oldCode) ?? [];
    const first = list[0];
    if (first && first.effectiveDate !== r.effectiveDate) {
      throw new LedgerError(
        'herindeling-ongeldig',
        `${nameOf(r.oldCode)} wordt zowel per ${first.effectiveDate} als per ${r.effectiveDate} opgeheven; een gemeente kan maar één keer opgaan.`,
        { field, municipalityCodes: [r.oldCode] },
      );
    }
    if (list.some((x) => x.newCode === r.newCode)) {
      throw new LedgerError('herindeling-ongeldig', `Herindeling ${String(i + 1)}: ${r.oldCode} → ${r.newCode} staat er twee keer in.`, { field, municipalityCodes: [r.oldCode, r.newCode] });
    }
    outgoing.set(r.oldCode, [...list, r]);
    predecessors.set(r.newCode, [...(predecessors.get(r.newCode) ?? []), r.oldCode]);
  });
  for (const s of input.splitShares ?? []) {
    if (histories.has(s.oldCode) && !outgoing.has(s.oldCode)) {
      throw new LedgerError('opsplitsing-verdeling-onjuist', `Er is een verdeling opgegeven voor ${nameOf(s.oldCode)}, maar die gemeente wordt niet opgesplitst.`, {
        field: 'splitShares',
        municipalityCodes: [s.oldCode],
      });
    }
  }

  // A successor needs its predecessors' final balances, so predecessors run first.
  const order: string[] = [];
  const state = new Map<string, 'busy' | 'done'>();
  const visit = (code: string, path: string[]): void => {
    const s = state.get(code);
    if (s === 'done') return;
    if (s === 'busy') {
      throw new LedgerError('herindeling-kring', `De herindelingen vormen een kring: ${[...path, code].join(' → ')}.`, { field: 'reorganisations', municipalityCodes: path });
    }
    state.set(code, 'busy');
    for (const p of predecessors.get(code) ?? []) if (histories.has(p)) visit(p, [...path, code]);
    state.set(code, 'done');
    if (histories.has(code)) order.push(code);
  };
  for (const code of histories.keys()) visit(code, []);

  const incoming = new Map<string, BalanceTransfer[]>();
  const transfers: BalanceTransfer[] = [];
  const results = new Map<string, MunicipalityLedger>();

  for (const code of order) {
    const h = histories.get(code)!;
    const arriving = incoming.get(code) ?? [];
    const sp = span(h);
    const applied: (TransferIn & { period: string })[] = [];
    for (const t of arriving) {
      const recv = periodOrdinal(t.toPeriod);
      if (sp && t.kind === 'samenvoeging' && sp.first < recv) {
        throw new LedgerError(
          'herindeling-historie',
          `${nameOf(code)} ontstaat per ${formatDate(t.effectiveDate)} uit een samenvoeging; het grootboek kan pas beginnen in ${t.toPeriod}.`,
          { field: 'municipalities.periods', municipalityCodes: [code, t.fromCode] },
        );
      }
      if (sp && sp.first > recv) {
        throw new LedgerError(
          'herindeling-historie',
          `Het saldo van ${nameOf(t.fromCode)} (${describeBalance(t.amount)}) hoort in ${t.toPeriod} van ${nameOf(code)}, maar dat grootboek begint later; het saldo zou verloren gaan.`,
          { field: 'municipalities.periods', municipalityCodes: [code, t.fromCode] },
        );
      }
      if (sp && recv <= sp.last) {
        applied.push({ period: t.toPeriod, fromCode: t.fromCode, ...(histories.get(t.fromCode)?.name ? { fromName: histories.get(t.fromCode)!.name! } : {}), amount: t.amount, effectiveDate: t.effectiveDate, kind: t.kind });
      }
    }
    let ledger = runLedger(h, { transfersIn: applied, ...(input.asOf !== undefined ? { asOf: input.asOf } : {}) });

    const out = outgoing.get(code);
    if (out && out.length > 0) {
      const effectiveDate = out[0]!.effectiveDate;
      const lastLabel = lastPeriodBefore(effectiveDate);
      const toPeriod = receivingPeriod(effectiveDate);
      const lastOrd = periodOrdinal(lastLabel);
      if (!sp || sp.last !== lastOrd) {
        throw new LedgerError(
          'herindeling-historie',
          `${nameOf(code)} is per ${formatDate(effectiveDate)} opgeheven; het grootboek moet lopen tot en met ${lastLabel}${sp ? '' : ', maar is leeg'}.`,
          { field: 'municipalities.periods', municipalityCodes: [code] },
        );
      }
      for (const p of h.periods) {
        for (const r of p.realisations ?? []) {
          if (`${r.month}-01` >= effectiveDate && r.persons !== 0) {
            throw new LedgerError(
              'realisatie-buiten-periode',
              `${nameOf(code)} bestaat niet meer vanaf ${formatDate(effectiveDate)}; huisvesting in ${r.month} telt bij de opvolger.`,
              { field: 'municipalities.periods.realisations', municipalityCodes: [code] },
            );
          }
        }
      }
      const balance = ledger.finalCarriedOut;
      const isSplit = out.length > 1 || out.some((r) => r.kind === 'opsplitsing');
      const kind: ReorganisationKind = isSplit ? 'opsplitsing' : out[0]!.kind;
      const successorCodes = out.map((r) => r.newCode);
      let amounts: { code: string; amount: number }[];
      if (isSplit) {
        const shares = (input.splitShares ?? []).filter((s) => s.oldCode === code);
        if (shares.length === 0) {
          throw new LedgerError(
            'opsplitsing-zonder-verdeling',
            `${nameOf(code)} is per ${formatDate(effectiveDate)} opgesplitst over ${successorCodes.map(nameOf).join(', ')}. ` +
              `Leg vast welk deel van het saldo (${describeBalance(balance)}) elke opvolger overneemt; de provincie beslist dat.`,
            { field: 'splitShares', municipalityCodes: [code, ...successorCodes] },
          );
        }
        const seen = new Set<string>();
        for (const s of shares) {
          if (!successorCodes.includes(s.newCode)) {
            throw new LedgerError('opsplitsing-verdeling-onjuist', `${s.newCode} is geen opvolger van ${nameOf(code)}; opvolgers zijn ${successorCodes.join(', ')}.`, {
              field: 'splitShares',
              municipalityCodes: [code, s.newCode],
            });
          }
          if (seen.has(s.newCode)) {
            throw new LedgerError('opsplitsing-verdeling-onjuist', `Voor ${s.newCode} is meer dan één deel van het saldo van ${nameOf(code)} opgegeven.`, {
              field: 'splitShares',
              municipalityCodes: [code, s.newCode],
            });
          }
          if (!Number.isSafeInteger(s.amount)) {
            throw new LedgerError('opsplitsing-verdeling-onjuist', `Het deel van ${s.newCode} moet een geheel getal zijn (niet ${String(s.amount)}).`, {
              field: 'splitShares',
              municipalityCodes: [code, s.newCode],
            });
          }
          seen.add(s.newCode);
        }
        const missing = successorCodes.filter((c) => !seen.has(c));
        if (missing.length > 0) {
          throw new LedgerError('opsplitsing-verdeling-onjuist', `Voor ${missing.join(', ')} ontbreekt het deel van het saldo van ${nameOf(code)}; geef 0 op als een opvolger niets overneemt.`, {
            field: 'splitShares',
            municipalityCodes: [code, ...missing],
          });
        }
        const sum = shares.reduce((a, s) => a + s.amount, 0);
        if (sum !== balance) {
          throw new LedgerError(
            'opsplitsing-verdeling-onjuist',
            `De delen voor de opvolgers van ${nameOf(code)} tellen op tot ${String(sum)}, het saldo aan het eind van ${lastLabel} is ${String(balance)} (${describeBalance(balance)}); ze moeten gelijk zijn.`,
            { field: 'splitShares', municipalityCodes: [code, ...successorCodes] },
          );
        }
        amounts = successorCodes.map((c) => ({ code: c, amount: shares.find((s) => s.newCode === c)!.amount }));
      } else {
        amounts = [{ code: successorCodes[0]!, amount: balance }];
      }
      for (const a of amounts) {
        const successor = histories.get(a.code);
        const ssp = successor ? span(successor) : null;
        const t: BalanceTransfer = {
          fromCode: code,
          toCode: a.code,
          kind,
          effectiveDate,
          fromPeriod: lastLabel,
          toPeriod,
          amount: a.amount,
          // The successor runs later in `order`; it books the transfer only when its history reaches toPeriod.
          pending: !ssp || ssp.last < periodOrdinal(toPeriod),
        };
        transfers.push(t);
        incoming.set(a.code, [...(incoming.get(a.code) ?? []), t]);
      }
      const verb = kind === 'samenvoeging' ? 'samengevoegd tot' : kind === 'toevoeging' ? 'toegevoegd aan' : 'opgesplitst over';
      ledger = {
        ...ledger,
        closed: {
          effectiveDate,
          kind,
          lastPeriod: lastLabel,
          balance,
          successors: amounts.map((a) => ({ code: a.code, ...(histories.get(a.code)?.name ? { name: histories.get(a.code)!.name! } : {}), amount: a.amount, period: toPeriod })),
          explanation:
            `${nameOf(code)} is per ${formatDate(effectiveDate)} ${verb} ${successorCodes.map(nameOf).join(', ')}. ` +
            `Het saldo aan het eind van ${lastLabel} (${describeBalance(balance)}) gaat naar ${toPeriod}` +
            (isSplit ? `: ${amounts.map((a) => `${a.code} ${describeBalance(a.amount)}`).join(', ')}.` : ` van ${nameOf(successorCodes[0]!)}.`),
        },
      };
    }
    results.set(code, ledger);
  }
  return {
    ledgers: input.municipalities.map((h) => results.get(h.municipalityCode)!),
    byCode: results,
    transfers,
  };
}
