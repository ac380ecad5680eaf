import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/csv.ts';
import {
  DEMO_BAD_LINE,
  DEMO_FROM,
  DEMO_MISSING_DAYS,
  DEMO_PERMIT_HOLDERS_TOTAL,
  DEMO_TO,
  TER_APEL_CODE,
  TER_APEL_NORM,
  TER_APEL_ON_DEMO_DAY,
  demoLocations,
  demoOccupancy,
  demoOccupancyCsv,
  demoOccupancyCsvWithBadLine,
  terApelSeries,
} from './demo-series.ts';
import { forecastBreach } from './forecast.ts';
import { capacityOn, checkLocation, openPeriods, isOpenOn, LOCATION_TYPES } from './locations.ts';
import { breachDays, breachSummary, newBreachAlerts } from './norms.ts';
import { parseOccupancyCsv } from './occupancy-file.ts';

const terApel = () => demoLocations().find((l) => l.code === TER_APEL_CODE)!;

describe('demo data', () => {
  it('shows Ter Apel on 8 July 2022 at 2,193, 193 over its norm of 2,000', () => {
    const location = terApel();
    expect(location).toMatchObject({ type: 'aanmeldcentrum', municipalityCode: 'GM1950', provinceCode: 'PV20' });
    expect(location.norms).toEqual([{ from: '2022-01-01', to: null, max: 2000 }]);
    const series = terApelSeries();
    expect(series.get('2022-07-08')).toBe(2193);
    expect(TER_APEL_ON_DEMO_DAY).toBe(2193);
    expect(breachSummary(series, location.norms).last).toEqual({ date: '2022-07-08', occupancy: 2193, norm: 2000, difference: 193 });
  });

  it('makes 2,193 the highest number since April', () => {
    const series = terApelSeries();
    const [first] = [...series.keys()].sort();
    expect(first).toBe(DEMO_FROM);
    const before = [...series.entries()].filter(([d]) => d < DEMO_TO).map(([, v]) => v);
    expect(before.length).toBeGreaterThan(90);
    expect(Math.max(...before)).toBeLessThan(2193);
  });

  it('rises with noise, breaches the norm on several earlier days, and is in a run of breach days on 8 July', () => {
    const series = terApelSeries();
    const values = [...series.values()];
    expect(values[values.length - 1]! - values[0]!).toBeGreaterThan(400);
    // Noise: not a straight climb.
    expect(values.some((v, i) => i > 0 && v < values[i - 1]!)).toBe(true);
    const norms = terApel().norms;
    const earlier = breachDays(series, norms).filter((d) => d.date < DEMO_TO);
    expect(earlier.length).toBeGreaterThanOrEqual(10);
    expect(earlier.every((d) => d.occupancy > TER_APEL_NORM)).toBe(true);
    const summary = breachSummary(series, norms);
    expect(summary.currentStreak?.to).toBe(DEMO_TO);
    // The missing Sunday lies inside the run and does not break it.
    const missing = DEMO_MISSING_DAYS[TER_APEL_CODE]![0]!;
    expect(series.has(missing)).toBe(false);
    expect(summary.currentStreak!.from < missing).toBe(true);
    expect(summary.currentStreak!.calendarDays).toBe(summary.currentStreak!.breachDays + 1);
    expect(newBreachAlerts(TER_APEL_CODE, series, norms).length).toBeGreaterThanOrEqual(1);
    // Pinned so that a change to the generator is a deliberate one.
    expect(summary.breachDays).toBe(25);
  });

  it('gives a forecast that keeps Ter Apel over its norm', () => {
    const f = forecastBreach(terApelSeries(), terApel().norms);
    expect(f.firstBreach?.date).toBe('2022-07-09');
    expect(f.backtest.days).toBe(27);
    expect(f.backtest.mae).toBeGreaterThan(0);
  });

  it('has exactly 7,500 permit holders nationally on 8 July 2022, never more than occupants', () => {
    const onDay = demoOccupancy().filter((d) => d.date === DEMO_TO);
    expect(onDay.reduce((a, d) => a + d.permitHolders, 0)).toBe(7500);
    expect(DEMO_PERMIT_HOLDERS_TOTAL).toBe(7500);
    for (const d of demoOccupancy()) expect(d.permitHolders).toBeLessThanOrEqual(d.occupancy);
  });

  it('has every location type but overig, in several provinces, with valid capacity events and figures only while open', () => {
    const locations = demoLocations();
    for (const [i, l] of locations.entries()) checkLocation(l, `locations[${i}]`);
    expect(new Set(locations.map((l) => l.type))).toEqual(new Set(LOCATION_TYPES.filter((t) => t !== 'overig')));
    expect(new Set(locations.map((l) => l.provinceCode)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(locations.flatMap((l) => l.events.map((e) => e.kind)))).toEqual(new Set(['opening', 'uitbreiding', 'inkrimping', 'sluiting']));
    const byCode = new Map(locations.map((l) => [l.code, { ...l, open: openPeriods(l.events) }]));
    for (const d of demoOccupancy()) {
      const l = byCode.get(d.locationCode)!;
      expect(isOpenOn(l.open, d.date)).toBe(true);
      if (l.code !== TER_APEL_CODE) expect(d.occupancy).toBeLessThanOrEqual(capacityOn(l.events, d.date));
    }
  });

  it('uses municipality codes that exist in 2022, in the province stated', () => {
    const rows = parseCsv(readFileSync(new URL('../../../data/nl_gemeenten_2022_provincie.csv', import.meta.url), 'utf8'));
    const province = new Map(rows.slice(1).map((r) => [r.fields[0], r.fields[2]]));
    for (const l of demoLocations()) expect([l.code, province.get(l.municipalityCode)]).toEqual([l.code, l.provinceCode]);
  });

  it('is deterministic', () => {
    expect(demoOccupancy()).toEqual(demoOccupancy());
    expect(demoOccupancyCsv()).toBe(demoOccupancyCsv());
  });

  it('passes the upload checker whole, and is rejected whole with one bad line', () => {
    const locations = demoLocations().map((l) => ({ code: l.code, name: l.name, open: openPeriods(l.events) }));
    const good = parseOccupancyCsv(demoOccupancyCsv(), { locations, notAfter: DEMO_TO });
    expect(good.errors).toEqual([]);
    expect(good.lines).toHaveLength(demoOccupancy().length);
    const bad = parseOccupancyCsv(demoOccupancyCsvWithBadLine(), { locations, notAfter: DEMO_TO });
    expect(bad.lines).toEqual([]);
    expect(bad.errors).toEqual([{ line: 2, field: 'datum', message: "'31-6-2022' is geen datum (JJJJ-MM-DD of D-M-JJJJ)." }]);
    expect(demoOccupancyCsvWithBadLine().split('\n')[1]).toBe(DEMO_BAD_LINE);
  });
});
