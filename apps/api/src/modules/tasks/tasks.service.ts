import { randomUUID } from 'node:crypto';
import { permissions, type TaskCancel, TaskCreate, type TaskExtensionDecision } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { type IsoDate, toLocal } from '../calendar/calendar.time';
import { findStoredAnswer, requestHash, runIdempotent } from '../idempotency/idempotency.service';
import { attachFiles, type TasksDeps, taskBundle, unitName } from './tasks.context';
import { assigneeRecipients, notifyAll } from './tasks.notify';

const ASSIGN_ROLES: readonly string[] = permissions['tasks.assign'];

/**
 * The assigner's side of directive tasks: create (one assignment per unit), decide an extension,
 * cancel. Every change: one transaction with its task_events row, the audit row and the outbox.
 */
export class TasksService {
  constructor(private readonly deps: TasksDeps) {}

  /** The assigning unit: the one given (checked), else the one unit where the actor leads. */
  private async assignerUnit(actor: OfficerActor, given: string | undefined): Promise<string> {
    if (given) {
      await this.deps.policy.assert(actor, 'tasks.assign', given);
      return given;
    }
    const units = [
      ...new Set(actor.grants.filter((g) => ASSIGN_ROLES.includes(g.role)).map((g) => g.unitCode)),
    ];
    if (units.length !== 1) throw new AppError('TASK_ASSIGNER_UNIT_REQUIRED');
    return units[0]!;
  }

  /** A deadline that is a working day whose office hours have not yet closed. */
  async checkDeadline(deadline: IsoDate): Promise<void> {
    const { calendar, clock } = this.deps;
    if (calendar.closingOf(deadline).getTime() <= clock.now().getTime())
      throw new AppError('TASK_DEADLINE_IN_PAST');
    if (!(await calendar.isWorkingDay(deadline))) {
      const next = await calendar.nextWorkingDay(deadline);
      const [y, m, d] = next.split('-');
      throw new AppError('TASK_DEADLINE_NOT_WORKING_DAY', {
        messageVi: `Hạn hoàn thành phải là ngày làm việc (không phải thứ Bảy, Chủ nhật hay ngày nghỉ lễ). Ngày làm việc gần nhất sau đó là ${d}/${m}/${y}.`,
      });
    }
  }

  private async resolveDeadline(input: {
    deadline?: string | undefined;
    workingDays?: number | undefined;
  }): Promise<IsoDate> {
    if ((input.deadline === undefined) === (input.workingDays === undefined))
      throw new AppError('TASK_DEADLINE_REQUIRED');
    if (input.deadline !== undefined) {
      await this.checkDeadline(input.deadline);
      return input.deadline;
    }
    const today = toLocal(this.deps.clock.now()).date;
    return this.deps.calendar.addWorkingDays(today, input.workingDays!);
  }

