-- Community feedback (phản ánh, kiến nghị; DOMAIN.md §6): categories, routing rules as data, the
-- reports with their append-only event log, followers, and Open311 clients.

create table feedback_categories (
  -- Stable codes: 'moi-truong', sub-categories 'moi-truong.rac-thai'.
  code             text primary key check (code ~ '^[a-z0-9-]+(\.[a-z0-9-]+)?$'),
  parent_code      text references feedback_categories(code),
  name_vi          text not null,
  name_en          text not null,
  description_vi   text,
  -- Working days to answer (the national index: answer within 15 working days).
  answer_days      integer not null default 15 check (answer_days between 1 and 60),
  active           boolean not null default true,
  sort_order       integer not null default 0,
  -- The provincial department a report escalates to when the first unit lets it go overdue
  -- (null: the province's default, the Office of the People's Committee).
  department_code  text references units(code),
  created_at       timestamptz not null
);

-- Ordered first-match rules: category (null = any; a main category also matches its
-- sub-categories) and place (commune, or a GeoJSON polygon) → the responsible unit.
create table feedback_routing_rules (
  id                 uuid primary key,
  position           integer not null,
  category_code      text references feedback_categories(code),
  commune_code       text references units(code),
  area               jsonb,
  -- 'unit': target_unit_code; 'commune': the commune of the report (from the point or chosen).
  target_kind        text not null default 'unit' check (target_kind in ('unit', 'commune')),
  target_unit_code   text references units(code),
  note               text,
  active             boolean not null default true,
  created_by         uuid references users(id),
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  check ((target_kind = 'unit') = (target_unit_code is not null))
);
create index feedback_routing_rules_position_idx on feedback_routing_rules(position) where active;

create table feedback_reports (
  id                     uuid primary key,
  -- Given at once: PA-yymmdd-XXXXXX.
  reference              text not null unique,
  category_code          text not null references feedback_categories(code),
  -- What the classifier thought: a suggestion when the resident left the category empty, or a
  -- flag when the chosen one looks wrong; low confidence sends the report to triage.
  suggested_category     text references feedback_categories(code),
  classifier_confidence  real,
  category_flagged       boolean not null default false,
  description            text not null check (char_length(description) between 1 and 4000),
  lat                    double precision check (lat between -90 and 90),
  lng                    double precision check (lng between -180 and 180),
  commune_code           text references units(code),
  address                text check (char_length(address) <= 300),
  reporter_user_id       uuid references users(id),
  reporter_name          text,
  reporter_phone         text,
  reporter_email         text,
  -- Hides the name from the public, never from the audit log.
  anonymous              boolean not null default false,
  state                  text not null,
  assigned_unit_code     text references units(code),
  assigned_officer_id    uuid references users(id),
  -- 0 the routed unit, 1 the department, 2 the Provincial People's Committee.
  escalation_level       smallint not null default 0,
  due_at                 timestamptz,
  paused_at              timestamptz,
  pauses                 jsonb not null default '[]'::jsonb,
  -- Frozen when the report closes: statistics never change afterwards.
  overdue_at_close       boolean,
  -- visible | pending (held by the moderation check until an officer approves) | hidden
  moderation_state       text not null check (moderation_state in ('visible', 'pending', 'hidden')),
  moderation_reasons     jsonb not null default '[]'::jsonb,
  public_answer          text,
  answered_at            timestamptz,
  rating                 smallint check (rating between 1 and 5),
  rating_comment         text,
  resolved_at            timestamptz,
  closed_at              timestamptz,
  reopen_count           integer not null default 0,
  source                 text not null check (source in ('web', 'open311', 'officer')),
  open311_client_id      uuid,
  -- Open311 `token` returned before the request id is known (tokens/{token}).
  open311_token          text unique,
  row_version            integer not null default 1,
  created_at             timestamptz not null,
  updated_at             timestamptz not null,
  check ((lat is null) = (lng is null)),
  check (lat is not null or commune_code is not null)
);
create index feedback_reports_unit_idx on feedback_reports(assigned_unit_code, state, due_at);
create index feedback_reports_place_idx on feedback_reports(category_code, created_at desc);
create index feedback_reports_commune_idx on feedback_reports(commune_code, created_at desc);
create index feedback_reports_updated_idx on feedback_reports(updated_at);

create table feedback_events (
  id          bigserial primary key,
  report_id   uuid not null references feedback_reports(id),
  type        text not null,
  state       text not null,
  at          timestamptz not null,
  actor_id    uuid,
  actor_kind  text not null,
  unit_code   text,
  -- Public events (and their notes) are shown on the public page; internal notes never are.
  public      boolean not null,
  note        text,
  data        jsonb not null default '{}'::jsonb
);
create index feedback_events_report_idx on feedback_events(report_id, id);
create trigger feedback_events_no_change before update or delete on feedback_events
  for each row execute function dossier_events_append_only();

-- Residents who follow a similar report instead of filing a duplicate.
create table feedback_followers (
  report_id   uuid not null references feedback_reports(id),
  user_id     uuid not null references users(id),
  created_at  timestamptz not null,
  primary key (report_id, user_id)
);

create table open311_clients (
  id            uuid primary key,
  name          text not null,
  -- sha256 of the API key: a database leak does not hand out keys.
  api_key_hash  text not null unique,
  active        boolean not null default true,
  is_demo       boolean not null default false,
  created_at    timestamptz not null
);
