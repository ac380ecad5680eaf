import { describe, expect, it } from 'vitest';
import {
  centsToEuroInput,
  comparePeriods,
  coverageClass,
  draftOf,
  emptyDraft,
  enterableMunicipalities,
  euroToCents,
  pipelinePeriodFor,
  priceTable,
  projectFieldOf,
  projectPatch,
  projectProblems,
  projectRequest,
  PROJECT_FIELDS,
  statusChoices,
  timelineSeries,
} from './logic.ts';
import { nl } from './messages.ts';
import type { Project, TrackExpectation } from './types.ts';

const project: Project = {
  id: 1,
  trackCode: 'FLEX-NL',
  reference: 'FLEX-AMS-01',
  name: 'Flexwoningen Noorderpark',
  municipalityCode: 'GM0363',
  municipalityName: 'Amsterdam',
  provinceCode: 'PV27',
  party: 'Amstelstad Wonen',
  homeType: 'flexwoning',
  units: 120,
  reservedUnits: 60,
  expectedDelivery: '2022-06-20',
  firstExpectedDelivery: '2022-05-02',
  status: 'in aanbouw',
  costPerUnitCents: 9_800_000,
  version: 2,
};

describe('coverageClass', () => {
  it('puts the limits in the higher class, and nothing due apart', () => {
    expect([0, 24, 25, 49, 50, 99, 100, 250].map(coverageClass)).toEqual(['laag', 'laag', 'matig', 'matig', 'ruim', 'ruim', 'gedekt', 'gedekt']);
    expect(coverageClass(null)).toBe('geen');
  });
});

describe('timelineSeries', () => {
  const track = (code: string, byMonth: [string, number][]): TrackExpectation => ({
    code,
    name: code,
    ownerOrganisation: 'X',
    projects: 1,
    homesExpectedInPeriod: 0,
    homesExpectedLater: 0,
    byMonth: byMonth.map(([month, reservedUnits]) => ({ month, reservedUnits, units: reservedUnits * 2, projects: 1 })),
  });
  it('stacks the tracks on the union of their months, sorted, leaving out tracks without homes', () => {
    const s = timelineSeries([track('A', [['2022-09', 15], ['2022-07', 0]]), track('B', [['2022-08', 5], ['2022-09', 10]]), track('C', [['2022-07', 0]])]);
    expect(s.months).toEqual(['2022-07', '2022-08', '2022-09']);
    expect(s.tracks.map((t) => [t.code, t.values])).toEqual([
      ['A', [0, 0, 15]],
      ['B', [0, 5, 10]],
    ]);
    expect(s.totals).toEqual([0, 5, 25]);
    expect(s.max).toBe(25);
  });
  it('has a scale of at least 1 when nothing is expected', () => {
    expect(timelineSeries([]).max).toBe(1);
  });
});

describe('priceTable', () => {
  it('orders half-years in time and leaves gaps empty', () => {
    expect(['2023-I', '2022-II', '2022-I', '2023-II'].sort(comparePeriods)).toEqual(['2022-I', '2022-II', '2023-I', '2023-II']);
    const t = priceTable([
      { group: 'FLEX-NL', period: '2023-I', meanCostPerUnitCents: 12_273_077, projects: 3, units: 208 },
      { group: 'FLEX-NL', period: '2022-I', meanCostPerUnitCents: 9_800_000, projects: 1, units: 120 },
      { group: 'SOCIAAL', period: '2022-II', meanCostPerUnitCents: 20_000_000, projects: 1, units: 10 },
    ]);
    expect(t.periods).toEqual(['2022-I', '2022-II', '2023-I']);
    expect(t.groups).toEqual(['FLEX-NL', 'SOCIAAL']);
    expect(t.value('FLEX-NL', '2022-II')).toBeNull();
    expect(t.value('SOCIAAL', '2022-II')).toBe(20_000_000);
    expect(t.max).toBe(20_000_000);
  });
});

describe('euro amounts', () => {
  it('reads euros as people type them, in cents', () => {
    expect(euroToCents('185.000')).toBe(18_500_000);
    expect(euroToCents('185000')).toBe(18_500_000);
    expect(euroToCents('185000,5')).toBe(18_500_050);
    expect(euroToCents('€ 98.000,-')).toBe(9_800_000);
    expect(euroToCents('  ')).toBeNull();
    expect(euroToCents('98k')).toBeNaN();
    expect(euroToCents('1.85')).toBeNaN();
  });
  it('shows cents for editing so that reading them back gives the same amount', () => {
    for (const cents of [9_800_000, 18_500_050, 1]) expect(euroToCents(centsToEuroInput(cents))).toBe(cents);
    expect(centsToEuroInput(null)).toBe('');
  });
});

