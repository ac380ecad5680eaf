import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound, staleVersion, checkedBy } from '../../platform/http/errors.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import { MeetingError, approvalLine, checkApproval, checkAttendance, displayName, type Person } from '../../domain/meetings/index.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { createAction } from '../agenda/actions.ts';

/**
 * Tables, members, meetings (agenda, attendance), and minutes with their approval. Minutes go concept → verstuurd
 * (the actions in them enter the action agenda, linked to the meeting) → vastgesteld at a later meeting, after
 * which they never change (also refused by the database; a correction is a new version).
 */
const domain = <T>(fn: () => T): T => checkedBy([MeetingError], fn);

export interface MinutesAction {
  description: string;
  holderOrganisation: string;
  holderPerson?: string | null;
  deadline: string;
  /** Set once the action is in the action agenda. */
  actionId?: number | null;
}

export interface MinutesItem {
  number: number;
  title: string;
  points: string[];
  decisions: string[];
  actions: MinutesAction[];
}

type PersonRow = { id: number; title: string | null; given_name: string | null; initials: string | null; tussenvoegsel: string | null; surname: string; organisation: string; function: string | null; public_office: boolean };

export function toPerson(r: PersonRow): Person & { id: number } {
  return {
    id: r.id,
    ...(r.title ? { title: r.title as Person['title'] } : {}),
    ...(r.given_name ? { givenName: r.given_name } : {}),
    ...(r.initials ? { initials: r.initials } : {}),
    ...(r.tussenvoegsel ? { tussenvoegsel: r.tussenvoegsel } : {}),
    surname: r.surname,
    organisation: r.organisation,
    ...(r.function ? { function: r.function } : {}),
    publicOffice: r.public_office,
  };
}

export async function listPeople(db: Db) {
  return (await db.selectFrom('person').selectAll().orderBy('surname').orderBy('id').execute()).map((r) => ({ ...toPerson(r), displayName: displayName(toPerson(r)) }));
}

export interface PersonInput {
  title?: string | null;
  givenName?: string | null;
  initials?: string | null;
  tussenvoegsel?: string | null;
  surname: string;
  organisation: string;
  function?: string | null;
  publicOffice: boolean;
}

export async function createPerson(db: Db, actor: Actor, input: PersonInput) {
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('person')
      .values({
        title: input.title ?? null,
        given_name: input.givenName ?? null,
        initials: input.initials ?? null,
        tussenvoegsel: input.tussenvoegsel ?? null,
        surname: input.surname.trim(),
        organisation: input.organisation.trim(),
        function: input.function ?? null,
        public_office: input.publicOffice,
        recorded_by: actorLabel(actor.principal),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'persoon', resourceId: String(id), after: input });
    const row = await trx.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { ...toPerson(row), displayName: displayName(toPerson(row)) };
  });
}

export async function listBodies(db: Db) {
  const bodies = await db.selectFrom('body').selectAll().orderBy('id').execute();
  const members = await db
    .selectFrom('body_member as bm')
    .innerJoin('person as p', 'p.id', 'bm.person_id')
    .selectAll('p')
    .select(['bm.body_id', 'bm.role', 'bm.standing_substitute_id'])
    .execute();
  return bodies.map((b) => ({
    id: b.id,
    code: b.code,
    name: b.name,
    kind: b.kind,
    provinceCode: b.province_code,
    members: members
      .filter((m) => m.body_id === b.id)
      .map((m) => ({ person: { ...toPerson(m), displayName: displayName(toPerson(m)) }, role: m.role, standingSubstituteId: m.standing_substitute_id })),
  }));
}

export async function createMeeting(db: Db, actor: Actor, input: { bodyId: number; date: string; place?: string | null; items: { title: string; documents?: { title: string; ref?: string | null }[] }[] }) {
  return inTransaction(db, async (trx) => {
    const body = await trx.selectFrom('body').select(['id', 'code']).where('id', '=', input.bodyId).executeTakeFirst();
    if (!body) throw badRequest('overleg-onbekend', `Overleg ${input.bodyId} bestaat niet.`, [{ name: 'bodyId', code: 'overleg-onbekend', reason: 'onbekend' }]);
    const { id } = await trx.insertInto('meeting').values({ body_id: input.bodyId, meets_on: input.date, place: input.place ?? null, created_by: actorLabel(actor.principal) }).returning('id').executeTakeFirstOrThrow();
    if (input.items.length > 0) {
      await trx
        .insertInto('agenda_item')
        .values(input.items.map((it, i) => ({ meeting_id: id, number: i + 1, title: it.title.trim(), documents: JSON.stringify(it.documents ?? []) })))
        .execute();
    }
    // Escalated actions proposed for the LRT's agenda land on the next LRT meeting.
    if (body.code === 'LRT') {
      const proposals = await trx.selectFrom('lrt_agenda_proposal').selectAll().where('meeting_id', 'is', null).orderBy('id').execute();
      let number = input.items.length;
      for (const p of proposals) {
        number++;
        await trx.insertInto('agenda_item').values({ meeting_id: id, number, title: `Escalatie: ${p.title}`, documents: JSON.stringify([{ title: p.reason, ref: null }]) }).execute();
        await trx.updateTable('lrt_agenda_proposal').set({ meeting_id: id }).where('id', '=', p.id).execute();
      }
    }
    await recordAudit(trx, actor, { action: 'create', resourceType: 'vergadering', resourceId: String(id), after: input });
    return getMeeting(trx, id);
  });
}

