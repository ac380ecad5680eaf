import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProjectionError } from './errors.ts';
import { parseScenario, weekStart } from './scenario.ts';

/** A complete, valid scenario as JSON; each case below breaks one field. */
const valid = (): Record<string, unknown> => ({
  name: 'Test',
  startWeek: '2022-07-04',
  weeks: 104,
  initial: { registrationCentre: 2193, awaitingDecision: 29000, permitHoldersWaiting: 7500 },
  inflowPerWeek: { mean: 900, sd: 150 },
  permitShare: { mean: 0.7, sd: 0.05 },
  registrationWeeks: 1.5,
  processingWeeks: 32,
  rejectedLeaveWeeks: 12,
  housing: { perHalfYear: 13500 },
  capacity: { base: 41000, changes: [{ date: '2022-08-03', change: 1000 }] },
});

function thrown(f: () => unknown): ProjectionError {
  try {
    f();
  } catch (e) {
    if (e instanceof ProjectionError) return e;
    throw e;
  }
  throw new Error('no ProjectionError thrown');
}

/** Sets `path` (dots, numeric parts index lists) in a fresh valid scenario; `undefined` removes the field. */
function withField(path: string, value: unknown): Record<string, unknown> {
  const s = valid();
  const parts = path.split('.');
  let o = s as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) o = o[p] as Record<string, unknown>;
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
  return s;
}

