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
