/**
 * Reception locations and their capacity over time. A location's capacity is not a fixed number: it opens,
 * is extended or reduced, closes and may open again, each from a date. Capacity on a day is what the events up to and
 * including that day add up to. Pure: no I/O; dates are ISO strings.
 */
import { addDays, checkIsoDate, eachDay } from './dates.ts';
import { ReceptionError } from './errors.ts';

export type LocationType = 'aanmeldcentrum' | 'azc' | 'noodopvang' | 'crisisnoodopvang' | 'flexibele opvang' | 'overig';

/** The location types in the order the pages show them; `overig` for whatever fits none of the others. */
export const LOCATION_TYPES: readonly LocationType[] = Object.freeze(['aanmeldcentrum', 'azc', 'noodopvang', 'crisisnoodopvang', 'flexibele opvang', 'overig']);

/** Dutch labels for people. `LOCATION_TYPE_LABELS.azc` → 'Asielzoekerscentrum (azc)' */
export const LOCATION_TYPE_LABELS: Readonly<Record<LocationType, string>> = Object.freeze({
  aanmeldcentrum: 'Aanmeldcentrum',
  azc: 'Asielzoekerscentrum (azc)',
  noodopvang: 'Noodopvang',
  crisisnoodopvang: 'Crisisnoodopvang',
  'flexibele opvang': 'Flexibele opvang',
  overig: 'Overige opvang',
});

/** `isLocationType('azc')` → true; `isLocationType('AZC')` → false (codes are exact) */
export function isLocationType(value: unknown): value is LocationType {
  return typeof value === 'string' && (LOCATION_TYPES as readonly string[]).includes(value);
}

export type CapacityEventKind = 'opening' | 'uitbreiding' | 'inkrimping' | 'sluiting';
export const CAPACITY_EVENT_KINDS: readonly CapacityEventKind[] = Object.freeze(['opening', 'uitbreiding', 'inkrimping', 'sluiting']);

/**
 * A change of capacity, in force from `date` on (inclusive).
 * - `opening`: the location opens (or opens again after a closing) with `places` places (1 or more);
 * - `uitbreiding` / `inkrimping`: `places` (1 or more) are added / taken away while open; a reduction to 0 places
 *   keeps the location open (e.g. empty for renovation), it does not close it;
 * - `sluiting`: the location closes; `date` is the first day closed. `places` must equal the capacity that goes,
 *   so that a typo in either list is caught rather than silently believed.
 */
export interface CapacityEvent {
  date: string;
  kind: CapacityEventKind;
  places: number;
}

/** A period a location is open: `from` is the opening day, `to` the last open day (inclusive) or null while open. */
export interface OpenPeriod {
  from: string;
  to: string | null;
}

export interface ReceptionLocation {
  /** COA's location code, upper case: 'TERAPEL'. */
  code: string;
  name: string;
  type: LocationType;
  municipalityCode: string;
  events: readonly CapacityEvent[];
}

// The same pattern as the database's check on reception_location.code, so a code accepted here is never refused there.
const LOCATION_CODE = /^[A-Z0-9][A-Z0-9-]{1,29}$/;

/** `checkLocationCode('TERAPEL')` → 'TERAPEL'; lower case, spaces, '_', one character or more than 30 are refused. */
export function checkLocationCode(code: unknown, field = 'code'): string {
  if (typeof code !== 'string' || !LOCATION_CODE.test(code)) {
    throw new ReceptionError(
      'locatiecode-ongeldig',
      `'${String(code)}' is geen locatiecode; gebruik 2 tot 30 hoofdletters, cijfers of '-', bijvoorbeeld TERAPEL.`,
      { field },
    );
  }
  return code;
}

/**
 * Checks a location: code, type, municipality code and capacity events. Returns it with its events in date order.
 * `checkLocation({ code: 'TERAPEL', name: 'Ter Apel', type: 'aanmeldcentrum', municipalityCode: 'GM1950', events })`
 */
export function checkLocation(location: ReceptionLocation, field = 'location'): ReceptionLocation {
  const code = checkLocationCode(location.code, `${field}.code`);
  if (!isLocationType(location.type)) {
    throw new ReceptionError('locatietype-onbekend', `'${String(location.type)}' is geen locatietype; kies uit ${LOCATION_TYPES.join(', ')}.`, {
      field: `${field}.type`,
      locationCodes: [code],
    });
  }
  if (typeof location.municipalityCode !== 'string' || !/^GM\d{4}$/.test(location.municipalityCode)) {
    throw new ReceptionError('gemeentecode-ongeldig', `'${String(location.municipalityCode)}' is geen gemeentecode (GM gevolgd door vier cijfers).`, {
      field: `${field}.municipalityCode`,
      locationCodes: [code],
    });
  }
  return { ...location, events: checkCapacityEvents(location.events, `${field}.events`, code) };
}

/**
 * Checks capacity events and returns them in date order (events of one day keep their given order). Refused:
 * a date that is not an ISO date, an unknown kind, places that are not a whole number (≥ 1; ≥ 0 for a closing),
 * an extension, reduction or closing while closed, an opening while open, a closing on its opening day, a reduction
 * below zero and a closing whose places differ from the capacity that goes.
 * `checkCapacityEvents([{ date: '2022-01-01', kind: 'opening', places: 2000 }])`
 */
