/**
 * Tracks (sporen), projects and their delivery-date history, the conversion from homes to persons, and the small
 * exact-arithmetic rules every figure of the pipeline uses.
 *
 * A track is a national or regional programme that brings homes for permit holders (the national flexwoningen
 * programme, transformation of offices, the regular allocation of social rent homes by corporations, host
 * families), owned by one organisation. A project belongs to one track and one municipality.
 */
import { Rational, type RationalInput } from '../distribution/rational.ts';
import { checkDate } from './dates.ts';
import { PipelineError } from './errors.ts';
import { checkProjectStatus, type ProjectStatus } from './statuses.ts';

/** A programme that brings homes; `regionCode` is the province (PVxx) of a regional track, null for a national one. */
export interface Track {
  /** Short stable code in capitals, e.g. 'FLEX-NL'. */
  code: string;
  name: string;
  /** The organisation that owns the track (e.g. 'BZK', 'Aedes', 'Provincie Zuid-Holland'). */
  ownerOrganisation: string;
  regionCode: string | null;
}

export interface PipelineProject {
  id: number;
  trackCode: string;
  municipalityCode: string;
  /** The housing corporation or other party that builds or supplies the homes. */
  party: string;
  /** Free text as the party names it: 'flexwoning', 'appartement', 'eengezinswoning', 'kamer bij gastgezin'. */
  homeType: string;
  /** Homes (units) in the project, ≥ 1. */
  units: number;
  /** Homes reserved for permit holders (statushouders), 0 … units. */
  reservedUnits: number;
  /** ISO date the homes are expected; for an `opgeleverd` project the date they were delivered. */
  expectedDelivery: string;
  /** The expected delivery date when the project was first recorded; later changes are slips or advances. */
  firstExpectedDelivery: string;
  status: ProjectStatus;
  /** Cost per home in euro cents where known (building or buying, excluding land), else null. */
  costPerUnitCents: number | null;
  /** The projectcode: the party's own reference, unique within the track; the identity of the project across uploads. */
  reference?: string;
  /** A name people recognise, e.g. 'Flexwoningen Buikslotermeerplein'. */
  name?: string;
}

/** One change of a project's expected delivery date. */
export interface DeliveryChange {
  projectId: number;
  /** ISO date the change was recorded. */
  changedOn: string;
  from: string;
  to: string;
  reason: string;
}

/**
 * Persons housed per home, as the exact fraction 11/5 = 2,2. The taakstelling counts persons, the pipeline homes.
 * This is an ASSUMPTION of ours, not a sourced figure: neither the seed minutes, DOMAIN.md nor the data in
 * ../shared/data give one, and we found no published number we could cite offline. 2,2 is a plausible average
 * household of permit holders housed (singles in flexwoningen house fewer, families in family homes more). Every
 * function that converts takes it as a parameter with this default, and the API and CLI take `personsPerHome`, so a
 * table uses its own figure (per track or region) without a code change; replace the default once a source is known.
 */
export const PERSONS_PER_HOME: Rational = Rational.of(11n, 5n);

/** The most persons per home the functions accept: more is a typo (22 for 2,2), not a household. */
export const MAX_PERSONS_PER_HOME = 20;

/**
 * Checks a persons-per-home figure, exactly: `checkPersonsPerHome('2,2')` → 11/5; `checkPersonsPerHome(2.2)` → 11/5
 * (the decimal as written, not the float nearest to it); 0 or 22 throw 'personen-per-woning-ongeldig'.
 */
export function checkPersonsPerHome(value: RationalInput = PERSONS_PER_HOME, field = 'personsPerHome'): Rational {
  const r = Rational.tryFrom(value);
  if (r === null || r.sign() <= 0 || r.compare(Rational.of(MAX_PERSONS_PER_HOME)) > 0) {
    throw new PipelineError('personen-per-woning-ongeldig', `Personen per woning moet een getal groter dan 0 en hoogstens ${MAX_PERSONS_PER_HOME} zijn (gegeven: ${String(value)}).`, {
      field,
    });
  }
  return r;
}

/** Rounds half up (towards +∞ at exactly ½), exactly. `roundHalfUp(Rational.of(5n, 2n))` → 3n; `roundHalfUp(Rational.of(-5n, 2n))` → -2n */
export function roundHalfUp(r: Rational): bigint {
  return r.add(Rational.of(1n, 2n)).floor();
}

