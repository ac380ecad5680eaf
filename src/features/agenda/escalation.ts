import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import type { EscalationKind } from '../../platform/db/schema.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { DEFAULT_LADDER, addWorkingDays, checkLadder, dueSteps, type EscalationLevel } from '../../domain/agenda/index.ts';

/** A report's reminder goes out this many working days before its deadline. */
export const REMINDER_WORKING_DAYS = 3;
import { actorLabel, type Principal } from '../../domain/access/policies.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { AppError } from '../../platform/http/errors.ts';
import { AgendaError } from '../../domain/agenda/index.ts';
import { addDays, dutchToday } from './dates.ts';
import { expectedReports } from './reports.ts';

/**
 * The escalation ladder at work: which steps are due for overdue actions and late reports, each fired exactly
 * once (the unique key of `escalation_fire`), and what a fired step does: notifications in the inbox, mail in the
 * outbox, and for the LRT step a proposal for the next LRT meeting's agenda.
 */
export async function getLadder(db: Db): Promise<EscalationLevel[]> {
  const rows = await db.selectFrom('escalation_level').selectAll().orderBy('level').execute();
  if (rows.length === 0) return DEFAULT_LADDER.map((l) => ({ ...l }));
  return rows.map((r) => ({ level: r.level, name: r.name, afterDays: r.after_days, graceDays: r.grace_days, kind: r.kind }));
}

/** The secretariat replaces the ladder as a whole; it is checked whole first. */
export async function setLadder(db: Db, actor: Actor, levels: EscalationLevel[]) {
  let checked: EscalationLevel[];
  try {
    checked = checkLadder(levels);
  } catch (e) {
    if (e instanceof AgendaError) throw new AppError(400, e.code, 'Ongeldige invoer', e.message, [{ name: e.field ?? 'levels', code: e.code, reason: e.message }]);
    throw e;
  }
  return inTransaction(db, async (trx) => {
    const before = await getLadder(trx);
    await trx.deleteFrom('escalation_level').execute();
    await trx
      .insertInto('escalation_level')
      .values(checked.map((l) => ({ level: l.level, name: l.name, after_days: l.afterDays, grace_days: l.graceDays, kind: l.kind, updated_by: actorLabel(actor.principal) })))
      .execute();
    await recordAudit(trx, actor, { action: 'update', resourceType: 'escalatieladder', resourceId: 'ladder', before, after: checked });
    return checked;
  });
}

interface Subject {
  type: 'actie' | 'rapportage';
  id: string;
  title: string;
  deadline: string;
  provinceCode: string | null;
  holderUserId: number | null;
  link: string;
}

type Recipient = { userId: number } | { role: 'secretariaat' | 'lid' | 'provincie'; scope: string };

function recipientsFor(kind: EscalationKind, s: Subject): Recipient[] {
  const secretariat: Recipient = { role: 'secretariaat', scope: '' };
  switch (kind) {
    case 'herinnering-houder':
      if (s.holderUserId !== null) return [{ userId: s.holderUserId }];
      return s.provinceCode ? [{ role: 'provincie', scope: s.provinceCode }] : [secretariat];
    case 'prt-voorzitter':
      // The PRT's members (its chair among them) of the holder's province; a national action goes to the secretariat.
      return s.provinceCode ? [{ role: 'lid', scope: s.provinceCode }] : [secretariat];
    default:
      return [secretariat];
  }
}

