import type { TaskAssignmentListItem, TaskAssignmentStatus } from './dashboard-api';

/** Written out so the zod enum stays out of the chunk; the order is the table's columns. */
export const steeringStatuses: TaskAssignmentStatus[] = [
  'overdue',
  'in_progress',
  'done_on_time',
  'done_late',
  'cancelled',
];

export interface SteeringRow {
  code: string;
  name: string;
  counts: Record<TaskAssignmentStatus, number>;
  total: number;
}

const zero = (): Record<TaskAssignmentStatus, number> => ({
  overdue: 0,
  in_progress: 0,
  done_on_time: 0,
  done_late: 0,
  cancelled: 0,
});

/**
 * Assignments counted by assignee unit and status (pure, tested): units with overdue work first
 * (most first), then those with work in progress, then by name.
 */
export function steeringRows(
  items: readonly Pick<TaskAssignmentListItem, 'unit' | 'status'>[],
): SteeringRow[] {
  const byUnit = new Map<string, SteeringRow>();
  for (const item of items) {
    const row = byUnit.get(item.unit.code) ?? {
      code: item.unit.code,
      name: item.unit.name,
      counts: zero(),
      total: 0,
    };
    row.counts[item.status] += 1;
    row.total += 1;
    byUnit.set(item.unit.code, row);
  }
  return [...byUnit.values()].sort(
    (a, b) =>
      b.counts.overdue - a.counts.overdue ||
      b.counts.in_progress - a.counts.in_progress ||
      a.name.localeCompare(b.name, 'vi'),
  );
}

/** The overdue assignments, the longest overdue first. */
export function overdueFirst<T extends Pick<TaskAssignmentListItem, 'status' | 'dueAt'>>(
  items: readonly T[],
): T[] {
  return items
    .filter((i) => i.status === 'overdue')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
