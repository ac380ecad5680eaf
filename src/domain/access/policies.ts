/**
 * Who may do what: the one place where access is decided. Routes name a policy; the HTTP layer and
 * the CLI ask `authorize`. Pure: no I/O; the caller supplies the scope of the resource (e.g. the
 * province a municipality lies in).
 */
export type Role = 'secretariaat' | 'lid' | 'provincie' | 'gemeente' | 'coa' | 'corporatie';
export const ROLES: readonly Role[] = ['secretariaat', 'lid', 'provincie', 'gemeente', 'coa', 'corporatie'];

export interface RoleGrant {
  role: Role;
  /** '' for national roles; PVxx for provincie (and a PRT lid); GMxxxx for gemeente and for a corporatie (one grant per municipality it builds in). */
  scope: string;
}

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: number; email: string; name: string; roles: RoleGrant[]; via: 'session' | 'token' }
  /** The operator at the server's command line (`regie`), who has the database in hand anyway. */
  | { kind: 'system'; label: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** What a resource is about, as far as access depends on it. */
export interface ResourceScope {
  provinceCode?: string;
  municipalityCode?: string;
  /** The user a resource belongs to (own tokens, own account). */
  ownerUserId?: number;
  /** The table a decision belongs to: '' the national table (LRT), 'PVxx' a province's table. */
  tableScope?: string;
  /** Whether the resource is still a draft (drafts are not public). */
  draft?: boolean;
}

type Rule = (p: Principal, r: ResourceScope) => boolean;

const has = (p: Principal, role: Role, scope?: string) =>
  p.kind === 'user' && p.roles.some((g) => g.role === role && (scope === undefined || g.scope === scope));
const signedIn: Rule = (p) => p.kind === 'user';
const secretariat: Rule = (p) => has(p, 'secretariaat');
/** Drafts of decisions are for those who prepare or weigh them, not (yet) for municipalities or the public. */
const readsDrafts: Rule = (p) => has(p, 'secretariaat') || has(p, 'lid') || has(p, 'provincie') || has(p, 'coa');

export const POLICIES = {
  /** Published reference data, health, documentation: everyone, also without logging in. */
  'public.read': () => true,
  /** One's own session and tokens. */
  'self': signedIn,
  'tokens.manage': (p, r) => signedIn(p, r) && (r.ownerUserId === undefined || (p.kind === 'user' && p.userId === r.ownerUserId) || secretariat(p, r)),
  'users.read': secretariat,
  'users.manage': secretariat,
  'audit.search': secretariat,
  /** The history of one record: anyone signed in who may see the record (all records so far are public). */
  'audit.history': signedIn,
  /** National reference figures (CBS tables) are loaded by the secretariat. */
  'population.import': secretariat,
  /** Huisvestingswet art. 30: the provincial executive sets the figure, for its own municipalities only. */
  'population.set-by-province': (p, r) => r.provinceCode !== undefined && has(p, 'provincie', r.provinceCode),
  /** Computing a distribution without storing it: anyone signed in (it reads only public figures). */
  'distribution.preview': signedIn,
  'distribution.read': (p, r) => r.draft === false || (r.draft === true && readsDrafts(p, r)),
  'distribution.read-drafts': readsDrafts,
  /** The secretariat decides for the national table; a province for its own municipal split. */
  'distribution.manage': (p, r) =>
    r.tableScope === '' ? has(p, 'secretariaat') : r.tableScope !== undefined && /^PV\d{2}$/.test(r.tableScope) && has(p, 'provincie', r.tableScope),
  /** The ledgers (taakstelling, realisation, backlog, steps): everyone signed in; the public map is public.read. */
  'ledger.read': signedIn,
  /** Interbestuurlijk toezicht: the province supervises its own municipalities. */
  'ledger.supervise': (p, r) => r.provinceCode !== undefined && has(p, 'provincie', r.provinceCode),
  /** COA registers every housing of a permit holder and uploads the monthly list. */
  'realisation.upload': (p) => has(p, 'coa'),
  /** A municipality records its own count, for its own municipality only. */
  'realisation.record': (p, r) => r.municipalityCode !== undefined && has(p, 'gemeente', r.municipalityCode),
  /** Reception figures, norms, breaches and alerts: everyone signed in (who is alerted is decided per alert). */
  'reception.read': signedIn,
  /** COA runs the locations and reports their occupancy; the secretariat may correct the register of locations. */
  'reception.manage': (p) => has(p, 'coa') || has(p, 'secretariaat'),
  'occupancy.upload': (p) => has(p, 'coa'),
  /** Anyone signed in may run a projection (nothing is stored); saved scenarios are the secretariat's and members'. */
  'projection.run': signedIn,
  'projection.manage': (p) => has(p, 'secretariaat') || has(p, 'lid'),
  /**
   * Background tasks: one's own (a list of them, each with its result); the secretariat also sees others' (to help
   * when one failed) and those started from the command line.
   */
  'tasks.read': (p, r) => signedIn(p, r) && (r.ownerUserId === undefined || (p.kind === 'user' && p.userId === r.ownerUserId) || secretariat(p, r)),
  /** The action agenda and the reports: everyone signed in reads; the secretariat and the provinces keep the agenda. */
  'agenda.read': signedIn,
  'agenda.manage': (p) => has(p, 'secretariaat') || has(p, 'provincie'),
  /** The escalation ladder and the report settings are the secretariat's. */
  'agenda.configure': secretariat,
  /** A province writes and submits its own monthly report. */
  'report.write': (p, r) => r.provinceCode !== undefined && has(p, 'provincie', r.provinceCode),
  /** Meetings and minutes: everyone signed in reads; the secretariat keeps them and publishes under the Woo. */
  'meetings.read': signedIn,
  'meetings.manage': secretariat,
  'woo.publish': secretariat,
  /** The housing pipeline: everyone signed in reads; tracks are the secretariat's. */
  'pipeline.read': signedIn,
  'pipeline.configure': secretariat,
  /**
   * Projects are entered by those who know them, within their scope: the secretariat nationally, a province for its
   * municipalities, a municipality and a housing corporation for the municipality they hold a role in.
   */
  'pipeline.manage': (p, r) =>
    has(p, 'secretariaat') ||
    (r.provinceCode !== undefined && has(p, 'provincie', r.provinceCode)) ||
    (r.municipalityCode !== undefined && (has(p, 'gemeente', r.municipalityCode) || has(p, 'corporatie', r.municipalityCode))),
  /** A bulk upload: the rows' municipalities are checked against the uploader's scope line by line. */
  'pipeline.upload': (p) => has(p, 'secretariaat') || has(p, 'provincie') || has(p, 'gemeente') || has(p, 'corporatie'),
  /**
   * The dashboards are views for the tables, not a guard on data (every figure on them is readable elsewhere by anyone
   * signed in). The national one (LRT) for those who sit at or prepare the national table: the secretariat, members,
   * the provinces (IPO; they compare themselves with the others) and COA. A province's (PRT) for the national roles
   * and for that province's own provincie users and PRT members; a municipality's page is its ledger page.
   */
  'dashboard.national': (p) => has(p, 'secretariaat') || has(p, 'lid') || has(p, 'provincie') || has(p, 'coa'),
  'dashboard.province': (p, r) =>
    has(p, 'secretariaat') ||
    has(p, 'lid', '') ||
    has(p, 'coa') ||
    (r.provinceCode !== undefined && (has(p, 'provincie', r.provinceCode) || has(p, 'lid', r.provinceCode))),
} satisfies Record<string, Rule>;

export type Policy = keyof typeof POLICIES;

/** Policies that can allow someone who is not logged in (depending on the resource); all others need a login. */
export const OPEN_TO_ANONYMOUS: ReadonlySet<Policy> = new Set<Policy>(['public.read', 'distribution.read']);

export function isPolicy(name: unknown): name is Policy {
  return typeof name === 'string' && Object.hasOwn(POLICIES, name);
}

/**
 * `authorize(user, 'population.set-by-province', { provinceCode: 'PV27' })` → true for a provincie user of PV27.
 * The system principal (the server's own command line) may do everything; its changes are audited all the same.
 */
export function authorize(p: Principal, policy: Policy, scope: ResourceScope = {}): boolean {
  if (p.kind === 'system') return true;
  return (POLICIES[policy] as Rule)(p, scope);
}

/** How a principal is named in the audit trail. */
export function actorLabel(p: Principal): string {
  if (p.kind === 'anonymous') return 'anoniem';
  if (p.kind === 'system') return p.label;
  return `${p.email}${p.via === 'token' ? ' (API-token)' : ''}`;
}
