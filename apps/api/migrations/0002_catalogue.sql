-- The procedure catalogue: one row per national procedure code, and its versions. A version holds
-- the catalogue record verbatim plus the province's local settings; a dossier stores
-- (procedure_code, version) as in force when it was received, so versions are never changed.

create table procedures (
  code             text primary key check (code ~ '^[0-9]\.[0-9]{6}$'),
  name             text not null,
  field            text not null,
  levels           text[] not null,
  central_branch   boolean not null,
  -- The newest published version (it may not be in force yet: see effective_from).
  current_version  integer not null check (current_version >= 1),
  -- Folded name (foldVietnamese) for SQL-side filters by other modules; search uses the
  -- in-memory index.
  search_name      text not null,
  -- sha256 of the source record: a changed catalogue file becomes a new version at seed time.
  source_hash      text not null
);
create index procedures_field_idx on procedures(field);

create table procedure_versions (
  procedure_code         text not null references procedures(code),
  version                integer not null check (version >= 1),
  record                 jsonb not null,
  offered_online         boolean not null,
  online_level           text check (online_level in ('toan_trinh','mot_phan')),
  receiving_level        text not null check (receiving_level in ('commune','province')),
  responsible_unit_code  text references units(code),
  -- {"truc_tiep": {"feeVnd": 20000, "note": null}, ...}; channels absent = catalogue fee.
  fee_overrides          jsonb not null default '{}'::jsonb,
  local_notes            text,
  published_at           timestamptz not null,
  published_by           uuid references users(id),
  effective_from         timestamptz not null,
  primary key (procedure_code, version),
  check (offered_online or online_level is null)
);

create function procedure_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'procedure_versions rows are immutable: publish a new version instead';
end $$;

create trigger procedure_versions_no_change before update or delete on procedure_versions
  for each row execute function procedure_versions_immutable();
