/**
 * The tables (bodies) that meet: the national LRT, the senior civil-servant HLRT that prepares it, and one PRT per
 * province; their members with a role, and a standing substitute (vaste vervanger) who normally stands in.
 */
import { MeetingError } from './errors.ts';
import type { PersonId } from './people.ts';

export const BODY_KINDS = ['LRT', 'HLRT', 'PRT'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface Body {
  /** 'LRT', 'HLRT', 'PRT-PV20' (upper case, digits and hyphens, 2–20 characters). */
  code: string;
  name: string;
  kind: BodyKind;
  /** CBS province code for a PRT ('PV20'), otherwise null. */
  provinceCode: string | null;
}

/** The twelve provinces with their CBS codes, in code order. */
export const PROVINCES: readonly { code: string; name: string }[] = [
  { code: 'PV20', name: 'Groningen' },
  { code: 'PV21', name: 'Fryslân' },
  { code: 'PV22', name: 'Drenthe' },
  { code: 'PV23', name: 'Overijssel' },
  { code: 'PV24', name: 'Flevoland' },
  { code: 'PV25', name: 'Gelderland' },
  { code: 'PV26', name: 'Utrecht' },
  { code: 'PV27', name: 'Noord-Holland' },
  { code: 'PV28', name: 'Zuid-Holland' },
  { code: 'PV29', name: 'Zeeland' },
  { code: 'PV30', name: 'Noord-Brabant' },
  { code: 'PV31', name: 'Limburg' },
];

/** The LRT, the HLRT and the twelve PRTs. `standardBodies()[2]` → `{ code: 'PRT-PV20', name: 'Provinciale Regietafel Groningen', kind: 'PRT', provinceCode: 'PV20' }` */
export function standardBodies(): Body[] {
  return [
    { code: 'LRT', name: 'Landelijke Regietafel Migratie en Integratie', kind: 'LRT', provinceCode: null },
    { code: 'HLRT', name: 'Hoogambtelijke Landelijke Regietafel', kind: 'HLRT', provinceCode: null },
    ...PROVINCES.map((p) => ({ code: `PRT-${p.code}`, name: `Provinciale Regietafel ${p.name}`, kind: 'PRT' as const, provinceCode: p.code })),
  ];
}

export const MEMBER_ROLES = ['voorzitter', 'lid', 'secretaris', 'ondersteuning'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface BodyMember {
  personId: PersonId;
  role: MemberRole;
  standingSubstituteId?: PersonId | null;
}

const key = (id: PersonId) => `${typeof id}:${String(id)}`;

/**
 * Checks the membership of one table: each person once, a known role, at most one chair, and a standing substitute
 * who is someone else (a fellow member may be one: the seed's Aedes board member stands in for its chair).
 * `checkBodyMembers([{ personId: 1, role: 'voorzitter' }, { personId: 2, role: 'lid', standingSubstituteId: 2 }])` throws at members[1].standingSubstituteId
 */
export function checkBodyMembers(members: readonly BodyMember[]): BodyMember[] {
  const seen = new Set<string>();
  let chair = -1;
  members.forEach((m, i) => {
    const f = `members[${i}]`;
    if (seen.has(key(m.personId))) throw new MeetingError('persoon-dubbel', `${f}.personId: persoon ${String(m.personId)} is al lid van dit overleg.`, { field: `${f}.personId` });
    seen.add(key(m.personId));
    if (!(MEMBER_ROLES as readonly string[]).includes(m.role)) {
      throw new MeetingError('persoon-ongeldig', `${f}.role: '${String(m.role)}' is geen rol; kies ${MEMBER_ROLES.join(', ')}.`, { field: `${f}.role` });
    }
    if (m.role === 'voorzitter') {
      if (chair >= 0) throw new MeetingError('persoon-dubbel', `${f}.role: members[${chair}] is al voorzitter; een overleg heeft één voorzitter.`, { field: `${f}.role` });
      chair = i;
    }
    if (m.standingSubstituteId !== undefined && m.standingSubstituteId !== null && key(m.standingSubstituteId) === key(m.personId)) {
      throw new MeetingError('vervanger-zelf', `${f}.standingSubstituteId: een lid kan niet zijn eigen vaste vervanger zijn.`, { field: `${f}.standingSubstituteId` });
    }
  });
  return members.map((m) => ({ ...m }));
}
