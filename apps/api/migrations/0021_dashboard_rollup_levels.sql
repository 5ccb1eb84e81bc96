-- Dashboard rollups for long periods (issue 7, Performance): the counters of dashboard_daily summed
-- per month and per year, kept by the same dossier-event sink in the event's transaction
-- (DashboardRepository.applyDelta). A five-year province overview reads whole years and months from
-- these and only the days at the edges of its period from dashboard_daily (dashboard.scope.ts,
-- periodCover): some ten thousand counter rows per request instead of millions at province scale.
create table dashboard_monthly (
  unit_code        text not null,
  procedure_code   text not null,
  -- First day of the month.
  month            date not null check (extract(day from month) = 1),
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
  primary key (unit_code, procedure_code, month)
);
create index dashboard_monthly_month_idx on dashboard_monthly(month, unit_code);

create table dashboard_yearly (
  unit_code        text not null,
  procedure_code   text not null,
  -- 1 January of the year.
  year             date not null check (extract(doy from year) = 1),
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
  primary key (unit_code, procedure_code, year)
);
create index dashboard_yearly_year_idx on dashboard_yearly(year, unit_code);

-- What the daily rollup already holds.
insert into dashboard_monthly
select unit_code, procedure_code, date_trunc('month', day)::date,
  sum(received), sum(online), sum(online_vneid), sum(e2e_eligible), sum(e2e_online),
  sum(fee_bearing), sum(paid_online), sum(timely_on_time), sum(timely_late), sum(timely_due_open),
  sum(finished), sum(e_result), sum(digitised), sum(processing_ms)
from dashboard_daily
group by unit_code, procedure_code, date_trunc('month', day);

insert into dashboard_yearly
select unit_code, procedure_code, date_trunc('year', month)::date,
  sum(received), sum(online), sum(online_vneid), sum(e2e_eligible), sum(e2e_online),
  sum(fee_bearing), sum(paid_online), sum(timely_on_time), sum(timely_late), sum(timely_due_open),
  sum(finished), sum(e_result), sum(digitised), sum(processing_ms)
from dashboard_monthly
group by unit_code, procedure_code, date_trunc('year', month);
