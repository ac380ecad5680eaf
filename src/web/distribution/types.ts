/**
 * The shapes of /api/v1/distributions answers that these pages read (see src/features/distribution/schemas.ts).
 * Kept apart from the server code so the bundle never pulls in server modules; the browser test catches drift.
 */
import type { PopulationStatus } from '../api/types.ts';

export type DecisionKind = 'verdeling' | 'taakstelling';
export type DecisionLevel = 'province' | 'municipality';
export type DecisionStatus = 'concept' | 'gepubliceerd' | 'vervangen' | 'berekening';
export type MethodName = 'round-up' | 'largest-remainder' | 'dhondt' | 'sainte-lague' | 'huntington-hill';
export type PresetName = 'population' | 'population-ses' | 'koenigstein' | 'eu-relocation-2015' | 'fedasil';

export const METHODS: readonly MethodName[] = ['largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill', 'round-up'];
export const PRESETS: readonly PresetName[] = ['population', 'population-ses', 'koenigstein', 'eu-relocation-2015', 'fedasil'];

/** A key as the API takes it: a preset name or a specification (the shape of a key file). */
export type KeySpec = Record<string, unknown> & { preset?: PresetName; indicators?: unknown[]; values?: Record<string, unknown> };

export interface DecisionInput {
  title?: string;
  kind: DecisionKind;
  level?: DecisionLevel;
  within?: string;
  total?: number;
  method?: MethodName;
  key?: PresetName | KeySpec;
  referenceDate?: string;
  boundaryDate?: string;
  existing?: Record<string, number>;
  period?: string;
  national?: number;
}

export interface AreaResult {
  code: string;
  name: string;
  parentCode: string | null;
  population: number | null;
  populationStatus: PopulationStatus | null;
  quota: string;
  quotaDecimal: string;
  assigned: number;
  existing: number | null;
  toRealise: number | null;
  explanation: string;
}

export interface DecisionView {
  id: number | null;
  number: string | null;
  title: string;
  kind: DecisionKind;
  level: DecisionLevel;
  parentCode: string | null;
  period: string | null;
  total: number;
  method: string;
  key: unknown;
  referenceDate: string;
  boundaryDate: string;
  populationStatus: PopulationStatus;
  nationalPopulation: number | null;
  status: DecisionStatus;
  supersedesId: number | null;
  supersededById: number | null;
  createdBy: string | null;
  createdAt: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
  version: number;
  assignedTotal: number;
  methodNote: string;
  areas: AreaResult[];
}

export interface DecisionSummary {
  id: number;
  number: string | null;
  title: string;
  kind: DecisionKind;
  level: DecisionLevel;
  parentCode: string | null;
  period: string | null;
  total: number;
  method: string;
  referenceDate: string;
  populationStatus: PopulationStatus;
  status: DecisionStatus;
  publishedAt: string | null;
  version: number;
}

export interface DecisionList {
  items: DecisionSummary[];
}

export interface ComparisonRow {
  code: string;
  name: string;
  a: number | null;
  b: number | null;
  difference: number | null;
}

export interface Comparison {
  a: DecisionSummary;
  b: DecisionSummary;
  areas: ComparisonRow[];
  totals: { a: number; b: number; difference: number };
}
