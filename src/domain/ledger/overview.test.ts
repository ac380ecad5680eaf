import { describe, expect, it } from 'vitest';
import { runLedger } from './ledger.ts';
import { nationalTotals, sortForSupervisor, supervisorRow, type SupervisorRow } from './overview.ts';
import { LedgerError } from './errors.ts';

describe('supervisor view', () => {
  it('sorts newly overdue first, then backlog descending, then the higher step, then code', () => {
    const rows: SupervisorRow[] = [
      { code: 'A', backlog: 50, step: 'signaleren', newlyOverdue: false },
      { code: 'B', backlog: 5, step: 'geen', newlyOverdue: true },
      { code: 'C', backlog: 50, step: 'schriftelijke aanmaning', newlyOverdue: false },
      { code: 'D', backlog: -20, step: 'geen', newlyOverdue: false },
      { code: 'E', backlog: 30, step: 'geen', newlyOverdue: true },
      { code: 'F', backlog: 0, step: 'geen', newlyOverdue: false },
      { code: 'G', backlog: 50, step: 'signaleren', newlyOverdue: false },
    ];
    expect(sortForSupervisor(rows).map((r) => r.code)).toEqual(['E', 'B', 'C', 'A', 'G', 'F', 'D']);
    expect(rows.map((r) => r.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('marks a municipality newly overdue when the latest ended half-year started clean and ended behind', () => {
    const ledger = runLedger({
      municipalityCode: 'GM0001',
      name: 'Test',
      periods: [
        { period: '2022-I', taakstelling: 10, realisations: [{ month: '2022-01', persons: 12 }] },
        { period: '2022-II', taakstelling: 10, realisations: [{ month: '2022-07', persons: 5 }] },
        { period: '2023-I', taakstelling: 10, realisations: [{ month: '2023-01', persons: 1 }] },
      ],
    });
    expect(supervisorRow(ledger, [], '2022-12-31')).toEqual({ code: 'GM0001', name: 'Test', backlog: 3, step: 'geen', newlyOverdue: true, period: '2022-II', currentStatus: null });
    // still judged on 2022-II (newly overdue); the running 2023-I: January ended at 1 of 13/6 → achter
    expect(supervisorRow(ledger, [{ step: 'signaleren', date: '2023-01-05', reason: 'x', decidedBy: 'p' }], '2023-02-01')).toMatchObject({
      backlog: 3,
      step: 'signaleren',
      newlyOverdue: true,
      currentStatus: 'achter',
    });
    expect(supervisorRow(ledger, [], '2023-06-30')).toMatchObject({ backlog: 12, newlyOverdue: false, period: '2023-I' });
  });
});

describe('nationalTotals', () => {
  it('refuses periods of different half-years', () => {
    const a = runLedger({ municipalityCode: 'A', periods: [{ period: '2022-I', taakstelling: 1 }, { period: '2022-II', taakstelling: 1 }] });
    expect(() => nationalTotals(a.periods)).toThrow(LedgerError);
  });

  it('counts backlogs and advances separately and the excused', () => {
    const a = runLedger({ municipalityCode: 'A', initialCarriedIn: -5, periods: [{ period: '2022-I', taakstelling: 3 }] });
    const b = runLedger({
      municipalityCode: 'B',
      periods: [{ period: '2022-I', taakstelling: 12, realisations: [{ month: '2022-03', persons: 4 }] }],
      excused: [{ from: '2022-06-01', to: '2022-06-30', reason: 'COA' }],
    });
    const t = nationalTotals([a.periods[0]!, b.periods[0]!]);
    expect([t.carriedOut, t.backlog, t.advance, t.behind, t.excused]).toEqual([6, 8, 2, 1, 1]);
    expect(t.backlogCaughtUp).toBeNull();
    expect(nationalTotals([]).shareBehind).toBeNull();
  });
});
