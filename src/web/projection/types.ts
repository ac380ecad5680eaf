/** The answers of /api/v1/projections… as the web app reads them (schemas: src/features/projection/routes.ts). */
export const BAND_SERIES = [
  'registrationCentre',
  'awaitingDecision',
  'permitHoldersWaiting',
  'rejectedWaiting',
  'receptionOccupancy',
  'placesShort',
  'inflow',
  'housed',
] as const;
export type BandSeries = (typeof BAND_SERIES)[number];
export const SUMMARY_FIGURES = ['weeksOverNorm', 'peakRegistrationCentre', 'peakPlacesShort', 'housedTotal', 'permitHoldersWaitingAtEnd'] as const;
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

export interface Distribution {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}
export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface Projection {
  scenario: string;
  runs: number;
  seed: number;
  weeks: number;
  percentileDefinition: 'nearest-rank';
  weekStarts: string[];
  capacity: number[];
  registrationCentreNorm: number;
  bands: Record<BandSeries, Band>;
  overNormShare: number[];
  summary: Record<SummaryFigure, Distribution> & {
    /** Week indexes (0 = the start week); null when at least that share of runs never goes over the norm. */
    firstWeekOverNorm: { p10: number | null; p50: number | null; p90: number | null; shareOfRuns: number };
  };
}

export interface Comparison {
  a: Projection;
  b: Projection;
  weekStarts: string[];
  difference: {
    p50: Record<BandSeries, number[]>;
    overNormShare: number[];
    summary: Record<SummaryFigure, { p50Difference: number; paired: Distribution }> & {
      firstWeekOverNorm: { p50Difference: number | null; shareOfRunsDifference: number };
    };
  };
}

export interface SavedScenario {
  id: number;
  name: string;
  description: string | null;
  scenario: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

export interface StartState {
  date: string;
  initial: { registrationCentre: number; awaitingDecision: number; permitHoldersWaiting: number; rejectedWaiting: number };
  capacityBase: number;
  registrationCentreNorm: number | null;
  housing: {
    period: string;
    perHalfYear: number | null;
    pace: { period: string; months: number; realised: number; due: number; factor: number | null } | null;
  };
  notes: string[];
}
