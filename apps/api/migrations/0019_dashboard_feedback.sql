-- Operations dashboard (issue 7 §2): what the feedback indicators need to know about each report,
-- kept by a row trigger on feedback_reports in the writing transaction, whatever module writes
-- (officer and resident actions, the escalation and auto-close workers, Open311, a bulk load).
--
-- Why a facts row and not the report row itself: two things the report row forgets.
--  * An escalation moves the report to the department (then the People's Committee) and gives it a
--    new, shorter deadline. The indicators keep it at the unit whose deadline was missed, with that
--    deadline, so a commune cannot improve its numbers by letting reports escalate.
--  * A rejected report ("Không xử lý (có lý do)": spam, duplicates, not a real request) and an
--    answered one both end 'closed' after the 7-day window; the facts remember which it was.
-- The indicators group these rows at request time (docs/DASHBOARD.md, "Feedback indicators").
create table dashboard_feedback_facts (
  report_id      uuid primary key references feedback_reports(id),
  -- The responsible unit: the assigned unit (the province's triage desk while unrouted), kept at
  -- the unit whose deadline was missed once the report escalates.
  unit_code      text not null,
  category_code  text not null,
  received_at    timestamptz not null,
  -- Vietnam date of received_at: the period filter.
  received_day   date not null,
  -- The responsible unit's deadline (the escalated one is not theirs).
  due_at         timestamptz,
  -- open | answered (resolved, or closed after it) | rejected (or closed after it).
  outcome        text not null check (outcome in ('open', 'answered', 'rejected')),
  -- Waiting for the reporter (info_requested): the deadline is paused, never overdue meanwhile.
  paused         boolean not null,
  escalated      boolean not null,
  -- The latest answer (resolve) while the outcome is 'answered'.
  answered_at    timestamptz,
  -- On time is lost for good: an answer after its deadline (also one given before a reopening),
  -- or an escalation.
  late           boolean not null,
  rating         smallint
);
create index dashboard_feedback_received_idx
  on dashboard_feedback_facts(unit_code, received_day);
create index dashboard_feedback_open_idx
  on dashboard_feedback_facts(unit_code, due_at) where outcome = 'open';

create function dashboard_feedback_fold() returns trigger language plpgsql as $$
declare
  prev dashboard_feedback_facts%rowtype;
  had boolean;
  v_unit text := coalesce(new.assigned_unit_code, '66');
  v_due timestamptz := new.due_at;
  v_escalated boolean := new.escalation_level > 0;
  v_outcome text;
  v_answered timestamptz;
begin
  select * into prev from dashboard_feedback_facts where report_id = new.id;
  had := found;
  if had and v_escalated then
    -- Before the first escalation the facts hold the routed unit and its deadline: keep them.
    v_unit := prev.unit_code;
    v_due := prev.due_at;
  end if;
  v_outcome := case
    when new.state = 'resolved' then 'answered'
    when new.state = 'rejected' then 'rejected'
    when new.state = 'closed' then
      case when had and prev.outcome <> 'open' then prev.outcome else 'answered' end
    else 'open'
  end;
  v_answered := case when v_outcome = 'answered' then coalesce(new.answered_at, new.resolved_at) end;
  insert into dashboard_feedback_facts as f (
    report_id, unit_code, category_code, received_at, received_day, due_at, outcome, paused,
    escalated, answered_at, late, rating
  ) values (
    new.id, v_unit, new.category_code, new.created_at,
    (new.created_at at time zone 'UTC' + interval '7 hours')::date,
    v_due, v_outcome, new.state = 'info_requested', v_escalated, v_answered,
    coalesce(prev.late, false) or v_escalated
      or (v_outcome = 'answered' and v_answered is not null and v_due is not null
          and v_answered > v_due),
    new.rating
  )
  on conflict (report_id) do update set
    unit_code = excluded.unit_code,
    category_code = excluded.category_code,
    received_at = excluded.received_at,
    received_day = excluded.received_day,
    due_at = excluded.due_at,
    outcome = excluded.outcome,
    paused = excluded.paused,
    escalated = excluded.escalated,
    answered_at = excluded.answered_at,
    late = excluded.late,
    rating = excluded.rating;
  return null;
end $$;

create trigger dashboard_feedback_facts_fold after insert or update on feedback_reports
  for each row execute function dashboard_feedback_fold();

-- Reports filed before this migration, from the row and its events: the unit and deadline before
-- the first escalation (its event keeps both), the kind of the last answer. An answer given late
-- before a reopening is not recovered here (only the current answer is compared).
insert into dashboard_feedback_facts (
  report_id, unit_code, category_code, received_at, received_day, due_at, outcome, paused,
  escalated, answered_at, late, rating
)
select
  r.id,
  coalesce(esc.from_unit, r.assigned_unit_code, '66'),
  r.category_code,
  r.created_at,
  (r.created_at at time zone 'UTC' + interval '7 hours')::date,
  coalesce(esc.previous_due, r.due_at),
  o.outcome,
  r.state = 'info_requested',
  r.escalation_level > 0,
  case when o.outcome = 'answered' then coalesce(r.answered_at, r.resolved_at) end,
  r.escalation_level > 0
    or (o.outcome = 'answered' and coalesce(r.answered_at, r.resolved_at)
        > coalesce(esc.previous_due, r.due_at)),
  r.rating
from feedback_reports r
left join lateral (
  select e.data->>'fromUnitCode' as from_unit, (e.data->>'previousDueAt')::timestamptz as previous_due
  from feedback_events e
  where e.report_id = r.id and e.type = 'escalate'
  order by e.id
  limit 1
) esc on true
left join lateral (
  select e.type as last_answer
  from feedback_events e
  where e.report_id = r.id and e.type in ('resolve', 'reject')
  order by e.id desc
  limit 1
) a on true
cross join lateral (
  select case
    when r.state = 'resolved' then 'answered'
    when r.state = 'rejected' then 'rejected'
    when r.state = 'closed' then case when a.last_answer = 'reject' then 'rejected' else 'answered' end
    else 'open'
  end as outcome
) o;
