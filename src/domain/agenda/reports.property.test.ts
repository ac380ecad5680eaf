/**
 * Property tests of the reporting rates: on time ≤ received ≤ expected in every cell and total, the totals add up
 * (per province, per month and nationally), and every percentage is the exact fraction rounded half up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, nextMonth } from './dates.ts';
import { rate, timeliness, type RateRow, type ReportReceipt } from './reports.ts';
import { reportDeadline } from './working-days.ts';

const PROVINCES = ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25'];

/** The rounding rule without rounding: tenths − ½ ≤ 1000·n/d < tenths + ½, in integers. */
function roundedHalfUp(n: number, d: number, tenths: number): boolean {
  return (2 * tenths - 1) * d <= 2000 * n && 2000 * n < (2 * tenths + 1) * d;
}

const sum = (rows: readonly RateRow[], k: 'expected' | 'received' | 'onTime') => rows.reduce((a, r) => a + r[k], 0);

describe('timeliness over random reports', () => {
  it('keeps on time ≤ received ≤ expected and adds up', () => {
    const arb = fc
      .record({
        provinces: fc.integer({ min: 1, max: PROVINCES.length }),
        firstMonth: fc.integer({ min: 0, max: 36 }),
        months: fc.integer({ min: 1, max: 8 }),
        todayOffset: fc.integer({ min: -20, max: 300 }),
        workingDay: fc.integer({ min: 1, max: 15 }),
      })
      .chain((s) =>
        fc.record({
          s: fc.constant(s),
          // Per cell: no report, a draft, or submitted some days from the deadline.
          subs: fc.array(fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -25, max: 60 })), { minLength: s.provinces * s.months, maxLength: s.provinces * s.months }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ s, subs }) => {
        let m = '2021-01';
        for (let i = 0; i < s.firstMonth; i++) m = nextMonth(m);
        const months: string[] = [];
        for (let i = 0; i < s.months; i++, m = nextMonth(m)) months.push(m);
        const provinces = PROVINCES.slice(0, s.provinces);
        const deadline = (month: string) => reportDeadline(month, { workingDay: s.workingDay });
        const today = addDays(deadline(months[0]!), s.todayOffset);
        const reports: ReportReceipt[] = [];
        provinces.forEach((province, p) =>
          months.forEach((month, i) => {
            const sub = subs[p * months.length + i];
            if (sub === undefined) return;
            reports.push({ province, month, submittedOn: sub === null ? null : addDays(deadline(month), sub) });
          }),
        );
        const r = timeliness({ months, provinces, reports, deadline, today });

        expect(r.cells).toHaveLength(provinces.length * months.length);
        for (const c of r.cells) {
          if (c.onTime) expect(c.received).toBe(true);
          if (c.received) expect(c.expected).toBe(true);
          expect(c.expected).toBe(c.received || c.deadline < today);
          if (c.submittedOn !== null) expect(c.submittedOn <= today).toBe(true);
          expect(c.daysLate === null).toBe(!c.expected);
          if (c.onTime) expect(c.daysLate).toBe(0);
          if (c.expected && !c.onTime) expect(c.daysLate).toBeGreaterThan(0);
        }
        for (const row of [...r.provinces, ...r.byMonth, r.national]) {
          expect(row.onTime).toBeLessThanOrEqual(row.received);
          expect(row.received).toBeLessThanOrEqual(row.expected);
          for (const [k, n] of [
            ['completeness', row.received],
            ['timeliness', row.onTime],
          ] as const) {
            const q = row[k];
            if (row.expected === 0) expect(q).toBeNull();
            else {
              expect(q).toEqual(rate(n, row.expected));
              expect(roundedHalfUp(n, row.expected, q!.tenths)).toBe(true);
              expect(row[`${k}Percent`]).toBe(q!.tenths / 10);
            }
          }
        }
        for (const k of ['expected', 'received', 'onTime'] as const) {
          expect(sum(r.provinces, k)).toBe(r.national[k]);
          expect(sum(r.byMonth, k)).toBe(r.national[k]);
          expect(r.cells.filter((c) => c[k]).length).toBe(r.national[k]);
        }
      }),
    );
  });

  it('rounds every fraction half up in tenths of a percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (d, n0) => {
        const n = n0 % (d + 1);
        const r = rate(n, d)!;
        expect(roundedHalfUp(n, d, r.tenths)).toBe(true);
      }),
    );
  });
});
