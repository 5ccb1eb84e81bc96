import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Tables of assisted submission (migration 0020). */
export interface AssistedSubmissionsTable {
  id: string;
  member_id: string;
  team_id: string;
  commune_code: string;
  created_by: string;
  procedure_code: string;
  procedure_version: number;
  answers: Json<Record<string, unknown>>;
  current_step: string | null;
  resident_name: string;
  resident_phone: string;
  resident_citizen_id: string | null;
  resident_user_id: string | null;
  state: 'draft' | 'submitted' | 'cancelled';
  dossier_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
}

export interface AssistedConsentsTable {
  id: string;
  assisted_id: string;
  member_id: string;
  resident_name: string;
  resident_phone: string;
  resident_citizen_id: string | null;
  resident_user_id: string | null;
  method: 'otp' | 'sign_in';
  purpose: string;
  content_sha256: string;
  acr: string | null;
  given_at: Timestamp;
  expires_at: Timestamp;
}

export interface AssistedConsentCodesTable {
  id: string;
  assisted_id: string;
  phone: string;
  code_salt: string;
  code_sha256: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface AssistedEventsTable {
  id: Generated<number>;
  assisted_id: string;
  type: string;
  at: Timestamp;
  actor_id: string | null;
  data: Json<Record<string, unknown>>;
}

export type AssistedRow = Selectable<AssistedSubmissionsTable>;
export type ConsentRow = Selectable<AssistedConsentsTable>;
export type ConsentCodeRow = Selectable<AssistedConsentCodesTable>;

declare module '../../db/types' {
  interface Database {
    assisted_submissions: AssistedSubmissionsTable;
    assisted_consents: AssistedConsentsTable;
    assisted_consent_codes: AssistedConsentCodesTable;
    assisted_events: AssistedEventsTable;
  }
}
