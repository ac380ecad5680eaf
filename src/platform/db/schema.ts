import type { Generated } from 'kysely';

/** Row types of the tables, as Kysely sees them. Dates are 'YYYY-MM-DD' strings (see database.ts). */
export type PopulationStatus = 'officieel' | 'voorlopig' | 'onofficieel';
export type ReorganisationKind = 'samenvoeging' | 'toevoeging' | 'opsplitsing';
export type OrganisationKind = 'rijk' | 'provincie' | 'gemeente' | 'coa' | 'koepel' | 'overig';
export type SupervisionStep = 'geen' | 'signaleren' | 'bestuurlijk overleg' | 'schriftelijke aanmaning' | 'indeplaatsstelling';
export type Role = 'secretariaat' | 'lid' | 'provincie' | 'gemeente' | 'coa';
export type AuditAction = 'create' | 'update' | 'delete' | 'publish' | 'import' | 'login' | 'login-failed' | 'logout' | 'permission-change';

export interface DB {
  schema_migrations: { version: number; name: string; applied_at: Generated<Date> };
  province: { code: string; name: string };
  municipality: {
    code: string;
    name: string;
    province_code: string;
    valid_from: string | null;
    valid_to: string | null;
  };
  reorganisation: { effective_date: string; old_code: string; new_code: string; kind: ReorganisationKind };
  boundary_coverage: { id: number; valid_from: string; valid_to: string };
  population_import: {
    id: Generated<number>;
    reference_date: string;
    status: PopulationStatus;
    source: string;
    format: string;
    file_name: string | null;
    content_sha256: string | null;
    row_count: number;
    replaced_count: Generated<number>;
    imported_by: string;
    imported_at: Generated<Date>;
  };
  population: {
    municipality_code: string;
    reference_date: string;
    inhabitants: number;
    status: PopulationStatus;
    source: string;
    import_id: number;
  };
  population_set_by_province: {
    municipality_code: string;
    reference_date: string;
    inhabitants: number;
    reason: string;
    recorded_by: string;
    recorded_at: Generated<Date>;
    version: Generated<number>;
  };
  national_population: { reference_date: string; inhabitants: number; status: PopulationStatus; source: string };
  demo_seed: { name: string; applied_at: Generated<Date> };
  organisation: { id: Generated<number>; name: string; kind: OrganisationKind };
  app_user: {
    id: Generated<number>;
    email: string;
    name: string;
    organisation_id: number;
    password_hash: string | null;
    oidc_subject: string | null;
    demo: Generated<boolean>;
    disabled_at: Date | null;
    created_at: Generated<Date>;
    version: Generated<number>;
  };
  user_role: { user_id: number; role: Role; scope: Generated<string> };
  user_session: {
    id_hash: string;
    user_id: number;
    csrf_token: string;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  };
  api_token: {
    id: Generated<number>;
    user_id: number;
    name: string;
    token_hash: string;
    prefix: string;
    created_at: Generated<Date>;
    created_by: string;
    expires_at: Date | null;
    revoked_at: Date | null;
    last_used_at: Date | null;
  };
  login_attempt: { id: Generated<number>; account: string; ip: string; succeeded: boolean; attempted_at: Generated<Date> };
  distribution_decision: {
    id: Generated<number>;
    number: string | null;
    title: string;
    kind: 'verdeling' | 'taakstelling';
    level: 'province' | 'municipality';
    parent_code: string | null;
    period: string | null;
    total: number;
    method: string;
    key: unknown;
    reference_date: string;
    boundary_date: string;
    inputs: unknown;
    result: unknown;
    population_status: PopulationStatus;
    status: Generated<'concept' | 'gepubliceerd' | 'vervangen'>;
    supersedes_id: number | null;
    superseded_by_id: number | null;
    created_by: string;
    created_at: Generated<Date>;
    published_by: string | null;
    published_at: Date | null;
    version: Generated<number>;
  };
  realisation_upload: {
    id: Generated<number>;
    content_sha256: string;
    file_name: string | null;
    format: 'csv' | 'xlsx';
    period: string;
    line_count: number;
    new_count: number;
    uploaded_by: string;
    uploaded_at: Generated<Date>;
  };
  realisation: {
    id: Generated<number>;
    municipality_code: string;
    housed_on: string;
    persons: number;
    household_size: number | null;
    coa_number: string | null;
    source: 'coa' | 'gemeente';
    upload_id: number | null;
    line_key: string;
    recorded_by: string;
    recorded_at: Generated<Date>;
  };
  quota_swap: { id: Generated<number>; period: string; from_code: string; to_code: string; amount: number; reason: string; recorded_by: string; recorded_at: Generated<Date> };
  ledger_excuse: { id: Generated<number>; municipality_code: string; valid_from: string; valid_to: string; reason: string; recorded_by: string; recorded_at: Generated<Date> };
  supervision_step: {
    id: Generated<number>;
    municipality_code: string;
    step: SupervisionStep;
    decided_on: string;
    reason: string;
    documents: Generated<unknown>;
    decided_by: string;
    recorded_at: Generated<Date>;
  };
  ledger_opening_balance: { municipality_code: string; period: string; amount: number; reason: string; recorded_by: string; recorded_at: Generated<Date> };
  public_map_publication: {
    id: Generated<number>;
    period: string;
    province_code: string;
    version: number;
    as_of: string;
    items: unknown;
    published_by: string;
    published_at: Generated<Date>;
  };
  reception_location: {
    code: string;
    name: string;
    type: 'aanmeldcentrum' | 'azc' | 'noodopvang' | 'crisisnoodopvang' | 'flexibele opvang' | 'overig';
    municipality_code: string;
    recorded_by: string;
    recorded_at: Generated<Date>;
    version: Generated<number>;
  };
  reception_capacity_event: {
    id: Generated<number>;
    location_code: string;
    event_date: string;
    kind: 'opening' | 'uitbreiding' | 'inkrimping' | 'sluiting';
    places: number;
    reason: string | null;
    recorded_by: string;
    recorded_at: Generated<Date>;
  };
  reception_norm: {
    id: Generated<number>;
    location_code: string;
    valid_from: string;
    valid_to: string | null;
    maximum: number;
    penalty_cents_per_day: number | null;
    reason: string | null;
    recorded_by: string;
    recorded_at: Generated<Date>;
  };
  occupancy_upload: {
    id: Generated<number>;
    content_sha256: string;
    file_name: string | null;
    format: 'csv' | 'xlsx';
    line_count: number;
    new_count: number;
    corrected_count: number;
    uploaded_by: string;
    uploaded_at: Generated<Date>;
  };
  occupancy: {
    location_code: string;
    day: string;
    occupancy: number;
    permit_holders: number | null;
    upload_id: number | null;
    recorded_by: string;
    recorded_at: Generated<Date>;
  };
  permit_holder_link: { location_code: string; day: string; municipality_code: string; persons: number; recorded_by: string; recorded_at: Generated<Date> };
  reception_alert: {
    id: Generated<number>;
    kind: 'norm-overschreden';
    location_code: string;
    day: string;
    occupancy: number;
    maximum: number;
    streak_start: string;
    province_code: string;
    created_at: Generated<Date>;
  };
  projection_scenario: { id: Generated<number>; name: string; description: string | null; scenario: unknown; created_by: string; created_at: Generated<Date> };
  oidc_login: { state_hash: string; nonce: string; code_verifier: string; return_to: Generated<string>; created_at: Generated<Date> };
  audit_log: {
    id: Generated<number>;
    occurred_at: Generated<Date>;
    actor_user_id: number | null;
    actor: string;
    on_behalf_of: string | null;
    action: AuditAction;
    resource_type: string;
    resource_id: string;
    before: unknown;
    after: unknown;
    request_id: string | null;
    ip: string | null;
  };
}