export async function listMeetings(db: Db, bodyId?: number) {
  let q = db.selectFrom('meeting as m').innerJoin('body as b', 'b.id', 'm.body_id').select(['m.id', 'm.meets_on', 'm.place', 'b.code', 'b.name']).orderBy('m.meets_on', 'desc');
  if (bodyId) q = q.where('m.body_id', '=', bodyId);
  const rows = await q.execute();
  const minutes = await db.selectFrom('minutes').select(['meeting_id', 'status', 'version']).execute();
  return rows.map((r) => {
    const latest = minutes.filter((x) => x.meeting_id === r.id).sort((a, b) => b.version - a.version)[0];
    return { id: r.id, date: r.meets_on, place: r.place, body: { code: r.code, name: r.name }, minutesStatus: latest?.status ?? null };
  });
}

export async function getMeeting(db: Db, id: number) {
  const m = await db.selectFrom('meeting as m').innerJoin('body as b', 'b.id', 'm.body_id').select(['m.id', 'm.meets_on', 'm.place', 'm.version', 'm.body_id', 'b.code', 'b.name']).where('m.id', '=', id).executeTakeFirst();
  if (!m) throw notFound('vergadering-onbekend', `Vergadering ${id} bestaat niet.`);
  const items = await db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', id).orderBy('number').execute();
  const people = new Map((await db.selectFrom('person').selectAll().execute()).map((p) => [p.id, toPerson(p)]));
  const attendance = await db.selectFrom('attendance').selectAll().where('meeting_id', '=', id).orderBy('person_id').execute();
  const minutes = await db.selectFrom('minutes').selectAll().where('meeting_id', '=', id).orderBy('version', 'desc').execute();
  const approvals = await db
    .selectFrom('minutes as x')
    .innerJoin('meeting as am', 'am.id', 'x.meeting_id')
    .select(['x.id', 'am.meets_on'])
    .where('x.approved_in_meeting_id', '=', id)
    .execute();
  const name = (pid: number | null) => (pid === null ? null : people.get(pid) ? displayName(people.get(pid)!) : null);
  return {
    id: m.id,
    body: { id: m.body_id, code: m.code, name: m.name },
    date: m.meets_on,
    place: m.place,
    version: m.version,
    agenda: items.map((i) => ({ id: i.id, number: i.number, title: i.title, documents: i.documents as { title: string; ref?: string | null }[] })),
    attendance: attendance.map((a) => ({
      personId: a.person_id,
      name: name(a.person_id)!,
      organisation: people.get(a.person_id)?.organisation ?? '',
      status: a.status,
      substituteId: a.substitute_id,
      substituteName: name(a.substitute_id),
      note: a.note,
    })),
    approvals: approvals.map((a) => ({ minutesId: a.id, meetingDate: a.meets_on, line: approvalLine(a.meets_on, m.meets_on) })),
    minutes: minutes.map((x) => ({ id: x.id, version: x.version, status: x.status, approvedOn: x.approved_on, rowVersion: x.row_version })),
  };
}

