/**
 * The pure parts of the pipeline pages: coverage classes for the map, the timeline and price series, the project
 * forms (draft → request, checks mirroring the server's rules, where a server complaint lands).
 * The upload's file handling is shared (../shared/upload.ts). No React, no fetch: unit-tested in logic.test.ts.
 */
import type { FormError } from '../ui/index.ts';
import type { PipelineMessages } from './messages.ts';
import { PERIODS, RUNNING_AS_OF, STATUS_TRANSITIONS, type ExpectedMonth, type MunicipalityRef, type PricePoint, type Project, type ProjectStatus, type TrackExpectation } from './types.ts';

/** Coverage classes of the map, worst first; 'geen' is a province where nothing is due. */
export type CoverageClass = 'laag' | 'matig' | 'ruim' | 'gedekt' | 'geen';
export const COVERAGE_CLASSES: readonly CoverageClass[] = ['laag', 'matig', 'ruim', 'gedekt', 'geen'];
/** Lower limits in percent of the classes laag, matig, ruim, gedekt. */
export const COVERAGE_BREAKS = [0, 25, 50, 100] as const;

/** `coverageClass(12)` → 'laag'; `coverageClass(60)` → 'ruim'; `coverageClass(null)` → 'geen' (nothing due). */
export function coverageClass(percent: number | null): CoverageClass {
  if (percent === null) return 'geen';
  if (percent >= 100) return 'gedekt';
  if (percent >= 50) return 'ruim';
  if (percent >= 25) return 'matig';
  return 'laag';
}

export interface TimelineSeries {
  months: string[];
  tracks: { code: string; name: string; values: number[] }[];
  /** The highest stacked total of a month (at least 1, so a chart of nothing still has a scale). */
  max: number;
  totals: number[];
}

/**
 * The homes for permit holders expected per month, stacked per track; every track on the same months (the union,
 * sorted), a missing month as 0. Tracks without any expected home are left out of the chart.
 */
export function timelineSeries(tracks: readonly TrackExpectation[]): TimelineSeries {
  const months = [...new Set(tracks.flatMap((t) => t.byMonth.map((b) => b.month)))].sort();
  const valueOf = (byMonth: readonly ExpectedMonth[], month: string) => byMonth.find((b) => b.month === month)?.reservedUnits ?? 0;
  const series = tracks
    .map((t) => ({ code: t.code, name: t.name, values: months.map((mo) => valueOf(t.byMonth, mo)) }))
    .filter((s) => s.values.some((v) => v > 0));
  const totals = months.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  return { months, tracks: series, totals, max: Math.max(1, ...totals) };
}

export interface PriceTable {
  periods: string[];
  groups: string[];
  /** Mean cost per home in cents, or null when the group has no project with a cost in that half-year. */
  value: (group: string, period: string) => number | null;
  max: number;
}

/** `comparePeriods('2022-II', '2023-I')` < 0: half-years in time order. */
export function comparePeriods(a: string, b: string): number {
  const [ya, ha] = a.split('-');
  const [yb, hb] = b.split('-');
  return Number(ya) - Number(yb) || (ha === hb ? 0 : ha === 'I' ? -1 : 1);
}

/** The price points as a table: half-years in time order across, groups down. */
export function priceTable(points: readonly PricePoint[]): PriceTable {
  const periods = [...new Set(points.map((p) => p.period))].sort(comparePeriods);
  const groups = [...new Set(points.map((p) => p.group))].sort();
  const byKey = new Map(points.map((p) => [`${p.group}|${p.period}`, p.meanCostPerUnitCents]));
  return {
    periods,
    groups,
    value: (group, period) => byKey.get(`${group}|${period}`) ?? null,
    max: Math.max(1, ...points.map((p) => p.meanCostPerUnitCents)),
  };
}

/**
 * An amount in euro as people type it, in whole cents: '185.000' → 18_500_000, '185000,50' → 18_500_050,
 * '€ 98.000,-' → 9_800_000; '' → null (unknown); anything else → NaN.
 */
