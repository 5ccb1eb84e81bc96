-- Community digital technology teams (Tổ Công nghệ số cộng đồng, DOMAIN.md §8): teams per commune
-- and village/residential group, their members, the help members log, and bulk imports.
-- Every write also appends an audit row (teams.* actions) in the same transaction.

create table team_imports (
  id             uuid primary key,
  -- The unit the importing officer chose (a commune, or the province for a province-wide file).
  unit_code      text not null references units(code),
  actor_id       uuid references users(id),
  file_name      text not null,
  -- The same bytes are refused a second time once committed (activities would be duplicated).
  file_sha256    text not null,
  format         text not null check (format in ('csv', 'xlsx')),
  status         text not null check (status in ('committed', 'rejected')),
  rows_total     integer not null default 0,
  teams_new      integer not null default 0,
  members_new    integer not null default 0,
  activities_new integer not null default 0,
  error_count    integer not null default 0,
  created_at     timestamptz not null
);
create unique index team_imports_committed_file_idx on team_imports(file_sha256)
  where status = 'committed';

create table teams (
  id            uuid primary key,
  commune_code  text not null references units(code),
  -- Village (thôn, buôn, bon) or residential group (tổ dân phố) the team serves.
  village       text not null,
  name          text not null,
  status        text not null default 'active' check (status in ('active', 'inactive')),
  -- Generated demo data ("[DEMO]" names); never presented as real.
  is_demo       boolean not null default false,
  import_id     uuid references team_imports(id),
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  unique (commune_code, name)
);
create index teams_commune_idx on teams(commune_code, village);

create table team_members (
  id          uuid primary key,
  team_id     uuid not null references teams(id),
  full_name   text not null,
  role        text not null check (role in ('bi_thu_chi_bo', 'doan_thanh_nien', 'hoi_phu_nu',
                'hoi_nong_dan', 'cuu_chien_binh', 'cong_an', 'khac')),
  phone       text,
  village     text,
  -- The member's officer account (community_team_member grant), for logging their own work.
  user_id     uuid references users(id),
  status      text not null default 'active' check (status in ('active', 'inactive')),
  is_demo     boolean not null default false,
  import_id   uuid references team_imports(id),
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);
create index team_members_team_idx on team_members(team_id);
create index team_members_user_idx on team_members(user_id) where user_id is not null;

create table team_activities (
  id                uuid primary key,
  member_id         uuid not null references team_members(id),
  -- Copied from the member's team so indicators group without joins through members.
  team_id           uuid not null references teams(id),
  commune_code      text not null references units(code),
  activity_date     date not null,
  kind              text not null check (kind in ('guided_online_service', 'linked_vneid',
                      'assisted_submission', 'training_session', 'other')),
  attendees         integer check (attendees is null or attendees > 0),
  -- The resident is referenced only with their consent, and minimally (never an ID number).
  resident_consent  boolean not null default false,
  resident_ref      text check (resident_ref is null or resident_consent),
  notes             text,
  dossier_id        uuid references dossiers(id),
  source            text not null check (source in ('manual', 'import', 'demo')),
  import_id         uuid references team_imports(id),
  is_demo           boolean not null default false,
  created_by        uuid references users(id),
  created_at        timestamptz not null,
  check ((kind = 'training_session') = (attendees is not null)),
  check (dossier_id is null or kind = 'assisted_submission')
);
create index team_activities_commune_idx on team_activities(commune_code, activity_date);
create index team_activities_member_idx on team_activities(member_id, activity_date desc);
create index team_activities_dossier_idx on team_activities(dossier_id) where dossier_id is not null;
