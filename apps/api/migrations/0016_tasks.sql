-- Directive tasks ("giao nhiệm vụ", issue 7 item 3): a leader of a unit assigns a task to one or
-- many units at or below it; each assignee unit has its own assignment (deadline, progress,
-- extension requests); every change appends a task_events row, with the audit row and the outbox
-- rows, in one transaction. Statuses (in progress / overdue / done on time / done late) are
-- derived from the deadline, the working-day calendar and the clock, not stored.

create sequence task_reference_seq;

create table tasks (
  id             uuid primary key,
  -- NV-yyyy-NNNNNN, for people and messages.
  reference      text not null unique,
  from_unit_code text not null references units(code),
  created_by     uuid references users(id),
  title          text not null,
  description    text not null,
  priority       text not null check (priority in ('normal', 'high', 'urgent')),
  -- The deadline first given to every assignee (a working day); extensions move an assignment's own.
  deadline       date not null,
  state          text not null default 'active' check (state in ('active', 'cancelled')),
  cancelled_at   timestamptz,
  cancel_reason  text,
  -- Generated demo data (demo mode only); never presented as real.
  is_demo        boolean not null default false,
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  check ((state = 'cancelled') = (cancelled_at is not null))
);
create index tasks_from_unit_idx on tasks(from_unit_code, created_at desc);

create table task_assignments (
  id                     uuid primary key,
  task_id                uuid not null references tasks(id),
  unit_code              text not null references units(code),
  deadline               date not null,
  percent                integer not null default 0 check (percent between 0 and 100),
  state                  text not null default 'open' check (state in ('open', 'done', 'cancelled')),
  completed_at           timestamptz,
  -- Fixed when marked done: finished after the end of office hours on the deadline.
  completed_late         boolean,
  last_report_at         timestamptz,
  -- Worker claims: the deadline a due-soon reminder / an escalation was made for. A granted
  -- extension moves the deadline, so the next reminder and escalation happen again, once each.
  reminded_deadline      date,
  escalated_deadline     date,
  escalated_to_unit_code text references units(code),
  escalated_at           timestamptz,
  created_at             timestamptz not null,
  updated_at             timestamptz not null,
  unique (task_id, unit_code),
  check ((state = 'done') = (completed_at is not null and completed_late is not null))
);
create index task_assignments_unit_idx on task_assignments(unit_code, state, deadline);
create index task_assignments_open_deadline_idx on task_assignments(deadline) where state = 'open';

create table task_extensions (
  id                uuid primary key,
  assignment_id     uuid not null references task_assignments(id),
  requested_deadline date not null,
  previous_deadline date not null,
  reason            text not null,
  requested_by      uuid references users(id),
  requested_at      timestamptz not null,
  -- withdrawn: the assignment was finished or the task cancelled before a decision.
  decision          text not null default 'pending'
                    check (decision in ('pending', 'granted', 'refused', 'withdrawn')),
  decided_by        uuid references users(id),
  decided_at        timestamptz,
  note              text,
  check ((decision = 'pending') = (decided_at is null))
);
-- One pending request per assignment.
create unique index task_extensions_pending_idx on task_extensions(assignment_id)
  where decision = 'pending';

create table task_events (
  id            bigserial primary key,
  task_id       uuid not null references tasks(id),
  -- null for task-level events (created, cancelled).
  assignment_id uuid references task_assignments(id),
  kind          text not null,
  at            timestamptz not null,
  actor_id      uuid,
  actor_kind    text not null,
  unit_code     text,
  percent       integer,
  note          text,
  deadline      date,
  -- e.g. { "fileIds": [...] } of a report, { "toUnitCode": ... } of an escalation.
  data          jsonb not null default '{}'::jsonb
);
create index task_events_task_idx on task_events(task_id, id);
create trigger task_events_no_change before update or delete on task_events
  for each row execute function dossier_events_append_only();
