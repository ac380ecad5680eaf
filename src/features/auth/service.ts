import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import type { OrganisationKind } from '../../platform/db/schema.ts';
import { AppError, badRequest, conflict, notFound, staleVersion, type InvalidParam } from '../../platform/http/errors.ts';
import { ROLES, type Principal, type Role, type RoleGrant } from '../../domain/access/policies.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { generatePassword, hashPassword, passwordProblem, randomToken, sha256, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import { cachedRead } from '../../platform/db/read-cache.ts';

export interface UserView {
  id: number;
  email: string;
  name: string;
  organisation: { name: string; kind: OrganisationKind };
  roles: RoleGrant[];
  disabled: boolean;
  demo: boolean;
  createdAt: string;
  version: number;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

function view(u: UserRow, roles: RoleGrant[]): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    organisation: { name: u.organisation_name, kind: u.organisation_kind },
    roles,
    disabled: u.disabled_at !== null,
    demo: u.demo,
    createdAt: u.created_at.toISOString(),
    version: u.version,
  };
}

async function withRoles(db: Db, users: UserRow[]): Promise<UserView[]> {
  const roles = await repo.rolesOf(db, users.map((u) => u.id));
  return users.map((u) => view(u, roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, scope: r.scope }))));
}

export async function listUsers(db: Db) {
  return { items: await withRoles(db, await repo.listUsers(db)) };
}

export async function getUser(db: Db, id: number): Promise<UserView> {
  const u = await repo.findUser(db, id);
  if (!u) throw notFound('gebruiker-onbekend', `Gebruiker ${id} bestaat niet.`);
  return (await withRoles(db, [u]))[0]!;
}

export async function getUserByEmail(db: Db, email: string): Promise<UserView> {
  const u = await repo.findUserByEmail(db, email);
  if (!u) throw notFound('gebruiker-onbekend', `Er is geen gebruiker met e-mailadres ${email}.`);
  return (await withRoles(db, [u]))[0]!;
}

/** Checks roles and their scopes against the regions that exist; returns problems in Dutch. */
async function roleProblems(db: Db, roles: RoleGrant[]): Promise<InvalidParam[]> {
  const problems: InvalidParam[] = [];
  const provinces = new Set((await db.selectFrom('province').select('code').execute()).map((r) => r.code));
  const municipalities = new Set(
    (await db.selectFrom('municipality').select('code').where('valid_to', 'is', null).execute()).map((r) => r.code),
  );
  roles.forEach((g, i) => {
    const name = `roles.${i}`;
    if (!ROLES.includes(g.role)) problems.push({ name, code: 'rol-onbekend', reason: `onbekende rol '${g.role}'; kies uit ${ROLES.join(', ')}` });
    else if (g.role === 'provincie' && !provinces.has(g.scope)) {
      problems.push({ name, code: 'scope-ongeldig', reason: `de rol provincie vraagt een provinciecode (PV20 t/m PV31), niet '${g.scope}'` });
    } else if ((g.role === 'gemeente' || g.role === 'corporatie') && !municipalities.has(g.scope)) {
      problems.push({ name, code: 'scope-ongeldig', reason: `de rol ${g.role} vraagt de code van een bestaande gemeente, niet '${g.scope}'` });
    } else if (g.role === 'lid' && g.scope !== '' && !provinces.has(g.scope)) {
      problems.push({ name, code: 'scope-ongeldig', reason: `een lid hoort bij de LRT (leeg) of bij een PRT (provinciecode), niet '${g.scope}'` });
    } else if ((g.role === 'secretariaat' || g.role === 'coa') && g.scope !== '') {
      problems.push({ name, code: 'scope-ongeldig', reason: `de rol ${g.role} is landelijk en heeft geen scope` });
    }
  });
  const keys = roles.map((g) => `${g.role}:${g.scope}`);
  if (new Set(keys).size !== keys.length) problems.push({ name: 'roles', code: 'dubbel', reason: 'een rol staat er twee keer in' });
  return problems;
}

export interface NewUser {
  email: string;
  name: string;
  organisation: string;
  organisationKind?: OrganisationKind;
  roles: RoleGrant[];
  /** Leave out to generate one (returned once). */
  password?: string | undefined;
  demo?: boolean;
}

