export interface DossierCodeSeqTable {
  unit_code: string;
  /** Asia/Ho_Chi_Minh calendar date, 'YYYY-MM-DD'. */
  day: string;
  last_number: number;
}

declare module '../../db/types' {
  interface Database {
    dossier_code_seq: DossierCodeSeqTable;
  }
}
