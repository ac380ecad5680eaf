/**
 * Property tests: carry-over is balanced over random histories, also across random reorganisations; pace status is
 * monotone in realisation; the ladder never skips a step and never suggests while excused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reorganisation, ReorganisationKind } from '../regions/regions.ts';
import { excusedOn, type ExcusedPeriod } from './excused.ts';
import { LADDER_STEPS, stepRank, suggestStep, validateStepChange, type LadderDecision } from './ladder.ts';
import { ledgerPeriod, runLedger, swapEntriesFor, type LedgerHistoryInput, type LedgerPeriodInput, type MonthlyRealisation, type MunicipalityLedger } from './ledger.ts';
import { PACE_RANK } from './pace.ts';
import { lastPeriodBefore, receivingPeriod, runLedgers, type SplitShare } from './reorganisations.ts';
import { comparePeriods, nextPeriod, periodMonths, periodOrdinal } from './periods.ts';

const START = '2021-I';
const labelsFrom = (first: string, count: number): string[] => {
  const out: string[] = [];
  let p = first;
  for (let i = 0; i < count; i++) {
    out.push(p);
    p = nextPeriod(p);
  }
  return out;
};
const labelsBetween = (first: string, last: string): string[] => (comparePeriods(first, last) > 0 ? [] : labelsFrom(first, comparePeriods(last, first) + 1));

const sixMonths = fc.array(fc.nat(120), { minLength: 6, maxLength: 6 });
const toRealisations = (label: string, counts: readonly number[], before?: string): MonthlyRealisation[] =>
  periodMonths(label)
    .map((month, i) => ({ month, persons: counts[i] ?? 0 }))
    .filter((r) => before === undefined || `${r.month}-01` < before);

const periodArb = fc.record({
  taakstelling: fc.nat(500),
  swaps: fc.array(fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0), { maxLength: 3 }),
  months: sixMonths,
});

/** Σ taakstelling + Σ swaps − Σ realised over a ledger: what the balance must have grown by. */
const net = (l: MunicipalityLedger): number => l.periods.reduce((a, p) => a + p.taakstelling + p.swapsNet - p.realised, 0);

function expectChained(l: MunicipalityLedger): void {
  let prev = l.initialCarriedIn;
  for (const p of l.periods) {
    const arrived = p.transfersIn.reduce((a, t) => a + t.amount, 0);
    expect(p.carriedFromPrevious).toBe(prev);
    expect(p.carriedIn).toBe(prev + arrived);
    expect(p.corrected).toBe(p.taakstelling + p.carriedIn + p.swapsNet);
    expect(p.realised).toBe(p.months.reduce((a, m) => a + m.realised, 0));
    expect(p.carriedOut).toBe(p.corrected - p.realised);
    prev = p.carriedOut;
  }
  expect(l.finalCarriedOut).toBe(prev);
}

