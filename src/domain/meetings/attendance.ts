/**
 * Attendance at a meeting: per member present, absent or replaced, and guests beside the members. Rules chosen:
 * - Every member appears exactly once (`complete: false` allows recording a part, e.g. while the meeting runs).
 * - 'vervangen' needs a substitute: a person from the register (`substituteId`) or, for someone not registered, a
 *   free-text name with organisation; not both, and a substitute only with 'vervangen'.
 * - One person may replace several members at once (the seed: DGRVB replaces the minister for VRO and "vervangt
 *   tevens DGVB"); a present member may stand in for an absent one (the seed: mw. Lamers for dhr. Van Rijn).
 * - Nobody replaces himself, and a member who is absent or replaced cannot be someone else's substitute.
 * - Guests are not members: a member is never recorded as guest, a non-member never as present/absent/replaced.
 */
import { MeetingError } from './errors.ts';
import { displayName, type Person, type PersonId } from './people.ts';

export const ATTENDANCE_STATUSES = ['aanwezig', 'afwezig', 'vervangen'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** A record may also say 'gast' for a registered non-member who attends. */
export type AttendanceRecordStatus = AttendanceStatus | 'gast';

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceRecordStatus, string> = {
  aanwezig: 'Aanwezig',
  afwezig: 'Afwezig',
  vervangen: 'Vervangen',
  gast: 'Gast',
};

/** Someone outside the register who stands in for a member. */
export interface FreeSubstitute {
  name: string;
  organisation: string;
}

export interface AttendanceRecord {
  personId: PersonId;
  status: AttendanceRecordStatus;
  substituteId?: PersonId | null;
  substitute?: FreeSubstitute | null;
  note?: string | null;
}

/** A guest: a registered person (`personId`) or a name with organisation. */
export interface Guest {
  personId?: PersonId | null;
  name?: string | null;
  organisation?: string | null;
}

export type Substitute = { personId: PersonId } | FreeSubstitute;

export interface Substitution {
  substitute: Substitute;
  /** The members this substitute replaces, in record order. */
  members: PersonId[];
}

export interface AttendanceSummary {
  present: PersonId[];
  absent: PersonId[];
  replaced: PersonId[];
  /** One entry per substitute, however many members they replace. */
  substitutions: Substitution[];
  /** Registered guests from records with status 'gast' and from `guests`, then free-text guests. */
  guests: Guest[];
}

export function isAttendanceStatus(value: unknown): value is AttendanceRecordStatus {
  return value === 'gast' || (ATTENDANCE_STATUSES as readonly unknown[]).includes(value);
}

const idKey = (id: PersonId) => `${typeof id}:${String(id)}`;

/**
 * Checks the attendance of a meeting against the members of its table and summarises it; throws the first broken
 * rule with the field to highlight.
 * `checkAttendance([1, 2, 3], [{ personId: 1, status: 'aanwezig' }, { personId: 2, status: 'vervangen', substituteId: 9 },
 * { personId: 3, status: 'vervangen', substituteId: 9 }]).substitutions` → `[{ substitute: { personId: 9 }, members: [2, 3] }]`
 */
export function checkAttendance(
  members: readonly PersonId[],
  records: readonly AttendanceRecord[],
  options: { guests?: readonly Guest[]; complete?: boolean } = {},
): AttendanceSummary {
  const memberSet = new Set(members.map(idKey));
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const f = `attendance[${i}]`;
    if (!isAttendanceStatus(r.status)) {
      throw new MeetingError('status-onbekend', `${f}.status: '${String(r.status)}' is geen aanwezigheid; kies aanwezig, afwezig, vervangen of gast.`, { field: `${f}.status` });
    }
    const k = idKey(r.personId);
    const earlier = seen.get(k);
    if (earlier !== undefined) {
      throw new MeetingError('persoon-dubbel', `${f}.personId: persoon ${String(r.personId)} staat al op de presentielijst (attendance[${earlier}]).`, { field: `${f}.personId` });
    }
    seen.set(k, i);
    const isMember = memberSet.has(k);
    if (r.status === 'gast' && isMember) {
      throw new MeetingError('lid-als-gast', `${f}.status: persoon ${String(r.personId)} is lid van dit overleg en dus geen gast; kies aanwezig, afwezig of vervangen.`, { field: `${f}.status` });
    }
    if (r.status !== 'gast' && !isMember) {
      throw new MeetingError('geen-lid', `${f}.status: persoon ${String(r.personId)} is geen lid van dit overleg; noteer deze persoon als gast (of als vervanger van een lid).`, { field: `${f}.status` });
    }
    const hasId = r.substituteId !== undefined && r.substituteId !== null;
    const hasFree = r.substitute !== undefined && r.substitute !== null;
    if (r.status !== 'vervangen') {
      if (hasId || hasFree) {
        const sf = hasId ? `${f}.substituteId` : `${f}.substitute`;
        throw new MeetingError('vervanger-onverwacht', `${sf}: alleen een lid met de status vervangen heeft een vervanger.`, { field: sf });
      }
      return;
    }
    if (!hasId && !hasFree) {
      throw new MeetingError('vervanger-ontbreekt', `${f}.substitute: geef op door wie het lid wordt vervangen (een persoon uit het register, of naam en organisatie).`, { field: `${f}.substitute` });
    }
    if (hasId && hasFree) {
      throw new MeetingError('vervanger-dubbel', `${f}.substitute: geef één vervanger op, uit het register of als naam met organisatie, niet allebei.`, { field: `${f}.substitute` });
    }
    if (hasFree) {
      for (const part of ['name', 'organisation'] as const) {
        const value = r.substitute![part];
        if (typeof value !== 'string' || !value.trim()) {
          throw new MeetingError('vervanger-onvolledig', `${f}.substitute.${part}: vul ${part === 'name' ? 'de naam' : 'de organisatie'} van de vervanger in.`, { field: `${f}.substitute.${part}` });
        }
      }
    } else if (idKey(r.substituteId!) === k) {
      throw new MeetingError('vervanger-zelf', `${f}.substituteId: een lid kan zichzelf niet vervangen.`, { field: `${f}.substituteId` });
    }
  });
  // Second pass: a substitute's own record may come later in the list.
  records.forEach((r, i) => {
    if (r.status !== 'vervangen' || r.substituteId === undefined || r.substituteId === null) return;
    const own = seen.get(idKey(r.substituteId));
    const status = own === undefined ? undefined : records[own]!.status;
    if (status === 'afwezig' || status === 'vervangen') {
      throw new MeetingError('vervanger-afwezig', `attendance[${i}].substituteId: persoon ${String(r.substituteId)} is zelf ${status} (attendance[${own}]) en kan dus niemand vervangen.`, { field: `attendance[${i}].substituteId` });
    }
  });
  if (options.complete !== false) {
    const missing = members.find((m) => !seen.has(idKey(m)));
    if (missing !== undefined) {
      throw new MeetingError('lid-ontbreekt', `attendance: van lid ${String(missing)} is niet vastgelegd of het aanwezig, afwezig of vervangen was.`, { field: 'attendance' });
    }
  }
  const guestIds = new Set<string>();
  const guests: Guest[] = records.filter((r) => r.status === 'gast').map((r) => ({ personId: r.personId }));
  records.filter((r) => r.status === 'gast').forEach((r) => guestIds.add(idKey(r.personId)));
  (options.guests ?? []).forEach((g, i) => {
    const f = `guests[${i}]`;
    if (g.personId !== undefined && g.personId !== null) {
      const k = idKey(g.personId);
      if (memberSet.has(k)) throw new MeetingError('lid-als-gast', `${f}.personId: persoon ${String(g.personId)} is lid van dit overleg en dus geen gast.`, { field: `${f}.personId` });
      if (seen.has(k) || guestIds.has(k)) throw new MeetingError('persoon-dubbel', `${f}.personId: persoon ${String(g.personId)} staat al op de presentielijst.`, { field: `${f}.personId` });
      guestIds.add(k);
      guests.push({ personId: g.personId });
      return;
    }
    if (!g.name?.trim()) throw new MeetingError('gast-onvolledig', `${f}.name: vul de naam van de gast in (of kies een persoon uit het register).`, { field: `${f}.name` });
    if (!g.organisation?.trim()) throw new MeetingError('gast-onvolledig', `${f}.organisation: vul de organisatie van de gast in.`, { field: `${f}.organisation` });
    guests.push({ name: g.name.trim(), organisation: g.organisation.trim() });
  });
  const substitutions: Substitution[] = [];
  const bySubstitute = new Map<string, Substitution>();
  for (const r of records) {
    if (r.status !== 'vervangen') continue;
    const sub: Substitute = r.substituteId !== undefined && r.substituteId !== null ? { personId: r.substituteId } : { name: r.substitute!.name.trim(), organisation: r.substitute!.organisation.trim() };
    const k = 'personId' in sub ? `id|${idKey(sub.personId)}` : `free|${sub.name.toLowerCase()}|${sub.organisation.toLowerCase()}`;
    const entry = bySubstitute.get(k);
    if (entry) entry.members.push(r.personId);
    else {
      const fresh = { substitute: sub, members: [r.personId] };
      bySubstitute.set(k, fresh);
      substitutions.push(fresh);
    }
  }
  return {
    present: records.filter((r) => r.status === 'aanwezig').map((r) => r.personId),
    absent: records.filter((r) => r.status === 'afwezig').map((r) => r.personId),
    replaced: records.filter((r) => r.status === 'vervangen').map((r) => r.personId),
    substitutions,
    guests,
  };
}