/** Records the attendance of a meeting as a whole (replacing what was recorded), checked first. */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  meetingId: number,
  records: { personId: number; status: 'aanwezig' | 'afwezig' | 'vervangen' | 'gast'; substituteId?: number | null; note?: string | null }[],
) {
  return inTransaction(db, async (trx) => {
    const meeting = await trx.selectFrom('meeting').select(['id', 'body_id']).where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) throw notFound('vergadering-onbekend', `Vergadering ${meetingId} bestaat niet.`);
    const members = (await trx.selectFrom('body_member').select('person_id').where('body_id', '=', meeting.body_id).execute()).map((m) => m.person_id);
    const known = new Set((await trx.selectFrom('person').select('id').execute()).map((p) => p.id));
    records.forEach((r, i) => {
      for (const [field, pid] of [['personId', r.personId], ['substituteId', r.substituteId ?? null]] as const) {
        if (pid !== null && !known.has(pid)) throw badRequest('persoon-onbekend', `Persoon ${pid} staat niet in het register.`, [{ name: `attendance[${i}].${field}`, code: 'persoon-onbekend', reason: 'onbekend' }]);
      }
    });
    domain(() =>
      checkAttendance(
        members,
        records.map((r) => ({ personId: r.personId, status: r.status, substituteId: r.substituteId ?? null })),
      ),
    );
    const before = await trx.selectFrom('attendance').selectAll().where('meeting_id', '=', meetingId).execute();
    await trx.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
    if (records.length > 0) {
      await trx
        .insertInto('attendance')
        .values(records.map((r) => ({ meeting_id: meetingId, person_id: r.personId, status: r.status, substitute_id: r.substituteId ?? null, note: r.note ?? null })))
        .execute();
    }
    await recordAudit(trx, actor, { action: 'update', resourceType: 'aanwezigheid', resourceId: String(meetingId), before, after: records });
    return getMeeting(trx, meetingId);
  });
}

export async function getMinutes(db: Db, id: number) {
  const x = await db.selectFrom('minutes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!x) throw notFound('notulen-onbekend', `Notulen ${id} bestaan niet.`);
  return {
    id: x.id,
    meetingId: x.meeting_id,
    version: x.version,
    status: x.status,
    items: x.items as MinutesItem[],
    sentAt: x.sent_at?.toISOString() ?? null,
    approvedOn: x.approved_on,
    approvedInMeetingId: x.approved_in_meeting_id,
    rowVersion: x.row_version,
  };
}

function checkItems(items: MinutesItem[]) {
  items.forEach((it, i) =>
    it.actions.forEach((a, j) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(a.deadline)) throw badRequest('datum-ongeldig', `items[${i}].actions[${j}].deadline: '${a.deadline}' is geen datum.`, [{ name: `items[${i}].actions[${j}].deadline`, code: 'datum-ongeldig', reason: 'geen datum' }]);
    }),
  );
}

/** Starts the minutes of a meeting (version 1), or a new version correcting approved ones. */
export async function createMinutes(db: Db, actor: Actor, meetingId: number, items?: MinutesItem[]) {
  return inTransaction(db, async (trx) => {
    const meeting = await getMeeting(trx, meetingId);
    const latest = meeting.minutes[0];
    if (latest && latest.status !== 'vastgesteld') throw conflict('notulen-bestaan', `Er zijn al notulen (versie ${latest.version}, ${latest.status}) van deze vergadering; bewerk die.`);
    const base = items ?? (latest ? (await getMinutes(trx, latest.id)).items : meeting.agenda.map((a) => ({ number: a.number, title: a.title, points: [], decisions: [], actions: [] })));
    checkItems(base);
    const { id } = await trx
      .insertInto('minutes')
      .values({ meeting_id: meetingId, version: (latest?.version ?? 0) + 1, items: JSON.stringify(base), created_by: actorLabel(actor.principal) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'notulen', resourceId: String(id), after: { meetingId, version: (latest?.version ?? 0) + 1 } });
    return getMinutes(trx, id);
  });
}

export async function updateMinutes(db: Db, actor: Actor, id: number, rowVersion: number, items: MinutesItem[]) {
  checkItems(items);
  return inTransaction(db, async (trx) => {
    const x = await trx.selectFrom('minutes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!x) throw notFound('notulen-onbekend', `Notulen ${id} bestaan niet.`);
    if (x.status === 'vastgesteld') throw conflict('notulen-vastgesteld', 'Vastgestelde notulen veranderen niet meer; maak een nieuwe versie als correctie.');
    if (x.row_version !== rowVersion) throw staleVersion(`de notulen`, x.row_version);
    // Actions already in the agenda keep their link.
    const old = x.items as MinutesItem[];
    const linked = new Map(old.flatMap((it) => it.actions.filter((a) => a.actionId).map((a) => [`${it.number}|${a.description}`, a.actionId!])));
    const merged = items.map((it) => ({ ...it, actions: it.actions.map((a) => ({ ...a, actionId: a.actionId ?? linked.get(`${it.number}|${a.description}`) ?? null })) }));
    await trx.updateTable('minutes').set({ items: JSON.stringify(merged), updated_at: new Date(), row_version: x.row_version + 1 }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'update', resourceType: 'notulen', resourceId: String(id), before: x.items, after: merged });
    return getMinutes(trx, id);
  });
}

