/**
 * The secretariat's forms without React: what each form holds, the request body it sends, the checks that mirror the
 * server's, and where a server complaint belongs. Unit-tested in logic.test.ts.
 */
import type { AttendanceStatus, Body, Meeting, MeetingSummary, MinutesItem, Person } from './types.ts';

let nextKey = 1;
/** A key that stays with a row when rows move or are removed (React keys, not ids). */
export const newKey = () => nextKey++;

/**
 * The server names a field as the schema check does (`items.0.title`) or as the rules do (`attendance[3].substituteId`);
 * both become one path. `paramPath('items[1].actions[0].deadline')` → ['items', 1, 'actions', 0, 'deadline']
 */
export function paramPath(name: string): (string | number)[] {
  return name
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `personOption(p)` → { value: '12', label: 'Mw. Oosterhuis – BZK' }: the name as the minutes write it, and the seat. */
export function personOption(p: Person): { value: string; label: string } {
  return { value: String(p.id), label: `${p.displayName} – ${p.organisation}${p.function ? `, ${p.function}` : ''}` };
}

// ——— New meeting ———

export interface DocumentDraft {
  key: number;
  title: string;
  ref: string;
}

export interface AgendaDraft {
  key: number;
  title: string;
  documents: DocumentDraft[];
}

export const agendaDraft = (title = ''): AgendaDraft => ({ key: newKey(), title, documents: [] });
export const documentDraft = (): DocumentDraft => ({ key: newKey(), title: '', ref: '' });

export const meetingFieldId = {
  body: 'meeting-body',
  date: 'meeting-date',
  place: 'meeting-place',
  addItem: 'meeting-add-item',
  itemTitle: (i: number) => `meeting-item-${i}-title`,
  docTitle: (i: number, j: number) => `meeting-item-${i}-doc-${j}-title`,
  docRef: (i: number, j: number) => `meeting-item-${i}-doc-${j}-ref`,
};

/** The body of POST /api/v1/meetings; the order of the rows is the numbering of the agenda. */
export function meetingRequest(bodyId: string, date: string, place: string, items: readonly AgendaDraft[]) {
  return {
    bodyId: Number(bodyId),
    date,
    place: place.trim() || null,
    items: items.map((it) => ({
      title: it.title.trim(),
      documents: it.documents.map((d) => ({ title: d.title.trim(), ref: d.ref.trim() || null })),
    })),
  };
}

/** `items.1.documents.0.ref` → the field of that document; `bodyId` → the body select. */
export function meetingField(name: string): string | null {
  const p = paramPath(name);
  if (p[0] === 'bodyId') return meetingFieldId.body;
  if (p[0] === 'date') return meetingFieldId.date;
  if (p[0] === 'place') return meetingFieldId.place;
  if (p[0] !== 'items') return null;
  if (typeof p[1] !== 'number') return meetingFieldId.addItem;
  if (p[2] === 'documents' && typeof p[3] === 'number') return p[4] === 'ref' ? meetingFieldId.docRef(p[1], p[3]) : meetingFieldId.docTitle(p[1], p[3]);
  return meetingFieldId.itemTitle(p[1]);
}

/** The agenda items the server added itself (escalated actions on an LRT agenda): those after the ones asked for. */
export function addedByServer(agenda: Meeting['agenda'], requested: number): Meeting['agenda'] {
  return agenda.filter((a) => a.number > requested);
}

// ——— Attendance ———

export type MemberStatus = Exclude<AttendanceStatus, 'gast'>;
export const MEMBER_STATUSES: readonly MemberStatus[] = ['aanwezig', 'afwezig', 'vervangen'];

export interface MemberDraft {
  personId: number;
  status: MemberStatus;
  /** A person id as the select holds it, '' for none. */
  substituteId: string;
  note: string;
}

export interface GuestDraft {
  key: number;
  personId: string;
  note: string;
}

export interface AttendanceDraft {
  members: MemberDraft[];
  guests: GuestDraft[];
}

export const guestDraft = (): GuestDraft => ({ key: newKey(), personId: '', note: '' });

export const attendanceFieldId = {
  status: (personId: number) => `att-${personId}-status`,
  substitute: (personId: number) => `att-${personId}-substitute`,
  note: (personId: number) => `att-${personId}-note`,
  guestPerson: (i: number) => `att-guest-${i}-person`,
  guestNote: (i: number) => `att-guest-${i}-note`,
  addGuest: 'att-add-guest',
};

/**
 * The form's start: every member of the body with what was recorded (a member nobody recorded yet: present), and
 * the recorded guests.
 */
export function attendanceDraft(members: Body['members'], recorded: Meeting['attendance']): AttendanceDraft {
  const byPerson = new Map(recorded.map((r) => [r.personId, r]));
  const memberIds = new Set(members.map((m) => m.person.id));
  return {
    members: members.map((m) => {
      const r = byPerson.get(m.person.id);
      const status: MemberStatus = r && r.status !== 'gast' ? r.status : 'aanwezig';
      return { personId: m.person.id, status, substituteId: r?.substituteId ? String(r.substituteId) : '', note: r?.note ?? '' };
    }),
    guests: recorded.filter((r) => !memberIds.has(r.personId)).map((r) => ({ key: newKey(), personId: String(r.personId), note: r.note ?? '' })),
  };
}

/** The body of PUT /api/v1/meetings/{id}/attendance: the members in the form's order, then the guests. */
export function attendanceRequest(d: AttendanceDraft) {
  return {
    attendance: [
      ...d.members.map((m) => ({
        personId: m.personId,
        status: m.status,
        substituteId: m.status === 'vervangen' && m.substituteId ? Number(m.substituteId) : null,
        note: m.note.trim() || null,
      })),
      ...d.guests.map((g) => ({ personId: Number(g.personId), status: 'gast' as const, substituteId: null, note: g.note.trim() || null })),
    ],
  };
}

export interface AttendanceTexts {
  errorSubstitute: (name: string) => string;
  errorSubstituteSelf: (name: string) => string;
  errorSubstituteAway: (substitute: string, name: string) => string;
  errorGuest: (n: number) => string;
  errorGuestTwice: (n: number) => string;
}

/** The server's rules, checked before sending so each complaint lands on its own field at once. */
export function attendanceProblems(d: AttendanceDraft, nameOf: (personId: number) => string, texts: AttendanceTexts): { fieldId: string; message: string }[] {
  const out: { fieldId: string; message: string }[] = [];
  const statusOf = new Map(d.members.map((m) => [m.personId, m.status]));
  for (const m of d.members) {
    if (m.status !== 'vervangen') continue;
    const id = attendanceFieldId.substitute(m.personId);
    if (!m.substituteId) out.push({ fieldId: id, message: texts.errorSubstitute(nameOf(m.personId)) });
    else if (Number(m.substituteId) === m.personId) out.push({ fieldId: id, message: texts.errorSubstituteSelf(nameOf(m.personId)) });
    else {
      const own = statusOf.get(Number(m.substituteId));
      if (own === 'afwezig' || own === 'vervangen') out.push({ fieldId: id, message: texts.errorSubstituteAway(nameOf(Number(m.substituteId)), nameOf(m.personId)) });
    }
  }
  const seen = new Set<string>();
  d.guests.forEach((g, i) => {
    if (!g.personId) out.push({ fieldId: attendanceFieldId.guestPerson(i), message: texts.errorGuest(i + 1) });
    else if (seen.has(g.personId) || statusOf.has(Number(g.personId))) out.push({ fieldId: attendanceFieldId.guestPerson(i), message: texts.errorGuestTwice(i + 1) });
    seen.add(g.personId);
  });
  return out;
}

/** `attendance[3].substituteId` → the substitute select of the fourth record (members first, then guests). */
export function attendanceField(d: AttendanceDraft, name: string): string | null {
  const p = paramPath(name);
  if (p[0] !== 'attendance' || typeof p[1] !== 'number') return null;
  const i = p[1];
  const field = p[2];
  const member = d.members[i];
  if (member) {
    if (field === 'substituteId' || field === 'substitute') return attendanceFieldId.substitute(member.personId);
    if (field === 'note') return attendanceFieldId.note(member.personId);
    return attendanceFieldId.status(member.personId);
  }
  const g = i - d.members.length;
  if (g < 0 || g >= d.guests.length) return null;
  return field === 'note' ? attendanceFieldId.guestNote(g) : attendanceFieldId.guestPerson(g);
}

// ——— Minutes ———

export interface TextDraft {
  key: number;
  text: string;
}

export interface ActionDraft {
  key: number;
  description: string;
  holderOrganisation: string;
  holderPerson: string;
  deadline: string;
  /** Already in the action agenda: kept as it is. */
  actionId: number | null;
}

export interface ItemDraft {
  number: number;
  title: string;
  points: TextDraft[];
  decisions: TextDraft[];
  actions: ActionDraft[];
}

export const textDraft = (text = ''): TextDraft => ({ key: newKey(), text });
export const actionDraft = (): ActionDraft => ({ key: newKey(), description: '', holderOrganisation: '', holderPerson: '', deadline: '', actionId: null });

export const minutesFieldId = {
  point: (i: number, j: number) => `min-${i}-point-${j}`,
  decision: (i: number, j: number) => `min-${i}-decision-${j}`,
  action: (i: number, j: number, field: 'description' | 'holderOrganisation' | 'holderPerson' | 'deadline') => `min-${i}-action-${j}-${field}`,
  addPoint: (i: number) => `min-${i}-add-point`,
};

export function minutesDraft(items: readonly MinutesItem[]): ItemDraft[] {
  return items.map((it) => ({
    number: it.number,
    title: it.title,
    points: it.points.map((p) => textDraft(p)),
    decisions: it.decisions.map((p) => textDraft(p)),
    actions: it.actions.map((a) => ({
      key: newKey(),
      description: a.description,
      holderOrganisation: a.holderOrganisation,
      holderPerson: a.holderPerson ?? '',
      deadline: a.deadline,
      actionId: a.actionId ?? null,
    })),
  }));
}

/** The items as the server stores them: texts trimmed, empty points and decisions left out. */
export function minutesItems(drafts: readonly ItemDraft[]): MinutesItem[] {
  return drafts.map((it) => ({
    number: it.number,
    title: it.title,
    points: it.points.map((p) => p.text.trim()).filter((p) => p !== ''),
    decisions: it.decisions.map((p) => p.text.trim()).filter((p) => p !== ''),
    actions: it.actions.map((a) => ({
      description: a.description.trim(),
      holderOrganisation: a.holderOrganisation.trim(),
      holderPerson: a.holderPerson.trim() || null,
      deadline: a.deadline,
      ...(a.actionId ? { actionId: a.actionId } : {}),
    })),
  }));
}

/** Whether the form differs from what the server has (ignoring blank lines and spaces, as saving would). */
export function minutesChanged(drafts: readonly ItemDraft[], saved: readonly MinutesItem[]): boolean {
  return JSON.stringify(minutesItems(drafts)) !== JSON.stringify(minutesItems(minutesDraft(saved)));
}

export interface MinutesTexts {
  errorDescription: (item: number, n: number) => string;
  errorHolder: (item: number, n: number) => string;
  errorDeadline: (item: number, n: number) => string;
}

/** An action needs a description, a holder organisation and a real date (the action agenda's own rules). */
export function minutesProblems(drafts: readonly ItemDraft[], isDate: (s: string) => boolean, texts: MinutesTexts): { fieldId: string; message: string }[] {
  return drafts.flatMap((it, i) =>
    it.actions.flatMap((a, j) => {
      if (a.actionId) return [];
      const out: { fieldId: string; message: string }[] = [];
      if (!a.description.trim()) out.push({ fieldId: minutesFieldId.action(i, j, 'description'), message: texts.errorDescription(it.number, j + 1) });
      if (!a.holderOrganisation.trim()) out.push({ fieldId: minutesFieldId.action(i, j, 'holderOrganisation'), message: texts.errorHolder(it.number, j + 1) });
      if (!isDate(a.deadline)) out.push({ fieldId: minutesFieldId.action(i, j, 'deadline'), message: texts.errorDeadline(it.number, j + 1) });
      return out;
    }),
  );
}

const ACTION_FIELDS = new Set(['description', 'holderOrganisation', 'holderPerson', 'deadline']);

/**
 * `items[0].actions[1].deadline` → that action's deadline field. Points and decisions are saved without the empty
 * ones, so a complaint about one of them is placed by counting the filled ones.
 */
export function minutesField(drafts: readonly ItemDraft[], name: string): string | null {
  const p = paramPath(name);
  if (p[0] !== 'items' || typeof p[1] !== 'number') return null;
  const i = p[1];
  const it = drafts[i];
  if (!it) return null;
  if (p[2] === 'actions' && typeof p[3] === 'number' && it.actions[p[3]]) {
    const field = typeof p[4] === 'string' && ACTION_FIELDS.has(p[4]) ? p[4] : 'description';
    return minutesFieldId.action(i, p[3], field as 'description');
  }
  if ((p[2] === 'points' || p[2] === 'decisions') && typeof p[3] === 'number') {
    const list = p[2] === 'points' ? it.points : it.decisions;
    const filled = list.map((x, j) => ({ x, j })).filter(({ x }) => x.text.trim() !== '');
    const at = filled[p[3]];
    if (at) return p[2] === 'points' ? minutesFieldId.point(i, at.j) : minutesFieldId.decision(i, at.j);
  }
  return null;
}

/** The action ids in sent minutes: what entered the action agenda. */
export function linkedActions(items: readonly MinutesItem[]): number[] {
  return items.flatMap((it) => it.actions.map((a) => a.actionId).filter((id): id is number => typeof id === 'number'));
}

/** Meetings in which minutes of `own` may be approved: the same body, a later date; the nearest first. */
export function approvingMeetings(list: readonly MeetingSummary[], own: { id: number; date: string }): MeetingSummary[] {
  return list.filter((x) => x.id !== own.id && x.date > own.date).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}