const loadDemo = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../data/scenarios/${file}`, import.meta.url), 'utf8'));

describe('parseScenario', () => {
  it('fills in the defaults and normalises shorthands', () => {
    const s = parseScenario(valid());
    expect(s.inflowPerWeek).toEqual({ perWeek: [900], sd: 150, weeklySd: 0 });
    expect(s.processingWeeks).toEqual({ mean: 32, sd: 0 });
    expect(s.housing).toEqual({ perHalfYear: [13500], paceFactor: { mean: 1, sd: 0 } });
    expect(s.initial.rejectedWaiting).toBe(0);
    expect(s.registrationCentreNorm).toBe(2000);
    // Wednesday 3 August 2022 lies in the week of Monday 1 August: week 4 from 4 July.
    expect(s.capacity.changes).toEqual([{ week: 4, change: 1000 }]);
    const { weeks: _weeks, ...withoutWeeks } = valid();
    expect(parseScenario(withoutWeeks).weeks).toBe(104);
  });

  it('gives a normal form that parses to itself', () => {
    const once = parseScenario(valid());
    expect(parseScenario(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('reads both demo scenarios (taakstelling 13,500 and 20,000), which differ only in the housing task', () => {
    const a = parseScenario(loadDemo('taakstelling-13500.json'));
    const b = parseScenario(loadDemo('taakstelling-20000.json'));
    expect(a.housing.perHalfYear).toEqual([13500]);
    expect(b.housing.perHalfYear).toEqual([20000]);
    expect(a.startWeek).toBe('2022-07-04');
    expect(a.initial.registrationCentre).toBe(2193);
    expect(a.initial.permitHoldersWaiting).toBe(7500);
    expect({ ...b, name: a.name, description: a.description, housing: a.housing }).toEqual(a);
  });

  it.each([
    ['name', undefined, 'veld-ontbreekt', 'name', 'Het veld name ontbreekt.'],
    ['name', '  ', 'veld-ongeldig', 'name', 'moet een tekst'],
    ['startWeek', '2022-07-05', 'datum-ongeldig', 'startWeek', 'moet een maandag zijn'],
    ['startWeek', '2022-02-30', 'datum-ongeldig', 'startWeek', 'moet een datum zijn'],
    ['weeks', 0, 'getal-ongeldig', 'weeks', 'moet een geheel getal van 1 tot en met 520 zijn (gegeven: 0)'],
    ['weeks', 10.5, 'getal-ongeldig', 'weeks', 'geheel getal'],
    ['weeks', 521, 'getal-ongeldig', 'weeks', 'tot en met 520'],
    ['initial.awaitingDecision', -5, 'getal-ongeldig', 'initial.awaitingDecision', 'van 0 tot en met'],
    ['initial.permitHoldersWaiting', undefined, 'veld-ontbreekt', 'initial.permitHoldersWaiting', 'ontbreekt'],
    ['initial.registrationCentre', '2193', 'getal-ongeldig', 'initial.registrationCentre', '(gegeven: "2193")'],
    ['inflowPerWeek', { mean: 900, perWeek: [900] }, 'veld-ongeldig', 'inflowPerWeek', 'precies één van mean'],
    ['inflowPerWeek', { perWeek: [900, 'x'] }, 'getal-ongeldig', 'inflowPerWeek.perWeek[1]', 'getal'],
    ['inflowPerWeek', { perWeek: [] }, 'veld-ongeldig', 'inflowPerWeek.perWeek', 'lijst van 1 tot en met 104'],
    ['inflowPerWeek', { mean: 900, sd: -1 }, 'getal-ongeldig', 'inflowPerWeek.sd', 'van 0 of meer'],
    ['inflowPerWeek', { mean: Number.NaN }, 'getal-ongeldig', 'inflowPerWeek.mean', 'getal'],
    ['permitShare', 1.4, 'getal-ongeldig', 'permitShare', 'moet een getal van 0 tot en met 1 zijn (gegeven: 1.4)'],
    ['permitShare', { mean: 0.7, sd: -0.1 }, 'getal-ongeldig', 'permitShare.sd', 'van 0 of meer'],
    ['permitShare', { sd: 0.1 }, 'veld-ontbreekt', 'permitShare.mean', 'ontbreekt'],
    ['registrationWeeks', undefined, 'veld-ontbreekt', 'registrationWeeks', 'ontbreekt'],
    ['processingWeeks', 0.5, 'getal-ongeldig', 'processingWeeks', 'van 1 tot en met 520'],
    ['rejectedLeaveWeeks', Number.POSITIVE_INFINITY, 'getal-ongeldig', 'rejectedLeaveWeeks', 'getal'],
    ['housing.perHalfYear', [], 'veld-ongeldig', 'housing.perHalfYear', 'één per halfjaar'],
    ['housing.paceFactor', { mean: -0.2 }, 'getal-ongeldig', 'housing.paceFactor.mean', 'van 0 tot en met 10'],
    ['housing.pace', 0.8, 'veld-onbekend', 'housing.pace', 'Het veld housing.pace is onbekend'],
    ['inflowPerweek', 900, 'veld-onbekend', 'inflowPerweek', 'is onbekend'],
    ['capacity.base', undefined, 'veld-ontbreekt', 'capacity.base', 'ontbreekt'],
    ['capacity.changes', [{ week: 104, change: 10 }], 'getal-ongeldig', 'capacity.changes[0].week', 'van 0 tot en met 103'],
    ['capacity.changes', [{ week: 1, date: '2022-07-11', change: 10 }], 'veld-ongeldig', 'capacity.changes[0]', 'precies één van week'],
    ['capacity.changes', [{ date: '2022-06-27', change: 10 }], 'datum-ongeldig', 'capacity.changes[0].date', 'buiten de 104 weken'],
    ['capacity.changes', [{ week: 3 }], 'veld-ontbreekt', 'capacity.changes[0].change', 'ontbreekt'],
    ['capacity.changes', { week: 3, change: 1 }, 'veld-ongeldig', 'capacity.changes', 'moet een lijst zijn'],
    ['registrationCentreNorm', -1, 'getal-ongeldig', 'registrationCentreNorm', 'van 0 tot en met'],
  ])('refuses %s = %j with a Dutch message naming the field', (path, value, code, field, message) => {
    const e = thrown(() => parseScenario(withField(path, value)));
    expect(e.code).toBe(code);
    expect(e.field).toBe(field);
    expect(e.message).toContain(message);
  });

  it('refuses what is not an object', () => {
    for (const v of [null, [], 'scenario', 42]) expect(thrown(() => parseScenario(v)).code).toBe('scenario-ongeldig');
  });

  it('refuses closings that take capacity below zero in some week, naming the first', () => {
    const e = thrown(() =>
      parseScenario(
        withField('capacity', {
          base: 1000,
          changes: [
            { week: 20, change: 500 },
            { week: 10, change: -800 },
            { week: 15, change: -300 },
          ],
        }),
      ),
    );
    // Week order: 10 (1000 − 800 = 200), 15 (200 − 300 < 0) — the later week-20 opening comes too late.
    expect(e.code).toBe('capaciteit-negatief');
    expect(e.field).toBe('capacity.changes[2].change');
    expect(e.message).toBe('Na capacity.changes[2] (week 15) zou de capaciteit negatief worden (-100).');
    expect(() => parseScenario(withField('capacity', { base: 1000, changes: [{ week: 10, change: -1000 }] }))).not.toThrow();
  });

  it('accepts a list of inflow per week and of taakstellingen per half-year', () => {
    const s = parseScenario({ ...valid(), weeks: 52, inflowPerWeek: { perWeek: [800, 900, 1000], weeklySd: 50 }, housing: { perHalfYear: [13500, 21200] } });
    expect(s.inflowPerWeek).toEqual({ perWeek: [800, 900, 1000], sd: 0, weeklySd: 50 });
    expect(s.housing.perHalfYear).toEqual([13500, 21200]);
    // 52 weeks are two half-years, so a third value is one too many.
    expect(thrown(() => parseScenario({ ...valid(), weeks: 52, housing: { perHalfYear: [1, 2, 3] } })).field).toBe('housing.perHalfYear');
  });
});

describe('parseScenario: housing per week from the pipeline', () => {
  it('accepts persons per week, keeps the neutral pace factor and gives a normal form that parses to itself', () => {
    const s = parseScenario({ ...valid(), weeks: 6, housing: { perHalfYear: 13500, homesPerWeek: [4.4, 0, 22, 8.8] } });
    expect(s.housing).toEqual({ perHalfYear: [13500], paceFactor: { mean: 1, sd: 0 }, homesPerWeek: [4.4, 0, 22, 8.8] });
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(parseScenario({ ...valid(), weeks: 6, housing: { perHalfYear: 13500, paceFactor: 1, homesPerWeek: [1] } }).housing.homesPerWeek).toEqual([1]);
    expect(parseScenario({ ...valid(), weeks: 6, housing: { perHalfYear: 13500, paceFactor: { mean: 1, sd: 0 }, homesPerWeek: [1] } }).housing.paceFactor).toEqual({ mean: 1, sd: 0 });
    // Without the option the normal form has no such field at all.
    expect('homesPerWeek' in parseScenario(valid()).housing).toBe(false);
  });

  it('refuses an empty or too long list, a bad number and a pace factor beside it', () => {
    const at = (housing: unknown) => thrown(() => parseScenario({ ...valid(), weeks: 6, housing }));
    expect(at({ perHalfYear: 1, homesPerWeek: [] }).field).toBe('housing.homesPerWeek');
    expect(at({ perHalfYear: 1, homesPerWeek: [1, 2, 3, 4, 5, 6, 7] }).message).toBe('Het veld housing.homesPerWeek moet een lijst van 1 tot en met 6 getallen zijn (personen per week).');
    expect(at({ perHalfYear: 1, homesPerWeek: 5 }).field).toBe('housing.homesPerWeek');
    expect(at({ perHalfYear: 1, homesPerWeek: [1, -2] }).field).toBe('housing.homesPerWeek[1]');
    expect(at({ perHalfYear: 1, homesPerWeek: [1, '2'] }).code).toBe('getal-ongeldig');
    const pace = at({ perHalfYear: 1, paceFactor: 0.9, homesPerWeek: [1] });
    expect([pace.code, pace.field]).toEqual(['veld-ongeldig', 'housing.paceFactor']);
    expect(at({ perHalfYear: 1, paceFactor: { mean: 1, sd: 0.1 }, homesPerWeek: [1] }).field).toBe('housing.paceFactor');
    expect(at({ perHalfYear: 1, homesperweek: [1] }).code).toBe('veld-onbekend');
    // The taakstelling of reference stays required.
    expect(at({ homesPerWeek: [1] }).field).toBe('housing.perHalfYear');
  });
});

describe('weekStart', () => {
  it('counts whole weeks from the start Monday, across the year end', () => {
    expect(weekStart('2022-07-04', 0)).toBe('2022-07-04');
    expect(weekStart('2022-07-04', 26)).toBe('2023-01-02');
    expect(weekStart('2022-07-04', 103)).toBe('2024-06-24');
  });
});
