import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { ResultAlgorithm } from './results.keys';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface DossierResultsTable {
  id: string;
  dossier_id: string;
  dossier_code: string;
  procedure_name: string;
  unit_code: string;
  unit_name: string;
  source_file_id: string;
  file_id: string;
  sha256: string;
  signature: string;
  signing_key_id: string;
  algorithm: ResultAlgorithm;
  certificate: string | null;
  issued_at: Timestamp;
  issued_by: string;
  outcome: 'approved' | 'refused';
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
}

export interface ResultSigningKeysTable {
  key_id: string;
  algorithm: ResultAlgorithm;
  public_key_pem: string;
  certificate: string | null;
  unit_code: string | null;
  first_used_at: Timestamp;
}

export type DossierResultRow = Selectable<DossierResultsTable>;
export type NewDossierResultRow = Insertable<DossierResultsTable>;
export type ResultSigningKeyRow = Selectable<ResultSigningKeysTable>;

declare module '../../db/types' {
  interface Database {
    dossier_results: DossierResultsTable;
    result_signing_keys: ResultSigningKeysTable;
  }
}
