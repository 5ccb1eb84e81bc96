import type { TaskAssignmentStatus } from '@cqs/shared';
import { addDays, type IsoDate, toLocal } from '../calendar/calendar.time';
import type { TaskAssignmentRow } from './tasks.tables';

/** The end of office hours on a date (CalendarService.closingOf): when a deadline runs out. */
export type ClosingOf = (date: IsoDate) => Date;

/**
 * The latest date whose deadline has already run out at `now`: today once office hours have
 * closed, else yesterday. An open assignment is overdue exactly when its deadline ≤ this date,
 * which lets lists filter and count statuses in SQL with one parameter.
 */
export function lastClosedDate(now: Date, closingOf: ClosingOf): IsoDate {
  const today = toLocal(now).date;
  return closingOf(today).getTime() < now.getTime() ? today : addDays(today, -1);
}

/** Derived status of one assignment (never stored; see the migration). */
export function assignmentStatus(
  row: Pick<TaskAssignmentRow, 'state' | 'deadline' | 'completed_late'>,
  taskCancelled: boolean,
  lastClosed: IsoDate,
): TaskAssignmentStatus {
  if (row.state === 'done') return row.completed_late ? 'done_late' : 'done_on_time';
  if (row.state === 'cancelled' || taskCancelled) return 'cancelled';
  return row.deadline <= lastClosed ? 'overdue' : 'in_progress';
}

/**
 * "One level up" for an overdue assignment: the parent of the late unit in the unit hierarchy
 * (a commune's or a provincial department's parent is the province, 66). The province itself has
 * no level above: its late assignments are reported to the assigner only (null).
 */
export function escalationTarget(unit: { parent_code: string | null } | undefined): string | null {
  return unit?.parent_code ?? null;
}
