-- The housing supply pipeline: tracks (sporen) that create homes for permit holders, their projects with the
-- history of every change of the expected delivery date, and the uploads that filled them.
-- Also a new role: a housing corporation (corporatie) enters projects in the municipalities it works in.

alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in ('secretariaat', 'lid', 'provincie', 'gemeente', 'coa', 'corporatie'));
alter table user_role drop constraint user_role_check;
alter table user_role add constraint user_role_scope_check check (
  (role = 'provincie' and scope ~ '^PV[0-9]{2}$')
  or (role in ('gemeente', 'corporatie') and scope ~ '^GM[0-9]{4}$')
  or (role = 'lid' and (scope = '' or scope ~ '^PV[0-9]{2}$'))
  or (role in ('secretariaat', 'coa') and scope = '')
);
alter table notification drop constraint notification_recipient_role_check;
alter table notification add constraint notification_recipient_role_check
  check (recipient_role in ('secretariaat', 'lid', 'provincie', 'gemeente', 'coa', 'corporatie'));

create table pipeline_track (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,29}$'),
  name text not null check (length(trim(name)) > 0),
  -- A national programme, or a regional one (then for one province).
  province_code text references province (code),
  owner_organisation text not null check (length(trim(owner_organisation)) > 0),
  description text,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  version integer not null default 1
);

create table pipeline_project (
  id serial primary key,
  track_code text not null references pipeline_track (code),
  -- The party's own reference: an upload that names it again updates this project instead of adding one.
  reference text not null check (length(trim(reference)) > 0),
  name text not null check (length(trim(name)) > 0),
  municipality_code text not null references municipality (code),
  party text not null check (length(trim(party)) > 0),
  home_type text not null check (length(trim(home_type)) > 0),
  units integer not null check (units > 0),
  reserved_units integer not null check (reserved_units >= 0 and reserved_units <= units),
  expected_delivery date not null,
  first_expected_delivery date not null,
  status text not null check (status in ('idee', 'planfase', 'vergund', 'in aanbouw', 'opgeleverd', 'vervallen')),
  cost_per_unit_cents bigint check (cost_per_unit_cents is null or cost_per_unit_cents > 0),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  version integer not null default 1
);
-- The projectcode is the identity across uploads, whatever its case ('ams-01' is 'AMS-01').
create unique index pipeline_project_reference on pipeline_project (track_code, upper(reference));
create index pipeline_project_municipality on pipeline_project (municipality_code);

-- Every move of the expected delivery date, so a slip stays visible after the fact.
create table pipeline_delivery_change (
  id serial primary key,
  project_id integer not null references pipeline_project (id),
  changed_on date not null,
  from_date date not null,
  to_date date not null,
  reason text not null check (length(trim(reason)) > 0),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  check (from_date <> to_date)
);
create index pipeline_delivery_change_project on pipeline_delivery_change (project_id, changed_on);

create table pipeline_upload (
  id serial primary key,
  file_name text,
  sha256 text not null,
  lines integer not null,
  created integer not null,
  changed integer not null,
  unchanged integer not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);

alter table organisation drop constraint organisation_kind_check;
alter table organisation add constraint organisation_kind_check
  check (kind in ('rijk', 'provincie', 'gemeente', 'coa', 'corporatie', 'koepel', 'overig'));
