/** The answers of /api/v1/meetings, /api/v1/minutes/… and /api/v1/woo/… as this feature reads them. */
export type MinutesStatus = 'concept' | 'verstuurd' | 'vastgesteld';
export const MINUTES_STATUSES: readonly MinutesStatus[] = ['concept', 'verstuurd', 'vastgesteld'];
export type AttendanceStatus = 'aanwezig' | 'afwezig' | 'vervangen' | 'gast';
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['aanwezig', 'afwezig', 'vervangen', 'gast'];
export type RedactionReason = 'bekende-persoon' | 'mogelijke-naam';
export const REDACTION_REASONS: readonly RedactionReason[] = ['bekende-persoon', 'mogelijke-naam'];

export interface Publication {
  id: number;
  title: string;
  publishedOn: string;
  sha256: string;
  metadata: { body?: string; meetingDate?: string; [key: string]: unknown };
}

export interface MeetingSummary {
  id: number;
  date: string;
  place: string | null;
  body: { code: string; name: string };
  minutesStatus: MinutesStatus | null;
}

export interface Meeting {
  id: number;
  body: { id: number; code: string; name: string };
  date: string;
  place: string | null;
  version: number;
  agenda: { id: number; number: number; title: string; documents: { title: string; ref?: string | null }[] }[];
  attendance: {
    personId: number;
    name: string;
    organisation: string;
    status: AttendanceStatus;
    substituteId: number | null;
    substituteName: string | null;
    note: string | null;
  }[];
  approvals: { minutesId: number; meetingDate: string; line: string }[];
  minutes: { id: number; version: number; status: MinutesStatus; approvedOn: string | null; rowVersion: number }[];
}

export interface Proposal {
  key: string;
  field: string;
  start: number;
  end: number;
  text: string;
  reason: RedactionReason;
  personId: number | null;
  personOrganisation: string | null;
  before: string;
  after: string;
}

export interface Proposals {
  minutesId: number;
  ground: string;
  items: Proposal[];
}

export interface Review {
  reviewId: number;
  minutesId: number;
  accepted: number;
  rejected: number;
  manual: number;
  reviewedAt: string;
}

export interface Person {
  id: number;
  title?: string;
  givenName?: string;
  initials?: string;
  tussenvoegsel?: string;
  surname: string;
  organisation: string;
  function?: string;
  publicOffice: boolean;
  /** How the minutes name the person: 'Dhr. Van der Burg'. */
  displayName: string;
}

export interface Body {
  id: number;
  code: string;
  name: string;
  kind: string;
  provinceCode: string | null;
  members: { person: Person; role: string | null; standingSubstituteId: number | null }[];
}

export interface MinutesAction {
  description: string;
  holderOrganisation: string;
  holderPerson?: string | null;
  deadline: string;
  /** Set by the server once the action is in the action agenda. */
  actionId?: number | null;
}

export interface MinutesItem {
  number: number;
  title: string;
  points: string[];
  decisions: string[];
  actions: MinutesAction[];
}

export interface Minutes {
  id: number;
  meetingId: number;
  version: number;
  status: MinutesStatus;
  items: MinutesItem[];
  sentAt: string | null;
  approvedOn: string | null;
  approvedInMeetingId: number | null;
  rowVersion: number;
}