export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<{ user: UserView; password: string }> {
  const email = input.email.trim().toLowerCase();
  const problems: InvalidParam[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ name: 'email', code: 'ongeldig', reason: `'${input.email}' is geen e-mailadres` });
  if (!input.name.trim()) problems.push({ name: 'name', code: 'verplicht', reason: 'naam is verplicht' });
  if (!input.organisation.trim()) problems.push({ name: 'organisation', code: 'verplicht', reason: 'organisatie is verplicht' });
  if (input.roles.length === 0) problems.push({ name: 'roles', code: 'verplicht', reason: 'geef minstens één rol' });
  const password = input.password ?? generatePassword();
  const weak = input.password !== undefined ? passwordProblem(input.password) : null;
  if (weak) problems.push({ name: 'password', code: 'zwak', reason: weak });
  problems.push(...(await roleProblems(db, input.roles)));
  if (problems.length > 0) throw badRequest('ongeldige-invoer', problems.map((p) => p.reason).join('; '), problems);
  const passwordHash = await hashPassword(password);
  const user = await inTransaction(db, async (trx) => {
    if (await repo.findUserByEmail(trx, email)) throw conflict('gebruiker-bestaat', `Er is al een gebruiker met e-mailadres ${email}.`);
    const org =
      (await repo.findOrganisationByName(trx, input.organisation.trim())) ??
      (await repo.insertOrganisation(trx, input.organisation.trim(), input.organisationKind ?? 'overig'));
    const { id } = await repo.insertUser(trx, { email, name: input.name.trim(), organisationId: org.id, passwordHash, demo: input.demo ?? false });
    await repo.replaceRoles(trx, id, input.roles);
    const created = await getUser(trx, id);
    await recordAudit(trx, actor, { action: 'create', resourceType: 'gebruiker', resourceId: String(id), after: auditView(created) });
    return created;
  });
  return { user, password };
}

/** What the audit trail keeps of a user: never a password hash. */
function auditView(u: UserView) {
  return { email: u.email, name: u.name, organisation: u.organisation.name, roles: u.roles, disabled: u.disabled };
}

export interface UserChanges {
  name?: string | undefined;
  roles?: RoleGrant[] | undefined;
  disabled?: boolean | undefined;
}

const stale = (current: UserView) => staleVersion('deze gebruiker', current.version);

/**
 * Changes a user when `expectedVersion` is still current; a stale write changes nothing and gets 412
 * with the current version. A change of roles is audited as a permission change.
 */
export async function updateUser(db: Db, actor: Actor, id: number, expectedVersion: number, changes: UserChanges): Promise<UserView> {
  const problems: InvalidParam[] = [];
  if (changes.name !== undefined && !changes.name.trim()) problems.push({ name: 'name', code: 'verplicht', reason: 'naam mag niet leeg zijn' });
  if (changes.roles !== undefined) {
    if (changes.roles.length === 0) problems.push({ name: 'roles', code: 'verplicht', reason: 'geef minstens één rol' });
    problems.push(...(await roleProblems(db, changes.roles)));
  }
  if (problems.length > 0) throw badRequest('ongeldige-invoer', problems.map((p) => p.reason).join('; '), problems);
  if (actor.principal.kind === 'user' && actor.principal.userId === id && changes.disabled === true) {
    throw conflict('zelf-uitschakelen', 'U kunt uw eigen account niet uitschakelen.');
  }
  return inTransaction(db, async (trx) => {
    const before = await getUser(trx, id);
    if (before.version !== expectedVersion) throw stale(before);
    const version = await repo.updateUser(trx, id, expectedVersion, {
      name: changes.name?.trim(),
      disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? new Date() : null,
    });
    if (version === undefined) throw stale(await getUser(trx, id));
    if (changes.roles !== undefined) await repo.replaceRoles(trx, id, changes.roles);
    if (changes.disabled) await repo.deleteSessionsOf(trx, id);
    const after = await getUser(trx, id);
    const rolesChanged = changes.roles !== undefined && JSON.stringify(before.roles) !== JSON.stringify(after.roles);
    await recordAudit(trx, actor, {
      action: rolesChanged ? 'permission-change' : 'update',
      resourceType: 'gebruiker',
      resourceId: String(id),
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Sets a new password (given, or generated and returned once); ends the user's sessions; a demo account stops being one. */
export async function resetPassword(db: Db, actor: Actor, id: number, password?: string): Promise<{ user: UserView; password: string }> {
  const weak = password !== undefined ? passwordProblem(password) : null;
  if (weak) throw badRequest('ongeldige-invoer', weak, [{ name: 'password', code: 'zwak', reason: weak }]);
  const newPassword = password ?? generatePassword();
  const passwordHash = await hashPassword(newPassword);
  const user = await inTransaction(db, async (trx) => {
    const before = await getUser(trx, id);
    await repo.updateUser(trx, id, before.version, { passwordHash, demo: false });
    await repo.deleteSessionsOf(trx, id);
    const after = await getUser(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      resourceType: 'gebruiker',
      resourceId: String(id),
      before: { ...auditView(before), password: 'oud' },
      after: { ...auditView(after), password: 'opnieuw ingesteld' },
    });
    return after;
  });
  return { user, password: newPassword };
}

export async function principalFor(db: Db, userId: number, via: 'session' | 'token'): Promise<Principal | null> {
  const u = await repo.findUser(db, userId);
  if (!u || u.disabled_at !== null) return null;
  const roles = await repo.rolesOf(db, [userId]);
  return { kind: 'user', userId, email: u.email, name: u.name, roles: roles.map((r) => ({ role: r.role, scope: r.scope })), via };
}

// Sessions

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export class TooManyAttempts extends AppError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'te-veel-pogingen', 'Te veel pogingen', detail, [], { retryAfterSeconds });
  }
}

async function checkRateLimit(db: Db, account: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const success = await repo.lastSuccess(db, account);
  const accountSince = success && success > since ? success : since;
  const byAccount = await repo.failuresSince(db, 'account', account, accountSince);
  const byAddress = await repo.failuresSince(db, 'ip', ip, since);
  const retry = (first: Date | null) => Math.max(1, Math.ceil(((first?.getTime() ?? now.getTime()) + LOGIN_WINDOW_MS - now.getTime()) / 1000));
  if (byAccount.count >= MAX_FAILURES_PER_ACCOUNT) {
    const s = retry(byAccount.first);
    throw new TooManyAttempts(`Te veel mislukte pogingen voor dit account. Probeer het over ${Math.ceil(s / 60)} minuten opnieuw.`, s);
  }
  if (byAddress.count >= MAX_FAILURES_PER_ADDRESS) {
    const s = retry(byAddress.first);
    throw new TooManyAttempts(`Te veel mislukte pogingen vanaf dit adres. Probeer het over ${Math.ceil(s / 60)} minuten opnieuw.`, s);
  }
}

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserView;
}

