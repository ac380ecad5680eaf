import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { AppError, badRequest, notFound, staleVersion, checkedBy } from '../../platform/http/errors.ts';
import { actorLabel } from '../../domain/access/policies.ts';
import {
  AgendaError,
  checkActionInput,
  checkDeadlineChange,
  checkStatusChange,
  isOverdue,
  newlyOverdue,
  nextStep,
  type ActionStatus,
} from '../../domain/agenda/index.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { getLadder } from './escalation.ts';
import { dutchToday } from './dates.ts';

/**
 * The action agenda: programmes → numbered measures → actions with a holder and a deadline, and their history of
 * progress updates, status and deadline changes. Every change is an `action_update` row and an audit entry.
 */
const domain = <T>(fn: () => T): T => checkedBy([AgendaError], fn);

export async function listProgrammes(db: Db) {
  const programmes = await db.selectFrom('programme').selectAll().orderBy('code').execute();
  const measures = await db.selectFrom('measure').selectAll().orderBy('programme_id').orderBy('number').execute();
  return programmes.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    owner: p.owner,
    measures: measures.filter((m) => m.programme_id === p.id).map((m) => ({ id: m.id, number: m.number, title: m.title })),
  }));
}

export async function createProgramme(db: Db, actor: Actor, input: { code: string; name: string; owner: string; measures: { number: number; title: string }[] }) {
  return inTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('programme').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw new AppError(409, 'programma-bestaat', 'Conflict', `Er is al een programma met code ${input.code}.`);
    const numbers = input.measures.map((m) => m.number);
    const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
    if (twice !== undefined) throw badRequest('maatregel-dubbel', `Maatregel ${twice} staat er twee keer in.`, [{ name: 'measures', code: 'maatregel-dubbel', reason: `nummer ${twice} dubbel` }]);
    const { id } = await trx.insertInto('programme').values({ code: input.code, name: input.name.trim(), owner: input.owner.trim() }).returning('id').executeTakeFirstOrThrow();
    if (input.measures.length > 0) await trx.insertInto('measure').values(input.measures.map((m) => ({ programme_id: id, number: m.number, title: m.title.trim() }))).execute();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'programma', resourceId: String(id), after: input });
    return (await listProgrammes(trx)).find((p) => p.id === id)!;
  });
}

export interface ActionInput {
  measureId: number;
  description: string;
  holderOrganisation: string;
  holderPerson?: string | null | undefined;
  holderEmail?: string | null | undefined;
  provinceCode?: string | null | undefined;
  deadline: string;
  origin?: string | null | undefined;
}

const actionColumns = [
  'a.id',
  'a.measure_id',
  'a.description',
  'a.holder_organisation',
  'a.holder_person',
  'a.holder_user_id',
  'a.province_code',
  'a.deadline',
  'a.status',
  'a.origin',
  'a.created_by',
  'a.created_at',
  'a.version',
  'm.number as measure_number',
  'm.title as measure_title',
  'p.code as programme_code',
  'p.name as programme_name',
] as const;

