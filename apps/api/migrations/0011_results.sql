-- Electronic results (issue 4 point 7): the stamped PDF issued for a dossier, its sha256 and a
-- signature over a small canonical statement, so that anyone holding the file can check it.
-- Names (procedure, unit) and the dossier code are kept as issued: units merge and rename, and the
-- public answer must describe the document as it was signed.
create table dossier_results (
  id              uuid primary key,
  dossier_id      uuid not null references dossiers(id),
  dossier_code    text not null,
  procedure_name  text not null,
  unit_code       text not null references units(code),
  unit_name       text not null,
  -- What the officer uploaded, and the issued PDF (the original pages plus the QR stamp).
  source_file_id  uuid not null references files(id),
  file_id         uuid not null references files(id),
  sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- base64url of the signature over the canonical statement (docs/E-RESULTS.md).
  signature       text not null,
  signing_key_id  text not null,
  algorithm       text not null check (algorithm in ('Ed25519', 'Ed448', 'RSA-SHA256', 'ECDSA-SHA256')),
  -- PEM of the unit's X.509 certificate when its key signed; null for the system key.
  certificate     text,
  issued_at       timestamptz not null,
  issued_by       uuid not null references users(id),
  outcome         text not null check (outcome in ('approved', 'refused')),
  revoked_at      timestamptz,
  revoked_reason  text,
  check ((revoked_at is null) = (revoked_reason is null))
);

-- One issued document, one record: the hash is how a presented file is found.
create unique index dossier_results_sha256_idx on dossier_results (sha256);
create index dossier_results_dossier_idx on dossier_results (dossier_id);

-- Append-mostly: a result is never deleted, and the only change is its revocation, once.
create function dossier_results_guard() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'dossier_results rows are never deleted';
  end if;
  if old.revoked_at is not null
     or new.revoked_at is null
     or (to_jsonb(new) - 'revoked_at' - 'revoked_reason')
        is distinct from (to_jsonb(old) - 'revoked_at' - 'revoked_reason') then
    raise exception 'dossier_results: only a first revocation may change a row';
  end if;
  return new;
end $$;
create trigger dossier_results_append_mostly before update or delete on dossier_results
  for each row execute function dossier_results_guard();
create trigger dossier_results_no_truncate before truncate on dossier_results
  for each statement execute function dossier_results_guard();

-- Every public key that ever signed a result, so results stay verifiable after a key rotation and
-- anyone can fetch the keys (GET /api/results/keys) to check a result offline.
create table result_signing_keys (
  key_id          text primary key,
  algorithm       text not null,
  public_key_pem  text not null,
  certificate     text,
  unit_code       text references units(code),
  first_used_at   timestamptz not null
);
