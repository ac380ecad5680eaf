-- Distribution decisions: a total divided over areas with a key and a method. Drafts can change;
-- a published decision never changes (enforced below); a correction supersedes it.

create table distribution_decision (
  id serial primary key,
  -- Assigned on publication, e.g. 'V-2022-001'; unique over all decisions.
  number text unique,
  title text not null check (length(trim(title)) > 0),
  kind text not null check (kind in ('verdeling', 'taakstelling')),
  -- province: the 12 provinces; municipality: the municipalities of parent_code (or all for a taakstelling).
  level text not null check (level in ('province', 'municipality')),
  parent_code text check (parent_code is null or parent_code ~ '^PV[0-9]{2}$'),
  period text check (period is null or period ~ '^[0-9]{4}-(I|II)$'),
  total integer not null check (total >= 0),
  method text not null,
  key jsonb not null,
  reference_date date not null,
  boundary_date date not null,
  -- Everything the result was computed from (areas, indicator values, population with status, existing places).
  inputs jsonb not null,
  result jsonb not null,
  -- The weakest status of the population figures used: an unofficial input marks the whole decision.
  population_status text not null check (population_status in ('officieel', 'voorlopig', 'onofficieel')),
  status text not null default 'concept' check (status in ('concept', 'gepubliceerd', 'vervangen')),
  supersedes_id integer references distribution_decision (id),
  superseded_by_id integer references distribution_decision (id),
  created_by text not null,
  created_at timestamptz not null default now(),
  published_by text,
  published_at timestamptz,
  version integer not null default 1,
  check ((status = 'concept') = (number is null)),
  check (kind <> 'taakstelling' or period is not null)
);
create index distribution_decision_status on distribution_decision (status, kind);

-- Published decisions are immutable: the only change allowed is being marked as superseded.
create function distribution_decision_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'concept' then
      raise exception 'een gepubliceerd besluit (%) kan niet worden verwijderd', old.number using errcode = '42501';
    end if;
    return old;
  end if;
  if old.status <> 'concept' then
    if old.status = 'gepubliceerd' and new.status = 'vervangen' and new.superseded_by_id is not null
       and (to_jsonb(new) - 'status' - 'superseded_by_id' - 'version') = (to_jsonb(old) - 'status' - 'superseded_by_id' - 'version') then
      return new;
    end if;
    raise exception 'een gepubliceerd besluit (%) is onveranderlijk; maak een correctiebesluit', old.number using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger distribution_decision_immutable before update or delete on distribution_decision
  for each row execute function distribution_decision_immutable();
