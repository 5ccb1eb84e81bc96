import type { ColumnType } from 'kysely';

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date | string, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

declare module '../../db/types' {
  interface Database {
    idempotency_keys: IdempotencyKeysTable;
  }
}
