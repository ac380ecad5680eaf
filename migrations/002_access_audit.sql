-- Access control (users, roles with scopes, sessions, API tokens, login attempts) and the audit trail.

create table organisation (
  id serial primary key,
  name text not null unique,
  kind text not null check (kind in ('rijk', 'provincie', 'gemeente', 'coa', 'koepel', 'overig'))
);

create table app_user (
  id serial primary key,
  email text not null unique check (email = lower(email) and email like '%_@_%'),
  name text not null check (length(trim(name)) > 0),
  organisation_id integer not null references organisation (id),
  password_hash text,
  oidc_subject text unique,
  -- Demo accounts keep a published password; production refuses to start while one is active.
  demo boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  version integer not null default 1
);

-- A role holds within a scope: '' for national roles, a province code for provincie (and a PRT lid),
-- a municipality code for gemeente.
create table user_role (
  user_id integer not null references app_user (id),
  role text not null check (role in ('secretariaat', 'lid', 'provincie', 'gemeente', 'coa')),
  scope text not null default '',
  primary key (user_id, role, scope),
  check (
    (role = 'provincie' and scope ~ '^PV[0-9]{2}$')
    or (role = 'gemeente' and scope ~ '^GM[0-9]{4}$')
    or (role = 'lid' and (scope = '' or scope ~ '^PV[0-9]{2}$'))
    or (role in ('secretariaat', 'coa') and scope = '')
  )
);

create table user_session (
  -- Only a hash of the cookie value is stored: a copy of this table does not let anyone log in.
  id_hash text primary key,
  user_id integer not null references app_user (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index user_session_user on user_session (user_id);

create table api_token (
  id serial primary key,
  user_id integer not null references app_user (id),
  name text not null check (length(trim(name)) > 0),
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

create table login_attempt (
  id bigserial primary key,
  account text not null,
  ip text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index login_attempt_account on login_attempt (account, attempted_at);
create index login_attempt_ip on login_attempt (ip, attempted_at);

create table audit_log (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id integer references app_user (id),
  actor text not null,
  on_behalf_of text,
  action text not null check (action in (
    'create', 'update', 'delete', 'publish', 'import', 'login', 'login-failed', 'logout', 'permission-change'
  )),
  resource_type text not null,
  resource_id text not null,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index audit_log_resource on audit_log (resource_type, resource_id, id);
create index audit_log_actor on audit_log (actor_user_id, occurred_at);
create index audit_log_occurred on audit_log (occurred_at);

-- The audit trail is append-only, enforced by the database itself, not only by the application.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is alleen-toevoegen: % is niet toegestaan', tg_op using errcode = '42501';
end
$$;
create trigger audit_log_no_update_delete before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();

-- Figures set by a province are editable: a version makes stale writes detectable (ETag / If-Match).
alter table population_set_by_province add column version integer not null default 1;
