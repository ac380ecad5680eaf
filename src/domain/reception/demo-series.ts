/**
 * A deterministic demo data set for reception monitoring around the LRT meeting of 8 July 2022. From the seed:
 * Ter Apel's norm of 2,000 and its 2,193 residents on 8 July 2022, "het hoogste aantal sinds april", and the 7,500
 * permit holders "to flow out". Everything else (the other locations, their capacities and daily figures) is invented
 * to look plausible; the names are real places with no claim about their actual figures. The same call always gives
 * the same numbers (a seeded generator, no clock, no Math.random).
 */
import { toCsv } from '../../lib/csv.ts';
import { daysBetween, eachDay } from './dates.ts';
import { capacitySeries, type CapacityEvent, type ReceptionLocation } from './locations.ts';
import type { NormPeriod } from './norms.ts';

export const DEMO_FROM = '2022-04-01';
export const DEMO_TO = '2022-07-08';
export const TER_APEL_CODE = 'TERAPEL';
export const TER_APEL_NORM = 2000;
/** Ter Apel's occupancy on `DEMO_TO`, from the seed. */
export const TER_APEL_ON_DEMO_DAY = 2193;
/** Permit holders in reception nationally on `DEMO_TO`, from the seed ("7.500 statushouders uitstromen"). */
export const DEMO_PERMIT_HOLDERS_TOTAL = 7500;
/** Days without figures, to show that a missing day is unknown and breaks no streak (a Sunday in Ter Apel's run). */
export const DEMO_MISSING_DAYS: Readonly<Record<string, readonly string[]>> = Object.freeze({ [TER_APEL_CODE]: Object.freeze(['2022-06-26']) });

export interface DemoLocation extends ReceptionLocation {
  provinceCode: string;
  norms: readonly NormPeriod[];
}

export interface DemoOccupancy {
  locationCode: string;
  date: string;
  occupancy: number;
  permitHolders: number;
}

interface Spec {
  location: DemoLocation;
  /** Permit holders on DEMO_TO; they add up to DEMO_PERMIT_HOLDERS_TOTAL. */
  permitHolders: number;
}

const ev = (date: string, kind: CapacityEvent['kind'], places: number): CapacityEvent => ({ date, kind, places });
const loc = (
  code: string,
  name: string,
  type: DemoLocation['type'],
  municipalityCode: string,
  provinceCode: string,
  events: CapacityEvent[],
  permitHolders: number,
  norms: NormPeriod[] = [],
): Spec => ({ location: { code, name, type, municipalityCode, provinceCode, events, norms }, permitHolders });

const SPECS: readonly Spec[] = [
  loc(TER_APEL_CODE, 'Aanmeldcentrum Ter Apel', 'aanmeldcentrum', 'GM1950', 'PV20', [ev('2000-01-01', 'opening', 2000)], 150, [
    { from: '2022-01-01', to: null, max: TER_APEL_NORM },
  ]),
  loc('BUDEL', 'Azc Budel-Cranendonck', 'azc', 'GM1706', 'PV30', [ev('2016-03-01', 'opening', 1200), ev('2022-05-16', 'uitbreiding', 300)], 850),
  loc('GILZE', 'Azc Gilze', 'azc', 'GM0784', 'PV30', [ev('2019-10-01', 'opening', 1200)], 700),
  loc('ZWOLLE', 'Azc Zwolle', 'azc', 'GM0193', 'PV23', [ev('2015-11-02', 'opening', 900)], 560),
  loc('ASSEN', 'Azc Assen', 'azc', 'GM0106', 'PV22', [ev('2014-06-02', 'opening', 1100)], 650),
  loc('EMMEN', 'Azc Emmen', 'azc', 'GM0114', 'PV22', [ev('2013-04-01', 'opening', 1250)], 760),
  loc('UTRECHT', 'Azc Utrecht', 'azc', 'GM0344', 'PV26', [ev('2016-01-04', 'opening', 1600), ev('2022-05-01', 'inkrimping', 200)], 820),
  loc('ALMERE', 'Azc Almere', 'azc', 'GM0034', 'PV24', [ev('2017-09-01', 'opening', 1300)], 800),
  loc('DENHAAG', 'Azc Den Haag', 'azc', 'GM0518', 'PV28', [ev('2018-02-01', 'opening', 1000)], 640),
  loc('MAASTRICHT', 'Azc Maastricht', 'azc', 'GM0935', 'PV31', [ev('2015-10-01', 'opening', 900)], 560),
  loc('ARNHEM', 'Noodopvang Arnhem', 'noodopvang', 'GM0202', 'PV25', [ev('2022-05-02', 'opening', 400), ev('2022-06-01', 'uitbreiding', 200)], 380),
  loc('NIJMEGEN', 'Noodopvang Nijmegen', 'noodopvang', 'GM0268', 'PV25', [ev('2022-04-11', 'opening', 250), ev('2022-07-01', 'sluiting', 250)], 0),
  loc('DENHELDER', 'Crisisnoodopvang Den Helder', 'crisisnoodopvang', 'GM0400', 'PV27', [ev('2022-06-20', 'opening', 300)], 120),
  loc('LEEUWARDEN', 'Flexibele opvang Leeuwarden', 'flexibele opvang', 'GM0080', 'PV21', [ev('2022-01-10', 'opening', 800)], 510),
];

