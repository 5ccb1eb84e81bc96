import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface FeedbackCategoriesTable {
  code: string;
  parent_code: string | null;
  name_vi: string;
  name_en: string;
  description_vi: string | null;
  answer_days: Generated<number>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  department_code: string | null;
  created_at: Timestamp;
}

/** A GeoJSON Polygon or MultiPolygon (lon, lat), stored as jsonb. */
export type AreaJson = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

export interface FeedbackRoutingRulesTable {
  id: string;
  position: number;
  category_code: string | null;
  commune_code: string | null;
  area: Json<AreaJson> | null;
  target_kind: Generated<'unit' | 'commune'>;
  target_unit_code: string | null;
  note: string | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FeedbackPause {
  from: string;
  to: string | null;
}

export interface FeedbackReportsTable {
  id: string;
  reference: string;
  category_code: string;
  suggested_category: string | null;
  classifier_confidence: number | null;
  category_flagged: Generated<boolean>;
  description: string;
  lat: number | null;
  lng: number | null;
  commune_code: string | null;
  address: string | null;
  reporter_user_id: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  anonymous: Generated<boolean>;
  state: string;
  assigned_unit_code: string | null;
  assigned_officer_id: string | null;
  escalation_level: Generated<number>;
  due_at: Timestamp | null;
  paused_at: Timestamp | null;
  pauses: ColumnType<FeedbackPause[], string | undefined, string>;
  overdue_at_close: boolean | null;
  moderation_state: 'visible' | 'pending' | 'hidden';
  moderation_reasons: ColumnType<string[], string | undefined, string>;
  public_answer: string | null;
  answered_at: Timestamp | null;
  rating: number | null;
  rating_comment: string | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  reopen_count: Generated<number>;
  source: 'web' | 'open311' | 'officer';
  open311_client_id: string | null;
  open311_token: string | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type FeedbackReportRow = Selectable<FeedbackReportsTable>;
export type FeedbackRuleRow = Selectable<FeedbackRoutingRulesTable>;
export type FeedbackCategoryRow = Selectable<FeedbackCategoriesTable>;

export interface FeedbackEventsTable {
  id: Generated<number>;
  report_id: string;
  type: string;
  state: string;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: string;
  unit_code: string | null;
  public: boolean;
  note: string | null;
  data: Json<Record<string, unknown>>;
}
export type FeedbackEventRow = Selectable<FeedbackEventsTable>;

export interface FeedbackFollowersTable {
  report_id: string;
  user_id: string;
  created_at: Timestamp;
}

declare module '../../db/types' {
  interface Database {
    feedback_categories: FeedbackCategoriesTable;
    feedback_routing_rules: FeedbackRoutingRulesTable;
    feedback_reports: FeedbackReportsTable;
    feedback_events: FeedbackEventsTable;
    feedback_followers: FeedbackFollowersTable;
  }
}