/**
 * Logs in with e-mail and password. The answer to a wrong e-mail and a wrong password is the same,
 * so the login does not reveal which accounts exist. Rate-limited per account and per address.
 */
export async function login(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent: string | null; requestId?: string },
  now = new Date(),
): Promise<NewSession> {
  const account = input.email.trim().toLowerCase();
  await checkRateLimit(db, account, input.ip, now);
  const u = await repo.findUserByEmail(db, account);
  const ok = u !== undefined && u.disabled_at === null && (await verifyPassword(u.password_hash, input.password));
  const actor: Actor = { principal: { kind: 'anonymous' }, ip: input.ip, requestId: input.requestId };
  if (!ok) {
    await inTransaction(db, async (trx) => {
      await repo.recordLoginAttempt(trx, account, input.ip, false);
      await recordAudit(trx, actor, { action: 'login-failed', resourceType: 'sessie', resourceId: account });
    });
    throw new AppError(401, 'inloggen-mislukt', 'Inloggen mislukt', 'E-mailadres of wachtwoord klopt niet, of het account is uitgeschakeld.');
  }
  return startSession(db, u.id, { ...input, account }, now);
}

/** Opens a session for a user who proved who they are (password or OpenID Connect), and audits the login. */
export async function startSession(
  db: Db,
  userId: number,
  meta: { account: string; ip: string; userAgent: string | null; requestId?: string | undefined; method?: string },
  now = new Date(),
): Promise<NewSession> {
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await inTransaction(db, async (trx) => {
    await repo.recordLoginAttempt(trx, meta.account, meta.ip, true);
    await repo.insertSession(trx, { idHash: sha256(cookieValue), userId, csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent });
    const principal = (await principalFor(trx, userId, 'session'))!;
    await recordAudit(trx, { principal, ip: meta.ip, requestId: meta.requestId }, {
      action: 'login',
      resourceType: 'sessie',
      resourceId: meta.account,
      after: { method: meta.method ?? 'wachtwoord' },
    });
  });
  return { cookieValue, csrfToken, expiresAt, user: await getUser(db, userId) };
}

/** The signed-in user behind a session cookie, or null when the session is unknown, idle too long or expired. */
export async function resolveSession(db: Db, cookieValue: string, now = new Date()) {
  const idHash = sha256(cookieValue);
  const s = await repo.findSession(db, idHash);
  if (!s) return null;
  if (s.expires_at <= now || now.getTime() - s.last_seen_at.getTime() > SESSION_IDLE_MS) {
    await repo.deleteSession(db, idHash);
    return null;
  }
  const principal = await principalFor(db, s.user_id, 'session');
  if (!principal) return null;
  // Writing on every request would make every read a write: a minute of precision is enough.
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) await repo.touchSession(db, idHash, now);
  return { principal, csrfToken: s.csrf_token };
}

