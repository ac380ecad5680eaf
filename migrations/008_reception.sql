-- Reception monitoring: locations with capacity over time and norms, occupancy per day (COA), permit holders
-- waiting in reception, alerts when a norm is breached, and chain-projection scenarios.

create table reception_location (
  code text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,29}$'),
  name text not null check (length(trim(name)) > 0),
  type text not null check (type in ('aanmeldcentrum', 'azc', 'noodopvang', 'crisisnoodopvang', 'flexibele opvang', 'overig')),
  municipality_code text not null references municipality (code),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  version integer not null default 1
);

-- Capacity is the sum of its events up to a day: opening, extension, reduction, closing (places ≥ 0).
create table reception_capacity_event (
  id serial primary key,
  location_code text not null references reception_location (code),
  event_date date not null,
  kind text not null check (kind in ('opening', 'uitbreiding', 'inkrimping', 'sluiting')),
  places integer not null check (places >= 0),
  reason text,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create index reception_capacity_event_location on reception_capacity_event (location_code, event_date);

-- A norm is a maximum occupancy over a date range (Ter Apel: 2,000), optionally with a penalty per day over it.
create table reception_norm (
  id serial primary key,
  location_code text not null references reception_location (code),
  valid_from date not null,
  valid_to date,
  maximum integer not null check (maximum > 0),
  penalty_cents_per_day bigint check (penalty_cents_per_day is null or penalty_cents_per_day > 0),
  reason text,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  check (valid_to is null or valid_from <= valid_to)
);
create index reception_norm_location on reception_norm (location_code, valid_from);

create table occupancy_upload (
  id serial primary key,
  content_sha256 text not null unique,
  file_name text,
  format text not null check (format in ('csv', 'xlsx')),
  line_count integer not null,
  new_count integer not null,
  corrected_count integer not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);

-- One figure per location and day; a later upload may correct it only when the uploader says so (and the
-- audit trail keeps the old figure).
create table occupancy (
  location_code text not null references reception_location (code),
  day date not null,
  occupancy integer not null check (occupancy >= 0),
  permit_holders integer check (permit_holders is null or (permit_holders >= 0 and permit_holders <= occupancy)),
  upload_id integer references occupancy_upload (id),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  primary key (location_code, day)
);
create index occupancy_day on occupancy (day);

-- Permit holders in reception per linked municipality (COA's koppeling), as of a day.
create table permit_holder_link (
  location_code text not null references reception_location (code),
  day date not null,
  municipality_code text not null references municipality (code),
  persons integer not null check (persons > 0),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  primary key (location_code, day, municipality_code)
);

-- A norm breach raises one alert per streak (its first day); who sees it follows from the location's province.
create table reception_alert (
  id serial primary key,
  kind text not null check (kind in ('norm-overschreden')),
  location_code text not null references reception_location (code),
  day date not null,
  occupancy integer not null,
  maximum integer not null,
  streak_start date not null,
  province_code text not null,
  created_at timestamptz not null default now(),
  unique (kind, location_code, streak_start)
);
create index reception_alert_day on reception_alert (day desc);

create table projection_scenario (
  id serial primary key,
  name text not null unique check (length(trim(name)) > 0),
  description text,
  scenario jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now()
);
