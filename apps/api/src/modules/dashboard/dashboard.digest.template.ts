import { z } from 'zod';
import type { MessageContent, RenderContext } from '../notifications/notifications.templates';

/**
 * The leaders' daily digest of alerts, merged into the outbox's template table
 * (notifications.templates.ts) like the task templates. Officers receive it; the link opens the
 * operations dashboard in the back office.
 */

const text = z.string().trim().min(1);
const count = z.number().int().min(0);

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' (a calendar date: no time zone shift). */
function ddmmyyyy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export const DASHBOARD_WEB_PATH = '/can-bo/dieu-hanh';

export const DigestCounts = z
  .object({
    dossierOverdue: count,
    dossierDueSoon: count,
    feedbackOverdue: count,
    feedbackDueSoon: count,
    taskOverdue: count,
    taskDueSoon: count,
    indicatorsBelow: count,
  })
  .strict();
export type DigestCounts = z.infer<typeof DigestCounts>;

function define<S extends z.ZodType>(definition: {
  schema: S;
  build(payload: z.output<S>, ctx: RenderContext): MessageContent;
}) {
  return definition;
}

export const dashboardTemplates = {
  'dashboard.digest': define({
    schema: z
      .object({
        recipientName: text.max(200),
        date: z.iso.date(),
        /** The units the leader oversees, e.g. "Phường Buôn Ma Thuột". */
        scopeName: text.max(500),
        counts: DigestCounts,
        /** "Phường Tân An: 3 hồ sơ quá hạn (H15…, H15…)", most urgent first; ≤ 20. */
        lines: z.array(text.max(500)).min(1).max(20),
        /** Alerts beyond the lines shown. */
        more: count,
      })
      .strict(),
    build: (p, ctx) => {
      const c = p.counts;
      return {
        subject: `Tóm tắt cảnh báo ngày ${ddmmyyyy(p.date)} – ${p.scopeName}`,
        recipientName: p.recipientName,
        intro: [
          `Bảng điều hành tóm tắt những việc cần chú ý của ${p.scopeName} trong ngày ${ddmmyyyy(p.date)}.`,
        ],
        facts: [
          ['Hồ sơ quá hạn', String(c.dossierOverdue)],
          ['Hồ sơ sắp đến hạn', String(c.dossierDueSoon)],
          ['Phản ánh quá hạn trả lời', String(c.feedbackOverdue)],
          ['Phản ánh sắp đến hạn trả lời', String(c.feedbackDueSoon)],
          ['Nhiệm vụ quá hạn', String(c.taskOverdue)],
          ['Nhiệm vụ sắp đến hạn', String(c.taskDueSoon)],
          ['Chỉ số dưới ngưỡng cảnh báo', String(c.indicatorsBelow)],
        ],
        list: {
          title: 'Cần chú ý',
          items: p.more > 0 ? [...p.lines, `… và ${p.more} cảnh báo khác`] : p.lines,
        },
        next: [
          '"Sắp đến hạn" là đến hạn trước khi hết giờ làm việc của ngày làm việc tiếp theo. Ngưỡng cảnh báo của các chỉ số do Quản trị cấp tỉnh thiết lập.',
        ],
        link: { label: 'Mở bảng điều hành', url: `${ctx.publicUrl}${DASHBOARD_WEB_PATH}` },
        short: `Cảnh báo ngày ${ddmmyyyy(p.date)}: ${c.dossierOverdue} hồ sơ, ${c.feedbackOverdue} phản ánh, ${c.taskOverdue} nhiệm vụ quá hạn:`,
      };
    },
  }),
};
