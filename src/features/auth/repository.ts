import type { Db } from '../../platform/db/database.ts';
import type { OrganisationKind, Role } from '../../platform/db/schema.ts';

export async function findOrganisationByName(db: Db, name: string) {
  return db.selectFrom('organisation').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertOrganisation(db: Db, name: string, kind: OrganisationKind) {
  return db.insertInto('organisation').values({ name, kind }).returningAll().executeTakeFirstOrThrow();
}

const userColumns = [
  'app_user.id',
  'app_user.email',
  'app_user.name',
  'app_user.organisation_id',
  'app_user.password_hash',
  'app_user.demo',
  'app_user.disabled_at',
  'app_user.created_at',
  'app_user.version',
  'organisation.name as organisation_name',
  'organisation.kind as organisation_kind',
] as const;

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(userColumns)
    .where('app_user.email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findUser(db: Db, id: number) {
  return db
    .selectFrom('app_user')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(userColumns)
    .where('app_user.id', '=', id)
    .executeTakeFirst();
}

export async function listUsers(db: Db) {
  return db
    .selectFrom('app_user')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(userColumns)
    .orderBy('app_user.email')
    .execute();
}

export async function rolesOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('user_role').selectAll().where('user_id', 'in', userIds).orderBy('role').orderBy('scope').execute();
}

export async function insertUser(
  db: Db,
  u: { email: string; name: string; organisationId: number; passwordHash: string | null; demo: boolean },
) {
  return db
    .insertInto('app_user')
    .values({ email: u.email, name: u.name, organisation_id: u.organisationId, password_hash: u.passwordHash, demo: u.demo })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function replaceRoles(db: Db, userId: number, roles: { role: Role; scope: string }[]) {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db.insertInto('user_role').values(roles.map((r) => ({ user_id: userId, role: r.role, scope: r.scope }))).execute();
  }
}

/** Updates when the stored version still matches; returns the new version, or undefined on a stale write. */
export async function updateUser(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: { name?: string; passwordHash?: string | null; demo?: boolean; disabledAt?: Date | null },
) {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      ...(changes.demo !== undefined ? { demo: changes.demo } : {}),
      ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function activeDemoUsers(db: Db) {
  return db.selectFrom('app_user').select(['email']).where('demo', '=', true).where('disabled_at', 'is', null).execute();
}

// Sessions

export async function insertSession(
  db: Db,
  s: { idHash: string; userId: number; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('user_session')
    .values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt, ip: s.ip, user_agent: s.userAgent })
    .execute();
}

export async function findSession(db: Db, idHash: string) {
  return db.selectFrom('user_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date) {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db, idHash: string) {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Db, userId: number) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

// Tokens

export async function insertToken(
  db: Db,
  t: { userId: number; name: string; tokenHash: string; prefix: string; createdBy: string; expiresAt: Date | null },
) {
  return db
    .insertInto('api_token')
    .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, prefix: t.prefix, created_by: t.createdBy, expires_at: t.expiresAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findTokenByHash(db: Db, tokenHash: string) {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findToken(db: Db, id: number) {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listTokens(db: Db, userId?: number) {
  let q = db.selectFrom('api_token').selectAll().orderBy('id');
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  return q.execute();
}

export async function revokeToken(db: Db, id: number, at: Date) {
  await db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function markTokenUsed(db: Db, id: number, at: Date) {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

// Login attempts

export async function recordLoginAttempt(db: Db, account: string, ip: string, succeeded: boolean) {
  await db.insertInto('login_attempt').values({ account, ip, succeeded }).execute();
}

export async function failuresSince(db: Db, column: 'account' | 'ip', value: string, since: Date) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('attempted_at').as('first')])
    .where(column, '=', value)
    .where('succeeded', '=', false)
    .where('attempted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), first: row.first as Date | null };
}

export async function lastSuccess(db: Db, account: string) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.max('attempted_at').as('at'))
    .where('account', '=', account)
    .where('succeeded', '=', true)
    .executeTakeFirst();
  return (row?.at as Date | null | undefined) ?? null;
}
