import { describe, expect, it } from 'vitest';
import { Rational } from '../distribution/rational.ts';
import { PipelineError } from './errors.ts';
import { checkPersonsPerHome, checkProject, checkTrack, PERSONS_PER_HOME, personsForHomes, reservedFromShare, roundHalfUp } from './projects.ts';
import { project } from './test-helpers.ts';

const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof PipelineError) return `${e.code}:${e.field}`;
    throw e;
  }
  return undefined;
};

describe('reserved homes from a share', () => {
  it('rounds half up, exactly', () => {
    expect(reservedFromShare(10, 25)).toBe(3); // 2,5 → 3
    expect(reservedFromShare(10, 24)).toBe(2); // 2,4 → 2
    expect(reservedFromShare(3, 50)).toBe(2); // 1,5 → 2
    expect(reservedFromShare(7, '33,3')).toBe(2); // 2,331
    expect(reservedFromShare(200, 12.5)).toBe(25);
    expect(reservedFromShare(1, 50)).toBe(1);
    expect(reservedFromShare(1, 49.999)).toBe(0);
    expect(reservedFromShare(0, 100)).toBe(0);
    expect(reservedFromShare(37, 100)).toBe(37);
  });

  it('reads a decimal share as the decimal it is written as, not as a float', () => {
    // 250 · 64,6 % = 161,5 exactly → 162; in floats 250 * 64.6 / 100 is 161.49999999999997 and rounds to 161.
    expect(Math.round((250 * 64.6) / 100)).toBe(161);
    expect(reservedFromShare(250, 64.6)).toBe(162);
    expect(reservedFromShare(250, '64,6')).toBe(162);
    expect(reservedFromShare(1000, 14.5)).toBe(145);
    expect(reservedFromShare(100, 0.5)).toBe(1); // 0,5 → 1
  });

  it('refuses a share outside 0 … 100 and a bad number of units', () => {
    expect(fieldOf(() => reservedFromShare(10, 101))).toBe('aandeel-ongeldig:sharePercent');
    expect(fieldOf(() => reservedFromShare(10, -1))).toBe('aandeel-ongeldig:sharePercent');
    expect(fieldOf(() => reservedFromShare(10, 'veel'))).toBe('aandeel-ongeldig:sharePercent');
    expect(fieldOf(() => reservedFromShare(2.5, 10))).toBe('aantal-ongeldig:units');
  });
});

describe('persons per home', () => {
  it('is 2,2 by default, exactly', () => {
    expect(PERSONS_PER_HOME.equals(Rational.of(11n, 5n))).toBe(true);
    expect(personsForHomes(10).equals(Rational.of(22n))).toBe(true);
    expect(personsForHomes(3).equals(Rational.of(33n, 5n))).toBe(true);
    expect(personsForHomes(3, 2).equals(Rational.of(6n))).toBe(true);
  });

  it('accepts Dutch and English decimals and refuses 0, negatives and typos like 22', () => {
    expect(checkPersonsPerHome('2,2').equals(PERSONS_PER_HOME)).toBe(true);
    expect(checkPersonsPerHome(2.2).equals(PERSONS_PER_HOME)).toBe(true);
    expect(checkPersonsPerHome(20).equals(Rational.of(20n))).toBe(true);
    for (const bad of [0, -1, 22, 'twee']) expect(fieldOf(() => checkPersonsPerHome(bad))).toBe('personen-per-woning-ongeldig:personsPerHome');
  });
});

describe('round half up', () => {
  it('goes up at exactly a half, also for negatives', () => {
    expect(roundHalfUp(Rational.of(5n, 2n))).toBe(3n);
    expect(roundHalfUp(Rational.of(49n, 20n))).toBe(2n);
    expect(roundHalfUp(Rational.of(-5n, 2n))).toBe(-2n);
    expect(roundHalfUp(Rational.of(-51n, 20n))).toBe(-3n);
    expect(roundHalfUp(Rational.of(7n))).toBe(7n);
  });
});

describe('project and track rules', () => {
  it('accepts a good project and names the field of a bad one', () => {
    expect(checkProject(project())).toBeTruthy();
    expect(fieldOf(() => checkProject(project({ units: 10, reservedUnits: 11 })))).toBe('aantal-ongeldig:reservedUnits');
    expect(fieldOf(() => checkProject(project({ units: 0, reservedUnits: 0 })))).toBe('aantal-ongeldig:units');
    expect(fieldOf(() => checkProject(project({ reservedUnits: -1 })))).toBe('aantal-ongeldig:reservedUnits');
    expect(fieldOf(() => checkProject(project({ expectedDelivery: '2023-02-30' })))).toBe('datum-ongeldig:expectedDelivery');
    expect(fieldOf(() => checkProject(project({ municipalityCode: 'GM363' })))).toBe('gemeentecode-ongeldig:municipalityCode');
    expect(fieldOf(() => checkProject(project({ trackCode: 'flex nl' })))).toBe('spoorcode-ongeldig:trackCode');
    expect(fieldOf(() => checkProject(project({ costPerUnitCents: 12.5 })))).toBe('kosten-ongeldig:costPerUnitCents');
    expect(fieldOf(() => checkProject(project({ status: 'klaar' as never })))).toBe('status-onbekend:status');
    expect(fieldOf(() => checkProject(project({ party: ' ' })))).toBe('tekst-ongeldig:party');
  });

  it('checks a track: code, name, owner and the province of a regional track', () => {
    const t = { code: 'FLEX-NL', name: 'Nationaal programma flexwoningen', ownerOrganisation: 'BZK', regionCode: null };
    expect(checkTrack(t)).toBe(t);
    expect(fieldOf(() => checkTrack({ ...t, code: 'FLEX-' }))).toBe('spoorcode-ongeldig:code');
    expect(fieldOf(() => checkTrack({ ...t, ownerOrganisation: '' }))).toBe('tekst-ongeldig:ownerOrganisation');
    expect(fieldOf(() => checkTrack({ ...t, regionCode: 'Zuid-Holland' }))).toBe('tekst-ongeldig:regionCode');
    expect(checkTrack({ ...t, regionCode: 'PV28' }).regionCode).toBe('PV28');
  });
});
