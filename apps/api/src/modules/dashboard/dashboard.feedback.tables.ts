import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * Migration 0019: what the feedback indicators know about each report, kept by the row trigger
 * `dashboard_feedback_fold` on feedback_reports (never written from code).
 */
export interface DashboardFeedbackFactsTable {
  report_id: string;
  unit_code: string;
  category_code: string;
  received_at: Timestamp;
  /** Vietnam date of received_at; compared with `::date` casts, never selected. */
  received_day: ColumnType<string, string, string>;
  due_at: Timestamp | null;
  outcome: 'open' | 'answered' | 'rejected';
  paused: boolean;
  escalated: boolean;
  answered_at: Timestamp | null;
  late: boolean;
  rating: number | null;
}

type Count = ColumnType<number, number | undefined, number>;

/**
 * Migration 0022: counters per (responsible unit, main category or '' for all, grain d/m/y,
 * period start), kept by the trigger `dashboard_feedback_count` on the facts.
 */
export interface DashboardFeedbackCountsTable {
  unit_code: string;
  category_code: string;
  grain: 'd' | 'm' | 'y';
  /** Compared with `::date` casts, never selected. */
  period: ColumnType<string, string, string>;
  received: Count;
  rejected: Count;
  answered: Count;
  answered_on_time: Count;
  answered_late: Count;
  handling_seconds: ColumnType<string | number, number | undefined, number>;
  rated: Count;
  rating_sum: Count;
  satisfied: Count;
}

declare module '../../db/types' {
  interface Database {
    dashboard_feedback_facts: DashboardFeedbackFactsTable;
    dashboard_feedback_counts: DashboardFeedbackCountsTable;
  }
}
