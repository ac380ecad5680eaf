/** The answer of GET /api/v1/dashboard and /api/v1/dashboard/provinces/:code (src/features/dashboard/schemas.ts). */
export interface Figure<T> {
  value: T;
  /** The day the figure is from. */
  asOf: string | null;
  /** Where it comes from, in Dutch (the server's words). */
  source: string;
  /** The web page with its detail. */
  href: string;
}
export interface Capacity {
  realised: number;
  share: number;
  difference: number;
  percentageTenths: number | null;
  percentage: string | null;
}
export type MonthStatus = 'op schema' | 'licht achter' | 'achter' | 'vrijgesteld' | null;
export interface DashboardMunicipality {
  code: string;
  name: string;
  taakstelling: number;
  corrected: number;
  realised: number;
  remaining: number;
  status: MonthStatus;
  step: string;
  href: string;
}
export type ReportState = 'niet-verwacht' | 'op-tijd' | 'te-laat' | 'ontbreekt';
export interface DashboardReport {
  provinceCode: string;
  provinceName: string;
  month: string;
  deadline: string;
  submittedOn: string | null;
  state: ReportState;
  daysLate: number | null;
  href: string;
}
export interface Dashboard {
  asOf: string;
  province: { code: string; name: string } | null;
  provinces: { code: string; name: string; href: string }[];
  reception: {
    asOf: string;
    registrationCentres: { code: string; name: string; norm: number | null; overNorm: boolean; breachDays: number; currentStreakDays: number | null; occupancy: Figure<number | null> }[];
    permitHolders: Figure<number>;
    occupancy: Figure<number>;
    capacity: Figure<number>;
    capacityShare: {
      decisionId: number;
      title: string;
      asOf: string;
      source: string;
      href: string;
      total: Figure<Capacity | null>;
      provinces: (Capacity & { provinceCode: string; name: string | null; locations: number; href: string })[];
    } | null;
    locations: {
      code: string;
      name: string;
      typeLabel: string;
      municipalityCode: string;
      municipalityName: string;
      capacity: number;
      norm: number | null;
      overNorm: boolean;
      permitHolders: number | null;
      occupancy: Figure<number | null>;
    }[];
  } | null;
  ledger: {
    period: string;
    asOf: string;
    source: string;
    href: string;
    municipalities: Figure<number>;
    taakstelling: Figure<number>;
    carriedIn: Figure<number>;
    corrected: Figure<number>;
    realised: Figure<number>;
    remaining: Figure<number>;
    behind: Figure<number>;
    provinces: { provinceCode: string; municipalities: number; taakstelling: number; corrected: number; realised: number; carriedIn: number; href: string }[];
    municipalityList: DashboardMunicipality[];
    furthestBehind: DashboardMunicipality[];
  } | null;
  actions: {
    overdue: Figure<number>;
    items: { id: number; description: string; holder: string; measure: string; deadline: string; status: string; provinceCode: string | null; href: string }[];
  };
  reports: {
    late: Figure<number>;
    completenessPercent: Figure<number | null>;
    timelinessPercent: Figure<number | null>;
    items: DashboardReport[];
    months: DashboardReport[];
  };
  meeting: {
    kind: 'volgende' | 'laatste';
    id: number;
    date: string;
    place: string | null;
    body: { code: string; name: string };
    asOf: string;
    source: string;
    href: string;
    agenda: { number: number; title: string }[];
  } | null;
}
