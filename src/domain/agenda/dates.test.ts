import { describe, expect, it } from 'vitest';
import { addDays, checkDate, checkMonth, daysBetween, daysInMonth, isDate, isoWeekday, nextMonth } from './dates.ts';
import { caught } from './test-helpers.ts';

describe('dates', () => {
  it('knows real dates', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2022-8-1')).toBe(false);
    expect(isDate(new Date())).toBe(false);
    expect(caught(() => checkDate('2022-02-30', 'deadline'))).toMatchObject({ code: 'datum-ongeldig', field: 'deadline' });
    expect(caught(() => checkMonth('2022-00'))).toMatchObject({ code: 'maand-ongeldig', field: 'month' });
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2022-07-31', 1)).toBe('2022-08-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(daysBetween('2022-08-01', '2022-09-26')).toBe(56);
    expect(daysBetween('2022-09-26', '2022-08-01')).toBe(-56);
    // Across the change to summer time the count stays whole.
    expect(daysBetween('2022-03-26', '2022-03-28')).toBe(2);
    expect(caught(() => addDays('2022-08-01', 0.5))).toMatchObject({ code: 'getal-ongeldig', field: 'days' });
  });

  it('knows weekdays and months', () => {
    expect(isoWeekday('2022-08-01')).toBe(1);
    expect(isoWeekday('2022-08-07')).toBe(7);
    expect(nextMonth('2022-12')).toBe('2023-01');
    expect(nextMonth('2022-09')).toBe('2022-10');
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
  });
});