export function euroToCents(raw: string): number | null {
  const text = raw.replace(/[€\s]/g, '').replace(/,-$/, '');
  if (text === '') return null;
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(text);
  if (!m) return Number.NaN;
  const euros = Number(m[1]!.replace(/\./g, ''));
  const cents = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  return euros * 100 + cents;
}

/** 9_800_000 → '98000' (what the cost field shows to edit); cents kept after a comma; null → ''. */
export function centsToEuroInput(cents: number | null): string {
  if (cents === null) return '';
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const count = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** The ids of the project form's fields (also where the server's complaints land). */
export const PROJECT_FIELDS = {
  trackCode: 'project-spoor',
  reference: 'project-code',
  name: 'project-naam',
  municipalityCode: 'project-gemeente',
  party: 'project-partij',
  homeType: 'project-type',
  units: 'project-woningen',
  reservedUnits: 'project-statushouders',
  expectedDelivery: 'project-oplevering',
  status: 'project-status',
  costPerUnitCents: 'project-kosten',
  reason: 'project-reden',
} as const;
export type ProjectField = keyof typeof PROJECT_FIELDS;

/** What the project forms hold: text as typed. */
export interface ProjectDraft {
  trackCode: string;
  reference: string;
  name: string;
  municipalityCode: string;
  party: string;
  homeType: string;
  units: string;
  reservedUnits: string;
  expectedDelivery: string;
  status: ProjectStatus;
  cost: string;
  reason: string;
}

export function emptyDraft(): ProjectDraft {
  return { trackCode: '', reference: '', name: '', municipalityCode: '', party: '', homeType: '', units: '', reservedUnits: '', expectedDelivery: '', status: 'planfase', cost: '', reason: '' };
}

/** An existing project as the edit form starts. */
export function draftOf(p: Project): ProjectDraft {
  return {
    trackCode: p.trackCode,
    reference: p.reference,
    name: p.name,
    municipalityCode: p.municipalityCode,
    party: p.party,
    homeType: p.homeType,
    units: String(p.units),
    reservedUnits: String(p.reservedUnits),
    expectedDelivery: p.expectedDelivery,
    status: p.status,
    cost: centsToEuroInput(p.costPerUnitCents),
    reason: '',
  };
}

/**
 * The checks the server makes too, so most mistakes are named before sending: required texts, whole numbers, the
 * homes for permit holders not more than all homes, a real date, a known cost. `existing`: the project being edited
 * (its track, code and municipality are fixed; a moved delivery date needs a reason; a status may only go where
 * the rules allow).
 */
export function projectProblems(d: ProjectDraft, m: PipelineMessages, existing?: Project): FormError[] {
  const e = m.form.errors;
  const out: FormError[] = [];
  const add = (field: ProjectField, message: string) => out.push({ fieldId: PROJECT_FIELDS[field], message });
  if (!existing) {
    if (!d.trackCode) add('trackCode', e.track);
    if (!d.reference.trim()) add('reference', e.reference);
    if (!d.municipalityCode) add('municipalityCode', e.municipality);
  }
  if (!d.name.trim()) add('name', e.name);
  if (!d.party.trim()) add('party', e.party);
  if (!d.homeType.trim()) add('homeType', e.homeType);
  const units = count(d.units);
  const reserved = count(d.reservedUnits);
  if (!(units >= 1 && units <= 100_000)) add('units', e.units);
  if (!(reserved >= 0 && reserved <= 100_000)) add('reservedUnits', e.reservedUnits);
  else if (units >= 1 && reserved > units) add('reservedUnits', e.reservedMoreThanUnits);
  if (!isDay(d.expectedDelivery)) add('expectedDelivery', e.delivery);
  const cents = euroToCents(d.cost);
  if (cents !== null && (Number.isNaN(cents) || cents < 1)) add('costPerUnitCents', e.cost);
  if (existing) {
    if (d.status !== existing.status && !STATUS_TRANSITIONS[existing.status].includes(d.status)) add('status', e.status);
    if (d.expectedDelivery !== existing.expectedDelivery && !d.reason.trim()) add('reason', e.reason);
  }
  return out;
}