/** mulberry32: a tiny seeded generator, enough for demo noise, identical on every platform. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedOf = (code: string) => [...code].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** The demo locations (a fresh copy each call). */
export function demoLocations(): DemoLocation[] {
  return SPECS.map((s) => ({ ...s.location, events: s.location.events.map((e) => ({ ...e })), norms: s.location.norms.map((n) => ({ ...n })) }));
}

/**
 * Ter Apel from 1 April to 8 July 2022: a rising trend (about 1,640 → 2,120) with noise, over the norm on many days
 * from June on, and exactly 2,193 on 8 July, the highest of the whole period (every earlier day is kept below it).
 */
function terApel(): Map<string, number> {
  const next = generator(seedOf(TER_APEL_CODE));
  const days = eachDay(DEMO_FROM, DEMO_TO);
  const out = new Map<string, number>();
  days.forEach((date, i) => {
    const trend = 1640 + ((2120 - 1640) * i) / (days.length - 2);
    const noise = Math.round((next() - 0.5) * 90);
    const value = date === DEMO_TO ? TER_APEL_ON_DEMO_DAY : Math.min(Math.round(trend) + noise, TER_APEL_ON_DEMO_DAY - 9);
    if (!DEMO_MISSING_DAYS[TER_APEL_CODE]!.includes(date)) out.set(date, value);
  });
  return out;
}

/** Ter Apel's occupancy per day (1 April – 8 July 2022, one missing day): the series the norm rules run on. */
export function terApelSeries(): Map<string, number> {
  return terApel();
}

/**
 * Daily occupancy and permit holders of every demo location on the days it is open between `DEMO_FROM` and
 * `DEMO_TO`, by location then date. Permit holders rise towards their figure on `DEMO_TO` and never exceed occupancy.
 */
export function demoOccupancy(): DemoOccupancy[] {
  const out: DemoOccupancy[] = [];
  for (const { location, permitHolders: target } of SPECS) {
    const next = generator(seedOf(location.code));
    const terApelDays = location.code === TER_APEL_CODE ? terApel() : null;
    const missing = DEMO_MISSING_DAYS[location.code] ?? [];
    const opened = location.events.filter((e) => e.kind === 'opening').map((e) => e.date);
    for (const { date, capacity } of capacitySeries(location.events, DEMO_FROM, DEMO_TO)) {
      if (capacity === 0 || missing.includes(date)) continue;
      const since = opened.filter((d) => d <= date).pop()!;
      const openDays = daysBetween(since, date);
      const progress = daysBetween(DEMO_FROM, date) / daysBetween(DEMO_FROM, DEMO_TO);
      let occupancy: number;
      if (terApelDays) occupancy = terApelDays.get(date)!;
      else {
        // A new location fills up over its first two weeks; an established one fills from about 88 % to 96 %.
        const fill = Math.min(1, (openDays + 4) / 18) * (0.88 + 0.08 * progress) + (next() - 0.5) * 0.02;
        occupancy = Math.min(capacity, Math.max(0, Math.round(capacity * fill)));
      }
      // Permit holders climb from 85 % of their final figure (or from 0 at a new location) and land on it exactly.
      const start = since > DEMO_FROM ? 0 : 0.85 * target;
      const span = Math.max(1, daysBetween(since > DEMO_FROM ? since : DEMO_FROM, DEMO_TO));
      const share = date === DEMO_TO ? target : Math.round(start + ((target - start) * Math.min(span, daysBetween(since > DEMO_FROM ? since : DEMO_FROM, date))) / span);
      out.push({ locationCode: location.code, date, occupancy, permitHolders: Math.min(share, occupancy) });
    }
  }
  return out;
}

/** The demo figures as COA's daily list, as an upload would bring them. */
export function demoOccupancyCsv(): string {
  return toCsv(
    ['locatiecode', 'datum', 'bezetting', 'statushouders'],
    demoOccupancy().map((d) => [d.locationCode, d.date, d.occupancy, d.permitHolders]),
  );
}

/** The line `demoOccupancyCsvWithBadLine` slips in: a date that does not exist (31 June). */
export const DEMO_BAD_LINE = `${TER_APEL_CODE},31-6-2022,2150,150`;

/**
 * The same list with one bad line slipped in after the header, to show that such an upload is refused whole:
 * all other lines are fine, and none of them is stored.
 */
export function demoOccupancyCsvWithBadLine(): string {
  const [header, ...rest] = demoOccupancyCsv().split('\n');
  return [header, DEMO_BAD_LINE, ...rest].join('\n');
}