function actionQuery(db: Db) {
  return db
    .selectFrom('action as a')
    .innerJoin('measure as m', 'm.id', 'a.measure_id')
    .innerJoin('programme as p', 'p.id', 'm.programme_id')
    .leftJoin('app_user as u', 'u.id', 'a.holder_user_id')
    .select([...actionColumns, 'u.email as holder_email']);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

function actionView(a: ActionRow, today: string) {
  return {
    id: a.id,
    programme: { code: a.programme_code, name: a.programme_name },
    measure: { id: a.measure_id, number: a.measure_number, title: a.measure_title },
    description: a.description,
    holder: { organisation: a.holder_organisation, person: a.holder_person, email: a.holder_email },
    provinceCode: a.province_code,
    deadline: a.deadline,
    status: a.status,
    overdue: isOverdue({ deadline: a.deadline, status: a.status }, today),
    origin: a.origin,
    createdBy: a.created_by,
    createdAt: a.created_at.toISOString(),
    version: a.version,
  };
}

export interface ActionFilters {
  programme?: string | undefined;
  holder?: string | undefined;
  province?: string | undefined;
  status?: ActionStatus | undefined;
  overdue?: boolean | undefined;
}

export async function listActions(db: Db, filters: ActionFilters = {}, today = dutchToday(new Date())) {
  let q = actionQuery(db).orderBy('a.deadline').orderBy('a.id');
  if (filters.programme) q = q.where('p.code', '=', filters.programme);
  if (filters.province) q = q.where('a.province_code', '=', filters.province);
  if (filters.status) q = q.where('a.status', '=', filters.status);
  if (filters.holder) {
    const h = `%${filters.holder.toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['a.holder_organisation']), 'like', h), eb(eb.fn('lower', ['a.holder_person']), 'like', h)]));
  }
  let items = (await q.execute()).map((a) => actionView(a, today));
  if (filters.overdue !== undefined) items = items.filter((a) => a.overdue === filters.overdue);
  return { today, items };
}

/** The supervisor's view: actions that became overdue in the last `days` days, newest first. */
export async function newlyOverdueActions(db: Db, days = 14, today = dutchToday(new Date())) {
  const all = (await actionQuery(db).execute()).map((a) => actionView(a, today));
  const fresh = new Set(newlyOverdue(all.map((a) => ({ id: a.id, deadline: a.deadline, status: a.status })), today, days).map((a) => a.id));
  return { today, days, items: all.filter((a) => fresh.has(a.id)).sort((x, y) => y.deadline.localeCompare(x.deadline) || x.id - y.id) };
}

async function holderUserId(db: Db, email: string | null | undefined): Promise<number | null> {
  if (!email) return null;
  const u = await db.selectFrom('app_user').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!u) throw badRequest('gebruiker-onbekend', `Er is geen gebruiker met e-mailadres ${email}.`, [{ name: 'holderEmail', code: 'gebruiker-onbekend', reason: 'onbekend e-mailadres' }]);
  return u.id;
}

export async function createAction(db: Db, actor: Actor, input: ActionInput, today = dutchToday(new Date())) {
  domain(() => checkActionInput({ description: input.description, holderOrganisation: input.holderOrganisation, holderPerson: input.holderPerson ?? null, deadline: input.deadline }));
  return inTransaction(db, async (trx) => {
    const measure = await trx.selectFrom('measure').select('id').where('id', '=', input.measureId).executeTakeFirst();
    if (!measure) throw badRequest('maatregel-onbekend', `Maatregel ${input.measureId} bestaat niet.`, [{ name: 'measureId', code: 'maatregel-onbekend', reason: 'onbekend' }]);
    if (input.provinceCode && !(await trx.selectFrom('province').select('code').where('code', '=', input.provinceCode).executeTakeFirst())) {
      throw badRequest('provincie-onbekend', `Provincie ${input.provinceCode} bestaat niet.`, [{ name: 'provinceCode', code: 'provincie-onbekend', reason: 'onbekend' }]);
    }
    const { id } = await trx
      .insertInto('action')
      .values({
        measure_id: input.measureId,
        description: input.description.trim(),
        holder_organisation: input.holderOrganisation.trim(),
        holder_person: input.holderPerson?.trim() || null,
        holder_user_id: await holderUserId(trx, input.holderEmail),
        province_code: input.provinceCode ?? null,
        deadline: input.deadline,
        origin: input.origin ?? null,
        created_by: actorLabel(actor.principal),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', resourceType: 'actie', resourceId: String(id), after: input });
    return getAction(trx, id, today);
  });
}

export async function getAction(db: Db, id: number, today = dutchToday(new Date())) {
  const a = await actionQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!a) throw notFound('actie-onbekend', `Actie ${id} bestaat niet.`);
  const updates = await db.selectFrom('action_update').selectAll().where('action_id', '=', id).orderBy('id').execute();
  const fires = await db.selectFrom('escalation_fire').selectAll().where('subject_type', '=', 'actie').where('subject_id', '=', String(id)).orderBy('id').execute();
  const ladder = await getLadder(db);
  const closed = a.status === 'gereed' || a.status === 'vervallen';
  const next = nextStep({ deadline: a.deadline, closed, ladder, fired: fires.map((f) => ({ level: f.level, deadline: f.deadline })), today });
  return {
    ...actionView(a, today),
    updates: updates.map((u) => ({
      id: u.id,
      date: u.on_date,
      text: u.text,
      statusBefore: u.status_before,
      statusAfter: u.status_after,
      deadlineBefore: u.deadline_before,
      deadlineAfter: u.deadline_after,
      recordedBy: u.recorded_by,
      recordedAt: u.recorded_at.toISOString(),
    })),
    escalations: fires.map((f) => ({ level: f.level, kind: f.kind, deadline: f.deadline, dueOn: f.due_on, firedAt: f.fired_at.toISOString() })),
    nextStep: next,
  };
}

/**
 * A progress update, optionally with a new status or a new deadline (with its reason). An extended deadline
 * resets the ladder (the fired steps belong to the old deadline); a finished action leaves it.
 */
export async function updateAction(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  input: { date: string; text: string; status?: ActionStatus | undefined; deadline?: string | undefined; reopen?: boolean | undefined },
  today = dutchToday(new Date()),
) {
  return inTransaction(db, async (trx) => {
    const a = await trx.selectFrom('action').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!a) throw notFound('actie-onbekend', `Actie ${id} bestaat niet.`);
    if (a.version !== version) throw staleVersion(`actie ${id}`, a.version);
    if (input.text.trim() === '') throw badRequest('tekst-ontbreekt', 'Beschrijf de voortgang of de reden van de wijziging.', [{ name: 'text', code: 'tekst-ontbreekt', reason: 'leeg' }]);
    const status = input.status && input.status !== a.status ? input.status : undefined;
    const deadline = input.deadline && input.deadline !== a.deadline ? input.deadline : undefined;
    if (status) domain(() => checkStatusChange(a.status, status, { reason: input.text, reopen: input.reopen ?? false }));
    if (deadline) domain(() => checkDeadlineChange(a.deadline, deadline, input.text, { today }));
    await trx
      .updateTable('action')
      .set({ ...(status ? { status } : {}), ...(deadline ? { deadline } : {}), version: a.version + 1 })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('action_update')
      .values({
        action_id: id,
        on_date: input.date,
        text: input.text.trim(),
        status_before: status ? a.status : null,
        status_after: status ?? null,
        deadline_before: deadline ? a.deadline : null,
        deadline_after: deadline ?? null,
        recorded_by: actorLabel(actor.principal),
      })
      .execute();
    await recordAudit(trx, actor, {
      action: 'update',
      resourceType: 'actie',
      resourceId: String(id),
      before: { status: a.status, deadline: a.deadline, version: a.version },
      after: { status: status ?? a.status, deadline: deadline ?? a.deadline, version: a.version + 1, update: input.text.trim() },
    });
    return getAction(trx, id, today);
  });
}