const KIND_TEXT: Record<EscalationKind, (s: Subject, days: number) => string> = {
  'herinnering-houder': (s) => `Herinnering: de termijn van "${s.title}" is verstreken (${s.deadline}).`,
  'prt-voorzitter': (s, d) => `Escalatie naar de PRT-voorzitter: "${s.title}" is ${d} dagen over de termijn (${s.deadline}).`,
  'lrt-agenda': (s, d) => `Op de agenda van het volgende LRT-overleg: "${s.title}" is ${d} dagen over de termijn (${s.deadline}).`,
  staatssecretaris: (s, d) => `Escalatie naar de staatssecretaris: "${s.title}" is ${d} dagen over de termijn (${s.deadline}).`,
  melding: (s, d) => `Melding: "${s.title}" is ${d} dagen over de termijn (${s.deadline}).`,
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function deliver(db: Db, fire: { id: number; kind: EscalationKind; name: string; upcoming?: boolean }, s: Subject, today: string, now: Date, mail: boolean) {
  const body = fire.upcoming ? `Herinnering: "${s.title}" moet uiterlijk ${s.deadline} binnen zijn.` : KIND_TEXT[fire.kind](s, daysBetween(s.deadline, today));
  const title = `${fire.name}: ${s.title}`;
  for (const r of recipientsFor(fire.kind, s)) {
    const n = await db
      .insertInto('notification')
      .values({
        recipient_user_id: 'userId' in r ? r.userId : null,
        recipient_role: 'role' in r ? r.role : null,
        recipient_scope: 'role' in r ? r.scope : '',
        subject_type: s.type,
        subject_id: s.id,
        title,
        body,
        link: s.link,
        fire_id: fire.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!mail) continue;
    let users = db.selectFrom('app_user').select('email').where('disabled_at', 'is', null);
    users =
      'userId' in r
        ? users.where('id', '=', r.userId)
        : users.where('id', 'in', db.selectFrom('user_role').select('user_id').where('role', '=', r.role).where('scope', '=', r.scope));
    for (const u of await users.execute()) {
      await enqueueMail(db, { notificationId: n.id, to: u.email, subject: `[Regietafel] ${title}`, body: `${body}\n\nZie ${s.link} in Regietafel.` }, now);
    }
  }
  if (fire.kind === 'lrt-agenda') {
    await db
      .insertInto('lrt_agenda_proposal')
      .values({ subject_type: s.type, subject_id: s.id, title: s.title, reason: body, fire_id: fire.id, created_at: now })
      .execute();
  }
}

/** One pass of the ladder on `now`: fires what is due and not fired yet; returns what it fired. */
export async function escalate(db: Db, opts: { now: Date; instance: string; mail: boolean }) {
  const today = dutchToday(opts.now);
  const ladder = await getLadder(db);
  const subjects: (Subject & { closed: boolean })[] = [];
  const actions = await db
    .selectFrom('action as a')
    .innerJoin('measure as m', 'm.id', 'a.measure_id')
    .select(['a.id', 'a.description', 'a.deadline', 'a.status', 'a.province_code', 'a.holder_user_id', 'm.number'])
    .where('a.status', 'not in', ['gereed', 'vervallen'])
    .where('a.deadline', '<', today)
    .execute();
  for (const a of actions) {
    subjects.push({
      type: 'actie',
      id: String(a.id),
      title: `actie ${a.id} (maatregel ${a.number}): ${a.description.length > 80 ? `${a.description.slice(0, 77)}…` : a.description}`,
      deadline: a.deadline,
      provinceCode: a.province_code,
      holderUserId: a.holder_user_id,
      link: `/acties/${a.id}`,
      closed: false,
    });
  }
  const reminders: Subject[] = [];
  for (const r of await expectedReports(db, today)) {
    if (r.submittedOn === null && r.deadline >= today && addWorkingDays(r.deadline, -REMINDER_WORKING_DAYS) <= today) {
      reminders.push({ type: 'rapportage', id: `${r.provinceCode}|${r.month}`, title: `maandrapportage ${r.month} van ${r.provinceName}`, deadline: r.deadline, provinceCode: r.provinceCode, holderUserId: null, link: `/rapportages/${r.provinceCode}/${r.month}` });
    }
    if (r.submittedOn !== null || r.deadline >= today) continue;
    subjects.push({
      type: 'rapportage',
      id: `${r.provinceCode}|${r.month}`,
      title: `maandrapportage ${r.month} van ${r.provinceName}`,
      deadline: r.deadline,
      provinceCode: r.provinceCode,
      holderUserId: null,
      link: `/rapportages/${r.provinceCode}/${r.month}`,
      closed: false,
    });
  }
  const fired = await db.selectFrom('escalation_fire').select(['subject_type', 'subject_id', 'deadline', 'level']).execute();
  const firedBy = new Map<string, { level: number; deadline: string }[]>();
  for (const f of fired) {
    const k = `${f.subject_type}|${f.subject_id}`;
    firedBy.set(k, [...(firedBy.get(k) ?? []), { level: f.level, deadline: f.deadline }]);
  }
  const done: { subject: string; level: number; kind: string }[] = [];
  // Before a report's deadline: one reminder to the province (level 0 of the same bookkeeping, so also once).
  for (const s of reminders) {
    const row = await db
      .insertInto('escalation_fire')
      .values({ subject_type: s.type, subject_id: s.id, deadline: s.deadline, level: 0, kind: 'herinnering-houder', due_on: addWorkingDays(s.deadline, -REMINDER_WORKING_DAYS), fired_at: opts.now, fired_by: opts.instance })
      .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'deadline', 'level']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    await deliver(db, { id: row.id, kind: 'herinnering-houder', name: 'Herinnering', upcoming: true }, s, today, opts.now, opts.mail);
    done.push({ subject: `${s.type} ${s.id}`, level: 0, kind: 'herinnering-houder' });
  }
  for (const s of subjects) {
    for (const step of dueSteps({ deadline: s.deadline, closed: s.closed, ladder, fired: firedBy.get(`${s.type}|${s.id}`) ?? [], today })) {
      // The unique key makes the step fire once, even if another instance got here first without the lock.
      const row = await db
        .insertInto('escalation_fire')
        .values({ subject_type: s.type, subject_id: s.id, deadline: s.deadline, level: step.level, kind: step.kind, due_on: step.dueOn, fired_at: opts.now, fired_by: opts.instance })
        .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'deadline', 'level']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      await deliver(db, { id: row.id, kind: step.kind, name: step.name }, s, today, opts.now, opts.mail);
      done.push({ subject: `${s.type} ${s.id}`, level: step.level, kind: step.kind });
    }
  }
  return { today, fired: done.length, steps: done };
}

