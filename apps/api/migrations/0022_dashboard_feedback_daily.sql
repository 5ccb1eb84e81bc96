-- Feedback indicators (issue 7 §2) as counters, so the province overview and the service index
-- sum a few thousand rows instead of every report of a five-year period. One row per responsible
-- unit, main category ('' = all categories), grain (d = day, m = month, y = year) and period start,
-- keyed on the Vietnam day the report was received. Kept by a trigger on dashboard_feedback_facts
-- (0019) in the same transaction: the previous contribution of the report is taken away and the
-- new one added, so a report moving from open to answered, to another unit or category is counted
-- once. "Open" and "open past due" depend on the moment they are read, so they are not counters:
-- the open reports (few) are read from the facts at request time.
create table dashboard_feedback_counts (
  unit_code         text not null,
  category_code     text not null,
  grain             char(1) not null check (grain in ('d', 'm', 'y')),
  period            date not null,
  received          integer not null default 0,
  rejected          integer not null default 0,
  answered          integer not null default 0,
  answered_on_time  integer not null default 0,
  answered_late     integer not null default 0,
  handling_seconds  bigint  not null default 0,
  rated             integer not null default 0,
  rating_sum        integer not null default 0,
  satisfied         integer not null default 0,
  primary key (unit_code, category_code, grain, period)
);

-- Adds n's contribution and takes o's away (either may be null), all keys in one statement and in
-- key order, so two writers moving reports in opposite directions lock the rows alike.
create function dashboard_feedback_apply(o dashboard_feedback_facts, n dashboard_feedback_facts)
returns void language plpgsql as $$
begin
  insert into dashboard_feedback_counts as c (
    unit_code, category_code, grain, period, received, rejected, answered, answered_on_time,
    answered_late, handling_seconds, rated, rating_sum, satisfied
  )
  select f.unit_code, cat.code, g.grain, g.period,
    sum(f.s * (f.outcome <> 'rejected')::int),
    sum(f.s * (f.outcome = 'rejected')::int),
    sum(f.s * (f.outcome = 'answered')::int),
    sum(f.s * (f.outcome = 'answered' and not f.late)::int),
    sum(f.s * (f.outcome = 'answered' and f.late)::int),
    sum(f.s * case when f.outcome = 'answered'
      then coalesce(round(extract(epoch from f.answered_at - f.received_at))::bigint, 0) else 0 end),
    sum(f.s * (f.outcome <> 'rejected' and f.rating is not null)::int),
    sum(f.s * case when f.outcome <> 'rejected' then coalesce(f.rating, 0) else 0 end),
    sum(f.s * (f.outcome <> 'rejected' and coalesce(f.rating, 0) >= 4)::int)
  from (
    select -1 as s, (o).unit_code, (o).category_code, (o).received_day, (o).received_at,
      (o).outcome, (o).late, (o).answered_at, (o).rating
    where (o).report_id is not null
    union all
    select 1, (n).unit_code, (n).category_code, (n).received_day, (n).received_at,
      (n).outcome, (n).late, (n).answered_at, (n).rating
    where (n).report_id is not null
  ) f
  cross join lateral (
    select coalesce(
      (select coalesce(k.parent_code, k.code) from feedback_categories k where k.code = f.category_code),
      f.category_code) as main
  ) m
  cross join lateral (values (m.main), ('')) cat(code)
  cross join lateral (values
    ('d', f.received_day),
    ('m', date_trunc('month', f.received_day)::date),
    ('y', date_trunc('year', f.received_day)::date)
  ) g(grain, period)
  group by f.unit_code, cat.code, g.grain, g.period
  order by f.unit_code, cat.code, g.grain, g.period
  on conflict (unit_code, category_code, grain, period) do update set
    received = c.received + excluded.received,
    rejected = c.rejected + excluded.rejected,
    answered = c.answered + excluded.answered,
    answered_on_time = c.answered_on_time + excluded.answered_on_time,
    answered_late = c.answered_late + excluded.answered_late,
    handling_seconds = c.handling_seconds + excluded.handling_seconds,
    rated = c.rated + excluded.rated,
    rating_sum = c.rating_sum + excluded.rating_sum,
    satisfied = c.satisfied + excluded.satisfied;
end $$;

create function dashboard_feedback_count() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform dashboard_feedback_apply(null, new);
  elsif tg_op = 'DELETE' then
    perform dashboard_feedback_apply(old, null);
  -- Most report updates (notes, moderation, a pause) change nothing counted.
  elsif (old.unit_code, old.category_code, old.received_day, old.received_at, old.outcome,
         old.late, old.answered_at, old.rating)
     is distinct from (new.unit_code, new.category_code, new.received_day, new.received_at,
         new.outcome, new.late, new.answered_at, new.rating) then
    perform dashboard_feedback_apply(old, new);
  end if;
  return null;
end $$;

create trigger dashboard_feedback_counts_apply
  after insert or update or delete on dashboard_feedback_facts
  for each row execute function dashboard_feedback_count();

-- The reports 0019 already folded.
do $$
declare f dashboard_feedback_facts;
begin
  for f in select * from dashboard_feedback_facts order by report_id loop
    perform dashboard_feedback_apply(null, f);
  end loop;
end $$;
