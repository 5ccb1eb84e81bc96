import type { TaskAssignmentStatus, TaskPriority } from '@cqs/shared';
import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import type {
  TaskAssignmentRow,
  TaskAssignmentsTable,
  TaskEventData,
  TaskEventRow,
  TaskEventsTable,
  TaskExtensionRow,
  TaskExtensionsTable,
  TaskRow,
  TasksTable,
} from './tasks.tables';

export interface Page {
  page: number;
  pageSize: number;
}

export interface StatusCounts {
  in_progress: number;
  overdue: number;
  done_on_time: number;
  done_late: number;
  cancelled: number;
  escalated: number;
  total: number;
}

export type NewEvent = Omit<Insertable<TaskEventsTable>, 'data'> & { data?: TaskEventData };

export type AssignmentWithTask = TaskAssignmentRow & {
  task_reference: string;
  task_title: string;
  task_priority: TaskPriority;
  task_from_unit_code: string;
  task_state: 'active' | 'cancelled';
  task_created_by: string | null;
};

/** The task's columns beside an assignment's (AssignmentWithTask). */
export const TASK_COLUMNS = [
  't.reference as task_reference',
  't.title as task_title',
  't.priority as task_priority',
  't.from_unit_code as task_from_unit_code',
  't.state as task_state',
  't.created_by as task_created_by',
] as const;

/** The derived status as a SQL condition (see tasks.status.ts for the same rule in TypeScript). */
function statusCondition(status: TaskAssignmentStatus, lastClosed: IsoDate) {
  switch (status) {
    case 'in_progress':
      return sql<SqlBool>`a.state = 'open' and t.state = 'active' and a.deadline > ${lastClosed}`;
    case 'overdue':
      return sql<SqlBool>`a.state = 'open' and t.state = 'active' and a.deadline <= ${lastClosed}`;
    case 'done_on_time':
      return sql<SqlBool>`a.state = 'done' and not a.completed_late`;
    case 'done_late':
      return sql<SqlBool>`a.state = 'done' and a.completed_late`;
    case 'cancelled':
      return sql<SqlBool>`a.state <> 'done' and (a.state = 'cancelled' or t.state = 'cancelled')`;
  }
}

/** The only place with SQL for directive tasks. */
export class TasksRepository {
  constructor(private readonly db: Db) {}

  /** `unitCode` and every unit below it (the scope a grant there covers). */
  async unitsUnder(unitCode: string): Promise<string[]> {
    const { rows } = await sql<{ code: string }>`
      with recursive sub(code) as (
        select code from units where code = ${unitCode}
        union all
        select u.code from units u join sub on u.parent_code = sub.code
      )
      select code from sub`.execute(this.db);
    return rows.map((r) => r.code);
  }

