-- The action agenda (programmes → measures → actions), the escalation ladder and its firings, the in-app inbox and
-- the e-mail outbox, monthly provincial reports, and the bookkeeping of scheduled work.

create table programme (
  id serial primary key,
  code text not null unique check (code ~ '^[A-Z0-9-]{2,20}$'),
  name text not null check (length(trim(name)) > 0),
  owner text not null,
  created_at timestamptz not null default now()
);

create table measure (
  id serial primary key,
  programme_id integer not null references programme (id),
  number integer not null check (number > 0),
  title text not null check (length(trim(title)) > 0),
  unique (programme_id, number)
);

create table action (
  id serial primary key,
  measure_id integer not null references measure (id),
  description text not null check (length(trim(description)) > 0),
  holder_organisation text not null check (length(trim(holder_organisation)) > 0),
  holder_person text,
  -- When the holder has an account, the reminders reach them in the inbox (and by e-mail).
  holder_user_id integer references app_user (id),
  province_code text references province (code),
  deadline date not null,
  status text not null default 'open' check (status in ('open', 'loopt', 'gereed', 'vertraagd', 'vervallen')),
  -- Where the action comes from: a decision or a meeting (free reference until meetings exist).
  origin text,
  created_by text not null,
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index action_deadline on action (deadline) where status not in ('gereed', 'vervallen');

create table action_update (
  id serial primary key,
  action_id integer not null references action (id),
  on_date date not null,
  text text not null check (length(trim(text)) > 0),
  status_before text,
  status_after text,
  deadline_before date,
  deadline_after date,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create index action_update_action on action_update (action_id, id);

-- The escalation ladder as data, edited by the secretariat.
create table escalation_level (
  level integer primary key check (level > 0),
  name text not null check (length(trim(name)) > 0),
  after_days integer not null check (after_days >= 0),
  grace_days integer not null default 0 check (grace_days >= 0),
  kind text not null check (kind in ('herinnering-houder', 'prt-voorzitter', 'lrt-agenda', 'staatssecretaris', 'melding')),
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- A step fires once per subject, deadline and level: the unique key is what makes it exactly once, whatever
-- the number of server instances or restarts. An extended deadline is a new anchor, so the ladder starts again.
create table escalation_fire (
  id serial primary key,
  subject_type text not null check (subject_type in ('actie', 'rapportage')),
  subject_id text not null,
  deadline date not null,
  level integer not null,
  kind text not null,
  due_on date not null,
  fired_at timestamptz not null default now(),
  fired_by text not null,
  unique (subject_type, subject_id, deadline, level)
);

create table notification (
  id serial primary key,
  -- Either one user, or everyone holding a role (within a scope).
  recipient_user_id integer references app_user (id),
  recipient_role text check (recipient_role in ('secretariaat', 'lid', 'provincie', 'gemeente', 'coa')),
  recipient_scope text not null default '',
  subject_type text not null,
  subject_id text not null,
  title text not null,
  body text not null,
  link text,
  fire_id integer references escalation_fire (id),
  created_at timestamptz not null default now(),
  check ((recipient_user_id is null) <> (recipient_role is null))
);
create index notification_created on notification (created_at desc);

create table notification_read (
  notification_id integer not null references notification (id),
  user_id integer not null references app_user (id),
  read_at timestamptz not null default now(),
  primary key (notification_id, user_id)
);

-- Mail goes through this table, so nothing is lost while the mail server is down: retried with backoff.
create table email_outbox (
  id serial primary key,
  notification_id integer references notification (id),
  to_address text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  last_error text
);
create index email_outbox_pending on email_outbox (next_attempt_at) where sent_at is null;

-- "Put on the LRT agenda": kept here until meetings exist (issue 8 turns these into agenda items).
create table lrt_agenda_proposal (
  id serial primary key,
  subject_type text not null,
  subject_id text not null,
  title text not null,
  reason text not null,
  fire_id integer references escalation_fire (id),
  meeting_id integer,
  created_at timestamptz not null default now()
);

create table provincial_report (
  id serial primary key,
  province_code text not null references province (code),
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text not null default 'concept' check (status in ('concept', 'ingediend')),
  content jsonb not null,
  deadline date not null,
  submitted_at timestamptz,
  submitted_on date,
  submitted_by text,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (province_code, month)
);

-- Settings the secretariat changes without a release (e.g. the working day reports are due).
create table app_setting (
  key text primary key,
  value jsonb not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- What each scheduled job last did, for /health and the operators.
create table job_run (
  name text primary key,
  instance text not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  result jsonb,
  error text
);

-- A submitted report is locked: the service refuses changes, and so does the database.
create function provincial_report_locked() returns trigger language plpgsql as $$
begin
  if old.status = 'ingediend' then
    raise exception 'een ingediende rapportage (% %) kan niet meer worden gewijzigd', old.province_code, old.month using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger provincial_report_locked before update or delete on provincial_report
  for each row execute function provincial_report_locked();