export function checkCapacityEvents(events: readonly CapacityEvent[], field = 'events', locationCode?: string): CapacityEvent[] {
  const where = (i: number, f: string) => ({ field: `${field}[${i}].${f}`, locationCodes: locationCode ? [locationCode] : [] });
  const who = locationCode ? `${locationCode}: ` : '';
  if (!Array.isArray(events)) throw new ReceptionError('gebeurtenis-onbekend', `${who}de capaciteitsgebeurtenissen moeten een lijst zijn.`, { field });
  const indexed = events.map((e, i) => {
    const date = checkIsoDate(e?.date, where(i, 'date').field);
    if (!(CAPACITY_EVENT_KINDS as readonly unknown[]).includes(e.kind)) {
      throw new ReceptionError('gebeurtenis-onbekend', `${who}'${String(e.kind)}' is geen soort gebeurtenis; kies uit ${CAPACITY_EVENT_KINDS.join(', ')}.`, where(i, 'kind'));
    }
    const min = e.kind === 'sluiting' ? 0 : 1;
    if (!Number.isSafeInteger(e.places) || e.places < min) {
      throw new ReceptionError('plaatsen-ongeldig', `${who}het aantal plaatsen bij ${e.kind} op ${date} moet een geheel getal van ${min} of meer zijn (niet ${String(e.places)}).`, where(i, 'places'));
    }
    return { event: { date, kind: e.kind, places: e.places }, i };
  });
  // A stable sort: two events of one day stay in the order they were given.
  indexed.sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.i - b.i));
  let openSince: string | null = null;
  let capacity = 0;
  for (const { event: e, i } of indexed) {
    if (e.kind === 'opening') {
      if (openSince !== null) throw new ReceptionError('al-geopend', `${who}opening op ${e.date}, maar de locatie is al open sinds ${openSince}.`, where(i, 'kind'));
      openSince = e.date;
      capacity = e.places;
      continue;
    }
    if (openSince === null) {
      throw new ReceptionError('opening-ontbreekt', `${who}${e.kind} op ${e.date}, maar de locatie is dan niet open; een ${e.kind} kan alleen na een opening.`, where(i, 'date'));
    }
    if (e.kind === 'uitbreiding') capacity += e.places;
    else if (e.kind === 'inkrimping') {
      if (e.places > capacity) {
        throw new ReceptionError('capaciteit-negatief', `${who}inkrimping met ${e.places} plaatsen op ${e.date} maakt de capaciteit negatief (er zijn er ${capacity}).`, where(i, 'places'));
      }
      capacity -= e.places;
    } else {
      if (e.date === openSince) throw new ReceptionError('opening-ontbreekt', `${who}sluiting op ${e.date}, dezelfde dag als de opening; een sluiting moet na de opening liggen.`, where(i, 'date'));
      if (e.places !== capacity) {
        throw new ReceptionError('sluiting-aantal-onjuist', `${who}bij de sluiting op ${e.date} vervallen alle ${capacity} plaatsen, niet ${e.places}.`, where(i, 'places'));
      }
      openSince = null;
      capacity = 0;
    }
  }
  return indexed.map((x) => x.event);
}

/**
 * Capacity on a day: 0 before the first opening and while closed. Events on the day itself count.
 * `capacityOn([{ date: '2022-01-01', kind: 'opening', places: 2000 }, { date: '2022-08-01', kind: 'uitbreiding', places: 250 }], '2022-08-01')` → 2250
 */
export function capacityOn(events: readonly CapacityEvent[], date: string): number {
  checkIsoDate(date, 'date');
  let capacity = 0;
  for (const e of checkCapacityEvents(events)) {
    if (e.date > date) break;
    capacity = apply(capacity, e);
  }
  return capacity;
}

export interface DailyCapacity {
  date: string;
  capacity: number;
  open: boolean;
}

/**
 * Capacity for every day from `from` to `to` (both included).
 * `capacitySeries(events, '2022-07-01', '2022-07-03')` → three `{ date, capacity, open }` rows
 */
export function capacitySeries(events: readonly CapacityEvent[], from: string, to: string): DailyCapacity[] {
  checkIsoDate(from, 'from');
  checkIsoDate(to, 'to');
  if (to < from) throw new ReceptionError('periode-ongeldig', `De periode ${from} t/m ${to} eindigt voor ze begint.`, { field: 'to' });
  const sorted = checkCapacityEvents(events);
  let capacity = 0;
  let open = false;
  let next = 0;
  return eachDay(from, to).map((date) => {
    for (; next < sorted.length && sorted[next]!.date <= date; next++) {
      const e = sorted[next]!;
      capacity = apply(capacity, e);
      open = e.kind !== 'sluiting';
    }
    return { date, capacity, open };
  });
}

function apply(capacity: number, e: CapacityEvent): number {
  switch (e.kind) {
    case 'opening':
      return e.places;
    case 'uitbreiding':
      return capacity + e.places;
    case 'inkrimping':
      return capacity - e.places;
    case 'sluiting':
      return 0;
  }
}

/**
 * The periods a location is open, in date order. `to` is the day before the closing.
 * `openPeriods([{ date: '2022-05-16', kind: 'opening', places: 300 }, { date: '2022-07-01', kind: 'sluiting', places: 300 }])`
 * → `[{ from: '2022-05-16', to: '2022-06-30' }]`
 */
export function openPeriods(events: readonly CapacityEvent[]): OpenPeriod[] {
  const out: OpenPeriod[] = [];
  for (const e of checkCapacityEvents(events)) {
    if (e.kind === 'opening') out.push({ from: e.date, to: null });
    else if (e.kind === 'sluiting') out[out.length - 1]!.to = addDays(e.date, -1);
  }
  return out;
}

/** `isOpenOn([{ from: '2022-05-16', to: '2022-06-30' }], '2022-06-30')` → true; on '2022-07-01' → false */
export function isOpenOn(periods: readonly OpenPeriod[], date: string): boolean {
  return periods.some((p) => p.from <= date && (p.to === null || date <= p.to));
}
