import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type NationalSyncState = 'pending' | 'sent' | 'failed';

export interface NationalSyncOutboxTable {
  id: Generated<number>;
  dossier_id: string;
  dossier_event_id: number;
  event_type: string;
  status_code: number;
  payload: ColumnType<unknown, string, string>;
  state: Generated<NationalSyncState>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  last_status: number | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

export type NationalSyncRow = Selectable<NationalSyncOutboxTable>;

declare module '../../db/types' {
  interface Database {
    national_sync_outbox: NationalSyncOutboxTable;
  }
}
