import { describe, expect, it } from 'vitest';
import { addDays, checkIsoDate, daysBetween, eachDay } from './dates.ts';
import { ReceptionError } from './errors.ts';
import {
  LOCATION_TYPES,
  LOCATION_TYPE_LABELS,
  capacityOn,
  capacitySeries,
  checkCapacityEvents,
  checkLocation,
  checkLocationCode,
  isLocationType,
  isOpenOn,
  openPeriods,
  type CapacityEvent,
} from './locations.ts';

const ev = (date: string, kind: CapacityEvent['kind'], places: number): CapacityEvent => ({ date, kind, places });

function errorOf(f: () => unknown): ReceptionError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReceptionError) return e;
    throw e;
  }
  throw new Error('geen fout gegooid');
}

describe('dates', () => {
  it('counts calendar days across month ends, leap days and the daylight-saving change', () => {
    expect(addDays('2022-06-30', 8)).toBe('2022-07-08');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-03-27', 1)).toBe('2022-03-28');
    expect(daysBetween('2022-04-01', '2022-07-08')).toBe(98);
    expect(daysBetween('2022-07-08', '2022-04-01')).toBe(-98);
    expect(eachDay('2022-02-27', '2022-03-01')).toEqual(['2022-02-27', '2022-02-28', '2022-03-01']);
    expect(eachDay('2022-03-01', '2022-02-27')).toEqual([]);
  });

  it('accepts only real ISO dates', () => {
    expect(checkIsoDate('2022-07-08')).toBe('2022-07-08');
    for (const bad of ['2022-02-30', '8-7-2022', '2022-7-8', '', null]) expect(errorOf(() => checkIsoDate(bad, 'x')).code).toBe('datum-ongeldig');
  });
});

describe('location types', () => {
  it('has the five kinds of the issue plus overig, each with a Dutch label', () => {
    expect(LOCATION_TYPES).toEqual(['aanmeldcentrum', 'azc', 'noodopvang', 'crisisnoodopvang', 'flexibele opvang', 'overig']);
    expect(Object.keys(LOCATION_TYPE_LABELS).sort()).toEqual([...LOCATION_TYPES].sort());
    expect(LOCATION_TYPE_LABELS['flexibele opvang']).toBe('Flexibele opvang');
    expect(isLocationType('crisisnoodopvang')).toBe(true);
    expect(isLocationType('AZC')).toBe(false);
  });

  it('checks a location as a whole, naming the field that is wrong', () => {
    const base = { code: 'TERAPEL', name: 'Ter Apel', type: 'aanmeldcentrum' as const, municipalityCode: 'GM1950', events: [ev('2000-01-01', 'opening', 2000)] };
    expect(checkLocation(base).code).toBe('TERAPEL');
    expect(errorOf(() => checkLocation({ ...base, type: 'hotel' as never })).field).toBe('location.type');
    expect(errorOf(() => checkLocation({ ...base, municipalityCode: '1950' })).code).toBe('gemeentecode-ongeldig');
    const e = errorOf(() => checkLocation({ ...base, events: [ev('2000-01-01', 'sluiting', 0)] }));
    expect([e.code, e.field, e.locationCodes]).toEqual(['opening-ontbreekt', 'location.events[0].date', ['TERAPEL']]);
    expect(checkLocationCode('AZC-BUDEL-2')).toBe('AZC-BUDEL-2');
    for (const bad of ['ter apel', 'TERAPEL_2', 'T', '-TERAPEL', 'X'.repeat(31)]) expect(errorOf(() => checkLocationCode(bad)).code).toBe('locatiecode-ongeldig');
    expect(checkLocationCode('X'.repeat(30))).toHaveLength(30);
  });
});

