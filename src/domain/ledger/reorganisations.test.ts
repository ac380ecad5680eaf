import { describe, expect, it } from 'vitest';
import type { Reorganisation } from '../regions/regions.ts';
import { LedgerError } from './errors.ts';
import type { LedgerHistoryInput } from './ledger.ts';
import { lastPeriodBefore, receivingPeriod, runLedgers } from './reorganisations.ts';

function thrown(f: () => unknown): LedgerError {
  try {
    f();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('no LedgerError thrown');
}

const h = (municipalityCode: string, name: string, initialCarriedIn: number, periods: LedgerHistoryInput['periods']): LedgerHistoryInput => ({
  municipalityCode,
  name,
  initialCarriedIn,
  periods,
});

describe('receiving period', () => {
  it('is the half-year after the last one the old municipality existed in', () => {
    expect(lastPeriodBefore('2022-01-01')).toBe('2021-II');
    expect(receivingPeriod('2022-01-01')).toBe('2022-I');
    expect(lastPeriodBefore('2022-03-24')).toBe('2022-I');
    expect(receivingPeriod('2022-03-24')).toBe('2022-II');
    expect(receivingPeriod('2022-07-01')).toBe('2022-II');
  });
});

describe('merger on 1 January (samenvoeging): Land van Cuijk 2022', () => {
  const reorganisations: Reorganisation[] = [
    { effectiveDate: '2022-01-01', oldCode: 'GM0756', newCode: 'GM1982', kind: 'samenvoeging' },
    { effectiveDate: '2022-01-01', oldCode: 'GM1684', newCode: 'GM1982', kind: 'samenvoeging' },
    { effectiveDate: '2022-01-01', oldCode: 'GM0786', newCode: 'GM1982', kind: 'samenvoeging' },
    // not in the input: taken to lie before the data, ignored
    { effectiveDate: '2021-01-01', oldCode: 'GM0003', newCode: 'GM1979', kind: 'samenvoeging' },
  ];
  const result = runLedgers({
    reorganisations,
    municipalities: [
      h('GM1982', 'Land van Cuijk', 0, [{ period: '2022-I', taakstelling: 50, realisations: [{ month: '2022-02', persons: 40 }] }]),
      h('GM0756', 'Boxmeer', 3, [{ period: '2021-II', taakstelling: 12, realisations: [{ month: '2021-10', persons: 10 }] }]),
      h('GM1684', 'Cuijk', 0, [{ period: '2021-II', taakstelling: 11, realisations: [{ month: '2021-11', persons: 15 }] }]),
      h('GM0786', 'Grave', -1, [{ period: '2021-II', taakstelling: 6, realisations: [] }]),
    ],
  });

  it('sums the old balances into the new municipality’s first half-year', () => {
    // Boxmeer 3 + 12 − 10 = 5; Cuijk 11 − 15 = −4; Grave −1 + 6 = 5 → 6
    const lvc = result.byCode.get('GM1982')!;
    expect(lvc.periods[0]?.transfersIn.map((t) => [t.fromCode, t.amount])).toEqual([
      ['GM0756', 5],
      ['GM1684', -4],
      ['GM0786', 5],
    ]);
    expect(lvc.periods[0]?.carriedIn).toBe(6);
    expect(lvc.periods[0]?.corrected).toBe(56);
    expect(lvc.periods[0]?.carriedOut).toBe(16);
    expect(lvc.periods[0]?.explanation).toContain('+ 5 (achterstand 5 van Boxmeer, samenvoeging 2022-01-01)');
    expect(lvc.closed).toBeNull();
  });

  it('keeps the old ledgers readable, closed, with the successor named', () => {
    const boxmeer = result.byCode.get('GM0756')!;
    expect(boxmeer.periods).toHaveLength(1);
    expect(boxmeer.closed).toMatchObject({ kind: 'samenvoeging', lastPeriod: '2021-II', balance: 5, successors: [{ code: 'GM1982', name: 'Land van Cuijk', amount: 5, period: '2022-I' }] });
    expect(boxmeer.closed?.explanation).toBe(
      'Boxmeer (GM0756) is per 1 januari 2022 samengevoegd tot Land van Cuijk (GM1982). Het saldo aan het eind van 2021-II (achterstand 5) gaat naar 2022-I van Land van Cuijk (GM1982).',
    );
    expect(result.transfers.every((t) => !t.pending)).toBe(true);
    expect(result.ledgers.map((l) => l.municipalityCode)).toEqual(['GM1982', 'GM0756', 'GM1684', 'GM0786']);
  });

  it('refuses a new municipality with periods before it existed, and a successor that starts too late', () => {
    const early = thrown(() =>
      runLedgers({
        reorganisations,
        municipalities: [
          h('GM1982', 'Land van Cuijk', 0, [{ period: '2021-II', taakstelling: 1 }, { period: '2022-I', taakstelling: 1 }]),
          h('GM0756', 'Boxmeer', 0, [{ period: '2021-II', taakstelling: 1 }]),
        ],
      }),
    );
    expect(early.code).toBe('herindeling-historie');
    expect(early.message).toMatch(/kan pas beginnen in 2022-I/);
    const late = thrown(() =>
      runLedgers({
        reorganisations,
        municipalities: [h('GM1982', 'Land van Cuijk', 0, [{ period: '2022-II', taakstelling: 1 }]), h('GM0756', 'Boxmeer', 0, [{ period: '2021-II', taakstelling: 1 }])],
      }),
    );
    expect(late.message).toMatch(/zou verloren gaan/);
  });

  it('refuses an old ledger that runs past the merger', () => {
    const e = thrown(() =>
      runLedgers({
        reorganisations,
        municipalities: [
          h('GM1982', 'Land van Cuijk', 0, [{ period: '2022-I', taakstelling: 1 }]),
          h('GM0756', 'Boxmeer', 0, [{ period: '2021-II', taakstelling: 1 }, { period: '2022-I', taakstelling: 1 }]),
        ],
      }),
    );
    expect(e.code).toBe('herindeling-historie');
    expect(e.message).toBe('Boxmeer (GM0756) is per 1 januari 2022 opgeheven; het grootboek moet lopen tot en met 2021-II.');
  });

  it('keeps a balance pending when the successor’s history does not reach the receiving half-year yet', () => {
    const r = runLedgers({ reorganisations, municipalities: [h('GM0756', 'Boxmeer', 0, [{ period: '2021-II', taakstelling: 9 }])] });
    expect(r.transfers).toEqual([
      { fromCode: 'GM0756', toCode: 'GM1982', kind: 'samenvoeging', effectiveDate: '2022-01-01', fromPeriod: '2021-II', toPeriod: '2022-I', amount: 9, pending: true },
    ]);
  });
});

describe('mid-year addition (toevoeging): Weesp → Amsterdam on 24 March 2022', () => {
  const reorganisations: Reorganisation[] = [{ effectiveDate: '2022-03-24', oldCode: 'GM0457', newCode: 'GM0363', kind: 'toevoeging' }];
  const amsterdam = h('GM0363', 'Amsterdam', 100, [
    { period: '2022-I', taakstelling: 500, realisations: [{ month: '2022-04', persons: 550 }] },
    { period: '2022-II', taakstelling: 675, realisations: [{ month: '2022-08', persons: 600 }] },
  ]);

  it('carries Weesp’s balance at the end of 2022-I into Amsterdam’s 2022-II', () => {
    const weesp = h('GM0457', 'Weesp', 2, [{ period: '2022-I', taakstelling: 12, realisations: [{ month: '2022-02', persons: 4 }, { month: '2022-03', persons: 3 }] }]);
    const r = runLedgers({ reorganisations, municipalities: [amsterdam, weesp] });
    const a = r.byCode.get('GM0363')!;
    // Weesp: 2 + 12 − 7 = 7. Amsterdam 2022-I: 100 + 500 − 550 = 50, untouched by Weesp.
    expect(a.periods[0]?.carriedIn).toBe(100);
    expect(a.periods[0]?.carriedOut).toBe(50);
    expect(a.periods[1]?.carriedFromPrevious).toBe(50);
    expect(a.periods[1]?.transfersIn).toEqual([{ fromCode: 'GM0457', fromName: 'Weesp', amount: 7, effectiveDate: '2022-03-24', kind: 'toevoeging' }]);
    expect(a.periods[1]?.carriedIn).toBe(57);
    expect(a.periods[1]?.corrected).toBe(732);
    expect(r.byCode.get('GM0457')?.closed?.explanation).toBe(
      'Weesp (GM0457) is per 24 maart 2022 toegevoegd aan Amsterdam (GM0363). Het saldo aan het eind van 2022-I (achterstand 7) gaat naar 2022-II van Amsterdam (GM0363).',
    );
  });

  it('refuses housing recorded on Weesp in a month that began after it ceased', () => {
    const weesp = h('GM0457', 'Weesp', 0, [{ period: '2022-I', taakstelling: 12, realisations: [{ month: '2022-04', persons: 1 }] }]);
    const e = thrown(() => runLedgers({ reorganisations, municipalities: [amsterdam, weesp] }));
    expect(e.code).toBe('realisatie-buiten-periode');
    expect(e.message).toBe('Weesp (GM0457) bestaat niet meer vanaf 24 maart 2022; huisvesting in 2022-04 telt bij de opvolger.');
  });
});

describe('split (opsplitsing): Haaren 2021', () => {
  const reorganisations: Reorganisation[] = ['GM0757', 'GM0824', 'GM0855', 'GM0865'].map((newCode) => ({ effectiveDate: '2021-01-01', oldCode: 'GM0788', newCode, kind: 'opsplitsing' }));
  const names: Record<string, string> = { GM0757: 'Boxtel', GM0824: 'Oisterwijk', GM0855: 'Tilburg', GM0865: 'Vught' };
  const successors = Object.entries(names).map(([c, name]) => h(c, name, 0, [{ period: '2021-I', taakstelling: 10 }]));
  const haaren = h('GM0788', 'Haaren', 4, [{ period: '2020-II', taakstelling: 8, realisations: [{ month: '2020-09', persons: 2 }] }]); // balance 10

  it('is refused without the shares set by the province', () => {
    const e = thrown(() => runLedgers({ reorganisations, municipalities: [haaren, ...successors] }));
    expect(e.code).toBe('opsplitsing-zonder-verdeling');
    expect(e.message).toBe(
      'Haaren (GM0788) is per 1 januari 2021 opgesplitst over Boxtel (GM0757), Oisterwijk (GM0824), Tilburg (GM0855), Vught (GM0865). Leg vast welk deel van het saldo (achterstand 10) elke opvolger overneemt; de provincie beslist dat.',
    );
  });

  it('is refused when the shares do not add up to the balance, or miss a successor', () => {
    const short = thrown(() =>
      runLedgers({
        reorganisations,
        municipalities: [haaren, ...successors],
        splitShares: [
          { oldCode: 'GM0788', newCode: 'GM0757', amount: 2 },
          { oldCode: 'GM0788', newCode: 'GM0824', amount: 2 },
          { oldCode: 'GM0788', newCode: 'GM0855', amount: 3 },
          { oldCode: 'GM0788', newCode: 'GM0865', amount: 2 },
        ],
      }),
    );
    expect(short.code).toBe('opsplitsing-verdeling-onjuist');
    expect(short.message).toMatch(/tellen op tot 9, het saldo aan het eind van 2020-II is 10/);
    const missing = thrown(() =>
      runLedgers({ reorganisations, municipalities: [haaren, ...successors], splitShares: [{ oldCode: 'GM0788', newCode: 'GM0757', amount: 10 }] }),
    );
    expect(missing.message).toMatch(/Voor GM0824, GM0855, GM0865 ontbreekt/);
    const stranger = thrown(() =>
      runLedgers({ reorganisations, municipalities: [haaren, ...successors], splitShares: [{ oldCode: 'GM0788', newCode: 'GM0363', amount: 10 }] }),
    );
    expect(stranger.message).toMatch(/GM0363 is geen opvolger/);
  });

  it('hands each successor its share when they add up', () => {
    const r = runLedgers({
      reorganisations,
      municipalities: [haaren, ...successors],
      splitShares: [
        { oldCode: 'GM0788', newCode: 'GM0757', amount: 2 },
        { oldCode: 'GM0788', newCode: 'GM0824', amount: 2 },
        { oldCode: 'GM0788', newCode: 'GM0855', amount: 5 },
        { oldCode: 'GM0788', newCode: 'GM0865', amount: 1 },
      ],
    });
    expect(['GM0757', 'GM0824', 'GM0855', 'GM0865'].map((c) => r.byCode.get(c)?.periods[0]?.corrected)).toEqual([12, 12, 15, 11]);
    expect(r.byCode.get('GM0788')?.closed?.explanation).toMatch(/opgesplitst over .*: GM0757 achterstand 2, GM0824 achterstand 2, GM0855 achterstand 5, GM0865 achterstand 1\.$/);
  });
});

describe('input checks', () => {
  it('refuses a municipality twice and a cycle of reorganisations', () => {
    const a = h('A', 'A', 0, [{ period: '2021-II', taakstelling: 1 }]);
    expect(thrown(() => runLedgers({ municipalities: [a, a] })).code).toBe('gemeente-dubbel');
    const cycle = thrown(() =>
      runLedgers({
        municipalities: [a, h('B', 'B', 0, [{ period: '2021-II', taakstelling: 1 }])],
        reorganisations: [
          { effectiveDate: '2022-01-01', oldCode: 'A', newCode: 'B', kind: 'toevoeging' },
          { effectiveDate: '2022-01-01', oldCode: 'B', newCode: 'A', kind: 'toevoeging' },
        ],
      }),
    );
    expect(cycle.code).toBe('herindeling-kring');
  });
});
