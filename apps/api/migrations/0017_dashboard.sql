-- Operations dashboard (issue 7): the service index of Decision 766 (DOMAIN.md §5) from rollups
-- maintained by a dossier-event sink in the event's own transaction, so the province overview
-- sums a few thousand counter rows instead of re-reading millions of events per request.

-- What the index knows about each dossier, as of its last event: the facts are folded from the
-- events and the dossier row (dashboard.facts.ts). The sink subtracts the dossier's previous
-- contribution from the daily counters and adds the new one, so a dossier is counted once even
-- when its timeliness changes (running → finished, a second supplement request…).
create table dashboard_dossier_facts (
  dossier_id      uuid primary key references dossiers(id),
  unit_code       text not null,
  procedure_code  text not null,
  -- Days the drill-down filters on (Vietnam dates): acceptance, timeliness decided, finished.
  accepted_day    date,
  timely_day      date,
  finished_day    date,
  facts           jsonb not null,
  updated_at      timestamptz not null
);
create index dashboard_facts_accepted_idx on dashboard_dossier_facts(unit_code, procedure_code, accepted_day);
create index dashboard_facts_timely_idx on dashboard_dossier_facts(unit_code, procedure_code, timely_day);
create index dashboard_facts_finished_idx on dashboard_dossier_facts(unit_code, procedure_code, finished_day);

-- Per (receiving unit, procedure, Vietnam day) counters; each counter names the day it is keyed on
-- in docs/DASHBOARD.md (acceptance day, timeliness day or finish day).
create table dashboard_daily (
  unit_code        text not null,
  procedure_code   text not null,
  day              date not null,
  received         integer not null default 0,
  online           integer not null default 0,
  online_vneid     integer not null default 0,
  e2e_eligible     integer not null default 0,
  e2e_online       integer not null default 0,
  fee_bearing      integer not null default 0,
  paid_online      integer not null default 0,
  timely_on_time   integer not null default 0,
  timely_late      integer not null default 0,
  timely_due_open  integer not null default 0,
  finished         integer not null default 0,
  e_result         integer not null default 0,
  digitised        integer not null default 0,
  processing_ms    bigint  not null default 0,
  primary key (unit_code, procedure_code, day)
);
create index dashboard_daily_day_idx on dashboard_daily(day, unit_code);