describe('capacity over time', () => {
  const events = [
    ev('2022-08-01', 'uitbreiding', 250),
    ev('2022-01-01', 'opening', 2000),
    ev('2022-10-01', 'inkrimping', 500),
    ev('2023-01-01', 'sluiting', 1750),
    ev('2023-03-01', 'opening', 100),
  ];

  it('adds the events up to and including the day, in date order whatever the input order', () => {
    expect(capacityOn(events, '2021-12-31')).toBe(0);
    expect(capacityOn(events, '2022-01-01')).toBe(2000);
    expect(capacityOn(events, '2022-07-31')).toBe(2000);
    expect(capacityOn(events, '2022-08-01')).toBe(2250);
    expect(capacityOn(events, '2022-10-01')).toBe(1750);
    expect(capacityOn(events, '2022-12-31')).toBe(1750);
    expect(capacityOn(events, '2023-01-01')).toBe(0);
    expect(capacityOn(events, '2023-03-01')).toBe(100);
  });

  it('gives a daily series that agrees with capacityOn on every day', () => {
    const series = capacitySeries(events, '2021-12-30', '2023-03-02');
    expect(series).toHaveLength(daysBetween('2021-12-30', '2023-03-02') + 1);
    for (const d of series) expect(d.capacity).toBe(capacityOn(events, d.date));
    expect(series.find((d) => d.date === '2022-12-31')).toEqual({ date: '2022-12-31', capacity: 1750, open: true });
    expect(series.find((d) => d.date === '2023-01-01')).toEqual({ date: '2023-01-01', capacity: 0, open: false });
    expect(errorOf(() => capacitySeries(events, '2022-02-01', '2022-01-01')).code).toBe('periode-ongeldig');
  });

  it('keeps a location reduced to 0 places open', () => {
    const empty = [ev('2022-01-01', 'opening', 100), ev('2022-02-01', 'inkrimping', 100)];
    expect(capacitySeries(empty, '2022-02-01', '2022-02-01')).toEqual([{ date: '2022-02-01', capacity: 0, open: true }]);
    expect(openPeriods(empty)).toEqual([{ from: '2022-01-01', to: null }]);
  });

  it('derives open periods with the last open day the day before the closing', () => {
    const periods = openPeriods(events);
    expect(periods).toEqual([
      { from: '2022-01-01', to: '2022-12-31' },
      { from: '2023-03-01', to: null },
    ]);
    expect(isOpenOn(periods, '2022-12-31')).toBe(true);
    expect(isOpenOn(periods, '2023-01-01')).toBe(false);
    expect(isOpenOn(periods, '2023-02-28')).toBe(false);
    expect(isOpenOn(periods, '2030-01-01')).toBe(true);
    expect(isOpenOn(periods, '2021-12-31')).toBe(false);
  });

  it('keeps the given order of events on one day', () => {
    expect(capacityOn([ev('2022-01-01', 'opening', 10), ev('2022-01-01', 'uitbreiding', 5)], '2022-01-01')).toBe(15);
    expect(errorOf(() => checkCapacityEvents([ev('2022-01-01', 'uitbreiding', 5), ev('2022-01-01', 'opening', 10)])).code).toBe('opening-ontbreekt');
  });

  it('refuses events that break the rules, with a Dutch message and the field', () => {
    const cases: [CapacityEvent[], string, string][] = [
      [[ev('2022-13-01', 'opening', 1)], 'datum-ongeldig', 'events[0].date'],
      [[ev('2022-01-01', 'verbouwing' as never, 1)], 'gebeurtenis-onbekend', 'events[0].kind'],
      [[ev('2022-01-01', 'opening', 0)], 'plaatsen-ongeldig', 'events[0].places'],
      [[ev('2022-01-01', 'opening', 2.5)], 'plaatsen-ongeldig', 'events[0].places'],
      [[ev('2022-01-01', 'opening', -3)], 'plaatsen-ongeldig', 'events[0].places'],
      [[ev('2022-01-01', 'opening', 10), ev('2022-02-01', 'opening', 10)], 'al-geopend', 'events[1].kind'],
      [[ev('2022-02-01', 'opening', 10), ev('2022-01-01', 'sluiting', 10)], 'opening-ontbreekt', 'events[1].date'],
      [[ev('2022-01-01', 'opening', 10), ev('2022-01-01', 'sluiting', 10)], 'opening-ontbreekt', 'events[1].date'],
      [[ev('2022-01-01', 'opening', 10), ev('2022-02-01', 'inkrimping', 11)], 'capaciteit-negatief', 'events[1].places'],
      [[ev('2022-01-01', 'opening', 10), ev('2022-02-01', 'sluiting', 8)], 'sluiting-aantal-onjuist', 'events[1].places'],
      [[ev('2022-01-01', 'opening', 10), ev('2022-02-01', 'sluiting', 10), ev('2022-03-01', 'uitbreiding', 5)], 'opening-ontbreekt', 'events[2].date'],
    ];
    for (const [events, code, field] of cases) {
      const e = errorOf(() => checkCapacityEvents(events));
      expect([e.code, e.field]).toEqual([code, field]);
      expect(e.message).toMatch(/[a-z]/);
    }
    expect(errorOf(() => checkCapacityEvents([ev('2022-01-01', 'opening', 10), ev('2022-02-01', 'inkrimping', 11)])).message).toBe(
      'inkrimping met 11 plaatsen op 2022-02-01 maakt de capaciteit negatief (er zijn er 10).',
    );
  });
});
