/** The answers of /api/v1/pipeline… as the web app reads them (see src/features/pipeline/routes.ts). */
import { PROJECT_STATUSES, STATUS_TRANSITIONS, type ProjectStatus } from '../../domain/pipeline/statuses.ts';

export { PROJECT_STATUSES, STATUS_TRANSITIONS, type ProjectStatus };

/** The half-years with a published taakstelling in the demo data (what is due comes from the ledger). */
export const PERIODS = ['2022-I', '2022-II'] as const;
/**
 * The date the pipeline of a running half-year is read on: the demo describes the LRT of 8 July 2022. Other
 * half-years are read from their first day (the server's default).
 */
export const RUNNING_AS_OF: Readonly<Record<string, string>> = { '2022-II': '2022-07-08' };
/** Persons per home the server assumes when none is given. */
export const DEFAULT_PERSONS_PER_HOME = '2,2';

export interface Track {
  code: string;
  name: string;
  provinceCode: string | null;
  ownerOrganisation: string;
  description: string | null;
  projects: number;
  units: number;
  reservedUnits: number;
  version: number;
}

export interface Project {
  id: number;
  trackCode: string;
  reference: string;
  name: string;
  municipalityCode: string;
  municipalityName: string;
  provinceCode: string;
  party: string;
  homeType: string;
  units: number;
  reservedUnits: number;
  expectedDelivery: string;
  firstExpectedDelivery: string;
  status: ProjectStatus;
  costPerUnitCents: number | null;
  version: number;
}

export interface DeliveryChange {
  projectId: number;
  changedOn: string;
  from: string;
  to: string;
  reason: string;
  recordedBy: string;
}

export interface ProjectDetail extends Project {
  history: DeliveryChange[];
}

export interface Expected {
  units: number;
  reservedUnits: number;
  projects: number;
}
export interface ExpectedMonth extends Expected {
  month: string;
}
export interface ExpectedHalfYear extends Expected {
  period: string;
}
export interface PricePoint {
  group: string;
  period: string;
  meanCostPerUnitCents: number;
  projects: number;
  units: number;
}
export interface Coverage {
  due: number;
  homesExpectedInPeriod: number;
  homesExpectedLater: number;
  personsCovered: number;
  coveragePercent: number | null;
  projects: number;
  slips: number;
}
export interface ProvinceCoverage extends Coverage {
  provinceCode: string;
}
export interface MunicipalityCoverage extends Coverage {
  municipalityCode: string;
  name: string;
  provinceCode: string;
}
export interface TrackExpectation {
  code: string;
  name: string;
  ownerOrganisation: string;
  projects: number;
  homesExpectedInPeriod: number;
  homesExpectedLater: number;
  byMonth: ExpectedMonth[];
}
export interface SlipItem {
  projectId: number;
  name: string;
  trackCode: string;
  municipalityCode: string;
  municipalityName: string;
  status: ProjectStatus;
  reservedUnits: number;
  firstExpectedDelivery: string;
  expectedDelivery: string;
  delayDays: number;
  moves: number;
  lastChangedOn: string | null;
  lastReason: string | null;
}

/** GET /api/v1/pipeline/overview. */
export interface PipelineOverview {
  period: string;
  asOf: string;
  province: string | null;
  municipality: string | null;
  personsPerHome: string;
  /** Why nothing is due, when the half-year has no published taakstelling (newer servers only). */
  ledgerNote?: string | null;
  totals: Omit<Coverage, 'projects' | 'slips'> & { projects: number; slips: number };
  byMonth: ExpectedMonth[];
  byHalfYear: ExpectedHalfYear[];
  tracks: TrackExpectation[];
  provinces: ProvinceCoverage[];
  municipalities: MunicipalityCoverage[];
  slips: SlipItem[];
  prices: { byTrack: PricePoint[]; byProvince: PricePoint[] };
}

/** POST /api/v1/pipeline/uploads → 201. */
export interface UploadResult {
  uploadId: number;
  lines: number;
  created: number;
  changed: number;
  unchanged: number;
}

/** GET /api/v1/municipalities (only what the forms use). */
export interface MunicipalityRef {
  code: string;
  name: string;
  provinceCode: string;
}
