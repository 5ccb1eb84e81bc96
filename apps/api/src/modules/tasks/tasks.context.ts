import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import type { FileRecord, FilesService } from '../files/files.service';
import type { UnitsService } from '../units/units.service';
import type { TasksRepository } from './tasks.repository';

/** What the task services share; each takes only this one object. */
export interface TasksDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  units: UnitsService;
  calendar: CalendarService;
  files: FilesService;
  repository: TasksRepository;
}

/** Task attachments (the assigner's) and each assignment's report files (that unit's). */
export const taskBundle = (taskId: string) => `task:${taskId}`;
export const assignmentBundle = (assignmentId: string) => `task-assignment:${assignmentId}`;

const TASK_BUNDLE = /^task:([0-9a-f-]{36})$/;
const ASSIGNMENT_BUNDLE = /^task-assignment:([0-9a-f-]{36})$/;

/**
 * A unit's official name ("Phường Buôn Ma Thuột", "Xã Ea Kar"): tasks and their notices are
 * official correspondence, and the short name alone is ambiguous (a ward and a commune may share it).
 */
export async function unitName(deps: Pick<TasksDeps, 'units'>, code: string): Promise<string> {
  return (await deps.units.find(code))?.full_name ?? code;
}

/**
 * Moves files the officer uploaded (POST /api/files) into the task's or assignment's bundle, in
 * the caller's transaction; unknown or foreign ids fail the whole action with 404.
 */
export async function attachFiles(
  deps: Pick<TasksDeps, 'files'>,
  trx: Db,
  actor: Actor & { userId: string },
  fileIds: string[],
  bundleId: string,
  requestId: string | null,
): Promise<FileRecord[]> {
  if (!fileIds.length) return [];
  return deps.files.attachToBundle(trx, actor, {
    fileIds,
    ownerUserId: actor.userId,
    bundleId,
    ...(requestId ? { requestId } : {}),
  });
}

/**
 * Officers read a task's attachments when they may see the task (the assigning unit's scope or
 * any assignee's), and an assignment's report files when they may see that assignment (the
 * assigning unit's scope or that unit's): another commune's reports stay hidden.
 */
export function allowOfficersToReadTaskFiles(deps: TasksDeps): void {
  deps.files.addReadCheck(async (actor, file) => {
    if (actor.kind !== 'officer') return false;
    const taskMatch = TASK_BUNDLE.exec(file.bundleId);
    if (taskMatch) {
      const task = await deps.repository.findTask(taskMatch[1]!);
      if (!task) return false;
      if (await deps.policy.can(actor, 'tasks.read', task.from_unit_code)) return true;
      const assignments = await deps.repository.assignmentsOfTask(task.id);
      for (const a of assignments)
        if (await deps.policy.can(actor, 'tasks.read', a.unit_code)) return true;
      return false;
    }
    const assignmentMatch = ASSIGNMENT_BUNDLE.exec(file.bundleId);
    if (!assignmentMatch) return false;
    const a = await deps.repository.findAssignment(assignmentMatch[1]!);
    if (!a) return false;
    return (
      (await deps.policy.can(actor, 'tasks.read', a.task_from_unit_code)) ||
      (await deps.policy.can(actor, 'tasks.read', a.unit_code))
    );
  });
}