/** 'Mw. Bruins Slot (MBZK)': the name as the minutes write it with the seat in brackets (label, else organisation). */
export function attendeeLabel(person: Person): string {
  return `${displayName(person)} (${person.label ?? person.organisation})`;
}

/**
 * The attendance as the minutes print it, in the seed's style: who was there (members present, then substitutes
 * that are not members, each once), who was absent, who was replaced by whom, and guests. Names are not redacted
 * here; the text goes through redaction like every other field.
 * `attendanceText(people, summary).present` → 'Mw. Bruins Slot (MBZK), Dhr. Van der Burg (SJenV), …'
 */
export function attendanceText(people: readonly Person[], summary: AttendanceSummary): { present: string; absent: string; replacements: string[]; guests: string } {
  const byId = new Map(people.map((p) => [idKey(p.id), p]));
  const label = (id: PersonId) => {
    const p = byId.get(idKey(id));
    return p ? attendeeLabel(p) : String(id);
  };
  const subLabel = (s: Substitute) => ('personId' in s ? label(s.personId) : `${s.name} (${s.organisation})`);
  const presentIds = new Set(summary.present.map(idKey));
  const extra = summary.substitutions.filter((s) => !('personId' in s.substitute) || !presentIds.has(idKey(s.substitute.personId)));
  const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]!}`);
  return {
    present: [...summary.present.map(label), ...extra.map((s) => subLabel(s.substitute))].join(', '),
    absent: summary.absent.map(label).join(', '),
    replacements: summary.substitutions.map((s) => `${list(s.members.map(label))} ${s.members.length === 1 ? 'wordt' : 'worden'} vervangen door ${subLabel(s.substitute)}.`),
    guests: summary.guests.map((g) => (g.personId !== undefined && g.personId !== null ? label(g.personId) : `${g.name ?? ''} (${g.organisation ?? ''})`)).join(', '),
  };
}
