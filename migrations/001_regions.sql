-- Reference data on Dutch regions: provinces, municipalities over time, reorganisations, population.

create table province (
  code text primary key check (code ~ '^PV[0-9]{2}$'),
  name text not null
);

-- A municipality exists from valid_from (null: before the data begins) until valid_to (exclusive;
-- null: still exists). Weesp has valid_to 2022-03-24: it existed on 1 January 2022.
create table municipality (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  name text not null,
  province_code text not null references province (code),
  valid_from date,
  valid_to date,
  check (valid_from is null or valid_to is null or valid_from < valid_to)
);

create table reorganisation (
  effective_date date not null,
  old_code text not null references municipality (code),
  new_code text not null references municipality (code),
  kind text not null check (kind in ('samenvoeging', 'toevoeging', 'opsplitsing')),
  primary key (effective_date, old_code, new_code)
);

-- Which period the stored municipal boundaries describe completely.
create table boundary_coverage (
  id integer primary key check (id = 1),
  valid_from date not null,
  valid_to date not null
);

-- One row per file loaded (reference data, `regie import population`, the web upload).
create table population_import (
  id serial primary key,
  reference_date date not null,
  status text not null check (status in ('officieel', 'voorlopig', 'onofficieel')),
  source text not null,
  format text not null,
  file_name text,
  content_sha256 text,
  row_count integer not null,
  replaced_count integer not null default 0,
  imported_by text not null,
  imported_at timestamptz not null default now()
);

-- Population on a reference date (peildatum), in the boundaries valid on that date.
create table population (
  municipality_code text not null references municipality (code),
  reference_date date not null,
  inhabitants integer not null check (inhabitants >= 0),
  status text not null check (status in ('officieel', 'voorlopig', 'onofficieel')),
  source text not null,
  import_id integer not null references population_import (id),
  primary key (municipality_code, reference_date)
);
create index population_reference_date on population (reference_date);

-- Figures the provincial executive sets for a municipality whose boundaries changed after the reference
-- date (Huisvestingswet art. 30): needed for the successors of a split, optional after a merger.
create table population_set_by_province (
  municipality_code text not null references municipality (code),
  reference_date date not null,
  inhabitants integer not null check (inhabitants >= 0),
  reason text not null check (length(trim(reason)) > 0),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  primary key (municipality_code, reference_date)
);

create table national_population (
  reference_date date primary key,
  inhabitants integer not null check (inhabitants > 0),
  status text not null check (status in ('officieel', 'voorlopig', 'onofficieel')),
  source text not null
);

-- Named steps of the demo data set, so `regie seed --demo` is idempotent.
create table demo_seed (
  name text primary key,
  applied_at timestamptz not null default now()
);
