import { randomUUID } from 'node:crypto';
import {
  TaskDone,
  type TaskEventKind,
  type TaskExtensionRequest,
  TaskProgressReport,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { assignmentBundle, attachFiles, type TasksDeps, unitName } from './tasks.context';
import { assignerRecipients, notifyAll } from './tasks.notify';
import type { AssignmentWithTask } from './tasks.repository';
import type { TasksService } from './tasks.service';

/**
 * The assignee's side: progress reports, extension requests, "done". The officer must hold a
 * reporting role over the assignee unit (a commune leader or specialist for their commune).
 */
export class TaskReports {
  constructor(
    private readonly deps: TasksDeps,
    private readonly tasks: Pick<TasksService, 'checkDeadline'>,
  ) {}

  private async openAssignment(
    actor: OfficerActor,
    assignmentId: string,
  ): Promise<AssignmentWithTask> {
    const { policy, repository } = this.deps;
    const a = await repository.findAssignment(assignmentId);
    const visible =
      a &&
      ((await policy.can(actor, 'tasks.read', a.unit_code)) ||
        (await policy.can(actor, 'tasks.read', a.task_from_unit_code)));
    if (!a || !visible) throw new AppError('TASK_ASSIGNMENT_NOT_FOUND');
    await policy.assert(actor, 'tasks.report', a.unit_code);
    if (a.state !== 'open' || a.task_state !== 'active') throw new AppError('TASK_CLOSED');
    return a;
  }

  /** One assignee action: the change, its event, the audit row and the message to the assigner. */
  private async commit(
    actor: OfficerActor,
    a: AssignmentWithTask,
    step: {
      kind: Extract<TaskEventKind, 'progress' | 'done' | 'extension_requested'>;
      percent: number | null;
      text: string;
      deadline: string | null;
      fileIds: string[];
      requestId: string;
      change: (trx: Db, now: Date) => Promise<Record<string, unknown>>;
    },
  ): Promise<void> {
    const { db, clock, repository } = this.deps;
    const name = await unitName(this.deps, a.unit_code);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const details = await step.change(trx, now);
      const files = await attachFiles(
        this.deps,
        trx,
        actor,
        step.fileIds,
        assignmentBundle(a.id),
        step.requestId,
      );
      const eventId = await repository.insertEvent(trx, {
        task_id: a.task_id,
        assignment_id: a.id,
        kind: step.kind,
        at: now,
        actor_id: actor.userId,
        actor_kind: 'officer',
        unit_code: a.unit_code,
        percent: step.percent,
        note: step.text,
        deadline: step.deadline,
        data: { fileIds: files.map((f) => f.id), ...details },
      });
      await notifyAll(
        trx,
        clock,
        await assignerRecipients(trx, repository, {
          created_by: a.task_created_by,
          from_unit_code: a.task_from_unit_code,
        }),
        'task.reported',
        {
          taskId: a.task_id,
          taskReference: a.task_reference,
          title: a.task_title,
          unitName: name,
          kind: step.kind,
          ...(step.percent === null ? {} : { percent: step.percent }),
          text: step.text,
          ...(step.deadline ? { deadline: step.deadline } : {}),
        },
        String(eventId),
      );
      await appendAudit(trx, clock, {
        actor,
        unitCode: a.unit_code,
        action: `task.${step.kind}`,
        objectType: 'task_assignment',
        objectId: a.id,
        requestId: step.requestId,
        details: {
          reference: a.task_reference,
          ...(step.percent === null ? {} : { percent: step.percent }),
          ...(step.deadline ? { deadline: step.deadline } : {}),
          fileIds: files.map((f) => f.id),
          ...details,
        },
      });
    });
  }

  async reportProgress(
    actor: OfficerActor,
    assignmentId: string,
    raw: TaskProgressReport,
    requestId: string,
  ): Promise<void> {
    const input = TaskProgressReport.parse(raw);
    const a = await this.openAssignment(actor, assignmentId);
    if (input.percent < 0 || input.percent > 100) throw new AppError('TASK_PERCENT_OUT_OF_RANGE');
    await this.commit(actor, a, {
      kind: 'progress',
      percent: input.percent,
      text: input.text,
      deadline: null,
      fileIds: input.attachmentIds,
      requestId,
      change: async (trx, now) => {
        const ok = await this.deps.repository.updateAssignment(trx, a.id, {
          percent: input.percent,
          last_report_at: now,
          updated_at: now,
        });
        if (!ok) throw new AppError('TASK_CLOSED');
        return {};
      },
    });
  }

  async requestExtension(
    actor: OfficerActor,
    assignmentId: string,
    input: TaskExtensionRequest,
    requestId: string,
  ): Promise<{ extensionId: string }> {
    const { repository } = this.deps;
    const a = await this.openAssignment(actor, assignmentId);
    if (input.deadline <= a.deadline) throw new AppError('TASK_EXTENSION_NOT_LATER');
    await this.tasks.checkDeadline(input.deadline);
    const extensionId = randomUUID();
    await this.commit(actor, a, {
      kind: 'extension_requested',
      percent: null,
      text: input.reason,
      deadline: input.deadline,
      fileIds: [],
      requestId,
      change: async (trx, now) => {
        if (await repository.hasPendingExtension(trx, a.id))
          throw new AppError('TASK_EXTENSION_PENDING');
        await repository.insertExtension(trx, {
          id: extensionId,
          assignment_id: a.id,
          requested_deadline: input.deadline,
          previous_deadline: a.deadline,
          reason: input.reason,
          requested_by: actor.userId,
          requested_at: now,
        });
        return { extensionId };
      },
    });
    return { extensionId };
  }

  async markDone(
    actor: OfficerActor,
    assignmentId: string,
    raw: TaskDone,
    requestId: string,
  ): Promise<void> {
    const { calendar, repository } = this.deps;
    const input = TaskDone.parse(raw);
    const a = await this.openAssignment(actor, assignmentId);
    await this.commit(actor, a, {
      kind: 'done',
      percent: 100,
      text: input.text,
      deadline: null,
      fileIds: input.attachmentIds,
      requestId,
      change: async (trx, now) => {
        // On time means before the end of office hours on the (possibly extended) deadline.
        const late = now.getTime() > calendar.closingOf(a.deadline).getTime();
        const ok = await repository.updateAssignment(trx, a.id, {
          state: 'done',
          percent: 100,
          completed_at: now,
          completed_late: late,
          last_report_at: now,
          updated_at: now,
        });
        if (!ok) throw new AppError('TASK_CLOSED');
        await repository.withdrawPending(trx, a.id, now, 'Phần việc đã hoàn thành');
        return { late };
      },
    });
  }
}
