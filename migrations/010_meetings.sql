-- Tables (bodies), their members, meetings with agenda and attendance, minutes with approval, and their Woo
-- publication (a redacted, immutable public version).

create table body (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z0-9-]{2,20}$'),
  name text not null check (length(trim(name)) > 0),
  kind text not null check (kind in ('LRT', 'HLRT', 'PRT')),
  province_code text references province (code)
);

-- A person as the register knows them: the name variants to redact are derived from these fields.
create table person (
  id serial primary key,
  title text,
  given_name text,
  initials text,
  tussenvoegsel text,
  surname text not null check (length(trim(surname)) > 0),
  organisation text not null check (length(trim(organisation)) > 0),
  function text,
  -- Public office holders (ministers, mayors, aldermen, chairs…) stay readable in published minutes.
  public_office boolean not null,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);

create table body_member (
  body_id integer not null references body (id),
  person_id integer not null references person (id),
  role text not null default 'lid' check (role in ('voorzitter', 'lid', 'secretaris', 'ondersteuning')),
  standing_substitute_id integer references person (id),
  primary key (body_id, person_id)
);

create table meeting (
  id serial primary key,
  body_id integer not null references body (id),
  meets_on date not null,
  place text,
  created_by text not null,
  created_at timestamptz not null default now(),
  version integer not null default 1
);

create table agenda_item (
  id serial primary key,
  meeting_id integer not null references meeting (id),
  number integer not null check (number > 0),
  title text not null check (length(trim(title)) > 0),
  documents jsonb not null default '[]',
  unique (meeting_id, number)
);

create table attendance (
  meeting_id integer not null references meeting (id),
  person_id integer not null references person (id),
  status text not null check (status in ('aanwezig', 'afwezig', 'vervangen', 'gast')),
  substitute_id integer references person (id),
  note text,
  primary key (meeting_id, person_id),
  check (status <> 'vervangen' or substitute_id is not null)
);

-- Minutes per meeting, in versions: a correction of approved minutes is a new version.
create table minutes (
  id serial primary key,
  meeting_id integer not null references meeting (id),
  version integer not null default 1,
  status text not null default 'concept' check (status in ('concept', 'verstuurd', 'vastgesteld')),
  -- Per agenda item: points, decisions and actions (free text; actions also link to the action agenda).
  items jsonb not null,
  sent_at timestamptz,
  approved_on date,
  approved_in_meeting_id integer references meeting (id),
  created_by text not null,
  updated_at timestamptz not null default now(),
  row_version integer not null default 1,
  unique (meeting_id, version)
);

create function minutes_immutable() returns trigger language plpgsql as $$
begin
  if old.status = 'vastgesteld' then
    raise exception 'vastgestelde notulen (vergadering %, versie %) zijn onveranderlijk; maak een nieuwe versie', old.meeting_id, old.version using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger minutes_immutable before update or delete on minutes for each row execute function minutes_immutable();

-- The reviewer's decisions on the proposed redactions, logged per review.
create table woo_review (
  id serial primary key,
  minutes_id integer not null references minutes (id),
  proposals jsonb not null,
  decisions jsonb not null,
  manual jsonb not null default '[]',
  reviewed_by text not null,
  reviewed_at timestamptz not null default now()
);

create table woo_publication (
  id serial primary key,
  minutes_id integer not null references minutes (id),
  review_id integer not null references woo_review (id),
  published_on date not null,
  published_at timestamptz not null default now(),
  title text not null,
  metadata jsonb not null,
  html text not null,
  text_content text not null,
  pdf bytea not null,
  sha256 text not null,
  published_by text not null
);

create function woo_publication_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'een Woo-publicatie (%) is onveranderlijk', old.id using errcode = '42501';
end;
$$;
create trigger woo_publication_immutable before update or delete on woo_publication for each row execute function woo_publication_immutable();

-- Actions agreed in a meeting appear in the action agenda, linked back to the meeting.
alter table action add column meeting_id integer references meeting (id);
-- LRT agenda proposals from the escalation ladder become agenda items of a meeting.
alter table lrt_agenda_proposal add constraint lrt_agenda_proposal_meeting foreign key (meeting_id) references meeting (id);