/** POST /api/v1/pipeline/projects body from a checked draft. */
export function projectRequest(d: ProjectDraft) {
  const cents = euroToCents(d.cost);
  return {
    trackCode: d.trackCode,
    reference: d.reference.trim(),
    name: d.name.trim(),
    municipalityCode: d.municipalityCode,
    party: d.party.trim(),
    homeType: d.homeType.trim(),
    units: count(d.units),
    reservedUnits: count(d.reservedUnits),
    expectedDelivery: d.expectedDelivery,
    status: d.status,
    ...(cents !== null ? { costPerUnitCents: cents } : {}),
  };
}

/**
 * PATCH body: only what changed (the server records each change in the audit trail); a moved delivery date carries
 * its reason. Null when nothing changed.
 */
export function projectPatch(p: Project, d: ProjectDraft): Record<string, unknown> | null {
  const body: Record<string, unknown> = {};
  if (d.name.trim() !== p.name) body.name = d.name.trim();
  if (d.party.trim() !== p.party) body.party = d.party.trim();
  if (d.homeType.trim() !== p.homeType) body.homeType = d.homeType.trim();
  if (count(d.units) !== p.units) body.units = count(d.units);
  if (count(d.reservedUnits) !== p.reservedUnits) body.reservedUnits = count(d.reservedUnits);
  if (d.status !== p.status) body.status = d.status;
  const cents = euroToCents(d.cost);
  if (cents !== p.costPerUnitCents) body.costPerUnitCents = cents;
  if (d.expectedDelivery !== p.expectedDelivery) {
    body.expectedDelivery = d.expectedDelivery;
    body.reason = d.reason.trim();
  }
  return Object.keys(body).length > 0 ? body : null;
}

/** The form field a server complaint is about ('units', 'reservedUnits', 'body/units'); null: the summary. */
export function projectFieldOf(name: string): string | null {
  const key = name.replace(/^\/?body[/.]/, '').replace(/^\//, '');
  return key in PROJECT_FIELDS ? PROJECT_FIELDS[key as ProjectField] : null;
}

/** The statuses a project may go to from its current one (itself first). */
export function statusChoices(current: ProjectStatus): ProjectStatus[] {
  return [current, ...STATUS_TRANSITIONS[current]];
}

/** The municipalities a user may enter projects for, by name (the same policy as the server, passed in as `may`). */
export function enterableMunicipalities(all: readonly MunicipalityRef[], may: (m: MunicipalityRef) => boolean): MunicipalityRef[] {
  return all.filter(may).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** The last day of a half-year: `periodEnd('2022-II')` → '2022-12-31'. */
export function periodEnd(period: string): string {
  const [year, half] = period.split('-');
  return half === 'I' ? `${year}-06-30` : `${year}-12-31`;
}
/** The first day of a half-year: `periodStart('2022-II')` → '2022-07-01'. */
export function periodStart(period: string): string {
  const [year, half] = period.split('-');
  return half === 'I' ? `${year}-01-01` : `${year}-07-01`;
}

/**
 * The half-year and reading date the pipeline of a municipality is shown for, from the ledger page's reading date:
 * its half-year when it is one with a taakstelling, else the latest (read on that half-year's default date).
 * `pipelinePeriodFor('2022-03-31')` → { period: '2022-I', asOf: '2022-03-31' }; `pipelinePeriodFor(null)` →
 * { period: '2022-II', asOf: '2022-07-08' }.
 */
export function pipelinePeriodFor(asOf: string | null): { period: string; asOf: string | null } {
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    const period = `${asOf.slice(0, 4)}-${Number(asOf.slice(5, 7)) <= 6 ? 'I' : 'II'}`;
    if ((PERIODS as readonly string[]).includes(period)) return { period, asOf };
  }
  const period = PERIODS[PERIODS.length - 1]!;
  return { period, asOf: RUNNING_AS_OF[period] ?? null };
}
