import {
  permissions,
  type StoredFile,
  type TaskAssignmentDetail,
  type TaskAssignmentList,
  type TaskAssignmentListQuery,
  type TaskAssignmentSummary,
  type TaskDetail,
  type TaskEvent,
  type TaskExtension,
  type TaskList,
  type TaskListQuery,
  type TaskUnitRef,
} from '@cqs/shared';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { FileRecord } from '../files/files.service';
import { assignmentBundle, type TasksDeps, taskBundle, unitName } from './tasks.context';
import { assignmentStatus, lastClosedDate } from './tasks.status';
import type {
  TaskAssignmentRow,
  TaskEventData,
  TaskEventRow,
  TaskExtensionRow,
} from './tasks.tables';

const READ_ROLES: readonly string[] = permissions['tasks.read'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toStored = (f: FileRecord): StoredFile => ({
  id: f.id,
  name: f.name,
  mediaType: f.mediaType,
  size: f.size,
  sha256: f.sha256,
});

/** Reads of directive tasks: the assigner's list, a unit's board, a task with its timelines. */
export class TaskQueries {
  constructor(private readonly deps: TasksDeps) {}

  private lastClosed(): string {
    return lastClosedDate(this.deps.clock.now(), (d) => this.deps.calendar.closingOf(d));
  }

  private async unitRef(code: string): Promise<TaskUnitRef> {
    return { code, name: await unitName(this.deps, code) };
  }

  /** The viewing unit: the one asked for, else the session's unit, else the first read grant. */
  private async scope(actor: OfficerActor, unitCode: string | undefined): Promise<string[]> {
    const unit =
      unitCode ??
      actor.activeUnitCode ??
      actor.grants.find((g) => READ_ROLES.includes(g.role))?.unitCode;
    if (!unit) throw new AppError('FORBIDDEN');
    await this.deps.policy.assert(actor, 'tasks.read', unit);
    return this.deps.repository.unitsUnder(unit);
  }

  private async summary(
    a: TaskAssignmentRow,
    taskCancelled: boolean,
    lastClosed: string,
    pending: TaskExtension | null,
  ): Promise<TaskAssignmentSummary> {
    return {
      id: a.id,
      taskId: a.task_id,
      unit: await this.unitRef(a.unit_code),
      deadline: a.deadline,
      dueAt: this.deps.calendar.closingOf(a.deadline).toISOString(),
      percent: a.percent,
      status: assignmentStatus(a, taskCancelled, lastClosed),
      completedAt: iso(a.completed_at),
      lastReportAt: iso(a.last_report_at),
      escalatedTo: a.escalated_to_unit_code ? await this.unitRef(a.escalated_to_unit_code) : null,
      escalatedAt: a.escalated_to_unit_code ? iso(a.escalated_at) : null,
      pendingExtension: pending,
    };
  }

  private extension(row: TaskExtensionRow, names: Map<string, string>): TaskExtension {
    return {
      id: row.id,
      deadline: row.requested_deadline,
      previousDeadline: row.previous_deadline,
      reason: row.reason,
      requestedAt: row.requested_at.toISOString(),
      requestedBy: row.requested_by ? (names.get(row.requested_by) ?? null) : null,
      decision: row.decision,
      decidedAt: iso(row.decided_at),
      decidedBy: row.decided_by ? (names.get(row.decided_by) ?? null) : null,
      note: row.note,
    };
  }

  async listTasks(actor: OfficerActor, q: TaskListQuery): Promise<TaskList> {
    const fromUnitCodes = await this.scope(actor, q.unitCode);
    const { rows, total } = await this.deps.repository.listTasks(
      { fromUnitCodes, state: q.state, priority: q.priority },
      this.lastClosed(),
      q,
    );
    const items = [];
    for (const t of rows) {
      items.push({
        id: t.id,
        reference: t.reference,
        title: t.title,
        priority: t.priority,
        fromUnit: await this.unitRef(t.from_unit_code),
        deadline: t.deadline,
        createdAt: t.created_at.toISOString(),
        cancelled: t.state === 'cancelled',
        isDemo: t.is_demo,
        assignmentCount: Number(t.total),
        escalatedCount: Number(t.escalated),
        counts: {
          in_progress: Number(t.in_progress),
          overdue: Number(t.overdue),
          done_on_time: Number(t.done_on_time),
          done_late: Number(t.done_late),
          cancelled: Number(t.cancelled),
        },
      });
    }
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async listAssignments(
    actor: OfficerActor,
    q: TaskAssignmentListQuery,
  ): Promise<TaskAssignmentList> {
    const unitCodes = await this.scope(actor, q.unitCode);
    const lastClosed = this.lastClosed();
    const { rows, total } = await this.deps.repository.listAssignments(
      { unitCodes, status: q.status, priority: q.priority, escalated: q.escalated },
      lastClosed,
      q,
    );
    const extensions = await this.deps.repository.extensionsOf(rows.map((r) => r.id));
    const names = await this.deps.repository.userNames(
      extensions.flatMap((e) => [e.requested_by, e.decided_by].filter((x): x is string => !!x)),
    );
    const items = [];
    for (const r of rows) {
      const pending = extensions.find((e) => e.assignment_id === r.id && e.decision === 'pending');
      items.push({
        ...(await this.summary(
          r,
          r.task_state === 'cancelled',
          lastClosed,
          pending ? this.extension(pending, names) : null,
        )),
        task: {
          id: r.task_id,
          reference: r.task_reference,
          title: r.task_title,
          priority: r.task_priority,
          fromUnit: await this.unitRef(r.task_from_unit_code),
        },
      });
    }
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  /** The task an assignment belongs to, as `detail` shows it (answers of the assignee routes). */
  async detailOfAssignment(actor: OfficerActor, assignmentId: string): Promise<TaskDetail> {
    const a = await this.deps.repository.findAssignment(assignmentId);
    if (!a) throw new AppError('TASK_ASSIGNMENT_NOT_FOUND');
    return this.detail(actor, a.task_id);
  }

  /**
   * The task with the assignments the viewer may see: all of them within the assigning unit's
   * scope, otherwise only those of units in the viewer's own scope (a commune never sees another
   * commune's reports). Nobody else learns the task exists.
   */
  async detail(actor: OfficerActor, taskId: string): Promise<TaskDetail> {
    const { policy, repository, files } = this.deps;
    const task = await repository.findTask(taskId);
    if (!task) throw new AppError('TASK_NOT_FOUND');
    const seesAll = await policy.can(actor, 'tasks.read', task.from_unit_code);
    const visible: TaskAssignmentRow[] = [];
    for (const a of await repository.assignmentsOfTask(taskId))
      if (seesAll || (await policy.can(actor, 'tasks.read', a.unit_code))) visible.push(a);
    if (!seesAll && !visible.length) throw new AppError('TASK_NOT_FOUND');

    const visibleIds = new Set(visible.map((a) => a.id));
    const events = (await repository.eventsOfTask(taskId)).filter(
      (e) => e.assignment_id === null || visibleIds.has(e.assignment_id),
    );
    const extensions = await repository.extensionsOf([...visibleIds]);
    const names = await repository.userNames([
      ...(task.created_by ? [task.created_by] : []),
      ...events.map((e) => e.actor_id).filter((x): x is string => !!x),
      ...extensions.flatMap((e) => [e.requested_by, e.decided_by].filter((x): x is string => !!x)),
    ]);
    const fileById = new Map<string, StoredFile>();
    for (const bundle of [taskBundle(taskId), ...visible.map((a) => assignmentBundle(a.id))])
      for (const f of await files.listBundle(bundle)) fileById.set(f.id, toStored(f));
    const toEvent = (e: TaskEventRow): TaskEvent => {
      const data = e.data as TaskEventData;
      return {
        id: Number(e.id),
        kind: e.kind,
        at: e.at.toISOString(),
        actorName: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
        unitCode: e.unit_code,
        percent: e.percent,
        text: e.note,
        deadline: e.deadline,
        files: (data.fileIds ?? []).flatMap((id) => fileById.get(id) ?? []),
      };
    };

    const cancelled = task.state === 'cancelled';
    const lastClosed = this.lastClosed();
    const assignments: TaskAssignmentDetail[] = [];
    for (const a of visible) {
      const own = extensions
        .filter((x) => x.assignment_id === a.id)
        .map((x) => this.extension(x, names));
      assignments.push({
        ...(await this.summary(
          a,
          cancelled,
          lastClosed,
          own.find((x) => x.decision === 'pending') ?? null,
        )),
        canReport:
          !cancelled &&
          a.state === 'open' &&
          (await policy.can(actor, 'tasks.report', a.unit_code)),
        timeline: events.filter((e) => e.assignment_id === a.id).map(toEvent),
        extensions: own,
      });
    }
    const created = events.find((e) => e.kind === 'created');
    return {
      id: task.id,
      reference: task.reference,
      title: task.title,
      priority: task.priority,
      fromUnit: await this.unitRef(task.from_unit_code),
      deadline: task.deadline,
      createdAt: task.created_at.toISOString(),
      cancelled,
      isDemo: task.is_demo,
      description: task.description,
      createdBy: task.created_by ? (names.get(task.created_by) ?? null) : null,
      attachments: created ? toEvent(created).files : [],
      cancelledAt: iso(task.cancelled_at),
      cancelReason: task.cancel_reason,
      canManage: !cancelled && (await policy.can(actor, 'tasks.assign', task.from_unit_code)),
      assignments,
      timeline: events.filter((e) => e.assignment_id === null).map(toEvent),
    };
  }
}
