-- Dossiers, resident side: drafts saved as the resident types, submitted dossiers with their
-- append-only event log, and ratings. The one-stop workflow (acceptance, official code, deadlines)
-- builds on these tables.

create table drafts (
  id                 uuid primary key,
  user_id            uuid not null references users(id),
  procedure_code     text not null references procedures(code),
  procedure_version  integer not null,
  answers            jsonb not null default '{}'::jsonb,
  current_step       text,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  submitted_dossier_id uuid,
  foreign key (procedure_code, procedure_version) references procedure_versions(procedure_code, version)
);
create index drafts_user_idx on drafts(user_id, updated_at desc);

create table dossiers (
  id                   uuid primary key,
  -- Temporary reference given at once; the official code is issued when an officer accepts it.
  reference            text not null unique,
  code                 text unique,
  procedure_code       text not null,
  procedure_version    integer not null,
  applicant_user_id    uuid references users(id),
  submitted_by_user_id uuid references users(id),
  receiving_unit_code  text not null references units(code),
  -- National portal vocabulary: channel 1 in person, 2 online, 3 post; status 1–10.
  channel              smallint not null check (channel in (1, 2, 3)),
  status_code          smallint not null check (status_code between 1 and 10),
  state                text not null,
  answers              jsonb not null,
  applicant_name       text not null,
  applicant_citizen_id text,
  applicant_phone      text,
  applicant_email      text,
  fee_vnd              integer,
  payment_state        text not null check (payment_state in ('not_required', 'unpaid', 'paid')),
  submitted_at         timestamptz not null,
  due_at               timestamptz,
  finished_at          timestamptz,
  -- Optimistic concurrency: every change increments it; a stale write is refused.
  row_version          integer not null default 1,
  created_at           timestamptz not null,
  updated_at           timestamptz not null,
  foreign key (procedure_code, procedure_version) references procedure_versions(procedure_code, version)
);
create index dossiers_applicant_idx on dossiers(applicant_user_id, submitted_at desc);
create index dossiers_unit_idx on dossiers(receiving_unit_code, status_code);

create table dossier_events (
  id          bigserial primary key,
  dossier_id  uuid not null references dossiers(id),
  type        text not null,
  status_code smallint not null,
  at          timestamptz not null,
  actor_id    uuid,
  actor_kind  text not null,
  unit_code   text,
  -- Public events appear on the resident's timeline and the public tracking page.
  public      boolean not null,
  note        text,
  data        jsonb not null default '{}'::jsonb
);
create index dossier_events_dossier_idx on dossier_events(dossier_id, id);

create function dossier_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'dossier_events is append-only';
end $$;
create trigger dossier_events_no_change before update or delete on dossier_events
  for each row execute function dossier_events_append_only();

create table dossier_ratings (
  dossier_id  uuid primary key references dossiers(id),
  user_id     uuid not null references users(id),
  stars       smallint not null check (stars between 1 and 5),
  comment     text,
  created_at  timestamptz not null
);