  /** Creates the task; answers the new task's id (a retry with the same key: the same id). */
  async create(
    actor: OfficerActor,
    raw: TaskCreate,
    idempotencyKey: string,
    requestId: string,
  ): Promise<{ id: string; replayed: boolean }> {
    const { db, clock, policy, units, repository } = this.deps;
    const input = TaskCreate.parse(raw);
    const id = {
      scope: `tasks.create:${actor.userId}`,
      key: idempotencyKey,
      requestHash: requestHash('POST', '/api/officer/tasks', input),
    };
    const stored = await findStoredAnswer<{ id: string }>(db, id);
    if (stored) return { id: stored.body.id, replayed: true };

    const fromUnitCode = await this.assignerUnit(actor, input.fromUnitCode);
    const assignees = input.assigneeUnitCodes;
    if (!assignees.length) throw new AppError('TASK_NO_ASSIGNEE');
    if (new Set(assignees).size !== assignees.length) throw new AppError('TASK_ASSIGNEE_DUPLICATE');
    for (const code of assignees) {
      // Unknown and foreign units answer alike: the unit must be the assigner's or below it.
      if (!(await units.lineage(code)).includes(fromUnitCode))
        throw new AppError('TASK_ASSIGNEE_OUT_OF_SCOPE', {
          messageVi: `Đơn vị ${code} không thuộc phạm vi của đơn vị giao nhiệm vụ: chỉ được giao cho đơn vị mình hoặc các đơn vị trực thuộc.`,
        });
    }
    await policy.assert(actor, 'tasks.assign', fromUnitCode);
    const deadline = await this.resolveDeadline(input);
    const fromName = await unitName(this.deps, fromUnitCode);
    const names = new Map<string, string>();
    for (const code of assignees) names.set(code, await unitName(this.deps, code));

    const result = await runIdempotent(db, clock, id, async (trx) => {
      const now = clock.now();
      const taskId = randomUUID();
      const reference = await repository.nextReference(trx, Number(toLocal(now).date.slice(0, 4)));
      await repository.insertTask(trx, {
        id: taskId,
        reference,
        from_unit_code: fromUnitCode,
        created_by: actor.userId,
        title: input.title,
        description: input.description,
        priority: input.priority,
        deadline,
        created_at: now,
        updated_at: now,
      });
      const files = await attachFiles(
        this.deps,
        trx,
        actor,
        input.attachmentIds,
        taskBundle(taskId),
        requestId,
      );
      const rows = assignees.map((unit_code) => ({
        id: randomUUID(),
        task_id: taskId,
        unit_code,
        deadline,
        created_at: now,
        updated_at: now,
      }));
      await repository.insertAssignments(trx, rows);
      await repository.insertEvent(trx, {
        task_id: taskId,
        assignment_id: null,
        kind: 'created',
        at: now,
        actor_id: actor.userId,
        actor_kind: 'officer',
        unit_code: fromUnitCode,
        percent: null,
        note: input.description,
        deadline,
        data: { fileIds: files.map((f) => f.id), assigneeUnitCodes: assignees },
      });
      for (const row of rows) {
        await repository.insertEvent(trx, {
          task_id: taskId,
          assignment_id: row.id,
          kind: 'assigned',
          at: now,
          actor_id: actor.userId,
          actor_kind: 'officer',
          unit_code: row.unit_code,
          percent: 0,
          note: null,
          deadline,
        });
        await notifyAll(
          trx,
          clock,
          await assigneeRecipients(trx, repository, row.unit_code),
          'task.assigned',
          {
            taskId,
            taskReference: reference,
            title: input.title,
            fromUnitName: fromName,
            unitName: names.get(row.unit_code)!,
            deadline,
            priority: input.priority,
          },
          row.id,
        );
      }
      await appendAudit(trx, clock, {
        actor,
        role: 'unit_leader',
        unitCode: fromUnitCode,
        action: 'task.create',
        objectType: 'task',
        objectId: taskId,
        requestId,
        details: {
          reference,
          priority: input.priority,
          deadline,
          assigneeUnitCodes: assignees,
          attachmentIds: files.map((f) => f.id),
        },
      });
      return { statusCode: 201, body: { id: taskId } };
    });
    return { id: result.body.id, replayed: result.replayed };
  }

  /** The task for a manager of it: 403 for a viewer of it, 404 for whoever may not even see it. */
  private async managedTask(actor: OfficerActor, taskId: string) {
    const { policy, repository } = this.deps;
    const task = await repository.findTask(taskId);
    if (!task) throw new AppError('TASK_NOT_FOUND');
    if (await policy.can(actor, 'tasks.assign', task.from_unit_code)) return task;
    if (await policy.can(actor, 'tasks.read', task.from_unit_code)) throw new AppError('FORBIDDEN');
    for (const a of await repository.assignmentsOfTask(taskId))
      if (await policy.can(actor, 'tasks.read', a.unit_code)) throw new AppError('FORBIDDEN');
    throw new AppError('TASK_NOT_FOUND');
  }

