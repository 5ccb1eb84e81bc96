-- Operations dashboard (issue 7 §6): alert thresholds per indicator, and the daily digest's
-- per-day marker. Live updates (§5) need no table: they poll the append-only event tables'
-- primary keys (docs/DASHBOARD.md).

-- One row per indicator an administrator has changed; indicators without a row use the built-in
-- default (dashboard.alerts.settings.ts), so a new indicator needs no data migration.
create table dashboard_alert_settings (
  indicator    text primary key,
  -- Alert when the rate (a fraction, 0.9 = 90 %) is below this.
  threshold    double precision not null check (threshold >= 0 and threshold <= 1),
  enabled      boolean not null,
  -- The rate covers the last N days up to today (Vietnam dates).
  period_days  integer not null check (period_days between 1 and 366),
  -- Units with fewer dossiers/reports than this in the period are not judged.
  min_count    integer not null check (min_count >= 1),
  updated_at   timestamptz not null,
  updated_by   uuid references users(id)
);

-- The daily digest ran to the end for this Vietnam day: later passes that day do nothing. Each
-- leader's e-mail is also deduplicated by the outbox key (dashboard.digest:<day>:<user>), so a
-- pass cut short and run again, or two API processes at once, never send a leader two digests.
create table dashboard_digest_days (
  day          date primary key,
  recipients   integer not null,
  queued       integer not null,
  finished_at  timestamptz not null
);
