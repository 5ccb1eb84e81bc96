import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import { type AssignmentWithTask, TASK_COLUMNS } from './tasks.repository';

/**
 * The worker's SQL: candidates for a due-soon reminder or an escalation, and the claims that make
 * each happen once per assignment and deadline, whatever the number of passes or processes.
 */
export class TaskClaims {
  constructor(private readonly db: Db) {}

  /** Open assignments of active tasks with a deadline in [from, to] not yet reminded for it. */
  async dueSoonCandidates(from: IsoDate, to: IsoDate): Promise<AssignmentWithTask[]> {
    return this.workerBase()
      .where('a.deadline', '>=', from)
      .where('a.deadline', '<=', to)
      .where(sql<SqlBool>`a.reminded_deadline is distinct from a.deadline`)
      .execute();
  }

  /** Open assignments of active tasks whose deadline ran out and that were not escalated for it. */
  async overdueCandidates(lastClosed: IsoDate): Promise<AssignmentWithTask[]> {
    return this.workerBase()
      .where('a.deadline', '<=', lastClosed)
      .where(sql<SqlBool>`a.escalated_deadline is distinct from a.deadline`)
      .execute();
  }

  private workerBase() {
    return this.db
      .selectFrom('task_assignments as a')
      .innerJoin('tasks as t', 't.id', 'a.task_id')
      .selectAll('a')
      .select(TASK_COLUMNS)
      .where('a.state', '=', 'open')
      .where('t.state', '=', 'active')
      .orderBy('a.deadline')
      .orderBy('a.id');
  }

  /** The claim of a worker pass: true for exactly one caller per assignment and deadline. */
  async claimReminder(trx: Db, id: string, deadline: IsoDate): Promise<boolean> {
    const result = await trx
      .updateTable('task_assignments')
      .set({ reminded_deadline: deadline })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .where('deadline', '=', deadline)
      .where(sql<SqlBool>`reminded_deadline is distinct from deadline`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async claimEscalation(
    trx: Db,
    id: string,
    deadline: IsoDate,
    target: string | null,
    now: Date,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('task_assignments')
      .set({
        escalated_deadline: deadline,
        escalated_to_unit_code: target,
        escalated_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .where('deadline', '=', deadline)
      .where(sql<SqlBool>`escalated_deadline is distinct from deadline`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
