-- Foundation: administrative units, identity (residents, officers, grants, sessions), audit log.

create table units (
  code           text primary key,
  kind           text not null check (kind in ('province','commune','department','service_centre','external')),
  name           text not null,
  full_name      text not null,
  type           text not null,
  parent_code    text references units(code),
  name_en        text,
  alt_spellings  jsonb not null default '[]',
  area_km2       double precision,
  population     integer,
  label_lon      double precision,
  label_lat      double precision,
  admin_centre   text,
  legal_basis    text,
  former_units   jsonb not null default '[]',
  boundary       jsonb,
  -- Identifier used in dossier codes ({identifier}-{yymmdd}-{NNNN}); set by an administrator.
  identifier     text unique,
  source         text,
  -- Folded (no diacritics, lower case) names and spellings for diacritic-insensitive search.
  search_text    text not null,
  active         boolean not null default true
);
create index units_parent_idx on units(parent_code);
create index units_kind_idx on units(kind);

-- National reference list (34 provinces / 3,321 communes) for scale work; not operational units.
create table national_communes (
  code          text primary key,
  name          text not null,
  full_name     text not null,
  type          text not null,
  province_code text not null,
  province_name text not null,
  label_lon     double precision,
  label_lat     double precision,
  area_km2      double precision
);
create index national_communes_province_idx on national_communes(province_code);

create table national_provinces (
  code        text primary key,
  name        text not null,
  full_name   text not null,
  type        text not null,
  label_lon   double precision,
  label_lat   double precision,
  area_km2    double precision,
  commune_count integer
);

create table users (
  id               uuid primary key,
  kind             text not null check (kind in ('resident','officer')),
  full_name        text not null,
  -- Residents: keyed on (issuer, subject), never merged by phone or e-mail.
  oidc_issuer      text,
  oidc_subject     text,
  citizen_id       text,
  birth_date       date,
  gender           text,
  phone            text,
  email            text,
  address          text,
  commune_code     text references units(code),
  -- Officers: argon2id password + TOTP.
  username         text unique,
  password_hash    text,
  totp_secret      text,
  totp_last_step   bigint,
  failed_logins    integer not null default 0,
  locked_until     timestamptz,
  is_demo          boolean not null default false,
  disabled         boolean not null default false,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  unique (oidc_issuer, oidc_subject),
  check ((kind = 'resident') = (oidc_subject is not null)),
  check ((kind = 'officer') = (username is not null))
);

create table grants (
  user_id    uuid not null references users(id) on delete cascade,
  role       text not null,
  unit_code  text not null references units(code),
  granted_at timestamptz not null,
  primary key (user_id, role, unit_code)
);
create index grants_unit_idx on grants(unit_code);

create table sessions (
  -- sha256 of the cookie value: a database leak does not hand out live sessions.
  id_hash          text primary key,
  user_id          uuid not null references users(id) on delete cascade,
  csrf_token       text not null,
  acr              text,
  assurance_level  integer,
  active_unit_code text references units(code),
  created_at       timestamptz not null,
  last_seen_at     timestamptz not null,
  expires_at       timestamptz not null
);
create index sessions_user_idx on sessions(user_id);

-- Pending OIDC logins: state, nonce and PKCE verifier, bound to a browser cookie.
create table oidc_logins (
  id_hash       text primary key,
  state         text not null,
  nonce         text not null,
  code_verifier text not null,
  return_to     text not null,
  created_at    timestamptz not null,
  expires_at    timestamptz not null
);

create table bootstrap_tokens (
  purpose    text primary key,
  used_at    timestamptz not null
);

create table audit_log (
  id          bigserial primary key,
  at          timestamptz not null,
  actor_id    uuid,
  actor_kind  text not null,
  actor_role  text,
  unit_code   text,
  action      text not null,
  object_type text,
  object_id   text,
  outcome     text not null check (outcome in ('success','failure','denied')),
  request_id  text,
  details     jsonb not null default '{}',
  prev_hash   text not null,
  hash        text not null unique
);
create index audit_log_unit_idx on audit_log(unit_code, id);
create index audit_log_object_idx on audit_log(object_type, object_id);

-- The head of the chain: detects deletion of the newest rows, which a chain alone cannot.
create table audit_head (
  singleton boolean primary key default true check (singleton),
  last_id   bigint not null,
  last_hash text not null
);

-- Append-only: the application never updates or deletes audit rows.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
-- Row triggers do not fire on TRUNCATE; this one does.
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