  async nextReference(trx: Db, year: number): Promise<string> {
    const { rows } = await sql<{
      n: number | string;
    }>`select nextval('task_reference_seq') as n`.execute(trx);
    return `NV-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
  }

  async insertTask(trx: Db, row: Insertable<TasksTable>): Promise<void> {
    await trx.insertInto('tasks').values(row).execute();
  }

  async insertAssignments(trx: Db, rows: Insertable<TaskAssignmentsTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('task_assignments').values(rows).execute();
  }

  async insertEvent(trx: Db, event: NewEvent): Promise<number> {
    const row = await trx
      .insertInto('task_events')
      .values({ ...event, data: JSON.stringify(event.data ?? {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async findTask(id: string, trx: Db = this.db): Promise<TaskRow | undefined> {
    return trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findAssignment(id: string, trx: Db = this.db): Promise<AssignmentWithTask | undefined> {
    return trx
      .selectFrom('task_assignments as a')
      .innerJoin('tasks as t', 't.id', 'a.task_id')
      .selectAll('a')
      .select(TASK_COLUMNS)
      .where('a.id', '=', id)
      .executeTakeFirst();
  }

  async findExtension(id: string, trx: Db = this.db): Promise<TaskExtensionRow | undefined> {
    return trx.selectFrom('task_extensions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateAssignment(
    trx: Db,
    id: string,
    change: Updateable<TaskAssignmentsTable>,
    onlyOpen = true,
  ): Promise<boolean> {
    let q = trx.updateTable('task_assignments').set(change).where('id', '=', id);
    if (onlyOpen) q = q.where('state', '=', 'open');
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async cancelTask(trx: Db, id: string, reason: string, now: Date): Promise<boolean> {
    const result = await trx
      .updateTable('tasks')
      .set({ state: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'active')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx
      .updateTable('task_assignments')
      .set({ state: 'cancelled', updated_at: now })
      .where('task_id', '=', id)
      .where('state', '=', 'open')
      .execute();
    await trx
      .updateTable('task_extensions')
      .set({ decision: 'withdrawn', decided_at: now, note: 'Nhiệm vụ đã bị hủy' })
      .where('decision', '=', 'pending')
      .where('assignment_id', 'in', (eb) =>
        eb.selectFrom('task_assignments').select('id').where('task_id', '=', id),
      )
      .execute();
    return true;
  }

  /** A pending extension of an assignment that was just finished no longer needs a decision. */
  async withdrawPending(trx: Db, assignmentId: string, now: Date, note: string): Promise<void> {
    await trx
      .updateTable('task_extensions')
      .set({ decision: 'withdrawn', decided_at: now, note })
      .where('assignment_id', '=', assignmentId)
      .where('decision', '=', 'pending')
      .execute();
  }

  async insertExtension(trx: Db, row: Insertable<TaskExtensionsTable>): Promise<void> {
    await trx.insertInto('task_extensions').values(row).execute();
  }

  /** Records the decision unless one was already made (concurrent deciders: one wins). */
  async decideExtension(
    trx: Db,
    id: string,
    decision: { decision: 'granted' | 'refused'; by: string; at: Date; note: string | null },
  ): Promise<boolean> {
    const result = await trx
      .updateTable('task_extensions')
      .set({
        decision: decision.decision,
        decided_by: decision.by,
        decided_at: decision.at,
        note: decision.note,
      })
      .where('id', '=', id)
      .where('decision', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async hasPendingExtension(trx: Db, assignmentId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('task_extensions')
      .select('id')
      .where('assignment_id', '=', assignmentId)
      .where('decision', '=', 'pending')
      .executeTakeFirst();
    return Boolean(row);
  }

  async listTasks(
    filter: {
      fromUnitCodes: string[];
      state?: 'active' | 'cancelled' | undefined;
      priority?: TaskPriority | undefined;
    },
    lastClosed: IsoDate,
    page: Page,
  ): Promise<{ rows: (TaskRow & StatusCounts)[]; total: number }> {
    let base = this.db
      .selectFrom('tasks as t')
      .where('t.from_unit_code', 'in', filter.fromUnitCodes);
    if (filter.state) base = base.where('t.state', '=', filter.state);
    if (filter.priority) base = base.where('t.priority', '=', filter.priority);
    const total = await base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const count = (status: TaskAssignmentStatus) =>
      sql<number>`coalesce(sum(case when ${statusCondition(status, lastClosed)} then 1 else 0 end), 0)`;
    const rows = await base
      .leftJoin('task_assignments as a', 'a.task_id', 't.id')
      .selectAll('t')
      .select([
        count('in_progress').as('in_progress'),
        count('overdue').as('overdue'),
        count('done_on_time').as('done_on_time'),
        count('done_late').as('done_late'),
        count('cancelled').as('cancelled'),
        sql<number>`count(a.escalated_to_unit_code)`.as('escalated'),
        sql<number>`count(a.id)`.as('total'),
      ])
      .groupBy('t.id')
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return { rows: rows as (TaskRow & StatusCounts)[], total: Number(total.n) };
  }

  async listAssignments(
    filter: {
      unitCodes: string[];
      status?: TaskAssignmentStatus | undefined;
      priority?: TaskPriority | undefined;
      escalated?: boolean | undefined;
    },
    lastClosed: IsoDate,
    page: Page,
  ): Promise<{ rows: AssignmentWithTask[]; total: number }> {
    let base = this.db
      .selectFrom('task_assignments as a')
      .innerJoin('tasks as t', 't.id', 'a.task_id')
      .where('a.unit_code', 'in', filter.unitCodes);
    if (filter.status) base = base.where(statusCondition(filter.status, lastClosed));
    if (filter.priority) base = base.where('t.priority', '=', filter.priority);
    if (filter.escalated !== undefined)
      base = base.where('a.escalated_to_unit_code', filter.escalated ? 'is not' : 'is', null);
    const total = await base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await base
      .selectAll('a')
      .select(TASK_COLUMNS)
      // Open work first, nearest deadline first; then the most recently finished.
      .orderBy(sql`case when a.state = 'open' and t.state = 'active' then 0 else 1 end`)
      .orderBy('a.deadline')
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return { rows, total: Number(total.n) };
  }

  async assignmentsOfTask(taskId: string): Promise<TaskAssignmentRow[]> {
    return this.db
      .selectFrom('task_assignments')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('unit_code')
      .execute();
  }

  async eventsOfTask(taskId: string): Promise<TaskEventRow[]> {
    return this.db
      .selectFrom('task_events')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('id')
      .execute();
  }

  async extensionsOf(assignmentIds: string[]): Promise<TaskExtensionRow[]> {
    if (!assignmentIds.length) return [];
    return this.db
      .selectFrom('task_extensions')
      .selectAll()
      .where('assignment_id', 'in', assignmentIds)
      .orderBy('requested_at')
      .execute();
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'full_name'])
      .where('id', 'in', unique)
      .execute();
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }

  /** Officers granted one of `roles` exactly at the unit (not above it), with an e-mail. */
  async officersAt(
    trx: Db,
    unitCode: string,
    roles: readonly string[],
  ): Promise<{ id: string; email: string }[]> {
    const rows = await trx
      .selectFrom('grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select(['u.id', 'u.email'])
      .distinct()
      .where('g.unit_code', '=', unitCode)
      .where('g.role', 'in', [...roles])
      .where('u.disabled', '=', false)
      .where('u.email', 'is not', null)
      .orderBy('u.id')
      .execute();
    return rows.map((r) => ({ id: r.id, email: r.email! }));
  }

  async officerEmail(
    trx: Db,
    userId: string | null,
  ): Promise<{ id: string; email: string } | null> {
    if (!userId) return null;
    const row = await trx
      .selectFrom('users')
      .select(['id', 'email'])
      .where('id', '=', userId)
      .where('disabled', '=', false)
      .executeTakeFirst();
    return row?.email ? { id: row.id, email: row.email } : null;
  }

  async demoTaskCount(): Promise<number> {
    const row = await this.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