export async function logout(db: Db, actor: Actor, cookieValue: string) {
  await inTransaction(db, async (trx) => {
    await repo.deleteSession(trx, sha256(cookieValue));
    if (actor.principal.kind === 'user') {
      await recordAudit(trx, actor, { action: 'logout', resourceType: 'sessie', resourceId: actor.principal.email });
    }
  });
}

// API tokens: `rt_<prefix>_<secret>`; only a hash is stored, the token is shown once.

export interface TokenView {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

function tokenView(t: NonNullable<Awaited<ReturnType<typeof repo.findToken>>>): TokenView {
  return {
    id: t.id,
    userId: t.user_id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at.toISOString(),
    createdBy: t.created_by,
    expiresAt: t.expires_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
  };
}

export async function createToken(db: Db, actor: Actor, input: { userId: number; name: string; expiresInDays?: number | undefined }) {
  if (!input.name.trim()) throw badRequest('ongeldige-invoer', 'Geef het token een naam.', [{ name: 'name', code: 'verplicht', reason: 'naam is verplicht' }]);
  if (input.expiresInDays !== undefined && (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > 730)) {
    throw badRequest('ongeldige-invoer', 'De geldigheid is 1 tot 730 dagen.', [{ name: 'expiresInDays', code: 'bereik', reason: 'geldigheid is 1 tot 730 dagen' }]);
  }
  const user = await getUser(db, input.userId);
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const token = `rt_${prefix}_${randomToken(32)}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await inTransaction(db, async (trx) => {
    const t = await repo.insertToken(trx, { userId: user.id, name: input.name.trim(), tokenHash: sha256(token), prefix, createdBy: actorName(actor), expiresAt });
    await recordAudit(trx, actor, { action: 'create', resourceType: 'api-token', resourceId: String(t.id), after: { user: user.email, name: t.name, prefix, expiresAt } });
    return t;
  });
  return { token, item: tokenView(row) };
}

function actorName(actor: Actor): string {
  const p = actor.principal;
  return p.kind === 'user' ? p.email : p.kind === 'system' ? p.label : 'anoniem';
}

export async function listTokens(db: Db, userId?: number) {
  return { items: (await repo.listTokens(db, userId)).map(tokenView) };
}

export async function tokenOwner(db: Db, id: number): Promise<number> {
  const t = await repo.findToken(db, id);
  if (!t) throw notFound('token-onbekend', `API-token ${id} bestaat niet.`);
  return t.user_id;
}

export async function revokeToken(db: Db, actor: Actor, id: number) {
  return inTransaction(db, async (trx) => {
    const t = await repo.findToken(trx, id);
    if (!t) throw notFound('token-onbekend', `API-token ${id} bestaat niet.`);
    if (t.revoked_at) return tokenView(t);
    await repo.revokeToken(trx, id, new Date());
    const after = (await repo.findToken(trx, id))!;
    await recordAudit(trx, actor, { action: 'delete', resourceType: 'api-token', resourceId: String(id), before: { name: t.name, prefix: t.prefix }, after: { revokedAt: after.revoked_at } });
    return tokenView(after);
  });
}

export async function resolveToken(db: Db, token: string, now = new Date()) {
  if (!/^rt_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,}$/.test(token)) return null;
  const hash = sha256(token);
  // Every API call resolves its token: cached by snapshot, a revocation or a role change is seen at once (it commits).
  const t = await cachedRead(
    db,
    'auth.token',
    hash,
    async (trx) => {
      const row = await repo.findTokenByHash(trx, hash);
      if (!row || row.revoked_at) return null;
      const principal = await principalFor(trx, row.user_id, 'token');
      return principal ? { id: row.id, expiresAt: row.expires_at, lastUsedAt: row.last_used_at, principal } : null;
    },
    { maxEntries: 1000 },
  );
  if (!t || (t.expiresAt && t.expiresAt <= now)) return null;
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > 60_000) await repo.markTokenUsed(db, t.id, now);
  return t.principal;
}

/** Refuses a production start while a demo account with its published password is active. */
export async function assertNoActiveDemoAccounts(db: Db) {
  const demo = await repo.activeDemoUsers(db);
  if (demo.length > 0) {
    throw conflict(
      'demo-accounts-actief',
      `Productiestart geweigerd: ${demo.length} demo-account(s) met het gepubliceerde demowachtwoord zijn actief ` +
        `(${demo.map((d) => d.email).join(', ')}). Schakel ze uit met 'regie user disable <e-mail>' ` +
        `of geef ze een nieuw wachtwoord met 'regie user reset-password <e-mail>'.`,
    );
  }
}

export type { Role };
