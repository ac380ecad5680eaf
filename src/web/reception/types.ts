/** The answers of /api/v1/reception… as the web app reads them (schemas: src/features/reception/schemas.ts). */
export type LocationType = 'aanmeldcentrum' | 'azc' | 'noodopvang' | 'crisisnoodopvang' | 'flexibele opvang' | 'overig';

export interface Streak {
  from: string;
  to: string;
  breachDays: number;
  calendarDays: number;
  peak: number;
}

export interface BreachSummary {
  last: { date: string; occupancy: number; norm: number | null; difference: number | null } | null;
  breachDays: number;
  currentStreak: Streak | null;
  longestStreak: Streak | null;
}

export interface CapacityFigures {
  realised: number;
  share: number;
  difference: number;
  /** 1169 for 116,9 %; null when the share is 0. */
  percentageTenths: number | null;
  percentage: string | null;
}

export interface NationalReception {
  asOf: string | null;
  occupancy: number;
  capacity: number;
  permitHolders: number;
  byType: { type: LocationType; label: string; locations: number; capacity: number; occupancy: number; reported: number }[];
  registrationCentres: { code: string; name: string; norm: number | null; occupancy: number | null; summary: BreachSummary }[];
  capacityShare: {
    decisionId: number;
    title: string;
    provinces: ({ provinceCode: string; name: string | null; locations: number } & CapacityFigures)[];
    total: CapacityFigures;
  } | null;
}

export interface LocationSummary {
  code: string;
  name: string;
  type: LocationType;
  typeLabel: string;
  municipalityCode: string;
  municipalityName: string;
  provinceCode: string;
  capacity: number;
  norm: number | null;
  lastDay: string | null;
  occupancy: number | null;
  permitHolders: number | null;
  overNorm: boolean;
  version: number;
}

export interface LocationList {
  asOf: string;
  items: LocationSummary[];
}

export interface ForecastDay {
  date: string;
  value: number;
  exact: number;
  norm: number | null;
  overNorm: boolean;
}

export interface Forecast {
  method: 'holt';
  parameters: { alpha: number; beta: number };
  chosenBy: 'vast' | 'raster-voor-toetsvenster' | 'raster-heel-venster';
  window: { from: string; to: string; knownDays: number };
  level: number;
  trend: number;
  days: ForecastDay[];
  firstBreach: ForecastDay | null;
  /** The error of the method on the last days before `to` (mean absolute error in persons, MAPE in percent). */
  backtest: { from: string; to: string; days: number; mae: number | null; mape: number | null };
  /** The method and its error in plain Dutch, from the server. */
  description: string;
}

export interface LocationDetail {
  location: LocationSummary;
  from: string;
  to: string;
  events: { date: string; kind: 'opening' | 'uitbreiding' | 'inkrimping' | 'sluiting'; places: number }[];
  norms: { from: string; to: string | null; max: number; penaltyCentsPerDay: number | null }[];
  days: { date: string; occupancy: number; permitHolders: number | null; capacity: number | null; norm: number | null }[];
  breachDays: { date: string; occupancy: number; norm: number; excess: number }[];
  breachesPerMonth: { period: string; knownDays: number; normDays: number; breachDays: number }[];
  summary: BreachSummary;
  forecast: Forecast | null;
  penalties: { days: number; amountCents: number; totalCents: number; from: string; to: string | null }[];
}

export interface ReceptionAlert {
  id: number;
  kind: 'norm-overschreden';
  locationCode: string;
  locationName: string;
  provinceCode: string;
  day: string;
  occupancy: number;
  maximum: number;
  streakStart: string;
  message: string;
  createdAt: string;
}

/** The answer to an occupancy upload (POST /api/v1/reception/occupancy/uploads). */
export interface OccupancyUploadResult {
  uploadId: number | null;
  /** The same file had been read before: nothing changed. */
  alreadyUploaded: boolean;
  lineCount: number;
  newCount: number;
  correctedCount: number;
  unchangedCount: number;
  /** New norm breaches that raised an alert. */
  alerts: { locationCode: string; date: string; occupancy: number; norm: number; streakStart: string }[];
}
