import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors.ts';
import { ledgerPeriod, runLedger, swapEntriesFor, type LedgerHistoryInput, type MonthlyRealisation } from './ledger.ts';
import { nationalTotals } from './overview.ts';
import { periodMonths } from './periods.ts';
import { runLedgers } from './reorganisations.ts';

const spread = (label: string, perMonth: readonly number[]): MonthlyRealisation[] => periodMonths(label).map((month, i) => ({ month, persons: perMonth[i] ?? 0 }));

function thrown(f: () => unknown): LedgerError {
  try {
    f();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('no LedgerError thrown');
}

describe('ledgerPeriod', () => {
  it('computes corrected taakstelling, realisation and the balance carried out', () => {
    const p = ledgerPeriod(
      {
        period: '2022-I',
        taakstelling: 100,
        swaps: [{ counterpart: 'GM0002', amount: 10 }, { counterpart: 'GM0003', amount: -4 }],
        realisations: [
          { month: '2022-02', persons: 30 },
          { month: '2022-02', persons: 5 },
          { month: '2022-05', persons: 60 },
        ],
      },
      { municipalityCode: 'GM0001', carriedIn: 20 },
    );
    expect(p.corrected).toBe(126); // 100 + 20 + 10 − 4
    expect(p.swapsNet).toBe(6);
    expect(p.realised).toBe(95);
    expect(p.carriedOut).toBe(31);
    expect(p.months.map((m) => m.realised)).toEqual([0, 35, 0, 0, 60, 0]);
    expect(p.months.map((m) => m.cumulative)).toEqual([0, 35, 35, 35, 95, 95]);
    // pace 21 per month: k=1 0 < 15,75 achter; k=2 35 ≥ 42·¾=31,5 licht achter; k=3 35 < 47,25 achter; k=5 95 ≥ 78,75 licht achter
    expect(p.months.map((m) => m.status)).toEqual(['achter', 'licht achter', 'achter', 'achter', 'licht achter', 'licht achter']);
    expect(p.finished).toBe(true);
    expect(p.explanation).toBe(
      '2022-I: taakstelling 100 + 20 (achterstand 20 uit vorig halfjaar) + 10 (ruil: overgenomen van GM0002) − 4 (ruil: overgedragen aan GM0003) = gecorrigeerde taakstelling 126; gehuisvest 95; naar volgend halfjaar: achterstand 31.',
    );
  });

  it('does not clamp: an advance larger than the task gives a negative corrected taakstelling that carries on', () => {
    const ledger = runLedger({
      municipalityCode: 'GM0001',
      initialCarriedIn: -50,
      periods: [
        { period: '2022-I', taakstelling: 30, realisations: [{ month: '2022-03', persons: 5 }] },
        { period: '2022-II', taakstelling: 40 },
      ],
    });
    const [first, second] = ledger.periods;
    expect(first?.corrected).toBe(-20);
    expect(first?.carriedOut).toBe(-25);
    expect(first?.months.every((m) => m.status === 'op schema')).toBe(true);
    expect(first?.explanation).toContain('gecorrigeerde taakstelling − 20');
    expect(first?.explanation).toContain('voorsprong 25');
    expect(second?.carriedIn).toBe(-25);
    expect(second?.corrected).toBe(15);
    expect(ledger.finalCarriedOut).toBe(15);
  });

  it('judges only months that have ended on asOf', () => {
    const p = ledgerPeriod({ period: '2022-II', taakstelling: 60, realisations: spread('2022-II', [10, 5]) }, { asOf: '2022-08-31' });
    expect(p.months.map((m) => m.status)).toEqual(['op schema', 'licht achter', null, null, null, null]);
    expect(p.finished).toBe(false);
    expect(p.explanation).toContain('stand nu: achterstand 45');
  });

  it('shows excused months as vrijgesteld but keeps the pace and counts the housing', () => {
    const p = ledgerPeriod(
      { period: '2022-II', taakstelling: 60, realisations: spread('2022-II', [0, 0, 0, 30, 10, 10]) },
      { excused: [{ from: '2022-08-20', to: '2022-09-05', reason: 'COA kon geen vergunninghouders koppelen' }] },
    );
    expect(p.months.map((m) => m.status)).toEqual(['achter', 'vrijgesteld', 'vrijgesteld', 'licht achter', 'licht achter', 'licht achter']);
    expect(p.months[1]?.pace).toBe('achter');
    expect(p.months[1]?.excused?.reason).toBe('COA kon geen vergunninghouders koppelen');
    expect(p.realised).toBe(50);
    expect(p.carriedOut).toBe(10);
  });

  it('refuses bad input with Dutch reasons', () => {
    expect(thrown(() => ledgerPeriod({ period: '2022-I', taakstelling: -1 })).code).toBe('taakstelling-ongeldig');
    expect(thrown(() => ledgerPeriod({ period: '2022-I', taakstelling: 1.5 })).code).toBe('taakstelling-ongeldig');
    const outside = thrown(() => ledgerPeriod({ period: '2022-I', taakstelling: 1, realisations: [{ month: '2022-07', persons: 1 }] }));
    expect(outside.code).toBe('realisatie-buiten-periode');
    expect(outside.message).toBe('2022-I: de maand 2022-07 valt niet in dit halfjaar (2022-01 t/m 2022-06).');
    expect(thrown(() => ledgerPeriod({ period: '2022-I', taakstelling: 1, realisations: [{ month: '2022-01', persons: -2 }] })).code).toBe('realisatie-ongeldig');
    expect(thrown(() => ledgerPeriod({ period: '2022-I', taakstelling: 1, swaps: [{ counterpart: 'X', amount: 0 }] })).code).toBe('ruil-ongeldig');
    expect(thrown(() => ledgerPeriod({ period: '2022-I', taakstelling: 1 }, { excused: [{ from: '2022-02-01', to: '2022-01-01', reason: 'x' }] })).code).toBe('vrijstelling-ongeldig');
    expect(thrown(() => ledgerPeriod({ period: '2022-I', taakstelling: 1 }, { excused: [{ from: '2022-01-01', to: '2022-02-01', reason: ' ' }] })).message).toMatch(/reden/);
    expect(thrown(() => ledgerPeriod({ period: '2022-3', taakstelling: 1 })).code).toBe('periode-ongeldig');
  });
});

describe('runLedger', () => {
  it('folds periods in order whatever the input order, each carriedOut becoming the next carriedIn', () => {
    const ledger = runLedger({
      municipalityCode: 'GM0001',
      initialCarriedIn: 7,
      periods: [
        { period: '2023-I', taakstelling: 30, realisations: [{ month: '2023-01', persons: 40 }] },
        { period: '2022-I', taakstelling: 10, realisations: [{ month: '2022-06', persons: 12 }] },
        { period: '2022-II', taakstelling: 20, realisations: [{ month: '2022-12', persons: 30 }] },
      ],
    });
    expect(ledger.periods.map((p) => [p.period, p.carriedIn, p.corrected, p.realised, p.carriedOut])).toEqual([
      ['2022-I', 7, 17, 12, 5],
      ['2022-II', 5, 25, 30, -5],
      ['2023-I', -5, 25, 40, -15],
    ]);
    expect(ledger.finalCarriedOut).toBe(-15);
    // Σ taakstelling 60 − Σ realised 82 = −22 = final −15 − initial 7
    expect(60 - 82).toBe(ledger.finalCarriedOut - ledger.initialCarriedIn);
  });

  it('refuses a gap in the periods, and a duplicate', () => {
    const gap = thrown(() =>
      runLedger({ municipalityCode: 'GM0001', periods: [{ period: '2022-I', taakstelling: 1 }, { period: '2023-I', taakstelling: 1 }] }),
    );
    expect(gap.code).toBe('periode-gat');
    expect(gap.message).toBe('GM0001: tussen 2022-I en 2023-I ontbreekt een halfjaar; de periodes moeten aansluiten, anders gaat achterstand verloren.');
    const dup = thrown(() => runLedger({ municipalityCode: 'GM0001', periods: [{ period: '2022-I', taakstelling: 1 }, { period: '2022-I', taakstelling: 2 }] }));
    expect(dup.code).toBe('periode-dubbel');
  });

  it('gives an empty history its initial balance', () => {
    expect(runLedger({ municipalityCode: 'GM0001', initialCarriedIn: 4, periods: [] }).finalCarriedOut).toBe(4);
  });

  it('turns swap agreements into + received / − given entries', () => {
    const agreements = [{ from: 'A', to: 'B', amount: 5 }, { from: 'B', to: 'C', amount: 2 }];
    expect(swapEntriesFor('A', agreements)).toEqual([{ counterpart: 'B', amount: -5 }]);
    expect(swapEntriesFor('B', agreements)).toEqual([{ counterpart: 'A', amount: 5 }, { counterpart: 'C', amount: -2 }]);
    expect(swapEntriesFor('D', agreements)).toEqual([]);
  });
});

describe('the seed: 2022-I bare taakstelling 10.000 met, half of the backlog caught up; 2022-II 13.500 running', () => {
  // Three municipalities stand in for the country. Backlog carried into 2022-I: 1.200 + 600 + 200 = 2.000.
  // C hands 100 of its task to B (art. 29(2)). Housed: 6.000 + 3.100 + 1.900 = 11.000 = 10.000 bare + 1.000 of backlog.
  const agreements = [{ from: 'GM000C', to: 'GM000B', amount: 100 }];
  const history = (code: string, backlog: number, task1: number, months1: number[], task2: number, months2: number[]): LedgerHistoryInput => ({
    municipalityCode: code,
    initialCarriedIn: backlog,
    periods: [
      { period: '2022-I', taakstelling: task1, swaps: swapEntriesFor(code, agreements), realisations: spread('2022-I', months1) },
      { period: '2022-II', taakstelling: task2, realisations: spread('2022-II', months2) },
    ],
  });
  const result = runLedgers({
    asOf: '2022-08-31',
    municipalities: [
      history('GM000A', 1200, 5000, [1000, 1000, 1000, 1000, 1000, 1000], 6750, [1200, 1150]),
      history('GM000B', 600, 3000, [500, 500, 500, 500, 500, 600], 4050, [600, 300]),
      history('GM000C', 200, 2000, [300, 300, 300, 300, 300, 400], 2700, [450, 450]),
    ],
  });
  const first = result.ledgers.map((l) => l.periods[0]!);
  const second = result.ledgers.map((l) => l.periods[1]!);

  it('has the hand-checked numbers per municipality', () => {
    expect(first.map((p) => [p.municipalityCode, p.corrected, p.realised, p.carriedOut])).toEqual([
      ['GM000A', 6200, 6000, 200],
      ['GM000B', 3700, 3100, 600],
      ['GM000C', 2100, 1900, 200],
    ]);
    // C met the country's bare task share but not its own: national figures hide local backlogs.
    expect(first[2]!.realised).toBeLessThan(first[2]!.taakstelling);
  });

  it('meets the bare taakstelling of 10.000 nationally and catches up 50 % of the backlog', () => {
    const t = nationalTotals(first);
    expect(t.taakstelling).toBe(10000);
    expect(t.swapsNet).toBe(0);
    expect(t.carriedIn).toBe(2000);
    expect(t.corrected).toBe(12000);
    expect(t.realised).toBe(11000);
    expect(t.bareTaskMet).toBe(true);
    expect(t.carriedOut).toBe(1000);
    expect(t.backlog).toBe(1000);
    expect(t.backlogCaughtUp?.toString()).toBe('1/2');
    // all three ended 2022-I short of their corrected task: licht achter at month 6
    expect(t.behind).toBe(3);
    expect(t.shareBehind?.toString()).toBe('1');
  });

  it('runs 2022-II at 13.500 with the 2022-I balance carried in', () => {
    const t = nationalTotals(second);
    expect(t.taakstelling).toBe(13500);
    expect(t.carriedIn).toBe(1000);
    expect(t.corrected).toBe(14500);
    expect(second.map((p) => p.carriedIn)).toEqual(first.map((p) => p.carriedOut));
    // after two months the pace is 2/6: A 6.950 → 2.316,67 (2.350 op schema), B 4.650 → 1.550 (900 < 1.162,5 achter),
    // C 2.900 → 966,67 (900 ≥ 725 licht achter)
    expect(second.map((p) => p.months[1]?.status)).toEqual(['op schema', 'achter', 'licht achter']);
    expect(second.map((p) => p.months[2]?.status)).toEqual([null, null, null]);
    expect(t.behind).toBe(2);
    expect(t.shareBehind?.toString()).toBe('2/3');
  });
});
