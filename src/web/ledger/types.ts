/** The answers of /api/v1/ledger… as the web app reads them (see src/features/ledger/service.ts). */
export type LadderStep = 'geen' | 'signaleren' | 'bestuurlijk overleg' | 'schriftelijke aanmaning' | 'indeplaatsstelling';
export const LADDER_STEPS: readonly LadderStep[] = ['geen', 'signaleren', 'bestuurlijk overleg', 'schriftelijke aanmaning', 'indeplaatsstelling'];
export type PaceStatus = 'op schema' | 'licht achter' | 'achter' | 'vrijgesteld';
export type MapClass = 'behaald' | 'bijna' | 'achter' | 'geen taak';
export const MAP_CLASSES: readonly MapClass[] = ['behaald', 'bijna', 'achter', 'geen taak'];

/** The half-years with a published taakstelling in the demo data. */
export const PERIODS = ['2022-I', '2022-II'] as const;
/**
 * The date the figures of a running half-year are read on: the demo data holds realisations up to and including
 * September 2022, so 2022-II is shown three months in. A finished half-year is read at its end (the server's default).
 */
export const RUNNING_AS_OF: Readonly<Record<string, string>> = { '2022-II': '2022-09-30' };

export interface PublicMapItem {
  code: string;
  name: string;
  provinceCode: string;
  corrected: number;
  realised: number;
  percentage: number | null;
  class: MapClass;
}
/** One class of the map with its words, derived on the server from the pace thresholds (src/domain/ledger/public-map.ts). */
export interface MapLegendEntry {
  class: MapClass;
  label: string;
}
/** A province's latest publication of the half-year map, or null when it has not published it yet. */
export interface ProvincePublicationStatus {
  code: string;
  name: string;
  published: { version: number; asOf: string; publishedAt: string } | null;
}
/** GET /api/v1/ledger/public-map: only municipalities of provinces that published, with the figures they froze. */
export interface PublicMap {
  period: string;
  legend: MapLegendEntry[];
  provinces: ProvincePublicationStatus[];
  items: PublicMapItem[];
}
/** GET /api/v1/ledger/public-map/preview: the figures as they stand now, which a publication would freeze. */
export interface MapPreview {
  period: string;
  asOf: string;
  legend: MapLegendEntry[];
  items: PublicMapItem[];
}
/** POST /api/v1/ledger/public-map/publications → 201. */
export interface MapPublication {
  id: number;
  period: string;
  provinceCode: string;
  provinceName: string;
  version: number;
  asOf: string;
  publishedAt: string;
  municipalities: number;
}
/**
 * POST /api/v1/ledger/{code}/realisations → 201 (new) or 200 (the same line was known already); COA's list upload
 * (POST /api/v1/realisations/uploads) answers the same.
 */
export interface RealisationRecorded {
  uploadId: number | null;
  alreadyUploaded: boolean;
  lineCount: number;
  newCount: number;
  skippedCount: number;
  period: string;
}

export interface OverviewItem {
  code: string;
  name: string;
  provinceCode: string;
  period: string;
  backlog: number;
  step: LadderStep;
  newlyOverdue: boolean;
  currentStatus: PaceStatus | null;
  taakstelling: number;
  carriedIn: number;
  swapsNet: number;
  corrected: number;
  realised: number;
  carriedOut: number;
  monthStatus: PaceStatus | null;
  suggestedStep: LadderStep;
  suggestionReason: string;
  frozen: boolean;
}
export interface Overview {
  period: string;
  asOf: string;
  province: string | null;
  totals: {
    municipalities: number;
    taakstelling: number;
    swapsNet: number;
    carriedIn: number;
    corrected: number;
    realised: number;
    carriedOut: number;
    backlog: number;
    advance: number;
    behind: number;
    excused: number;
    shareBehind: number | null;
    bareTaskMet: boolean;
    backlogCaughtUp: number | null;
  };
  items: OverviewItem[];
}

export interface LedgerMonthView {
  month: string;
  realised: number;
  cumulative: number;
  target: number;
  status: PaceStatus | null;
  excusedReason: string | null;
}
export interface LedgerPeriodView {
  period: string;
  taakstelling: number;
  carriedFromPrevious: number;
  transfersIn: { fromCode: string; fromName?: string; amount: number; effectiveDate: string; kind: string }[];
  carriedIn: number;
  swaps: { counterpart: string; amount: number }[];
  swapsNet: number;
  corrected: number;
  realised: number;
  carriedOut: number;
  finished: boolean;
  explanation: string;
  months: LedgerMonthView[];
}
export interface LadderDecision {
  step: LadderStep;
  date: string;
  reason: string;
  decidedBy: string;
}
export interface MunicipalityLedgerView {
  municipalityCode: string;
  name: string;
  provinceCode: string;
  asOf: string;
  ledger: {
    municipalityCode: string;
    initialCarriedIn: number;
    finalCarriedOut: number;
    closed: unknown;
    excused: { from: string; to: string; reason: string }[];
    periods: LedgerPeriodView[];
  };
  ladder: {
    current: { step: LadderStep; since: string | null };
    history: LadderDecision[];
    suggestion: { current: LadderStep; suggested: LadderStep; reason: string; frozen: boolean };
  };
  reconciliation: { month: string; coa: number | null; municipality: number | null; difference: number | null }[];
}
