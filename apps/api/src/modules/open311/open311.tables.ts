import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A system allowed to file reports through Open311 (`POST requests`) with its API key. */
export interface Open311ClientsTable {
  id: string;
  name: string;
  /** sha256 hex of the key: a database leak does not hand out keys. */
  api_key_hash: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}
export type Open311ClientRow = Selectable<Open311ClientsTable>;

declare module '../../db/types' {
  interface Database {
    open311_clients: Open311ClientsTable;
  }
}