describe('project form', () => {
  const filled = { ...emptyDraft(), trackCode: 'FLEX-NL', reference: ' T-1 ', name: 'Test', municipalityCode: 'GM0363', party: 'P', homeType: 'flex', units: '10', reservedUnits: '4', expectedDelivery: '2023-03-01', cost: '150.000' };

  it('names every missing field of a new project on its own field', () => {
    const problems = projectProblems(emptyDraft(), nl);
    expect(problems.map((p) => p.fieldId)).toEqual([
      PROJECT_FIELDS.trackCode,
      PROJECT_FIELDS.reference,
      PROJECT_FIELDS.municipalityCode,
      PROJECT_FIELDS.name,
      PROJECT_FIELDS.party,
      PROJECT_FIELDS.homeType,
      PROJECT_FIELDS.units,
      PROJECT_FIELDS.reservedUnits,
      PROJECT_FIELDS.expectedDelivery,
    ]);
    expect(projectProblems(filled, nl)).toEqual([]);
  });

  it('refuses more homes for permit holders than homes, an impossible date and a wrong amount', () => {
    const problems = projectProblems({ ...filled, reservedUnits: '11', expectedDelivery: '2023-02-30', cost: '12,3,4' }, nl);
    expect(problems).toEqual([
      { fieldId: PROJECT_FIELDS.reservedUnits, message: nl.form.errors.reservedMoreThanUnits },
      { fieldId: PROJECT_FIELDS.expectedDelivery, message: nl.form.errors.delivery },
      { fieldId: PROJECT_FIELDS.costPerUnitCents, message: nl.form.errors.cost },
    ]);
  });

  it('sends trimmed texts, numbers and the cost in cents; no cost when unknown', () => {
    expect(projectRequest(filled)).toEqual({
      trackCode: 'FLEX-NL',
      reference: 'T-1',
      name: 'Test',
      municipalityCode: 'GM0363',
      party: 'P',
      homeType: 'flex',
      units: 10,
      reservedUnits: 4,
      expectedDelivery: '2023-03-01',
      status: 'planfase',
      costPerUnitCents: 15_000_000,
    });
    expect('costPerUnitCents' in projectRequest({ ...filled, cost: '' })).toBe(false);
  });

  it('asks a reason only when the delivery date moves, and allows only the statuses the rules allow', () => {
    const d = draftOf(project);
    expect(projectProblems(d, nl, project)).toEqual([]);
    expect(projectProblems({ ...d, expectedDelivery: '2022-08-01' }, nl, project)).toEqual([{ fieldId: PROJECT_FIELDS.reason, message: nl.form.errors.reason }]);
    expect(projectProblems({ ...d, expectedDelivery: '2022-08-01', reason: 'Later' }, nl, project)).toEqual([]);
    expect(projectProblems({ ...d, status: 'idee' }, nl, project)).toEqual([{ fieldId: PROJECT_FIELDS.status, message: nl.form.errors.status }]);
    expect(statusChoices('in aanbouw')).toEqual(['in aanbouw', 'vergund', 'opgeleverd', 'vervallen']);
    expect(statusChoices('opgeleverd')).toEqual(['opgeleverd']);
  });

  it('patches only what changed, a moved date with its reason; nothing changed is null', () => {
    const d = draftOf(project);
    expect(projectPatch(project, d)).toBeNull();
    expect(projectPatch(project, { ...d, units: '130', status: 'opgeleverd' })).toEqual({ units: 130, status: 'opgeleverd' });
    expect(projectPatch(project, { ...d, expectedDelivery: '2022-09-01', reason: ' Modules te laat ' })).toEqual({ expectedDelivery: '2022-09-01', reason: 'Modules te laat' });
    expect(projectPatch(project, { ...d, cost: '' })).toEqual({ costPerUnitCents: null });
  });

  it('puts a server complaint on its field, whatever way the server names it', () => {
    expect(projectFieldOf('reservedUnits')).toBe(PROJECT_FIELDS.reservedUnits);
    expect(projectFieldOf('/body/units')).toBe(PROJECT_FIELDS.units);
    expect(projectFieldOf('reason')).toBe(PROJECT_FIELDS.reason);
    expect(projectFieldOf('iets anders')).toBeNull();
  });
});

describe('enterableMunicipalities', () => {
  it('keeps what the policy allows, by Dutch name order', () => {
    const all = [
      { code: 'GM0599', name: 'Rotterdam', provinceCode: 'PV28' },
      { code: 'GM0394', name: 'Haarlemmermeer', provinceCode: 'PV27' },
      { code: 'GM0363', name: 'Amsterdam', provinceCode: 'PV27' },
    ];
    expect(enterableMunicipalities(all, (x) => x.provinceCode === 'PV27').map((x) => x.code)).toEqual(['GM0363', 'GM0394']);
  });
});

describe('pipelinePeriodFor', () => {
  it('follows the ledger page’s reading date when its half-year has a taakstelling, else the latest with its default date', () => {
    expect(pipelinePeriodFor('2022-03-31')).toEqual({ period: '2022-I', asOf: '2022-03-31' });
    expect(pipelinePeriodFor('2022-09-30')).toEqual({ period: '2022-II', asOf: '2022-09-30' });
    expect(pipelinePeriodFor(null)).toEqual({ period: '2022-II', asOf: '2022-07-08' });
    expect(pipelinePeriodFor('2025-01-01')).toEqual({ period: '2022-II', asOf: '2022-07-08' });
  });
});
