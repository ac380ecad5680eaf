import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekday } from './dates.ts';
import { AgendaError } from './errors.ts';
import { caught } from './test-helpers.ts';
import { addWorkingDays, dutchHolidays, easterSunday, holidaysOn, isWorkingDay, nthWorkingDay, reportDeadline, workingDaysIn } from './working-days.ts';

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2000, '2000-04-23'],
    // The extremes of the Gregorian range: as early as 22 March, as late as 25 April.
    [2285, '2285-03-22'],
    [2038, '2038-04-25'],
    [2008, '2008-03-23'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('refuses years it cannot place Koningsdag for', () => {
    expect(() => easterSunday(1979)).toThrow(AgendaError);
    expect(() => dutchHolidays(2022.5)).toThrow(/year: kies een jaar van 1980/);
  });
});

describe('dutchHolidays (Algemene termijnenwet)', () => {
  it('lists the holidays of 2022 in date order', () => {
    expect(dutchHolidays(2022)).toEqual([
      { date: '2022-01-01', name: 'Nieuwjaarsdag' },
      { date: '2022-04-17', name: 'Eerste Paasdag' },
      { date: '2022-04-18', name: 'Tweede Paasdag' },
      { date: '2022-04-27', name: 'Koningsdag' },
      { date: '2022-05-05', name: 'Bevrijdingsdag' },
      { date: '2022-05-26', name: 'Hemelvaartsdag' },
      { date: '2022-06-05', name: 'Eerste Pinksterdag' },
      { date: '2022-06-06', name: 'Tweede Pinksterdag' },
      { date: '2022-12-25', name: 'Eerste Kerstdag' },
      { date: '2022-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday, and knows Koninginnedag before 2014', () => {
    expect(holidaysOn('2014-04-26')).toEqual([{ date: '2014-04-26', name: 'Koningsdag' }]);
    expect(holidaysOn('2025-04-26')).toEqual([{ date: '2025-04-26', name: 'Koningsdag' }]);
    expect(holidaysOn('2025-04-27')).toEqual([]);
    expect(holidaysOn('2013-04-30')).toEqual([{ date: '2013-04-30', name: 'Koninginnedag' }]);
    expect(holidaysOn('2006-04-29')).toEqual([{ date: '2006-04-29', name: 'Koninginnedag' }]);
  });

  it('lists both holidays when two fall on one day', () => {
    expect(holidaysOn('2016-05-05').map((h) => h.name)).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
    expect(dutchHolidays(2016)).toHaveLength(10);
  });

  it('keeps Pinksteren and Hemelvaart at Easter + 39, 49 and 50 days', () => {
    const names = (y: number) => Object.fromEntries(dutchHolidays(y).map((h) => [h.name, h.date]));
    expect(names(2024)).toMatchObject({ Hemelvaartsdag: '2024-05-09', 'Eerste Pinksterdag': '2024-05-19', 'Tweede Pinksterdag': '2024-05-20', 'Tweede Paasdag': '2024-04-01' });
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday without holidays', () => {
    expect(isWorkingDay('2022-08-01')).toBe(true); // Monday
    expect(isWorkingDay('2022-08-06')).toBe(false); // Saturday
    expect(isWorkingDay('2022-08-07')).toBe(false); // Sunday
    expect(isWorkingDay('2022-05-05')).toBe(false); // Bevrijdingsdag, a Thursday
    expect(isWorkingDay('2022-05-26')).toBe(false); // Hemelvaartsdag
    expect(isWorkingDay('2024-01-01')).toBe(false); // Nieuwjaarsdag, a Monday
  });

  it('counts Goede Vrijdag as a working day: the Algemene termijnenwet does not list it', () => {
    expect(isWorkingDay('2023-04-07')).toBe(true);
    expect(isWorkingDay('2023-04-10')).toBe(false); // Tweede Paasdag
  });

  it('refuses a date that does not exist', () => {
    expect(() => isWorkingDay('2022-02-30')).toThrow(/'2022-02-30' is geen geldige datum/);
  });
});

describe('nthWorkingDay and reportDeadline', () => {
  it('counts the working days of a month', () => {
    expect(workingDaysIn('2022-08')).toHaveLength(23);
    // May 2022: 22 weekdays, minus Bevrijdingsdag (Thu 5) and Hemelvaartsdag (Thu 26).
    expect(workingDaysIn('2022-05')).toHaveLength(20);
  });

  it.each([
    // August 2022 starts on a Monday: 1, 2, 3, 4, 5.
    ['2022-07', '2022-08-05'],
    // January 2023: Nieuwjaarsdag is a Sunday; 2, 3, 4, 5, 6.
    ['2022-12', '2023-01-06'],
    // May 2022 starts on a Sunday; 2, 3, 4, (5 Bevrijdingsdag), 6, 9.
    ['2022-04', '2022-05-09'],
    // October 2022 starts on a Saturday: 3, 4, 5, 6, 7.
    ['2022-09', '2022-10-07'],
    // April 2023 starts on a Saturday; Goede Vrijdag 7 April counts: 3, 4, 5, 6, 7.
    ['2023-03', '2023-04-07'],
    // April 2024: Tweede Paasdag is Monday 1 April: 2, 3, 4, 5, 8.
    ['2024-03', '2024-04-08'],
    // January 2024: Nieuwjaarsdag is a Monday: 2, 3, 4, 5, 8.
    ['2023-12', '2024-01-08'],
    // May 2023: 1, 2, 3, 4, (5 Bevrijdingsdag, a Friday), 8.
    ['2023-04', '2023-05-08'],
  ])('the report for %s is due on %s', (month, due) => {
    expect(reportDeadline(month)).toBe(due);
    expect(reportDeadline(month, { workingDay: 5 })).toBe(due);
  });

  it('takes another working day when configured', () => {
    expect(reportDeadline('2022-12', { workingDay: 1 })).toBe('2023-01-02');
    expect(reportDeadline('2022-04', { workingDay: 10 })).toBe('2022-05-16');
    expect(nthWorkingDay('2022-08', 23)).toBe('2022-08-31');
  });

  it('refuses a working day the month does not have, naming the field', () => {
    expect(() => nthWorkingDay('2022-05', 21)).toThrow('workingDay: mei 2022 heeft 20 werkdagen; werkdag 21 bestaat niet.');
    expect(() => reportDeadline('2022-07', { workingDay: 0 })).toThrow(/workingDay: de hoeveelste werkdag/);
    expect(() => reportDeadline('2022-13')).toThrow(/'2022-13' is geen geldige maand/);
    expect(caught(() => nthWorkingDay('2022-08', 1.5))).toMatchObject({ code: 'werkdag-ongeldig', field: 'workingDay' });
  });
});

describe('working days over many years', () => {
  it('has Easter on a Sunday between 22 March and 25 April, and every n-th working day a working day in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1980, max: 2400 }), fc.integer({ min: 1, max: 12 }), (year, m) => {
        const easter = easterSunday(year);
        expect(isoWeekday(easter)).toBe(7);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        const month = `${year}-${String(m).padStart(2, '0')}`;
        const days = workingDaysIn(month);
        expect(days.length).toBeGreaterThanOrEqual(17);
        days.forEach((d, i) => {
          expect(nthWorkingDay(month, i + 1)).toBe(d);
          expect(isoWeekday(d)).toBeLessThanOrEqual(5);
          expect(holidaysOn(d)).toEqual([]);
          if (i > 0) expect(addWorkingDays(days[i - 1]!, 1)).toBe(d);
        });
      }),
    );
  });
});

describe('addWorkingDays', () => {
  it('moves over weekends and holidays in both directions', () => {
    expect(addWorkingDays('2022-05-09', -2)).toBe('2022-05-04');
    expect(addWorkingDays('2022-05-04', 1)).toBe('2022-05-06');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-27');
    expect(addWorkingDays('2022-08-06', 0)).toBe('2022-08-06');
  });
});
