import { PeriodicRunner } from '../../lib/periodic';
import { appendAudit } from '../audit/audit.service';
import { addDays, toLocal } from '../calendar/calendar.time';
import { TaskClaims } from './tasks.claims';
import { type TasksDeps, unitName } from './tasks.context';
import {
  assigneeRecipients,
  assignerRecipients,
  LEADER_ROLES,
  notifyAll,
  type Recipient,
} from './tasks.notify';
import { escalationTarget, lastClosedDate } from './tasks.status';

/** "Due soon": at most this many working days left (the deadline is the next working day or today). */
export const DUE_SOON_WORKING_DAYS = 1;
/** Calendar days looked ahead for due-soon candidates: longer than any run of days off (Tết). */
const LOOKAHEAD_DAYS = 14;
const SYSTEM = { kind: 'anonymous' as const };

export type TaskWorkerDeps = Omit<TasksDeps, 'files' | 'policy'>;

/**
 * Reminds the assignee unit once per assignment and deadline when at most one working day is
 * left: a deadline on Monday is reminded on the Friday before (and not again over the weekend); a
 * deadline after a holiday, on the working day before the holiday. The claim on the row makes a
 * second pass, or a second process, send nothing.
 */
export async function runDueSoon(deps: TaskWorkerDeps): Promise<number> {
  const { db, clock, calendar, repository } = deps;
  const claims = new TaskClaims(db);
  const now = clock.now();
  const today = toLocal(now).date;
  let sent = 0;
  for (const a of await claims.dueSoonCandidates(today, addDays(today, LOOKAHEAD_DAYS))) {
    if (calendar.closingOf(a.deadline).getTime() < now.getTime()) continue; // escalation's job
    if ((await calendar.workingDaysBetween(today, a.deadline)) > DUE_SOON_WORKING_DAYS) continue;
    const name = await unitName(deps, a.unit_code);
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await claims.claimReminder(trx, a.id, a.deadline))) return false;
      await repository.insertEvent(trx, {
        task_id: a.task_id,
        assignment_id: a.id,
        kind: 'due_soon_reminded',
        at: now,
        actor_id: null,
        actor_kind: 'system',
        unit_code: a.unit_code,
        percent: null,
        note: null,
        deadline: a.deadline,
      });
      await notifyAll(
        trx,
        clock,
        await assigneeRecipients(trx, repository, a.unit_code),
        'task.due_soon',
        {
          taskId: a.task_id,
          taskReference: a.task_reference,
          title: a.task_title,
          unitName: name,
          deadline: a.deadline,
        },
        `${a.id}:${a.deadline}`,
      );
      await appendAudit(trx, clock, {
        actor: SYSTEM,
        role: 'system',
        unitCode: a.unit_code,
        action: 'task.remind_due_soon',
        objectType: 'task_assignment',
        objectId: a.id,
        details: { reference: a.task_reference, deadline: a.deadline },
      });
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}

/**
 * Once the deadline's office hours have closed, an open assignment is overdue: it is escalated
 * one level up (the late unit's parent, see tasks.status.ts), once per deadline. The late unit
 * and the assigner are told it is overdue; the leaders of the level above, that it was escalated.
 */
export async function runEscalation(deps: TaskWorkerDeps): Promise<number> {
  const { db, clock, calendar, units, repository } = deps;
  const claims = new TaskClaims(db);
  const now = clock.now();
  let escalated = 0;
  const lastClosed = lastClosedDate(now, (d) => calendar.closingOf(d));
  for (const a of await claims.overdueCandidates(lastClosed)) {
    const target = escalationTarget(await units.find(a.unit_code));
    const name = await unitName(deps, a.unit_code);
    const targetName = target ? await unitName(deps, target) : null;
    const fromName = await unitName(deps, a.task_from_unit_code);
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await claims.claimEscalation(trx, a.id, a.deadline, target, now))) return false;
      await repository.insertEvent(trx, {
        task_id: a.task_id,
        assignment_id: a.id,
        kind: target ? 'escalated' : 'overdue',
        at: now,
        actor_id: null,
        actor_kind: 'system',
        unit_code: a.unit_code,
        percent: null,
        note: null,
        deadline: a.deadline,
        data: { toUnitCode: target },
      });
      const head = {
        taskId: a.task_id,
        taskReference: a.task_reference,
        title: a.task_title,
        unitName: name,
        deadline: a.deadline,
      };
      const key = `${a.id}:${a.deadline}`;
      const above: Recipient[] = target
        ? await repository.officersAt(trx, target, LEADER_ROLES)
        : [];
      const aboveIds = new Set(above.map((r) => r.id));
      const late = await assigneeRecipients(trx, repository, a.unit_code);
      const assigner = (
        await assignerRecipients(trx, repository, {
          created_by: a.task_created_by,
          from_unit_code: a.task_from_unit_code,
        })
      ).filter((r) => !aboveIds.has(r.id) && !late.some((l) => l.id === r.id));
      const overdue = { ...head, ...(targetName ? { escalatedToName: targetName } : {}) };
      await notifyAll(trx, clock, [...late, ...assigner], 'task.overdue', overdue, key);
      await notifyAll(
        trx,
        clock,
        above,
        'task.escalated',
        { ...head, fromUnitName: fromName },
        key,
      );
      await appendAudit(trx, clock, {
        actor: SYSTEM,
        role: 'system',
        unitCode: a.unit_code,
        action: target ? 'task.escalate' : 'task.overdue',
        objectType: 'task_assignment',
        objectId: a.id,
        details: { reference: a.task_reference, deadline: a.deadline, toUnitCode: target },
      });
      return true;
    });
    if (claimed) escalated += 1;
  }
  return escalated;
}

/** Runs both passes every `intervalMs`; started from server.ts like the feedback worker. */
export class TaskWorker {
  private readonly runner: PeriodicRunner;

  constructor(
    private readonly deps: TaskWorkerDeps & {
      intervalMs: number;
      logger: { error(obj: unknown, msg?: string): void };
    },
  ) {
    this.runner = new PeriodicRunner({
      name: 'task worker',
      intervalMs: deps.intervalMs,
      pass: () => this.runOnce(),
      logger: deps.logger,
    });
  }

  async runOnce(): Promise<{ escalated: number; reminded: number }> {
    const escalated = await runEscalation(this.deps);
    const reminded = await runDueSoon(this.deps);
    return { escalated, reminded };
  }

  start(): void {
    this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }
}
