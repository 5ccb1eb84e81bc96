import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface FilesTable {
  id: string;
  owner_user_id: string;
  bundle_id: string;
  purpose: string;
  original_name: string;
  stored_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  metadata_stripped: Generated<boolean>;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

export type FileRow = Selectable<FilesTable>;
export type NewFileRow = Insertable<FilesTable>;

declare module '../../db/types' {
  interface Database {
    files: FilesTable;
  }
}
