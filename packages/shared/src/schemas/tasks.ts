import { z } from 'zod';
import { CalendarDate } from './calendar';
import { UnitCode } from './common';
import { StoredFile } from './files';

/**
 * Directive tasks ("giao nhiệm vụ", issue 7 item 3): a leader assigns a task to one or many units;
 * each assignee unit has its own assignment with a deadline, progress reports, extension requests
 * and a status derived from the working-day calendar and the clock.
 */

export const taskPriorities = ['normal', 'high', 'urgent'] as const;
export const TaskPriority = z.enum(taskPriorities);
export type TaskPriority = z.infer<typeof TaskPriority>;

export const taskPriorityLabels: Record<TaskPriority, { vi: string; en: string }> = {
  normal: { vi: 'Bình thường', en: 'Normal' },
  high: { vi: 'Quan trọng', en: 'High' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
};

/**
 * Derived, never stored: open assignments are in progress until the end of office hours on their
 * deadline (a working day), overdue after it; finished ones are on time or late by the instant
 * they were marked done.
 */
export const taskAssignmentStatuses = [
  'in_progress',
  'overdue',
  'done_on_time',
  'done_late',
  'cancelled',
] as const;
export const TaskAssignmentStatus = z.enum(taskAssignmentStatuses);
export type TaskAssignmentStatus = z.infer<typeof TaskAssignmentStatus>;

export const taskAssignmentStatusLabels: Record<TaskAssignmentStatus, { vi: string; en: string }> =
  {
    in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
    overdue: { vi: 'Quá hạn', en: 'Overdue' },
    done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
    done_late: { vi: 'Hoàn thành trễ hạn', en: 'Done late' },
    cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  };

export const taskEventKinds = [
  'created',
  'assigned',
  'progress',
  'extension_requested',
  'extension_granted',
  'extension_refused',
  'done',
  'cancelled',
  'due_soon_reminded',
  // The deadline ran out: escalated one level up, or only noted when there is no level above.
  'escalated',
  'overdue',
] as const;
export const TaskEventKind = z.enum(taskEventKinds);
export type TaskEventKind = z.infer<typeof TaskEventKind>;

const Title = z
  .string()
  .trim()
  .min(5, 'Tiêu đề nhiệm vụ cần ít nhất 5 ký tự')
  .max(200, 'Tiêu đề tối đa 200 ký tự');
const LongText = (what: string, min: number) =>
  z
    .string()
    .trim()
    .min(min, `${what} cần ít nhất ${min} ký tự`)
    .max(5000, `${what} tối đa 5.000 ký tự`);
const FileIds = z
  .array(z.uuid('Mã tệp không hợp lệ'))
  .max(10, 'Đính kèm tối đa 10 tệp')
  .default([]);

/** `POST /api/officer/tasks` (Idempotency-Key header required). */
export const TaskCreate = z
  .object({
    /** The assigning unit; defaults to the one unit where the officer is a leader. */
    fromUnitCode: UnitCode.optional(),
    title: Title,
    description: LongText('Nội dung nhiệm vụ', 1),
    priority: TaskPriority.default('normal'),
    /** A working day, today or later; or give `workingDays` and the server counts them. */
    deadline: CalendarDate.optional(),
    workingDays: z
      .number()
      .int('Số ngày làm việc phải là số nguyên')
      .min(1, 'Ít nhất 1 ngày làm việc')
      .max(365, 'Tối đa 365 ngày làm việc')
      .optional(),
    assigneeUnitCodes: z.array(UnitCode).max(200, 'Giao tối đa 200 đơn vị một lần'),
    /** Files uploaded first through `POST /api/files` by the same officer. */
    attachmentIds: FileIds,
  })
  .strict();
export type TaskCreate = z.input<typeof TaskCreate>;

/** `POST /api/officer/task-assignments/:id/progress` */
export const TaskProgressReport = z
  .object({
    /** 0–100; checked by the service (TASK_PERCENT_OUT_OF_RANGE). */
    percent: z.number().int('Tỷ lệ hoàn thành phải là số nguyên'),
    text: LongText('Nội dung báo cáo', 1),
    attachmentIds: FileIds,
  })
  .strict();
export type TaskProgressReport = z.input<typeof TaskProgressReport>;

/** `POST /api/officer/task-assignments/:id/done` */
export const TaskDone = z
  .object({ text: LongText('Báo cáo kết quả', 1), attachmentIds: FileIds })
  .strict();
export type TaskDone = z.input<typeof TaskDone>;

/** `POST /api/officer/task-assignments/:id/extension` */
export const TaskExtensionRequest = z
  .object({ deadline: CalendarDate, reason: LongText('Lý do xin gia hạn', 5) })
  .strict();
export type TaskExtensionRequest = z.infer<typeof TaskExtensionRequest>;

/** `POST /api/officer/task-extensions/:id/decision` */
export const TaskExtensionDecision = z
  .object({
    decision: z.enum(['grant', 'refuse']),
    note: z.string().trim().max(2000, 'Ghi chú tối đa 2.000 ký tự').optional(),
  })
  .strict();
export type TaskExtensionDecision = z.infer<typeof TaskExtensionDecision>;

/** `POST /api/officer/tasks/:id/cancel` */
export const TaskCancel = z.object({ reason: LongText('Lý do hủy', 5) }).strict();
export type TaskCancel = z.infer<typeof TaskCancel>;

const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** Tasks assigned BY `unitCode` and the units below it (a province leader: the whole province). */
export const TaskListQuery = z
  .object({
    unitCode: UnitCode.optional(),
    state: z.enum(['active', 'cancelled']).optional(),
    priority: TaskPriority.optional(),
    ...Paging,
  })
  .strict();
export type TaskListQuery = z.infer<typeof TaskListQuery>;

/** Assignments TO `unitCode` and the units below it: the task board of a unit. */
export const TaskAssignmentListQuery = z
  .object({
    unitCode: UnitCode.optional(),
    status: TaskAssignmentStatus.optional(),
    priority: TaskPriority.optional(),
    escalated: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    ...Paging,
  })
  .strict();
export type TaskAssignmentListQuery = z.infer<typeof TaskAssignmentListQuery>;

export const TaskUnitRef = z.object({ code: z.string(), name: z.string() });
export type TaskUnitRef = z.infer<typeof TaskUnitRef>;

export const TaskExtension = z.object({
  id: z.uuid(),
  deadline: z.string().describe('Requested new deadline (YYYY-MM-DD)'),
  previousDeadline: z.string(),
  reason: z.string(),
  requestedAt: z.iso.datetime(),
  requestedBy: z.string().nullable(),
  decision: z.enum(['pending', 'granted', 'refused', 'withdrawn']),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type TaskExtension = z.infer<typeof TaskExtension>;

export const TaskAssignmentSummary = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  unit: TaskUnitRef,
  deadline: z.string().describe('YYYY-MM-DD, a working day'),
  dueAt: z.iso.datetime().describe('End of office hours on the deadline'),
  percent: z.number().int(),
  status: TaskAssignmentStatus,
  completedAt: z.iso.datetime().nullable(),
  lastReportAt: z.iso.datetime().nullable(),
  escalatedTo: TaskUnitRef.nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  pendingExtension: TaskExtension.nullable(),
});
export type TaskAssignmentSummary = z.infer<typeof TaskAssignmentSummary>;

const TaskHead = {
  id: z.uuid(),
  reference: z.string().describe('NV-yyyy-NNNNNN'),
  title: z.string(),
  priority: TaskPriority,
  fromUnit: TaskUnitRef,
  deadline: z.string(),
  createdAt: z.iso.datetime(),
  cancelled: z.boolean(),
  isDemo: z.boolean(),
};

export const TaskStatusCounts = z.object(
  Object.fromEntries(taskAssignmentStatuses.map((s) => [s, z.number().int()])) as Record<
    TaskAssignmentStatus,
    z.ZodNumber
  >,
);
export type TaskStatusCounts = z.infer<typeof TaskStatusCounts>;

export const TaskSummary = z.object({
  ...TaskHead,
  assignmentCount: z.number().int(),
  counts: TaskStatusCounts,
  escalatedCount: z.number().int(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const TaskList = z.object({
  items: z.array(TaskSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TaskList = z.infer<typeof TaskList>;

export const TaskAssignmentListItem = TaskAssignmentSummary.extend({
  task: z.object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    priority: TaskPriority,
    fromUnit: TaskUnitRef,
  }),
});
export type TaskAssignmentListItem = z.infer<typeof TaskAssignmentListItem>;

export const TaskAssignmentList = z.object({
  items: z.array(TaskAssignmentListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TaskAssignmentList = z.infer<typeof TaskAssignmentList>;

/** One entry of a timeline, oldest first. */
export const TaskEvent = z.object({
  id: z.number().int(),
  kind: TaskEventKind,
  at: z.iso.datetime(),
  actorName: z.string().nullable().describe('null for the system (reminders, escalation)'),
  unitCode: z.string().nullable(),
  percent: z.number().int().nullable(),
  text: z.string().nullable(),
  deadline: z.string().nullable().describe('Extension asked or granted; escalation: deadline'),
  files: z.array(StoredFile),
});
export type TaskEvent = z.infer<typeof TaskEvent>;

export const TaskAssignmentDetail = TaskAssignmentSummary.extend({
  /** May the viewer report progress, ask for an extension, mark done. */
  canReport: z.boolean(),
  timeline: z.array(TaskEvent),
  extensions: z.array(TaskExtension),
});
export type TaskAssignmentDetail = z.infer<typeof TaskAssignmentDetail>;

export const TaskDetail = z.object({
  ...TaskHead,
  description: z.string(),
  createdBy: z.string().nullable(),
  attachments: z.array(StoredFile),
  cancelledAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
  /** May the viewer decide extensions and cancel (a leader of the assigning unit or above). */
  canManage: z.boolean(),
  /** Only the assignments the viewer may see: an assignee sees its own, the assigner all. */
  assignments: z.array(TaskAssignmentDetail),
  /** Task-level events (created, cancelled). */
  timeline: z.array(TaskEvent),
});
export type TaskDetail = z.infer<typeof TaskDetail>;