describe('carry-over is balanced', () => {
  it('over random histories of one municipality (in any input order)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 300 }), fc.integer({ min: 0, max: 6 }), fc.array(periodArb, { minLength: 1, maxLength: 8 }), fc.nat(), (initial, offset, raw, seed) => {
        const labels = labelsFrom(labelsFrom(START, offset + 1)[offset]!, raw.length);
        const periods: LedgerPeriodInput[] = raw.map((r, i) => ({
          period: labels[i]!,
          taakstelling: r.taakstelling,
          swaps: r.swaps.map((amount, j) => ({ counterpart: `GM9${String(j).padStart(3, '0')}`, amount })),
          realisations: toRealisations(labels[i]!, r.months),
        }));
        // Shuffle deterministically: the fold must sort.
        const shuffled = [...periods].sort((a, b) => ((periodOrdinal(a.period) * 7919 + seed) % 13) - ((periodOrdinal(b.period) * 7919 + seed) % 13));
        const l = runLedger({ municipalityCode: 'GM0001', initialCarriedIn: initial, periods: shuffled });
        expect(l.periods.map((p) => p.period)).toEqual(labels);
        expectChained(l);
        for (let i = 1; i < l.periods.length; i++) expect(l.periods[i]!.carriedIn).toBe(l.periods[i - 1]!.carriedOut);
        expect(net(l)).toBe(l.finalCarriedOut - l.initialCarriedIn);
      }),
    );
  });

  it('over random provinces whose swaps net to zero per province and period', () => {
    const provinceArb = fc.array(
      fc.record({ initial: fc.integer({ min: -100, max: 300 }), periods: fc.array(fc.record({ taakstelling: fc.nat(400), months: sixMonths }), { minLength: 4, maxLength: 4 }) }),
      { minLength: 2, maxLength: 5 },
    );
    const agreementArb = fc.record({ period: fc.nat(3), from: fc.nat(4), to: fc.nat(4), amount: fc.integer({ min: 1, max: 80 }) });
    fc.assert(
      fc.property(fc.array(fc.record({ municipalities: provinceArb, agreements: fc.array(agreementArb, { maxLength: 6 }) }), { minLength: 1, maxLength: 3 }), (provinces) => {
        const labels = labelsFrom('2022-I', 4);
        let nationalNet = 0;
        let nationalBalance = 0;
        provinces.forEach((prov, pi) => {
          const codes = prov.municipalities.map((_, mi) => `GM${String(pi)}${String(mi).padStart(3, '0')}`);
          const agreements = prov.agreements
            .map((a) => ({ period: a.period, from: codes[a.from % codes.length]!, to: codes[a.to % codes.length]!, amount: a.amount }))
            .filter((a) => a.from !== a.to);
          const ledgers = prov.municipalities.map((m, mi) =>
            runLedger({
              municipalityCode: codes[mi]!,
              initialCarriedIn: m.initial,
              periods: m.periods.map((p, k) => ({
                period: labels[k]!,
                taakstelling: p.taakstelling,
                swaps: swapEntriesFor(codes[mi]!, agreements.filter((a) => a.period === k)),
                realisations: toRealisations(labels[k]!, p.months),
              })),
            }),
          );
          for (let k = 0; k < labels.length; k++) expect(ledgers.reduce((a, l) => a + l.periods[k]!.swapsNet, 0)).toBe(0);
          for (const l of ledgers) {
            expectChained(l);
            nationalNet += l.periods.reduce((a, p) => a + p.taakstelling - p.realised, 0);
            nationalBalance += l.finalCarriedOut - l.initialCarriedIn;
          }
        });
        // Swaps cancel out: nationally only taakstelling and realisation move the balance.
        expect(nationalNet).toBe(nationalBalance);
      }),
    );
  });

  it('across random reorganisations: the balances before equal the successor’s carried-in after, nothing lost', () => {
    const dates = ['2022-01-01', '2022-03-24', '2022-07-01', '2022-10-15', '2023-01-01'];
    // 2021-I up to at most 2024-II: eight half-years.
    const histArb = fc.record({ initial: fc.integer({ min: -100, max: 200 }), periods: fc.array(periodArb, { minLength: 8, maxLength: 8 }) });
    fc.assert(
      fc.property(
        fc.constantFrom<ReorganisationKind>('samenvoeging', 'toevoeging', 'opsplitsing'),
        fc.constantFrom(...dates),
        fc.array(histArb, { minLength: 1, maxLength: 4 }),
        fc.array(histArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -1, max: 3 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 3 }),
        (kind, effectiveDate, oldRaw, successorRaw, extra, shareNoise) => {
          const last = lastPeriodBefore(effectiveDate);
          const recv = receivingPeriod(effectiveDate);
          const olds = kind === 'opsplitsing' ? oldRaw.slice(0, 1) : oldRaw;
          const oldCodes = olds.map((_, i) => `GM01${String(i).padStart(2, '0')}`);
          const build = (code: string, raw: (typeof oldRaw)[number], labels: string[], before?: string): LedgerHistoryInput => ({
            municipalityCode: code,
            initialCarriedIn: raw.initial,
            periods: labels.map((label, i) => {
              const r = raw.periods[i]!;
              return { period: label, taakstelling: r.taakstelling, swaps: r.swaps.map((amount) => ({ counterpart: 'GM9999', amount })), realisations: toRealisations(label, r.months, before) };
            }),
          });
          const oldHistories = olds.map((raw, i) => build(oldCodes[i]!, raw, labelsBetween(START, last), effectiveDate));
          // The successor's history reaches `extra` half-years past the receiving one (−1: not yet: pending).
          const successorEndLabel = extra < 0 ? last : labelsFrom(recv, extra + 1)[extra]!;
          let successors: LedgerHistoryInput[];
          if (kind === 'samenvoeging') successors = [build('GM0200', successorRaw[0]!, labelsBetween(recv, successorEndLabel))].map((h) => ({ ...h, initialCarriedIn: 0 }));
          else if (kind === 'toevoeging') successors = [build('GM0200', successorRaw[0]!, labelsBetween(START, successorEndLabel))];
          else successors = successorRaw.map((raw, i) => build(`GM02${String(i).padStart(2, '0')}`, raw, labelsBetween(START, successorEndLabel)));
          const reorganisations: Reorganisation[] = oldCodes.flatMap((oldCode) => successors.map((s) => ({ effectiveDate, oldCode, newCode: s.municipalityCode, kind })));
          // The province's shares: random parts that add up to the old balance (computed beforehand, as a province would).
          let splitShares: SplitShare[] = [];
          const balancesBefore = oldHistories.map((h) => runLedger(h).finalCarriedOut);
          if (kind === 'opsplitsing') {
            const parts = successors.map((_, i) => (i < successors.length - 1 ? shareNoise[i]! : 0));
            parts[parts.length - 1] = balancesBefore[0]! - parts.slice(0, -1).reduce((a, b) => a + b, 0);
            splitShares = successors.map((s, i) => ({ oldCode: oldCodes[0]!, newCode: s.municipalityCode, amount: parts[i]! }));
          }
          const bystander = build('GM0300', successorRaw[0]!, labelsBetween(START, '2023-II'));
          const all = [...successors, bystander, ...oldHistories];
          const r = runLedgers({ municipalities: all, reorganisations, splitShares });

          for (const l of r.ledgers) expectChained(l);
          oldCodes.forEach((code, i) => {
            const l = r.byCode.get(code)!;
            expect(l.finalCarriedOut).toBe(balancesBefore[i]);
            expect(l.closed?.lastPeriod).toBe(last);
            expect(l.closed?.successors.reduce((a, s) => a + s.amount, 0)).toBe(l.finalCarriedOut);
          });
          const pending = extra < 0;
          expect(r.transfers.every((t) => t.pending === pending)).toBe(true);
          const sumBefore = balancesBefore.reduce((a, b) => a + b, 0);
          if (!pending) {
            const arrived = successors.map((s) => r.byCode.get(s.municipalityCode)!.periods.find((p) => p.period === recv)!);
            const arrivedSum = arrived.reduce((a, p) => a + p.transfersIn.reduce((b, t) => b + t.amount, 0), 0);
            expect(arrivedSum).toBe(sumBefore);
            if (kind === 'samenvoeging') expect(arrived[0]!.carriedIn).toBe(sumBefore);
            if (kind === 'toevoeging') {
              const own = r.byCode.get('GM0200')!.periods.find((p) => p.period === last)!;
              expect(arrived[0]!.carriedIn).toBe(own.carriedOut + sumBefore);
            }
            if (kind === 'opsplitsing') arrived.forEach((p, i) => expect(p.transfersIn[0]?.amount).toBe(splitShares[i]!.amount));
          }
          // Nothing appears or disappears: the open ledgers' balances plus what is still pending account for everything.
          const growth = r.ledgers.reduce((a, l) => a + net(l), 0);
          const initial = r.ledgers.reduce((a, l) => a + l.initialCarriedIn, 0);
          const open = r.ledgers.filter((l) => l.closed === null).reduce((a, l) => a + l.finalCarriedOut, 0);
          const owed = r.transfers.filter((t) => t.pending).reduce((a, t) => a + t.amount, 0);
          expect(growth).toBe(open + owed - initial);
        },
      ),
    );
  });
});

