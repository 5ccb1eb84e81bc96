import type { TaskEventKind, TaskPriority } from '@cqs/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read back as yyyy-mm-dd strings (type parser 1082 in db/client.ts). */
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface TasksTable {
  id: string;
  reference: string;
  from_unit_code: string;
  created_by: string | null;
  title: string;
  description: string;
  priority: TaskPriority;
  deadline: DateColumn;
  state: Generated<'active' | 'cancelled'>;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskAssignmentsTable {
  id: string;
  task_id: string;
  unit_code: string;
  deadline: DateColumn;
  percent: Generated<number>;
  state: Generated<'open' | 'done' | 'cancelled'>;
  completed_at: Timestamp | null;
  completed_late: boolean | null;
  last_report_at: Timestamp | null;
  reminded_deadline: DateColumn | null;
  escalated_deadline: DateColumn | null;
  escalated_to_unit_code: string | null;
  escalated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskExtensionsTable {
  id: string;
  assignment_id: string;
  requested_deadline: DateColumn;
  previous_deadline: DateColumn;
  reason: string;
  requested_by: string | null;
  requested_at: Timestamp;
  decision: Generated<'pending' | 'granted' | 'refused' | 'withdrawn'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  note: string | null;
}

export interface TaskEventData {
  fileIds?: string[];
  toUnitCode?: string | null;
  extensionId?: string;
  assigneeUnitCodes?: string[];
  late?: boolean;
}

export interface TaskEventsTable {
  id: Generated<number>;
  task_id: string;
  assignment_id: string | null;
  kind: TaskEventKind;
  at: Timestamp;
  actor_id: string | null;
  actor_kind: string;
  unit_code: string | null;
  percent: number | null;
  note: string | null;
  deadline: DateColumn | null;
  data: Json<TaskEventData>;
}

export type TaskRow = Selectable<TasksTable>;
export type TaskAssignmentRow = Selectable<TaskAssignmentsTable>;
export type TaskExtensionRow = Selectable<TaskExtensionsTable>;
export type TaskEventRow = Selectable<TaskEventsTable>;

declare module '../../db/types' {
  interface Database {
    tasks: TasksTable;
    task_assignments: TaskAssignmentsTable;
    task_extensions: TaskExtensionsTable;
    task_events: TaskEventsTable;
  }
}
