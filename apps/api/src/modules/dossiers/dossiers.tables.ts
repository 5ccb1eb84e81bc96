import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface DraftsTable {
  id: string;
  user_id: string;
  procedure_code: string;
  procedure_version: number;
  answers: Json<Record<string, unknown>>;
  current_step: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_dossier_id: string | null;
}

export interface DossiersTable {
  id: string;
  reference: string;
  code: string | null;
  procedure_code: string;
  procedure_version: number;
  applicant_user_id: string | null;
  submitted_by_user_id: string | null;
  receiving_unit_code: string;
  channel: number;
  status_code: number;
  state: string;
  answers: Json<Record<string, unknown>>;
  applicant_name: string;
  applicant_citizen_id: string | null;
  applicant_phone: string | null;
  applicant_email: string | null;
  fee_vnd: number | null;
  payment_state: 'not_required' | 'unpaid' | 'paid';
  submitted_at: Timestamp;
  due_at: Timestamp | null;
  finished_at: Timestamp | null;
  row_version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  // Processing projection (migration 0010); the events remain the record.
  handling_unit_code: string;
  assigned_officer_id: string | null;
  step: string | null;
  step_due_at: Timestamp | null;
  previous_state: string | null;
  previous_step: string | null;
  accepted_at: Timestamp | null;
  time_limit_amount: number | null;
  time_limit_unit: 'working_days' | 'working_hours' | 'calendar_days' | null;
  supplement_requests: Generated<number>;
  paused_at: Timestamp | null;
  pauses: ColumnType<{ from: string; to: string }[], string | undefined, string>;
  counted_late: Generated<boolean>;
  apology_due_at: Timestamp | null;
  outcome: 'approved' | 'refused' | null;
  result_id: string | null;
  returned_at: Timestamp | null;
  return_channel: 'in_person' | 'online' | 'post' | null;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: string;
  type: string;
  status_code: number;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: string;
  unit_code: string | null;
  public: boolean;
  note: string | null;
  data: Json<Record<string, unknown>>;
}

export interface DossierRatingsTable {
  dossier_id: string;
  user_id: string;
  stars: number;
  comment: string | null;
  created_at: Timestamp;
}

declare module '../../db/types' {
  interface Database {
    drafts: DraftsTable;
    dossiers: DossiersTable;
    dossier_events: DossierEventsTable;
    dossier_ratings: DossierRatingsTable;
  }
}
