/**
 * The answers of /api/v1/programmes, /actions, /escalation-ladder, /inbox and /reports… as the web app reads them
 * (see src/features/agenda/routes.ts). The status and kind lists come from the pure domain rules, so the forms offer
 * exactly what the server accepts.
 */
import type { ActionStatus } from '../../domain/agenda/actions.ts';
import type { EscalationKind } from '../../domain/agenda/ladder.ts';
import type { ReportState } from '../../domain/agenda/reports.ts';

export { ACTION_STATUSES, REOPEN_TO, STATUS_TRANSITIONS, isClosed, type ActionStatus } from '../../domain/agenda/actions.ts';
export { ESCALATION_KINDS, LADDER_LIMITS, type EscalationKind } from '../../domain/agenda/ladder.ts';
export { REPORT_LIMITS, type ReportState } from '../../domain/agenda/reports.ts';

export interface Measure {
  id: number;
  number: number;
  title: string;
}

export interface Programme {
  id: number;
  code: string;
  name: string;
  owner: string;
  measures: Measure[];
}

export interface ProgrammeList {
  items: Programme[];
}

export interface Action {
  id: number;
  programme: { code: string; name: string };
  measure: Measure;
  description: string;
  holder: { organisation: string; person: string | null; email: string | null };
  provinceCode: string | null;
  deadline: string;
  status: ActionStatus;
  overdue: boolean;
  origin: string | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

export interface ActionList {
  today: string;
  items: Action[];
}

/** GET /api/v1/actions/newly-overdue: actions whose deadline passed in the last `days` days. */
export interface NewlyOverdueList extends ActionList {
  days: number;
}

/** One line of an action's history: progress, and when it changed them, the status and deadline before and after. */
export interface ActionUpdate {
  id: number;
  date: string;
  text: string;
  statusBefore: ActionStatus | null;
  statusAfter: ActionStatus | null;
  deadlineBefore: string | null;
  deadlineAfter: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** A step of the escalation ladder that fired for the action (for the deadline it had then). */
export interface FiredStep {
  level: number;
  kind: EscalationKind;
  deadline: string;
  dueOn: string;
  firedAt: string;
}

export interface NextStep {
  level: number;
  kind: EscalationKind;
  name: string;
  dueOn: string;
  deadline: string;
}

export interface ActionDetail extends Action {
  updates: ActionUpdate[];
  escalations: FiredStep[];
  nextStep: NextStep | null;
}

export interface EscalationLevel {
  level: number;
  name: string;
  afterDays: number;
  graceDays: number;
  kind: EscalationKind;
}

export interface Ladder {
  levels: EscalationLevel[];
}

export interface Notification {
  id: number;
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  /** A path of this app, e.g. /acties/4 or /rapportages/PV27/2022-07. */
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface Inbox {
  items: Notification[];
  unread: number;
}

/** Where one province's report of one month stands (src/domain/agenda/reports.ts `timeliness`). */
export interface ReportCell {
  province: string;
  month: string;
  deadline: string;
  submittedOn: string | null;
  expected: boolean;
  received: boolean;
  onTime: boolean;
  daysLate: number | null;
  state: ReportState;
}

export interface RateRow {
  expected: number;
  received: number;
  onTime: number;
  completenessPercent: number | null;
  timelinessPercent: number | null;
}

export interface ReportStatusView {
  today: string;
  months: string[];
  settings: { firstMonth: string | null; lastMonth: string | null; workingDay: number };
  provinceNames: Record<string, string>;
  cells: ReportCell[];
  provinces: (RateRow & { province: string })[];
  byMonth: (RateRow & { month: string })[];
  national: RateRow;
}

/** The province's figures of the month, filled in by the platform (frozen when the report is submitted). */
export interface ReportFigures {
  asOf: string;
  ledger: { period: string; asOf?: string; taakstelling: number; corrected: number; realised: number; behind: number; municipalities: number } | null;
  /** `percentage` is already written the Dutch way by the server ("3,6"). */
  reception: { asOf: string; places: number; share: number; percentage: string | null } | null;
  overdueActions: { id: number; measure: number; description: string; deadline: string }[];
}

export interface MeasureProgress {
  measure: string;
  progress: string;
}

export interface Report {
  provinceCode: string;
  provinceName: string;
  month: string;
  status: 'concept' | 'ingediend';
  deadline: string;
  submittedOn: string | null;
  submittedBy: string | null;
  /** 0: not stored yet (a new draft with the figures filled in). */
  version: number;
  content: { figures: Partial<ReportFigures>; bottlenecks: string; measures: MeasureProgress[] };
  stored: boolean;
}
