-- Feed to the National Public Service Portal (DVCQG): one record per dossier event, written in the
-- event's own transaction (so a rolled-back change sends nothing) and delivered afterwards by
-- NationalSyncWorker. Format and rules: docs/NATIONAL-SYNC.md.

create table national_sync_outbox (
  id                bigserial primary key,
  dossier_id        uuid not null references dossiers(id),
  -- One record per event: a retried business transaction cannot queue a second one.
  dossier_event_id  bigint not null unique references dossier_events(id),
  -- Copied from the event for the administration view (the payload has them in portal vocabulary).
  event_type        text not null,
  status_code       smallint not null check (status_code between 1 and 10),
  -- The JSON body sent to the portal, validated against NationalSyncPayload before it is written.
  -- It holds the applicant's personal identification number: never copied into logs or last_error.
  payload           jsonb not null,
  state             text not null default 'pending' check (state in ('pending','sent','failed')),
  -- Incremented when a worker claims the record, so a send interrupted by a crash still counts.
  attempts          integer not null default 0 check (attempts >= 0),
  next_attempt_at   timestamptz not null,
  -- A worker's claim on a pending record expires here (a sender that crashed mid-send).
  locked_until      timestamptz,
  -- Status and a short excerpt of the portal's answer, or the network error; no personal data.
  last_error        text,
  last_status       integer,
  sent_at           timestamptz,
  created_at        timestamptz not null,
  check ((state = 'sent') = (sent_at is not null))
);
-- The worker's claim query: due pending records.
create index national_sync_outbox_due_idx on national_sync_outbox(state, next_attempt_at);
-- Per-dossier ordering: "is an earlier record of this dossier still pending or failed?"
create index national_sync_outbox_dossier_idx on national_sync_outbox(dossier_id, id);
