import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors.ts';
import { checkDate, comparePeriods, dayBefore, lastDayOfMonth, monthIndex, monthsEnded, nextPeriod, periodMonths, periodOf, previousPeriod } from './periods.ts';

describe('periods', () => {
  it('steps to the next and previous half-year across a year end', () => {
    expect(nextPeriod('2022-I')).toBe('2022-II');
    expect(nextPeriod('2022-II')).toBe('2023-I');
    expect(previousPeriod('2023-I')).toBe('2022-II');
    expect(previousPeriod('2022-II')).toBe('2022-I');
    expect(['2023-I', '2022-II', '2022-I'].sort(comparePeriods)).toEqual(['2022-I', '2022-II', '2023-I']);
  });

  it('lists the six months of a half-year', () => {
    expect(periodMonths('2022-II')).toEqual(['2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12']);
    expect(periodMonths('2023-I')).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
  });

  it('gives the month index k of a date or month within its half-year', () => {
    expect(monthIndex('2022-01-31')).toEqual({ period: '2022-I', month: '2022-01', index: 1 });
    expect(monthIndex('2022-06-30')).toEqual({ period: '2022-I', month: '2022-06', index: 6 });
    expect(monthIndex('2022-07-01')).toEqual({ period: '2022-II', month: '2022-07', index: 1 });
    expect(monthIndex('2022-09')).toEqual({ period: '2022-II', month: '2022-09', index: 3 });
    expect(monthIndex('2022-12-31').index).toBe(6);
  });

  it('counts the months that have ended on a date', () => {
    expect(monthsEnded('2022-II', '2022-06-30')).toBe(0);
    expect(monthsEnded('2022-II', '2022-09-29')).toBe(2);
    expect(monthsEnded('2022-II', '2022-09-30')).toBe(3);
    expect(monthsEnded('2022-II', '2022-12-31')).toBe(6);
    expect(monthsEnded('2022-II', '2030-01-01')).toBe(6);
  });

  it('handles calendar details', () => {
    expect(dayBefore('2022-01-01')).toBe('2021-12-31');
    expect(dayBefore('2022-03-24')).toBe('2022-03-23');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2023-02')).toBe('2023-02-28');
    expect(periodOf('2022-03-23')).toBe('2022-I');
  });

  it('refuses bad input in Dutch', () => {
    expect(() => nextPeriod('2022-III')).toThrow(LedgerError);
    expect(() => nextPeriod('2022-III')).toThrow(/geen halfjaar/);
    expect(() => checkDate('2022-02-30')).toThrow(/geen geldige datum/);
    expect(() => monthIndex('2022-13')).toThrow(/geen geldige maand/);
  });
});
