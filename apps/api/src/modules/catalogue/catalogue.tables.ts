import type { CatalogueRecord, FeeOverrides } from '@cqs/shared';
import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface ProceduresTable {
  code: string;
  name: string;
  field: string;
  levels: string[];
  central_branch: boolean;
  current_version: number;
  search_name: string;
  source_hash: string;
}

export interface ProcedureVersionsTable {
  procedure_code: string;
  version: number;
  record: Json<CatalogueRecord>;
  offered_online: boolean;
  online_level: 'toan_trinh' | 'mot_phan' | null;
  receiving_level: 'commune' | 'province';
  responsible_unit_code: string | null;
  fee_overrides: Json<FeeOverrides>;
  local_notes: string | null;
  published_at: Timestamp;
  published_by: string | null;
  effective_from: Timestamp;
}

export type ProcedureRow = Selectable<ProceduresTable>;
export type ProcedureVersionRow = Selectable<ProcedureVersionsTable>;

declare module '../../db/types' {
  interface Database {
    procedures: ProceduresTable;
    procedure_versions: ProcedureVersionsTable;
  }
}