/** Sends the minutes to the members; the actions in them enter the action agenda, linked to the meeting. */
export async function sendMinutes(db: Db, actor: Actor, id: number, rowVersion: number, today: string) {
  return inTransaction(db, async (trx) => {
    const x = await trx.selectFrom('minutes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!x) throw notFound('notulen-onbekend', `Notulen ${id} bestaan niet.`);
    if (x.status !== 'concept') throw conflict('notulen-niet-concept', `Deze notulen zijn al ${x.status}.`);
    if (x.row_version !== rowVersion) throw staleVersion('de notulen', x.row_version);
    const measureId = await meetingMeasure(trx, x.meeting_id);
    const items = x.items as MinutesItem[];
    for (const it of items) {
      for (const a of it.actions) {
        if (a.actionId) continue;
        const created = await createAction(trx, actor, { measureId, description: a.description, holderOrganisation: a.holderOrganisation, holderPerson: a.holderPerson ?? null, deadline: a.deadline, origin: `vergadering ${x.meeting_id}, agendapunt ${it.number}` }, today);
        await trx.updateTable('action').set({ meeting_id: x.meeting_id }).where('id', '=', created.id).execute();
        a.actionId = created.id;
      }
    }
    await trx.updateTable('minutes').set({ status: 'verstuurd', sent_at: new Date(), items: JSON.stringify(items), row_version: x.row_version + 1 }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'update', resourceType: 'notulen', resourceId: String(id), before: { status: 'concept' }, after: { status: 'verstuurd', actions: items.flatMap((i) => i.actions.map((a) => a.actionId)) } });
    return getMinutes(trx, id);
  });
}

/** The programme and measure that hold the actions agreed in a body's meetings ("Besluiten en acties LRT"). */
async function meetingMeasure(db: Db, meetingId: number): Promise<number> {
  const body = await db.selectFrom('meeting as m').innerJoin('body as b', 'b.id', 'm.body_id').select(['b.code', 'b.name']).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
  const code = `OVL-${body.code}`.slice(0, 20);
  let programme = await db.selectFrom('programme').select('id').where('code', '=', code).executeTakeFirst();
  if (!programme) programme = await db.insertInto('programme').values({ code, name: `Acties uit het overleg ${body.name}`, owner: body.name }).returning('id').executeTakeFirstOrThrow();
  let measure = await db.selectFrom('measure').select('id').where('programme_id', '=', programme.id).where('number', '=', 1).executeTakeFirst();
  if (!measure) measure = await db.insertInto('measure').values({ programme_id: programme.id, number: 1, title: 'Acties uit de vergaderingen' }).returning('id').executeTakeFirstOrThrow();
  return measure.id;
}

/** Approves sent minutes at a later meeting of the same body; from then on they never change. */
export async function approveMinutes(db: Db, actor: Actor, id: number, rowVersion: number, approvingMeetingId: number) {
  return inTransaction(db, async (trx) => {
    const x = await trx.selectFrom('minutes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!x) throw notFound('notulen-onbekend', `Notulen ${id} bestaan niet.`);
    if (x.status !== 'verstuurd') throw conflict('notulen-niet-verstuurd', x.status === 'vastgesteld' ? 'Deze notulen zijn al vastgesteld.' : 'Alleen verstuurde notulen kunnen worden vastgesteld.');
    if (x.row_version !== rowVersion) throw staleVersion('de notulen', x.row_version);
    const own = await trx.selectFrom('meeting').select(['body_id', 'meets_on']).where('id', '=', x.meeting_id).executeTakeFirstOrThrow();
    const approving = await trx.selectFrom('meeting').select(['body_id', 'meets_on']).where('id', '=', approvingMeetingId).executeTakeFirst();
    if (!approving) throw badRequest('vergadering-onbekend', `Vergadering ${approvingMeetingId} bestaat niet.`, [{ name: 'meetingId', code: 'vergadering-onbekend', reason: 'onbekend' }]);
    if (approving.body_id !== own.body_id) throw badRequest('ander-overleg', 'Notulen worden vastgesteld in een vergadering van hetzelfde overleg.', [{ name: 'meetingId', code: 'ander-overleg', reason: 'ander overleg' }]);
    domain(() => checkApproval({ minutesMeetingDate: own.meets_on, approvingMeetingDate: approving.meets_on }));
    await trx.updateTable('minutes').set({ status: 'vastgesteld', approved_on: approving.meets_on, approved_in_meeting_id: approvingMeetingId, row_version: x.row_version + 1 }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'update', resourceType: 'notulen', resourceId: String(id), before: { status: 'verstuurd' }, after: { status: 'vastgesteld', approvedInMeetingId: approvingMeetingId, line: approvalLine(own.meets_on) } });
    return getMinutes(trx, id);
  });
}