export function escalationJob(opts: { mail: boolean; everyMs?: number }): Job {
  return {
    name: 'escalatie',
    everyMs: opts.everyMs ?? 5 * 60_000,
    run: ({ db, now, instance }) => escalate(db, { now, instance, mail: opts.mail }),
  };
}

/** The inbox: notifications addressed to the user, or to a role and scope the user holds. */
export async function inbox(db: Db, p: Principal, opts: { unreadOnly?: boolean; limit?: number; id?: number } = {}) {
  if (p.kind !== 'user') return [];
  const grants = p.roles;
  let q = db
    .selectFrom('notification as n')
    .leftJoin('notification_read as r', (j) => j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', p.userId))
    .select(['n.id', 'n.subject_type', 'n.subject_id', 'n.title', 'n.body', 'n.link', 'n.created_at', 'r.read_at'])
    .where((eb) =>
      eb.or([
        eb('n.recipient_user_id', '=', p.userId),
        ...grants.map((g) => eb.and([eb('n.recipient_role', '=', g.role), eb('n.recipient_scope', '=', g.scope)])),
      ]),
    )
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(opts.limit ?? 200);
  if (opts.unreadOnly) q = q.where('r.read_at', 'is', null);
  if (opts.id !== undefined) q = q.where('n.id', '=', opts.id);
  return (await q.execute()).map((n) => ({
    id: n.id,
    subjectType: n.subject_type,
    subjectId: n.subject_id,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.created_at.toISOString(),
    read: n.read_at !== null,
  }));
}

export async function markRead(db: Db, p: Principal, id: number) {
  if (p.kind !== 'user') return { id, read: false };
  const mine = (await inbox(db, p, { id })).length > 0;
  if (!mine) throw new AppError(404, 'melding-onbekend', 'Niet gevonden', `Melding ${id} bestaat niet of is niet aan u gericht.`);
  await db.insertInto('notification_read').values({ notification_id: id, user_id: p.userId }).onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing()).execute();
  return { id, read: true };
}

export { addDays };
