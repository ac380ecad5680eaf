/**
 * The shapes of the server's /api/v1 answers that the web app reads. Kept here, not imported from the server code,
 * so the browser bundle never pulls in server modules; the browser tests run against the real server and catch drift.
 */
export type PopulationStatus = 'officieel' | 'voorlopig' | 'onofficieel';
export type PopulationBasis = 'eigen cijfer' | 'som voorgangers' | 'vastgesteld door provincie';

export interface Population {
  inhabitants: number | null;
  referenceDate: string | null;
  status: PopulationStatus | null;
  basis: PopulationBasis | null;
  sources: string[];
  /** Why there is no figure, in Dutch (from the server). */
  missing: string | null;
}

export interface Coverage {
  years: number[];
  defaultYear: number;
  referenceDates: {
    referenceDate: string;
    status: PopulationStatus;
    municipalityCount: number;
    sum: number;
    nationalTotal: number | null;
  }[];
}

export interface ProvinceSummary {
  code: string;
  name: string;
  municipalityCount: number;
  population: Population;
}

export interface ProvinceList {
  year: number;
  boundaryDate: string;
  referenceDate: string | null;
  items: ProvinceSummary[];
}

export interface Municipality {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  validFrom: string | null;
  validTo: string | null;
  population: Population;
}

export interface ProvinceDetail {
  year: number;
  boundaryDate: string;
  referenceDate: string | null;
  province: ProvinceSummary;
  municipalities: Municipality[];
}

export type ReorganisationKind = 'samenvoeging' | 'toevoeging' | 'opsplitsing';

export interface Reorganisation {
  effectiveDate: string;
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  kind: ReorganisationKind;
}

export interface ReorganisationList {
  items: Reorganisation[];
}

export type RoleName = 'secretariaat' | 'lid' | 'provincie' | 'gemeente' | 'coa' | 'corporatie';
export type OrganisationKind = 'rijk' | 'provincie' | 'gemeente' | 'coa' | 'corporatie' | 'koepel' | 'overig';

export interface RoleGrant {
  role: RoleName;
  /** '' for national roles, PVxx for a province, GMxxxx for a municipality. */
  scope: string;
}

export interface User {
  id: number;
  email: string;
  name: string;
  organisation: { name: string; kind: string };
  roles: RoleGrant[];
  disabled: boolean;
  demo: boolean;
  createdAt: string;
  version: number;
}

export interface Session {
  user: User | null;
  csrfToken: string | null;
  via: 'anonymous' | 'cookie' | 'token';
  oidcEnabled: boolean;
}

export interface UserList {
  items: User[];
}

export interface CreatedUser {
  user: User;
  password: string;
}

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface TokenList {
  items: ApiToken[];
}

export interface CreatedToken {
  token: string;
  item: ApiToken;
}

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'publish'
  | 'import'
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'permission-change';

export interface AuditItem {
  id: number;
  occurredAt: string;
  actor: string;
  actorUserId: number | null;
  onBehalfOf: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditItem[];
  nextBefore: number | null;
}

export interface PopulationImportResult {
  importId: number;
  format: string;
  referenceDate: string;
  status: PopulationStatus;
  source: string;
  rowCount: number;
  replacedCount: number;
  warnings: string[];
}

export interface ProvinceFigure {
  municipalityCode: string;
  municipalityName: string;
  provinceCode: string;
  referenceDate: string;
  inhabitants: number;
  reason: string;
  recordedBy: string;
  recordedAt: string;
  version: number;
}
