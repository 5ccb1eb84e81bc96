import type { CalendarDayKind, CalendarYearOrigin } from '@cqs/shared';
import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CalendarYearsTable {
  year: number;
  origin: CalendarYearOrigin;
  confirmed: boolean;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
}

export interface CalendarDaysTable {
  /** 'YYYY-MM-DD' (DATE columns are parsed as text: see db/client.ts). */
  date: string;
  kind: CalendarDayKind;
  name: string;
  applies_to: 'all_employees' | 'civil_servants_public_employees';
  source: string;
  note: string | null;
}

export type CalendarYearRow = Selectable<CalendarYearsTable>;
export type CalendarDayRow = Selectable<CalendarDaysTable>;

declare module '../../db/types' {
  interface Database {
    calendar_years: CalendarYearsTable;
    calendar_days: CalendarDaysTable;
  }
}
