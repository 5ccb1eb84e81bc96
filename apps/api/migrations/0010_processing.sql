-- One-stop processing after acceptance (Decree 118/2025; DOMAIN.md §3–§4). The dossier row keeps the
-- current projection that queues and forms read; dossier_events stays the record of what happened.

alter table dossiers
  -- Where the dossier is now: the receiving unit until a transfer hands it to another unit.
  add column handling_unit_code  text references units(code),
  add column assigned_officer_id uuid references users(id),
  -- Step inside status 4 (appraisal, verification, consultation, lien_thong) and its own due date.
  add column step                text,
  add column step_due_at         timestamptz,
  add column previous_state      text,
  add column previous_step       text,
  add column accepted_at         timestamptz,
  -- The legal time limit of the version's channel, kept so pauses can recompute the due date.
  add column time_limit_amount   integer,
  add column time_limit_unit     text check (time_limit_unit in ('working_days', 'working_hours', 'calendar_days')),
  -- Supplement pauses (form 02): the clock stops from the request until the resident resubmits.
  add column supplement_requests integer not null default 0,
  add column paused_at           timestamptz,
  add column pauses              jsonb not null default '[]'::jsonb,
  -- A second supplement request makes the dossier count as late (DOMAIN.md §4).
  add column counted_late        boolean not null default false,
  -- Apology (form 04): due_at stays the baseline; the promised new date is kept beside it.
  add column apology_due_at      timestamptz,
  add column outcome             text check (outcome in ('approved', 'refused')),
  add column result_id           uuid,
  add column returned_at         timestamptz,
  add column return_channel      text check (return_channel in ('in_person', 'online', 'post'));

update dossiers set handling_unit_code = receiving_unit_code;
alter table dossiers alter column handling_unit_code set not null;

create index dossiers_handling_idx on dossiers(handling_unit_code, status_code, due_at);
create index dossiers_assignee_idx on dossiers(assigned_officer_id, status_code) where assigned_officer_id is not null;
create index dossiers_citizen_idx on dossiers(applicant_citizen_id) where applicant_citizen_id is not null;
