import { describe, expect, it } from 'vitest';
import { Rational } from '../distribution/rational.ts';
import { PipelineError } from './errors.ts';
import { project } from './test-helpers.ts';
import { reservedHomesInWindow, weeklyHomesForProjection, weeklyPersonsExact } from './weekly.ts';

const str = (rs: Rational[]) => rs.map(String);

describe('weekly housing capacity for the projection', () => {
  it("spreads a month's homes evenly over the weeks whose Monday falls in that month", () => {
    // January 2023 has the Mondays 2, 9, 16, 23 and 30; February starts on Monday 6.
    const projects = [project({ reservedUnits: 10, expectedDelivery: '2023-01-20' })];
    expect(weeklyHomesForProjection(projects, '2023-01-02', 6)).toEqual([4.4, 4.4, 4.4, 4.4, 4.4, 0]);
    // A date early in the month still spreads over the whole month: monthly plans, not a spike.
    expect(weeklyHomesForProjection([project({ reservedUnits: 10, expectedDelivery: '2023-01-31' })], '2023-01-02', 6)).toEqual([4.4, 4.4, 4.4, 4.4, 4.4, 0]);
  });

  it('adds months and projects, counts only reserved homes, leaves vervallen out, counts opgeleverd at its date', () => {
    const projects = [
      project({ units: 100, reservedUnits: 4, expectedDelivery: '2023-02-10', status: 'in aanbouw' }),
      project({ reservedUnits: 4, expectedDelivery: '2023-02-27', status: 'opgeleverd' }),
      project({ reservedUnits: 50, expectedDelivery: '2023-02-15', status: 'vervallen' }),
      project({ reservedUnits: 5, expectedDelivery: '2023-01-10' }), // before the window
      project({ reservedUnits: 3, expectedDelivery: '2023-01-31' }),
    ];
    // Window: Mondays 30 January, 6, 13, 20 and 27 February. January's homes in the window all go to its one Monday.
    expect(str(weeklyPersonsExact(projects, '2023-01-30', 5, 2))).toEqual(['6', '4', '4', '4', '4']);
    expect(str(weeklyPersonsExact(projects, '2023-01-30', 5))).toEqual(['33/5', '22/5', '22/5', '22/5', '22/5']);
    expect(reservedHomesInWindow(projects, '2023-01-30', 5)).toBe(11);
  });

  it('puts homes of a month without a Monday in the window into the week of their date (the last week)', () => {
    // Window: Mondays 22 and 29 August 2022, up to Sunday 4 September. September's first Monday (5th) is outside.
    const projects = [
      project({ reservedUnits: 2, expectedDelivery: '2022-09-01' }),
      project({ reservedUnits: 7, expectedDelivery: '2022-09-05' }), // after the window
      project({ reservedUnits: 1, expectedDelivery: '2022-08-21' }), // before the window
    ];
    expect(str(weeklyPersonsExact(projects, '2022-08-22', 2, 1))).toEqual(['0', '2']);
    expect(reservedHomesInWindow(projects, '2022-08-22', 2)).toBe(2);
  });

  it('refuses a window that does not start on a Monday, and a bad number of weeks', () => {
    expect(() => weeklyHomesForProjection([], '2023-01-03', 4)).toThrow(/maandag/);
    expect(() => weeklyHomesForProjection([], '2023-01-02', 0)).toThrow(PipelineError);
    expect(() => weeklyHomesForProjection([], '2023-01-02', 521)).toThrow(PipelineError);
    expect(() => weeklyHomesForProjection([], '2023-01-02', 4, 0)).toThrow(/Personen per woning/);
  });
});
