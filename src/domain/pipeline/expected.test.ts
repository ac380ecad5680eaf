import { describe, expect, it } from 'vitest';
import { Rational } from '../distribution/rational.ts';
import { PipelineError } from './errors.ts';
import { coverage, expectedByHalfYear, expectedByMonth } from './expected.ts';
import { project } from './test-helpers.ts';

const PROJECTS = [
  project({ units: 40, reservedUnits: 20, expectedDelivery: '2023-01-31', status: 'in aanbouw' }),
  project({ units: 10, reservedUnits: 10, expectedDelivery: '2023-01-01', status: 'opgeleverd' }),
  project({ units: 99, reservedUnits: 99, expectedDelivery: '2023-01-15', status: 'vervallen' }),
  project({ units: 8, reservedUnits: 2, expectedDelivery: '2023-03-01', status: 'idee' }),
  project({ units: 5, reservedUnits: 0, expectedDelivery: '2023-07-01', status: 'planfase' }),
  project({ units: 7, reservedUnits: 7, expectedDelivery: '2022-12-31', status: 'vergund' }),
];

describe('homes expected per month', () => {
  it('counts each project in the month of its expected (or actual) delivery, every month present, vervallen left out', () => {
    expect(expectedByMonth(PROJECTS, '2023-01', '2023-04')).toEqual([
      { month: '2023-01', units: 50, reservedUnits: 30, projects: 2 },
      { month: '2023-02', units: 0, reservedUnits: 0, projects: 0 },
      { month: '2023-03', units: 8, reservedUnits: 2, projects: 1 },
      { month: '2023-04', units: 0, reservedUnits: 0, projects: 0 },
    ]);
  });

  it('runs across a year boundary and leaves projects outside the range out', () => {
    const r = expectedByMonth(PROJECTS, '2022-12', '2023-01');
    expect(r.map((m) => [m.month, m.reservedUnits])).toEqual([
      ['2022-12', 7],
      ['2023-01', 30],
    ]);
  });

  it('refuses a bad or reversed range', () => {
    expect(() => expectedByMonth(PROJECTS, '2023-13', '2024-01')).toThrow(PipelineError);
    expect(() => expectedByMonth(PROJECTS, '2023-05', '2023-04')).toThrow(/ligt vóór/);
  });
});

describe('homes expected per half-year', () => {
  it('uses the ledger notation: I = January–June, II = July–December', () => {
    expect(expectedByHalfYear(PROJECTS, '2022-II', '2023-II')).toEqual([
      { period: '2022-II', units: 7, reservedUnits: 7, projects: 1 },
      { period: '2023-I', units: 58, reservedUnits: 32, projects: 3 },
      { period: '2023-II', units: 5, reservedUnits: 0, projects: 1 },
    ]);
  });

  it('agrees with the months summed per half-year', () => {
    const months = expectedByMonth(PROJECTS, '2023-01', '2023-06');
    const [first] = expectedByHalfYear(PROJECTS, '2023-I', '2023-I');
    expect(first!.reservedUnits).toBe(months.reduce((n, m) => n + m.reservedUnits, 0));
    expect(first!.units).toBe(months.reduce((n, m) => n + m.units, 0));
  });

  it('refuses a bad half-year with the pipeline error type', () => {
    try {
      expectedByHalfYear(PROJECTS, '2023-III', '2024-I');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PipelineError);
      expect((e as PipelineError).code).toBe('periode-ongeldig');
      expect((e as PipelineError).field).toBe('fromPeriod');
    }
    expect(() => expectedByHalfYear(PROJECTS, '2024-I', '2023-II')).toThrow(/ligt vóór/);
  });
});

describe('coverage', () => {
  it('turns homes into persons at 2,2 per home and rounds the percentage half up', () => {
    const c = coverage({ reservedHomesExpected: 100, dueUnits: 440 });
    expect(c.personsCovered).toBe(220);
    expect(c.percent).toBe(50);
    expect(c.ratio!.equals(Rational.of(1n, 2n))).toBe(true);
    expect(c.reason).toBeNull();
  });

  it('rounds exactly: 12,5 % → 13 and 12,4999… % → 12', () => {
    // 5 homes · 2 persons = 10 of 80 due = 12,5 %.
    expect(coverage({ reservedHomesExpected: 5, dueUnits: 80, personsPerHome: 2 }).percent).toBe(13);
    // 3 homes · 2,2 = 6,6 persons of 53 due = 12,45… % → 12.
    expect(coverage({ reservedHomesExpected: 3, dueUnits: 53 }).percent).toBe(12);
    // 1 home · 2,2 of 4 due = 55 %.
    expect(coverage({ reservedHomesExpected: 1, dueUnits: 4 }).percent).toBe(55);
    expect(coverage({ reservedHomesExpected: 3, dueUnits: 53 }).personsCovered).toBe(7);
  });

  it('can exceed 100 %', () => {
    expect(coverage({ reservedHomesExpected: 100, dueUnits: 100 }).percent).toBe(220);
  });

  it('gives no percentage when nothing is due, with the reason', () => {
    const zero = coverage({ reservedHomesExpected: 10, dueUnits: 0 });
    expect(zero).toMatchObject({ percent: null, ratio: null, personsCovered: 22, due: 0 });
    expect(zero.reason).toMatch(/niets verschuldigd/);
    const advance = coverage({ reservedHomesExpected: 10, dueUnits: -15 });
    expect(advance.percent).toBeNull();
    expect(advance.reason).toMatch(/voorsprong \(15\)/);
  });

  it('refuses bad input', () => {
    expect(() => coverage({ reservedHomesExpected: -1, dueUnits: 10 })).toThrow(PipelineError);
    expect(() => coverage({ reservedHomesExpected: 1, dueUnits: 1.5 })).toThrow(PipelineError);
    expect(() => coverage({ reservedHomesExpected: 1, dueUnits: 10, personsPerHome: 0 })).toThrow(/Personen per woning/);
  });
});