/** A whole number ≥ `min` (and ≤ `max`), or a 'aantal-ongeldig' error naming the field. */
export function checkCount(value: unknown, field: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} of meer` : `${min} tot en met ${max}`;
    throw new PipelineError('aantal-ongeldig', `${field} moet een geheel getal van ${range} zijn (gegeven: ${String(value)}).`, { field });
  }
  return value;
}

/**
 * Reserved homes from a share in percent, rounded half up, exactly: `reservedFromShare(10, 25)` → 3 (2,5 → 3);
 * `reservedFromShare(7, '33,3')` → 2; `reservedFromShare(3, 50)` → 2. The share is read as the decimal it is written
 * as (12.5 is 25/2, never a float). A share outside 0 … 100 throws 'aandeel-ongeldig'.
 */
export function reservedFromShare(units: number, sharePercent: RationalInput): number {
  checkCount(units, 'units');
  const share = Rational.tryFrom(sharePercent);
  if (share === null || share.sign() < 0 || share.compare(Rational.of(100n)) > 0) {
    throw new PipelineError('aandeel-ongeldig', `Het aandeel voor statushouders moet een percentage van 0 tot en met 100 zijn (gegeven: ${String(sharePercent)}).`, {
      field: 'sharePercent',
    });
  }
  return Number(roundHalfUp(Rational.of(BigInt(units)).mul(share).div(Rational.of(100n))));
}

/**
 * Persons the homes can house, exactly: `personsForHomes(10)` → 22; `personsForHomes(3)` → 33/5 (6,6).
 */
export function personsForHomes(homes: number, personsPerHome: RationalInput = PERSONS_PER_HOME): Rational {
  return Rational.of(BigInt(checkCount(homes, 'homes'))).mul(checkPersonsPerHome(personsPerHome));
}

const TRACK_CODE = /^[A-Z0-9](?:[A-Z0-9-]{0,28}[A-Z0-9])?$/;
const MUNICIPALITY_CODE = /^GM\d{4}$/;

/** `checkTrackCode('FLEX-NL')` → 'FLEX-NL'; 'flex nl' throws 'spoorcode-ongeldig'. */
export function checkTrackCode(value: unknown, field = 'trackCode'): string {
  if (typeof value === 'string' && TRACK_CODE.test(value)) return value;
  throw new PipelineError('spoorcode-ongeldig', `'${String(value)}' is geen spoorcode: 1 tot 30 hoofdletters, cijfers of '-', zoals FLEX-NL.`, { field });
}

/** `checkMunicipalityCode('GM0363')` → 'GM0363' */
export function checkMunicipalityCode(value: unknown, field = 'municipalityCode'): string {
  if (typeof value === 'string' && MUNICIPALITY_CODE.test(value)) return value;
  throw new PipelineError('gemeentecode-ongeldig', `'${String(value)}' is geen gemeentecode; schrijf GM en vier cijfers, zoals GM0363.`, { field });
}

function checkText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw new PipelineError('tekst-ongeldig', `${field} moet een tekst van 1 tot ${maxLength} tekens zijn.`, { field });
  }
  return value;
}

/** `checkTrack({ code: 'FLEX-NL', name: 'Nationaal programma flexwoningen', ownerOrganisation: 'BZK', regionCode: null })` */
export function checkTrack(track: Track): Track {
  checkTrackCode(track.code, 'code');
  checkText(track.name, 'name', 200);
  checkText(track.ownerOrganisation, 'ownerOrganisation', 200);
  if (track.regionCode !== null && !/^PV\d{2}$/.test(track.regionCode)) {
    throw new PipelineError('tekst-ongeldig', `'${track.regionCode}' is geen provinciecode; schrijf PV en twee cijfers, zoals PV28.`, { field: 'regionCode' });
  }
  return track;
}

/**
 * Checks the rules of one project and returns it: codes, texts, units ≥ 1, reserved 0 … units, real dates, a known
 * status, a cost ≥ 0 in whole cents or null. `checkProject({ ...p, reservedUnits: 12, units: 10 })` throws
 * 'aantal-ongeldig' with field 'reservedUnits'.
 */
export function checkProject(p: PipelineProject): PipelineProject {
  checkCount(p.id, 'id', 0);
  checkTrackCode(p.trackCode);
  checkMunicipalityCode(p.municipalityCode);
  checkText(p.party, 'party', 200);
  checkText(p.homeType, 'homeType', 100);
  checkCount(p.units, 'units', 1);
  checkCount(p.reservedUnits, 'reservedUnits', 0);
  if (p.reservedUnits > p.units) {
    throw new PipelineError('aantal-ongeldig', `Voor statushouders (${p.reservedUnits}) is meer dan het aantal woningen (${p.units}).`, { field: 'reservedUnits' });
  }
  checkDate(p.expectedDelivery, 'expectedDelivery');
  checkDate(p.firstExpectedDelivery, 'firstExpectedDelivery');
  checkProjectStatus(p.status);
  if (p.costPerUnitCents !== null && (!Number.isSafeInteger(p.costPerUnitCents) || p.costPerUnitCents < 0)) {
    throw new PipelineError('kosten-ongeldig', `Kosten per woning moeten een geheel aantal centen van 0 of meer zijn (gegeven: ${String(p.costPerUnitCents)}).`, {
      field: 'costPerUnitCents',
    });
  }
  if (p.reference !== undefined) checkText(p.reference, 'reference', 100);
  if (p.name !== undefined) checkText(p.name, 'name', 200);
  return p;
}
