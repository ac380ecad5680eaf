-- The balance a municipality carried into the first half-year Regietafel keeps (from the earlier
-- Excel ledgers): + achterstand, − voorsprong.
create table ledger_opening_balance (
  municipality_code text primary key references municipality (code),
  period text not null check (period ~ '^[0-9]{4}-(I|II)$'),
  amount integer not null,
  reason text not null check (length(trim(reason)) > 0),
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
