-- Long operations (a projection, an import, a PDF) as tasks: started in a request, run in the background by the
-- instance that took them, followed by the browser through their progress, and found again later by their id.
-- An instance that takes a task holds a lease it renews while it works; a task whose lease ran out belongs to an
-- instance that died and is marked failed (its work is one transaction, so nothing of it was half applied).

create table task (
  id serial primary key,
  kind text not null check (kind ~ '^[a-z][a-z0-9.-]{1,60}$'),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  progress double precision not null default 0 check (progress >= 0 and progress <= 1),
  progress_text text,
  input jsonb not null default '{}',
  -- An uploaded file the task reads (an import); cleared once the task has finished.
  input_file bytea,
  input_file_name text,
  result jsonb,
  -- A file the task made (a PDF), served by GET /api/v1/tasks/:id/file.
  result_file bytea,
  result_file_type text,
  result_file_name text,
  -- The problem (application/problem+json) of a failed task.
  error jsonb,
  created_by text not null,
  -- Who started it, as the principal the work acts for (its audit records name them).
  actor jsonb not null,
  created_by_user_id integer references app_user (id),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- The instance that runs it and until when its lease holds (renewed while it works).
  instance text,
  lease_until timestamptz,
  check ((status = 'running') = (instance is not null and lease_until is not null) or status in ('done', 'failed')),
  check ((status in ('done', 'failed')) = (finished_at is not null))
);

create index task_queued on task (id) where status = 'queued';
create index task_running_lease on task (lease_until) where status = 'running';
create index task_creator on task (created_by_user_id, id desc);
