-- Assisted submission (issue 8 §3, DOMAIN.md §7–8): a community digital team member prepares an
-- online dossier on behalf of a resident, the resident consents (a one-time code sent to their
-- phone, or signing in through the identity provider on the member's device), and the dossier goes
-- through the normal submission path. Residents exist only as identity-provider accounts, so the
-- pending draft is keyed to the resident's phone / ID number and linked to their account when they
-- sign in (for the consent, or later with the same ID number or verified phone).

create table assisted_submissions (
  id                   uuid primary key,
  -- Who assists: the member (and copies of their team and commune for scope checks and lists).
  member_id            uuid not null references team_members(id),
  team_id              uuid not null references teams(id),
  commune_code         text not null references units(code),
  -- The member's officer account: the only account that reads this record.
  created_by           uuid not null references users(id),
  procedure_code       text not null,
  procedure_version    integer not null,
  answers              jsonb not null default '{}'::jsonb,
  current_step         text,
  -- The resident as the member typed them; the ID number is stored the way dossiers store it
  -- (applicant_citizen_id) and masked in every list.
  resident_name        text not null,
  -- Normalised +84xxxxxxxxx, the number the one-time code goes to.
  resident_phone       text not null,
  resident_citizen_id  text check (resident_citizen_id is null or resident_citizen_id ~ '^\d{12}$'),
  -- The resident's account, once known (sign-in consent, or a later sign-in that matches).
  resident_user_id     uuid references users(id),
  state                text not null check (state in ('draft', 'submitted', 'cancelled')),
  dossier_id           uuid unique references dossiers(id),
  created_at           timestamptz not null,
  updated_at           timestamptz not null,
  submitted_at         timestamptz,
  foreign key (procedure_code, procedure_version) references procedure_versions(procedure_code, version),
  check ((state = 'submitted') = (dossier_id is not null))
);
create index assisted_submissions_member_idx on assisted_submissions(created_by, updated_at desc);
create index assisted_submissions_unlinked_phone_idx on assisted_submissions(resident_phone)
  where resident_user_id is null;
create index assisted_submissions_unlinked_cid_idx on assisted_submissions(resident_citizen_id)
  where resident_user_id is null and resident_citizen_id is not null;

-- The resident's consent: who, which member, when, for which (future) dossier, the purpose text
-- shown to them, and how they gave it. Append-only, like an event log: a new consent is a new row.
create table assisted_consents (
  id                   uuid primary key,
  assisted_id          uuid not null references assisted_submissions(id),
  member_id            uuid not null references team_members(id),
  resident_name        text not null,
  resident_phone       text not null,
  resident_citizen_id  text,
  resident_user_id     uuid references users(id),
  method               text not null check (method in ('otp', 'sign_in')),
  purpose              text not null,
  -- sha256 over the answers and the uploaded files' hashes: the consent covers exactly this content.
  content_sha256       text not null,
  -- Sign-in consent: the provider's assurance level (acr) of that authentication.
  acr                  text,
  given_at             timestamptz not null,
  expires_at           timestamptz not null,
  check (method = 'otp' or resident_user_id is not null)
);
create index assisted_consents_assisted_idx on assisted_consents(assisted_id, given_at desc);

create function assisted_consents_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'assisted_consents is append-only';
end $$;
create trigger assisted_consents_no_change before update or delete on assisted_consents
  for each row execute function assisted_consents_append_only();

-- One-time codes: only a salted sha256 is kept; 10-minute life, at most 5 attempts each.
create table assisted_consent_codes (
  id            uuid primary key,
  assisted_id   uuid not null references assisted_submissions(id),
  phone         text not null,
  code_salt     text not null,
  code_sha256   text not null,
  attempts      integer not null default 0,
  created_at    timestamptz not null,
  expires_at    timestamptz not null,
  -- Set when the code was used, or replaced by a newer one.
  closed_at     timestamptz
);
create index assisted_consent_codes_assisted_idx on assisted_consent_codes(assisted_id, created_at desc);

-- What happened to an assisted record, in order (the row above is the current state).
create table assisted_events (
  id           bigserial primary key,
  assisted_id  uuid not null references assisted_submissions(id),
  type         text not null,
  at           timestamptz not null,
  actor_id     uuid,
  data         jsonb not null default '{}'::jsonb
);
create index assisted_events_assisted_idx on assisted_events(assisted_id, id);

create function assisted_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'assisted_events is append-only';
end $$;
create trigger assisted_events_no_change before update or delete on assisted_events
  for each row execute function assisted_events_append_only();

-- A sign-in started for something other than a portal session (the assisted consent): the callback
-- hands it to that purpose and never creates or replaces a session. `bound_session` is the hash of
-- the member's session that started it; the callback must come back in the same session.
alter table oidc_logins add column purpose text not null default 'sign_in';
alter table oidc_logins add column purpose_ref text;
alter table oidc_logins add column bound_session text;

-- Activities logged automatically when an assisted dossier is submitted.
alter table team_activities drop constraint team_activities_source_check;
alter table team_activities add constraint team_activities_source_check
  check (source in ('manual', 'import', 'demo', 'assisted'));