  async cancel(
    actor: OfficerActor,
    taskId: string,
    input: TaskCancel,
    requestId: string,
  ): Promise<void> {
    const { db, clock, repository } = this.deps;
    const task = await this.managedTask(actor, taskId);
    if (task.state === 'cancelled') throw new AppError('TASK_ALREADY_CANCELLED');
    const open = (await repository.assignmentsOfTask(taskId)).filter((a) => a.state === 'open');
    const fromName = await unitName(this.deps, task.from_unit_code);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      if (!(await repository.cancelTask(trx, taskId, input.reason, now)))
        throw new AppError('TASK_ALREADY_CANCELLED');
      const eventId = await repository.insertEvent(trx, {
        task_id: taskId,
        assignment_id: null,
        kind: 'cancelled',
        at: now,
        actor_id: actor.userId,
        actor_kind: 'officer',
        unit_code: task.from_unit_code,
        percent: null,
        note: input.reason,
        deadline: null,
      });
      for (const a of open) {
        await notifyAll(
          trx,
          clock,
          await assigneeRecipients(trx, repository, a.unit_code),
          'task.cancelled',
          {
            taskId,
            taskReference: task.reference,
            title: task.title,
            fromUnitName: fromName,
            reason: input.reason,
          },
          `${eventId}:${a.id}`,
        );
      }
      await appendAudit(trx, clock, {
        actor,
        role: 'unit_leader',
        unitCode: task.from_unit_code,
        action: 'task.cancel',
        objectType: 'task',
        objectId: taskId,
        requestId,
        details: { reference: task.reference, openAssignments: open.length },
      });
    });
  }

  async decideExtension(
    actor: OfficerActor,
    extensionId: string,
    input: TaskExtensionDecision,
    requestId: string,
  ): Promise<{ assignmentId: string; taskId: string }> {
    const { db, clock, repository } = this.deps;
    const extension = await repository.findExtension(extensionId);
    if (!extension) throw new AppError('TASK_EXTENSION_NOT_FOUND');
    const assignment = await repository.findAssignment(extension.assignment_id);
    if (!assignment) throw new AppError('TASK_EXTENSION_NOT_FOUND');
    const task = await this.managedTask(actor, assignment.task_id).catch((error: unknown) => {
      if ((error as AppError).code === 'TASK_NOT_FOUND')
        throw new AppError('TASK_EXTENSION_NOT_FOUND');
      throw error;
    });
    if (extension.decision !== 'pending') throw new AppError('TASK_EXTENSION_ALREADY_DECIDED');
    const granted = input.decision === 'grant';
    const note = input.note?.trim() || null;
    const assigneeName = await unitName(this.deps, assignment.unit_code);
    await db.transaction().execute(async (trx: Db) => {
      const now = clock.now();
      const decided = await repository.decideExtension(trx, extensionId, {
        decision: granted ? 'granted' : 'refused',
        by: actor.userId,
        at: now,
        note,
      });
      if (!decided) throw new AppError('TASK_EXTENSION_ALREADY_DECIDED');
      if (granted) {
        // The assignment is no longer overdue: its escalation flag is lifted; the event log
        // keeps the history, and a new deadline can be reminded and escalated again.
        const moved = await repository.updateAssignment(trx, assignment.id, {
          deadline: extension.requested_deadline,
          escalated_to_unit_code: null,
          escalated_at: null,
          updated_at: now,
        });
        if (!moved) throw new AppError('TASK_CLOSED');
      }
      const deadline = granted ? extension.requested_deadline : assignment.deadline;
      const eventId = await repository.insertEvent(trx, {
        task_id: task.id,
        assignment_id: assignment.id,
        kind: granted ? 'extension_granted' : 'extension_refused',
        at: now,
        actor_id: actor.userId,
        actor_kind: 'officer',
        unit_code: assignment.unit_code,
        percent: null,
        note,
        deadline,
        data: { extensionId },
      });
      await notifyAll(
        trx,
        clock,
        await assigneeRecipients(trx, repository, assignment.unit_code),
        'task.extension_decided',
        {
          taskId: task.id,
          taskReference: task.reference,
          title: task.title,
          unitName: assigneeName,
          granted,
          deadline,
          ...(note ? { note } : {}),
        },
        String(eventId),
      );
      await appendAudit(trx, clock, {
        actor,
        role: 'unit_leader',
        unitCode: task.from_unit_code,
        action: granted ? 'task.extension_grant' : 'task.extension_refuse',
        objectType: 'task_assignment',
        objectId: assignment.id,
        requestId,
        details: {
          reference: task.reference,
          extensionId,
          previousDeadline: assignment.deadline,
          requestedDeadline: extension.requested_deadline,
        },
      });
    });
    return { assignmentId: assignment.id, taskId: task.id };
  }
}
