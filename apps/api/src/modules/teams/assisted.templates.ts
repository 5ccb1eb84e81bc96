import { z } from 'zod';
import type { MessageContent, RenderContext } from '../notifications/notifications.templates';

/**
 * SMS of assisted submission (issue 8 §3), merged into the outbox's template table. They go to the
 * resident's phone: the one-time code for their consent, and a receipt once a consent is recorded
 * (so a resident who did not agree learns of it at once). No personal names: a phone may be shared.
 */

const text = z.string().trim().min(1);
const isoDateTime = z.iso.datetime({ offset: true });

function define<S extends z.ZodType>(definition: {
  schema: S;
  build(payload: z.output<S>, ctx: RenderContext): MessageContent;
}) {
  return definition;
}

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** 'HH:mm ngày DD/MM/YYYY' in Vietnam's time zone. */
function vnTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')} ngày ${get('day')}/${get('month')}/${get('year')}`;
}

const myDossiers = (ctx: RenderContext) => ({
  label: 'Hồ sơ của tôi',
  url: `${ctx.publicUrl}/ho-so-cua-toi`,
});

/** A used or replaced code is overwritten in the stored payload with this (see assisted.repository). */
export const REDACTED_CODE = '••••••';

export const assistedTemplates = {
  'assisted.consent_code': define({
    schema: z
      .object({
        code: z.string().regex(/^(\d{6}|••••••)$/),
        procedureName: text,
        teamName: text,
        expiresAt: isoDateTime,
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Mã xác nhận đồng ý nộp hồ sơ: ${p.code}`,
      intro: [
        `${p.teamName} đang hỗ trợ bạn nộp hồ sơ "${p.procedureName}". Nếu bạn đồng ý, hãy đọc mã này cho thành viên tổ đang ngồi cùng bạn.`,
      ],
      facts: [
        ['Mã xác nhận', p.code],
        ['Hiệu lực đến', vnTime(p.expiresAt)],
      ],
      next: [
        'Không đưa mã cho người khác. Nếu bạn không nhờ ai nộp hồ sơ, hãy bỏ qua tin nhắn này.',
      ],
      link: myDossiers(ctx),
      short: `Mã xác nhận: ${p.code}, hiệu lực 10 phút. Chỉ đọc mã này cho thành viên ${shorten(p.teamName, 50)} đang giúp bạn nộp hồ sơ.`,
    }),
  }),

  'assisted.consent_given': define({
    schema: z
      .object({
        procedureName: text,
        teamName: text,
        givenAt: isoDateTime,
        method: z.enum(['otp', 'sign_in']),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: 'Bạn đã đồng ý cho tổ công nghệ số cộng đồng nộp hồ sơ thay',
      intro: [
        `Lúc ${vnTime(p.givenAt)}, bạn đã đồng ý (${p.method === 'otp' ? 'bằng mã xác nhận' : 'bằng đăng nhập tài khoản định danh'}) để ${p.teamName} nộp hồ sơ "${p.procedureName}" thay bạn.`,
      ],
      facts: [['Thủ tục', p.procedureName]],
      next: ['Nếu không phải bạn đồng ý, hãy báo ngay cho Ủy ban nhân dân xã/phường.'],
      link: myDossiers(ctx),
      short: `Bạn đã đồng ý lúc ${vnTime(p.givenAt)} để ${shorten(p.teamName, 50)} nộp hồ sơ thay bạn. Nếu không phải bạn, hãy báo UBND xã/phường.`,
    }),
  }),
};
