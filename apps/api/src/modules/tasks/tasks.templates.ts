import { taskPriorities, taskPriorityLabels } from '@cqs/shared';
import { z } from 'zod';
import type { MessageContent, RenderContext } from '../notifications/notifications.templates';

/**
 * Notification templates of directive tasks, merged into the outbox's template table
 * (notifications.templates.ts). Officers receive them; the link opens the task in the back office.
 */

const text = z.string().trim().min(1);
const isoDate = z.iso.date();
const uuid = z.uuid();

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' (a calendar date: no time zone shift). */
function ddmmyyyy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function taskUrl(ctx: RenderContext, taskId: string): string {
  return `${ctx.publicUrl}/can-bo/nhiem-vu/${encodeURIComponent(taskId)}`;
}

function define<S extends z.ZodType>(definition: {
  schema: S;
  build(payload: z.output<S>, ctx: RenderContext): MessageContent;
}) {
  return definition;
}

const head = { taskId: uuid, taskReference: text, title: text };
const open = (p: { taskId: string }, ctx: RenderContext) => ({
  label: 'Mở nhiệm vụ',
  url: taskUrl(ctx, p.taskId),
});

export const taskTemplates = {
  // To the leaders and specialists of an assignee unit.
  'task.assigned': define({
    schema: z
      .object({
        ...head,
        fromUnitName: text,
        unitName: text,
        deadline: isoDate,
        priority: z.enum(taskPriorities),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Nhiệm vụ mới ${p.taskReference}: ${p.title}`,
      intro: [`${p.fromUnitName} giao cho ${p.unitName} nhiệm vụ "${p.title}".`],
      facts: [
        ['Mã nhiệm vụ', p.taskReference],
        ['Mức độ', taskPriorityLabels[p.priority].vi],
        ['Hạn hoàn thành', `hết giờ làm việc ngày ${ddmmyyyy(p.deadline)}`],
      ],
      next: ['Vui lòng báo cáo tiến độ trên trang cán bộ; cần thêm thời gian thì đề nghị gia hạn.'],
      link: open(p, ctx),
      short: `Nhiệm vụ mới ${p.taskReference}, hạn ${ddmmyyyy(p.deadline)}:`,
    }),
  }),

  'task.cancelled': define({
    schema: z.object({ ...head, fromUnitName: text, reason: text }).strict(),
    build: (p, ctx) => ({
      subject: `Nhiệm vụ ${p.taskReference} đã được hủy`,
      intro: [`${p.fromUnitName} đã hủy nhiệm vụ "${p.title}".`],
      facts: [
        ['Mã nhiệm vụ', p.taskReference],
        ['Lý do', p.reason],
      ],
      next: ['Không cần báo cáo thêm về nhiệm vụ này.'],
      link: open(p, ctx),
      short: `Nhiệm vụ ${p.taskReference} đã được hủy:`,
    }),
  }),

  // To the officer who assigned the task: a report, a completion or an extension request.
  'task.reported': define({
    schema: z
      .object({
        ...head,
        unitName: text,
        kind: z.enum(['progress', 'done', 'extension_requested']),
        percent: z.number().int().min(0).max(100).optional(),
        text,
        deadline: isoDate.optional(),
      })
      .strict(),
    build: (p, ctx) => {
      const what = {
        progress: `báo cáo tiến độ${p.percent === undefined ? '' : ` (${p.percent}%)`}`,
        done: 'báo cáo hoàn thành',
        extension_requested: `đề nghị gia hạn${p.deadline ? ` đến ${ddmmyyyy(p.deadline)}` : ''}`,
      }[p.kind];
      return {
        subject: `${p.unitName} ${what} – nhiệm vụ ${p.taskReference}`,
        intro: [`${p.unitName} ${what} cho nhiệm vụ "${p.title}".`],
        facts: [
          ['Mã nhiệm vụ', p.taskReference],
          [p.kind === 'extension_requested' ? 'Lý do' : 'Nội dung', p.text],
        ],
        next:
          p.kind === 'extension_requested'
            ? ['Vui lòng đồng ý hoặc từ chối đề nghị gia hạn trên trang cán bộ.']
            : ['Xem chi tiết và tệp đính kèm trên trang cán bộ.'],
        link: open(p, ctx),
        short: `Nhiệm vụ ${p.taskReference} có cập nhật từ đơn vị được giao:`,
      };
    },
  }),

  'task.extension_decided': define({
    schema: z
      .object({
        ...head,
        unitName: text,
        granted: z.boolean(),
        deadline: isoDate,
        note: text.optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Đề nghị gia hạn nhiệm vụ ${p.taskReference} ${p.granted ? 'được đồng ý' : 'không được đồng ý'}`,
      intro: [
        p.granted
          ? `Đề nghị gia hạn của ${p.unitName} cho nhiệm vụ "${p.title}" đã được đồng ý.`
          : `Đề nghị gia hạn của ${p.unitName} cho nhiệm vụ "${p.title}" không được đồng ý.`,
      ],
      facts: [
        ['Mã nhiệm vụ', p.taskReference],
        [p.granted ? 'Hạn mới' : 'Hạn vẫn là', `hết giờ làm việc ngày ${ddmmyyyy(p.deadline)}`],
        ...(p.note ? [['Ghi chú', p.note] as [string, string]] : []),
      ],
      next: ['Vui lòng tiếp tục thực hiện và báo cáo tiến độ.'],
      link: open(p, ctx),
      short: `Gia hạn nhiệm vụ ${p.taskReference}: ${p.granted ? 'đồng ý' : 'không đồng ý'}, hạn ${ddmmyyyy(p.deadline)}:`,
    }),
  }),

  'task.due_soon': define({
    schema: z.object({ ...head, unitName: text, deadline: isoDate }).strict(),
    build: (p, ctx) => ({
      subject: `Nhiệm vụ ${p.taskReference} sắp đến hạn`,
      intro: [`Nhiệm vụ "${p.title}" của ${p.unitName} còn không quá một ngày làm việc.`],
      facts: [
        ['Mã nhiệm vụ', p.taskReference],
        ['Hạn hoàn thành', `hết giờ làm việc ngày ${ddmmyyyy(p.deadline)}`],
      ],
      next: ['Quá hạn, nhiệm vụ sẽ được báo cáo lên cấp trên.'],
      link: open(p, ctx),
      short: `Nhiệm vụ ${p.taskReference} sắp đến hạn (${ddmmyyyy(p.deadline)}):`,
    }),
  }),

  // To the late unit and to the assigner.
  'task.overdue': define({
    schema: z
      .object({ ...head, unitName: text, deadline: isoDate, escalatedToName: text.optional() })
      .strict(),
    build: (p, ctx) => ({
      subject: `Nhiệm vụ ${p.taskReference} của ${p.unitName} đã quá hạn`,
      intro: [`Nhiệm vụ "${p.title}" của ${p.unitName} đã quá hạn mà chưa hoàn thành.`],
      facts: [
        ['Mã nhiệm vụ', p.taskReference],
        ['Hạn hoàn thành', ddmmyyyy(p.deadline)],
        ...(p.escalatedToName ? [['Đã báo cáo lên', p.escalatedToName] as [string, string]] : []),
      ],
      next: ['Việc quá hạn được ghi nhận; đơn vị vẫn cần hoàn thành và báo cáo.'],
      link: open(p, ctx),
      short: `Nhiệm vụ ${p.taskReference} đã quá hạn:`,
    }),
  }),

  // To the leaders of the level above the late unit.
  'task.escalated': define({
    schema: z.object({ ...head, unitName: text, fromUnitName: text, deadline: isoDate }).strict(),
    build: (p, ctx) => ({
      subject: `Báo cáo quá hạn: nhiệm vụ ${p.taskReference} của ${p.unitName}`,
      intro: [
        `Nhiệm vụ "${p.title}" do ${p.fromUnitName} giao cho ${p.unitName} đã quá hạn và được báo cáo lên cấp trên.`,
      ],
      facts: [
        ['Mã nhiệm vụ', p.taskReference],
        ['Hạn hoàn thành', ddmmyyyy(p.deadline)],
      ],
      next: ['Vui lòng chỉ đạo đơn vị hoàn thành nhiệm vụ.'],
      link: open(p, ctx),
      short: `Nhiệm vụ ${p.taskReference} quá hạn, đã báo cáo lên cấp trên:`,
    }),
  }),
};