describe('pace status in the ledger', () => {
  it('never gets worse in any month when more people are housed in some month', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: -300, max: 300 }), sixMonths, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 50 }), (task, carriedIn, months, which, more) => {
        const base = ledgerPeriod({ period: '2022-II', taakstelling: task, realisations: toRealisations('2022-II', months) }, { carriedIn });
        const bumped = months.map((n, i) => (i === which ? n + more : n));
        const better = ledgerPeriod({ period: '2022-II', taakstelling: task, realisations: toRealisations('2022-II', bumped) }, { carriedIn });
        base.months.forEach((m, i) => expect(PACE_RANK[better.months[i]!.pace!]).toBeLessThanOrEqual(PACE_RANK[m.pace!]));
      }),
    );
  });
});

describe('the ladder', () => {
  const DAY0 = Date.UTC(2021, 0, 1);
  const iso = (days: number): string => new Date(DAY0 + days * 86_400_000).toISOString().slice(0, 10);
  const dayArb = fc.integer({ min: 0, max: 3 * 365 - 1 }); // 2021-01-01 … 2023-12-31
  const excusedArb = fc.array(
    fc.record({ start: dayArb, length: fc.integer({ min: 0, max: 120 }) }).map(({ start, length }): ExcusedPeriod => ({ from: iso(start), to: iso(start + length), reason: 'COA kon niet leveren' })),
    { maxLength: 2 },
  );
  const ledgerArb = fc.record({ initial: fc.integer({ min: -50, max: 150 }), periods: fc.array(fc.record({ taakstelling: fc.nat(200), months: fc.array(fc.nat(50), { minLength: 6, maxLength: 6 }) }), { minLength: 1, maxLength: 6 }) });
  const historyArb = fc.array(fc.record({ step: fc.constantFrom(...LADDER_STEPS), gap: fc.nat(200) }), { maxLength: 4 }).map((steps) => {
    let day = 0;
    return steps.map((s): LadderDecision => {
      day += s.gap;
      return { step: s.step, date: iso(Math.min(day, 3 * 365 - 1)), reason: 'besluit', decidedBy: 'p' };
    });
  });
  const makeLedger = (raw: { initial: number; periods: { taakstelling: number; months: number[] }[] }, excused: readonly ExcusedPeriod[]): MunicipalityLedger => {
    const labels = labelsFrom(START, raw.periods.length);
    return runLedger({
      municipalityCode: 'GM0001',
      initialCarriedIn: raw.initial,
      excused,
      periods: raw.periods.map((p, i) => ({ period: labels[i]!, taakstelling: p.taakstelling, realisations: toRealisations(labels[i]!, p.months) })),
    });
  };

  it('suggests exactly one step up or nothing, and nothing while excused', () => {
    fc.assert(
      fc.property(ledgerArb, excusedArb, historyArb, dayArb, (raw, excused, history, asOfDay) => {
        const ledger = makeLedger(raw, excused);
        const asOf = iso(asOfDay);
        const s = suggestStep({ ledger, history, asOf });
        const current = history.at(-1)?.step ?? 'geen';
        expect(s.current).toBe(current);
        if (s.suggested !== null) expect(stepRank(s.suggested)).toBe(stepRank(current) + 1);
        if (excusedOn(excused, asOf)) {
          expect(s.suggested).toBeNull();
          expect(s.frozen).toBe(true);
        }
        // What the ladder suggests, validation accepts (on a date not before the last step).
        const since = history.at(-1)?.date;
        if (s.suggested !== null && (since === undefined || since <= asOf)) {
          expect(validateStepChange(history, { step: s.suggested, date: asOf, reason: s.reason, decidedBy: 'p' }, { excused })).toEqual({ ok: true, direction: 'omhoog' });
        }
      }),
    );
  });

  it('validation never lets a step up skip a step, nor go up while excused or back in time', () => {
    fc.assert(
      fc.property(historyArb, excusedArb, fc.constantFrom(...LADDER_STEPS), dayArb, (history, excused, step, day) => {
        const date = iso(day);
        const v = validateStepChange(history, { step, date, reason: 'r', decidedBy: 'p' }, { excused });
        const from = stepRank(history.at(-1)?.step ?? 'geen');
        const to = stepRank(step);
        const since = history.at(-1)?.date;
        if (to > from + 1 || to === from || (since !== undefined && date < since)) expect(v.ok).toBe(false);
        if (to === from + 1 && excusedOn(excused, date)) expect(v.ok).toBe(false);
        if (v.ok) expect(v.direction).toBe(to > from ? 'omhoog' : 'omlaag');
      }),
    );
  });

  it('a province that follows every suggestion month by month climbs one step at a time, never while excused', () => {
    fc.assert(
      fc.property(ledgerArb, excusedArb, (raw, excused) => {
        const ledger = makeLedger(raw, excused);
        const history: LadderDecision[] = [];
        const end = ledger.periods.at(-1)!.lastDay;
        for (let m = 0; m < 36; m++) {
          const asOf = new Date(Date.UTC(2021, m + 1, 0)).toISOString().slice(0, 10); // month ends
          if (asOf > end) break;
          const s = suggestStep({ ledger, history, asOf });
          if (s.suggested !== null) {
            expect(validateStepChange(history, { step: s.suggested, date: asOf, reason: s.reason, decidedBy: 'p' }, { excused }).ok).toBe(true);
            history.push({ step: s.suggested, date: asOf, reason: s.reason, decidedBy: 'p' });
          }
        }
        history.forEach((d, i) => {
          expect(stepRank(d.step)).toBe(i + 1);
          expect(excusedOn(excused, d.date)).toBeNull();
        });
      }),
    );
  });
});
