-- The housing-quota ledger: realisations (persons housed), uploads, swaps, excused periods, supervision steps.

create table realisation_upload (
  id serial primary key,
  -- The same file twice is recognised by its content and changes nothing.
  content_sha256 text not null unique,
  file_name text,
  format text not null check (format in ('csv', 'xlsx')),
  period text not null check (period ~ '^[0-9]{4}-(I|II)$'),
  line_count integer not null,
  new_count integer not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);

create table realisation (
  id bigserial primary key,
  -- No foreign key: every code is checked against the municipalities before a file is written, and
  -- municipalities are never deleted; a per-row FK trigger would double the cost of a large upload.
  municipality_code text not null,
  housed_on date not null,
  persons integer not null check (persons > 0),
  household_size integer check (household_size is null or household_size > 0),
  coa_number text,
  -- COA's list and the municipality's own count are kept apart and compared, never merged.
  source text not null check (source in ('coa', 'gemeente')),
  upload_id integer references realisation_upload (id),
  -- Identity of a line across uploads: a line already imported from an earlier file is not imported again.
  line_key text not null unique,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create index realisation_municipality_date on realisation (municipality_code, housed_on);

create table quota_swap (
  id serial primary key,
  period text not null check (period ~ '^[0-9]{4}-(I|II)$'),
  from_code text not null references municipality (code),
  to_code text not null references municipality (code),
  amount integer not null check (amount > 0),
  reason text not null,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  check (from_code <> to_code)
);

create table ledger_excuse (
  id serial primary key,
  municipality_code text not null references municipality (code),
  valid_from date not null,
  valid_to date not null,
  reason text not null check (length(trim(reason)) > 0),
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  check (valid_from <= valid_to)
);

create table supervision_step (
  id serial primary key,
  municipality_code text not null references municipality (code),
  step text not null check (step in ('geen', 'signaleren', 'bestuurlijk overleg', 'schriftelijke aanmaning', 'indeplaatsstelling')),
  decided_on date not null,
  reason text not null check (length(trim(reason)) > 0),
  documents jsonb not null default '[]',
  decided_by text not null,
  recorded_at timestamptz not null default now()
);
create index supervision_step_municipality on supervision_step (municipality_code, decided_on, id);
