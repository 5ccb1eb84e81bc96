import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Migration 0018: alert thresholds changed by an administrator (defaults live in code). */
export interface DashboardAlertSettingsTable {
  indicator: string;
  threshold: number;
  enabled: boolean;
  period_days: number;
  min_count: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Migration 0018: the daily digest finished for this Vietnam day. */
export interface DashboardDigestDaysTable {
  day: ColumnType<string, string, string>;
  recipients: number;
  queued: number;
  finished_at: Timestamp;
}

declare module '../../db/types' {
  interface Database {
    dashboard_alert_settings: DashboardAlertSettingsTable;
    dashboard_digest_days: DashboardDigestDaysTable;
  }
}
