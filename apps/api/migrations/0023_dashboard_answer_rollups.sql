-- Dashboard rollups at the grain the service index answers with (issue 7, Performance). The
-- per-(unit, procedure) rollups of 0017/0021 hold tens of thousands of pairs at province scale, and
-- summing them per request took seconds. The index needs only:
--  * per unit: its counters                       → dashboard_unit_totals;
--  * per procedure across a unit and those below   → dashboard_scope_procedures (rows for every
--    ancestor of the receiving unit: the province holds every commune's and department's dossiers);
--  * per unit: how many of its procedures had a fee-bearing dossier, and one paid online, in the
--    period (not additive over time)                → dashboard_pair_months: the months in which
--    each (unit, procedure) had one, and the daily rollup for the days at the edges of a period.
-- All are kept by the dossier-event sink in the event's transaction (DashboardRepository.applyDelta),
-- like the daily rollup, at grains d (day), m (month: its first day) and y (year: 1 January), read
-- with the same cover of a period as 0021 (dashboard.scope.ts, periodCover). If a unit ever moves
-- under another parent, dashboard_scope_procedures must be rebuilt (the backfill below).

create table dashboard_unit_totals (
  unit_code        text not null,
  grain            char(1) not null check (grain in ('d', 'm', 'y')),
  period           date not null,
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
  primary key (unit_code, grain, period)
);
-- The province reads every unit's rows of a few periods.
create index dashboard_unit_totals_period_idx on dashboard_unit_totals(grain, period);

create table dashboard_scope_procedures (
  -- A unit above the receiving unit (not the receiving unit itself: its own dossiers are read
  -- from the per-(unit, procedure) rollups).
  scope_code       text not null,
  procedure_code   text not null,
  grain            char(1) not null check (grain in ('d', 'm', 'y')),
  period           date not null,
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
  primary key (scope_code, grain, period, procedure_code)
);

create table dashboard_pair_months (
  unit_code           text not null,
  procedure_code      text not null,
  -- Months (year × 12 + month − 1) with fee_bearing > 0, and with paid_online > 0, in
  -- dashboard_monthly; kept sorted.
  fee_months          integer[] not null default '{}',
  paid_online_months  integer[] not null default '{}',
  primary key (unit_code, procedure_code)
);
-- Fee-bearing and paid-online (unit, procedure) pairs of the days at the edges of a period.
create index dashboard_daily_fee_idx on dashboard_daily(day, unit_code, procedure_code)
  where fee_bearing > 0;
create index dashboard_daily_paid_online_idx on dashboard_daily(day, unit_code, procedure_code)
  where paid_online > 0;

-- What the per-(unit, procedure) rollups already hold.
insert into dashboard_unit_totals (unit_code, grain, period, received, online, online_vneid, e2e_eligible, e2e_online, fee_bearing, paid_online, timely_on_time, timely_late, timely_due_open, finished, e_result, digitised, processing_ms)
select unit_code, 'd', day, sum(received), sum(online), sum(online_vneid), sum(e2e_eligible), sum(e2e_online), sum(fee_bearing), sum(paid_online), sum(timely_on_time), sum(timely_late), sum(timely_due_open), sum(finished), sum(e_result), sum(digitised), sum(processing_ms) from dashboard_daily group by unit_code, day
union all
select unit_code, 'm', month, sum(received), sum(online), sum(online_vneid), sum(e2e_eligible), sum(e2e_online), sum(fee_bearing), sum(paid_online), sum(timely_on_time), sum(timely_late), sum(timely_due_open), sum(finished), sum(e_result), sum(digitised), sum(processing_ms) from dashboard_monthly group by unit_code, month
union all
select unit_code, 'y', year, sum(received), sum(online), sum(online_vneid), sum(e2e_eligible), sum(e2e_online), sum(fee_bearing), sum(paid_online), sum(timely_on_time), sum(timely_late), sum(timely_due_open), sum(finished), sum(e_result), sum(digitised), sum(processing_ms) from dashboard_yearly group by unit_code, year;

insert into dashboard_scope_procedures (scope_code, procedure_code, grain, period, received, online, online_vneid, e2e_eligible, e2e_online, fee_bearing, paid_online, timely_on_time, timely_late, timely_due_open, finished, e_result, digitised, processing_ms)
with recursive above(unit_code, scope_code) as (
  select code, parent_code from units where parent_code is not null
  union all
  select a.unit_code, u.parent_code from above a join units u on u.code = a.scope_code
  where u.parent_code is not null
)
select a.scope_code, r.procedure_code, r.grain, r.period, sum(r.received), sum(r.online), sum(r.online_vneid), sum(r.e2e_eligible), sum(r.e2e_online), sum(r.fee_bearing), sum(r.paid_online), sum(r.timely_on_time), sum(r.timely_late), sum(r.timely_due_open), sum(r.finished), sum(r.e_result), sum(r.digitised), sum(r.processing_ms)
from (
  select unit_code, procedure_code, 'd' as grain, day as period, received, online, online_vneid, e2e_eligible, e2e_online, fee_bearing, paid_online, timely_on_time, timely_late, timely_due_open, finished, e_result, digitised, processing_ms from dashboard_daily
  union all
  select unit_code, procedure_code, 'm', month, received, online, online_vneid, e2e_eligible, e2e_online, fee_bearing, paid_online, timely_on_time, timely_late, timely_due_open, finished, e_result, digitised, processing_ms from dashboard_monthly
  union all
  select unit_code, procedure_code, 'y', year, received, online, online_vneid, e2e_eligible, e2e_online, fee_bearing, paid_online, timely_on_time, timely_late, timely_due_open, finished, e_result, digitised, processing_ms from dashboard_yearly
) r
join above a on a.unit_code = r.unit_code
group by a.scope_code, r.procedure_code, r.grain, r.period;

insert into dashboard_pair_months (unit_code, procedure_code, fee_months, paid_online_months)
select unit_code, procedure_code,
  coalesce(array_agg(extract(year from month)::int * 12 + extract(month from month)::int - 1
    order by month) filter (where fee_bearing > 0), '{}'),
  coalesce(array_agg(extract(year from month)::int * 12 + extract(month from month)::int - 1
    order by month) filter (where paid_online > 0), '{}')
from dashboard_monthly
group by unit_code, procedure_code;
