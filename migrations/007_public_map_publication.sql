-- The public half-year map shows what a province published, not the live ledger: a publication freezes the
-- figures of that province's municipalities for that half-year. Publishing again adds a version; the earlier
-- ones stay (what was shown to the public on a date remains traceable).
create table public_map_publication (
  id serial primary key,
  period text not null check (period ~ '^[0-9]{4}-(I|II)$'),
  province_code text not null references province (code),
  version integer not null check (version > 0),
  as_of date not null,
  items jsonb not null,
  published_by text not null,
  published_at timestamptz not null default now(),
  unique (period, province_code, version)
);
