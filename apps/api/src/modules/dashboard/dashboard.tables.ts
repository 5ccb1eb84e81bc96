import type { ColumnType } from 'kysely';
import type { DossierFacts } from './dashboard.facts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns travel as 'YYYY-MM-DD' strings (see the repository's casts). */
type Day = ColumnType<string, string, string>;

export interface DashboardDossierFactsTable {
  dossier_id: string;
  unit_code: string;
  procedure_code: string;
  accepted_day: Day | null;
  timely_day: Day | null;
  finished_day: Day | null;
  facts: ColumnType<DossierFacts, string, string>;
  updated_at: Timestamp;
}

export interface DashboardDailyTable {
  unit_code: string;
  procedure_code: string;
  day: Day;
  received: ColumnType<number, number | undefined, number>;
  online: ColumnType<number, number | undefined, number>;
  online_vneid: ColumnType<number, number | undefined, number>;
  e2e_eligible: ColumnType<number, number | undefined, number>;
  e2e_online: ColumnType<number, number | undefined, number>;
  fee_bearing: ColumnType<number, number | undefined, number>;
  paid_online: ColumnType<number, number | undefined, number>;
  timely_on_time: ColumnType<number, number | undefined, number>;
  timely_late: ColumnType<number, number | undefined, number>;
  timely_due_open: ColumnType<number, number | undefined, number>;
  finished: ColumnType<number, number | undefined, number>;
  e_result: ColumnType<number, number | undefined, number>;
  digitised: ColumnType<number, number | undefined, number>;
  processing_ms: ColumnType<string | number, number | undefined, number>;
}

declare module '../../db/types' {
  interface Database {
    dashboard_dossier_facts: DashboardDossierFactsTable;
    dashboard_daily: DashboardDailyTable;
  }
}
