import { z } from 'zod';
import { dashboardTemplates } from '../dashboard/dashboard.digest.template';
import { taskTemplates } from '../tasks/tasks.templates';
import { assistedTemplates } from '../teams/assisted.templates';

/**
 * Vietnamese notification templates. Each declares the payload it needs (a strict zod object, so a
 * missing or misspelt field fails loudly when the message is queued and again when it is rendered)
 * and builds one structured message; notifications.render.ts turns that into an e-mail (subject,
 * text, escaped HTML) or a short SMS/Zalo text. SMS texts carry no names: a phone may be shared.
 */

export interface RenderContext {
  /** config.publicUrl, without a trailing slash: every link points at the portal. */
  publicUrl: string;
  /** Signature line, e.g. "Chính quyền số tỉnh Đắk Lắk". */
  portalName: string;
}

export interface MessageContent {
  subject: string;
  /** Optional for anonymous feedback, where no name is known. */
  recipientName?: string | undefined;
  intro: string[];
  facts: [label: string, value: string][];
  list?: { title: string; items: string[] } | undefined;
  next: string[];
  link: { label: string; url: string };
  /** SMS / Zalo text without the link; the renderer appends it. */
  short: string;
}

interface TemplateDefinition<S extends z.ZodType> {
  schema: S;
  build(payload: z.output<S>, ctx: RenderContext): MessageContent;
}

function define<S extends z.ZodType>(definition: TemplateDefinition<S>): TemplateDefinition<S> {
  return definition;
}

const text = z.string().trim().min(1);
const name = text.max(200);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const amountVnd = z.number().int().positive();

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' (a calendar date: no time zone shift). */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as 'HH:mm ngày DD/MM/YYYY' in Vietnam's time zone, whatever the server's zone. */
export function formatDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
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

export function formatVnd(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

// Web routes of the resident portal that the messages link to.
export function dossierUrl(ctx: RenderContext, reference: string): string {
  return `${ctx.publicUrl}/tra-cuu-ho-so?ma=${encodeURIComponent(reference)}`;
}
export function feedbackUrl(ctx: RenderContext, reference: string): string {
  return `${ctx.publicUrl}/phan-anh/${encodeURIComponent(reference)}`;
}

const nextAfterReception =
  'Khi hồ sơ được tiếp nhận, Ông/Bà sẽ nhận được mã hồ sơ chính thức và ngày hẹn trả kết quả; nếu hồ sơ cần bổ sung, Ông/Bà sẽ được thông báo cụ thể giấy tờ cần bổ sung.';

export const templates = {
  'dossier.received': define({
    schema: z
      .object({
        recipientName: name,
        temporaryReference: text,
        procedureName: text,
        receivingUnitName: text,
        submittedAt: isoDateTime,
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Đã nhận hồ sơ trực tuyến – mã tham chiếu tạm thời ${p.temporaryReference}`,
      recipientName: p.recipientName,
      intro: [
        `Hệ thống đã nhận hồ sơ trực tuyến của Ông/Bà cho thủ tục "${p.procedureName}" lúc ${formatDateTime(p.submittedAt)}.`,
      ],
      facts: [
        ['Mã tham chiếu tạm thời', p.temporaryReference],
        ['Thủ tục', p.procedureName],
        ['Nơi tiếp nhận', p.receivingUnitName],
      ],
      next: [
        `Bước tiếp theo: cán bộ ${p.receivingUnitName} sẽ kiểm tra thành phần hồ sơ. ${nextAfterReception}`,
        'Mã tham chiếu tạm thời dùng để tra cứu cho đến khi hồ sơ được tiếp nhận.',
      ],
      link: { label: 'Tra cứu tình trạng hồ sơ', url: dossierUrl(ctx, p.temporaryReference) },
      short: `Đã nhận hồ sơ trực tuyến, mã tạm ${p.temporaryReference}. Cán bộ sẽ kiểm tra và báo kết quả tiếp nhận.`,
    }),
  }),

  'dossier.accepted': define({
    schema: z
      .object({
        recipientName: name,
        dossierCode: text,
        temporaryReference: text.optional(),
        procedureName: text,
        receivingUnitName: text,
        acceptedAt: isoDateTime,
        dueDate: isoDate,
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Hồ sơ ${p.dossierCode} đã được tiếp nhận – hẹn trả kết quả ngày ${formatDate(p.dueDate)}`,
      recipientName: p.recipientName,
      intro: [
        `Hồ sơ thủ tục "${p.procedureName}" của Ông/Bà đã được ${p.receivingUnitName} tiếp nhận lúc ${formatDateTime(p.acceptedAt)}.`,
      ],
      facts: [
        ['Mã hồ sơ', p.dossierCode],
        ...(p.temporaryReference
          ? [['Mã tham chiếu tạm thời trước đây', p.temporaryReference] as [string, string]]
          : []),
        ['Thủ tục', p.procedureName],
        ['Ngày hẹn trả kết quả', formatDate(p.dueDate)],
      ],
      next: [
        `Vui lòng dùng mã hồ sơ ${p.dossierCode} khi tra cứu hoặc liên hệ. Nếu cần bổ sung giấy tờ hoặc thực hiện nghĩa vụ tài chính, Ông/Bà sẽ được thông báo.`,
      ],
      link: { label: 'Tra cứu tình trạng hồ sơ', url: dossierUrl(ctx, p.dossierCode) },
      short: `Hồ sơ ${p.dossierCode} đã được tiếp nhận, hẹn trả kết quả ngày ${formatDate(p.dueDate)}.`,
    }),
  }),

  'dossier.supplement_requested': define({
    schema: z
      .object({
        recipientName: name,
        dossierCode: text,
        procedureName: text,
        items: z.array(text).min(1),
        note: text.optional(),
        respondBy: isoDate.optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Yêu cầu bổ sung hồ sơ ${p.dossierCode}`,
      recipientName: p.recipientName,
      intro: [
        `Để tiếp tục giải quyết hồ sơ thủ tục "${p.procedureName}", cơ quan giải quyết đề nghị Ông/Bà bổ sung giấy tờ.`,
      ],
      facts: [
        ['Mã hồ sơ', p.dossierCode],
        ['Thủ tục', p.procedureName],
        ...(p.respondBy ? [['Hạn bổ sung', formatDate(p.respondBy)] as [string, string]] : []),
      ],
      list: { title: 'Giấy tờ cần bổ sung', items: p.items },
      next: [
        ...(p.note ? [`Ghi chú của cán bộ: ${p.note}`] : []),
        // Decree 118/2025: the time limit is paused from the request until the citizen resubmits.
        'Ông/Bà có thể bổ sung trực tuyến theo đường dẫn bên dưới hoặc nộp trực tiếp tại nơi tiếp nhận. Thời hạn giải quyết được tạm dừng cho đến khi Ông/Bà nộp đủ giấy tờ bổ sung.',
      ],
      link: { label: 'Xem chi tiết và bổ sung hồ sơ', url: dossierUrl(ctx, p.dossierCode) },
      short: `Hồ sơ ${p.dossierCode} cần bổ sung ${p.items.length} giấy tờ. Xem chi tiết và bổ sung:`,
    }),
  }),

  'dossier.financial_obligation': define({
    schema: z
      .object({
        recipientName: name,
        dossierCode: text,
        procedureName: text,
        description: text,
        amountVnd,
        payBy: isoDate.optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Thông báo nghĩa vụ tài chính – hồ sơ ${p.dossierCode}`,
      recipientName: p.recipientName,
      intro: [
        `Hồ sơ thủ tục "${p.procedureName}" cần Ông/Bà thực hiện nghĩa vụ tài chính để tiếp tục được giải quyết.`,
      ],
      facts: [
        ['Mã hồ sơ', p.dossierCode],
        ['Khoản phải nộp', p.description],
        ['Số tiền', formatVnd(p.amountVnd)],
        ...(p.payBy ? [['Hạn nộp', formatDate(p.payBy)] as [string, string]] : []),
      ],
      next: [
        'Ông/Bà có thể thanh toán trực tuyến theo đường dẫn bên dưới hoặc nộp tại nơi tiếp nhận hồ sơ. Sau khi thanh toán, Ông/Bà sẽ nhận được biên lai điện tử.',
      ],
      link: { label: 'Thanh toán trực tuyến', url: dossierUrl(ctx, p.dossierCode) },
      short: `Hồ sơ ${p.dossierCode}: cần nộp ${formatVnd(p.amountVnd)} (${shorten(p.description, 60)}). Thanh toán:`,
    }),
  }),

  'dossier.result_ready': define({
    schema: z
      .object({
        recipientName: name,
        dossierCode: text,
        procedureName: text,
        delivery: z.enum(['online', 'in_person', 'post']),
        pickupPlace: text.optional(),
      })
      .strict()
      .refine((p) => p.delivery !== 'in_person' || p.pickupPlace, {
        path: ['pickupPlace'],
        message: 'required when delivery is in_person',
      }),
    build: (p, ctx) => {
      const how: Record<typeof p.delivery, [fact: string, next: string, short: string]> = {
        online: [
          'Nhận trực tuyến (bản điện tử)',
          'Ông/Bà tải kết quả bản điện tử theo đường dẫn bên dưới.',
          'Tải kết quả:',
        ],
        in_person: [
          `Nhận trực tiếp tại ${p.pickupPlace}`,
          'Khi đến nhận, vui lòng mang theo giấy tờ tùy thân và mã hồ sơ.',
          `Mời nhận tại ${shorten(p.pickupPlace ?? '', 60)}. Chi tiết:`,
        ],
        post: [
          'Gửi qua dịch vụ bưu chính công ích',
          'Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ Ông/Bà đã đăng ký.',
          'Kết quả sẽ được gửi qua bưu điện. Chi tiết:',
        ],
      };
      const [fact, next, short] = how[p.delivery];
      return {
        subject: `Đã có kết quả giải quyết hồ sơ ${p.dossierCode}`,
        recipientName: p.recipientName,
        intro: [`Hồ sơ thủ tục "${p.procedureName}" của Ông/Bà đã được giải quyết xong.`],
        facts: [
          ['Mã hồ sơ', p.dossierCode],
          ['Thủ tục', p.procedureName],
          ['Hình thức nhận kết quả', fact],
        ],
        next: [next],
        link: { label: 'Xem kết quả hồ sơ', url: dossierUrl(ctx, p.dossierCode) },
        short: `Hồ sơ ${p.dossierCode} đã có kết quả. ${short}`,
      };
    },
  }),

  'dossier.refused': define({
    schema: z
      .object({
        recipientName: name,
        // The dossier code, or the temporary reference when refused at reception (form 03).
        reference: text,
        procedureName: text,
        unitName: text,
        stage: z.enum(['reception', 'processing']),
        reason: text,
      })
      .strict(),
    build: (p, ctx) => {
      const atReception = p.stage === 'reception';
      return {
        subject: atReception
          ? `Hồ sơ ${p.reference} không được tiếp nhận`
          : `Hồ sơ ${p.reference} bị từ chối giải quyết`,
        recipientName: p.recipientName,
        intro: [
          `${p.unitName} ${atReception ? 'không tiếp nhận' : 'từ chối giải quyết'} hồ sơ thủ tục "${p.procedureName}" của Ông/Bà.`,
        ],
        facts: [
          [atReception ? 'Mã tham chiếu' : 'Mã hồ sơ', p.reference],
          ['Thủ tục', p.procedureName],
          ['Lý do', p.reason],
        ],
        next: [
          'Ông/Bà có thể nộp lại hồ sơ sau khi khắc phục các nội dung nêu trên. Nếu có thắc mắc, vui lòng liên hệ nơi tiếp nhận hồ sơ hoặc gửi phản ánh, kiến nghị trên Cổng.',
        ],
        link: { label: 'Xem chi tiết hồ sơ', url: dossierUrl(ctx, p.reference) },
        short: `Hồ sơ ${p.reference} ${atReception ? 'không được tiếp nhận' : 'bị từ chối giải quyết'}. Lý do: ${shorten(p.reason, 80)}. Chi tiết:`,
      };
    },
  }),

  // Any other public step of the workflow (liên thông, withdrawal, stop, apology, resubmission,
  // result returned): what happened, the status in words, the officer's note, a new date if any.
  'dossier.status_changed': define({
    schema: z
      .object({
        recipientName: name,
        reference: text,
        procedureName: text,
        event: text.max(200),
        statusLabel: text.max(200),
        note: text.max(2000).optional(),
        newDueDate: isoDate.optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Hồ sơ ${p.reference}: ${p.event}`,
      recipientName: p.recipientName,
      intro: [`Hồ sơ thủ tục "${p.procedureName}" của Ông/Bà có cập nhật: ${p.event}.`],
      facts: [
        ['Mã hồ sơ', p.reference],
        ['Thủ tục', p.procedureName],
        ['Trạng thái', p.statusLabel],
        ...(p.newDueDate
          ? [['Ngày hẹn trả kết quả mới', formatDate(p.newDueDate)] as [string, string]]
          : []),
      ],
      next: [...(p.note ? [`Nội dung: ${p.note}`] : [])],
      link: { label: 'Xem chi tiết hồ sơ', url: dossierUrl(ctx, p.reference) },
      short: `Hồ sơ ${p.reference}: ${shorten(p.event, 80)}. Chi tiết:`,
    }),
  }),

  'payment.receipt': define({
    schema: z
      .object({
        recipientName: name,
        dossierCode: text,
        description: text,
        amountVnd,
        paidAt: isoDateTime,
        receiptNumber: text,
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Biên lai thanh toán số ${p.receiptNumber} – hồ sơ ${p.dossierCode}`,
      recipientName: p.recipientName,
      intro: [
        `Khoản thanh toán của Ông/Bà cho hồ sơ ${p.dossierCode} đã được ghi nhận. Xin cảm ơn.`,
      ],
      facts: [
        ['Số biên lai', p.receiptNumber],
        ['Mã hồ sơ', p.dossierCode],
        ['Nội dung', p.description],
        ['Số tiền', formatVnd(p.amountVnd)],
        ['Thời điểm thanh toán', formatDateTime(p.paidAt)],
      ],
      next: ['Ông/Bà có thể xem và tải biên lai điện tử theo đường dẫn bên dưới.'],
      link: { label: 'Xem biên lai', url: dossierUrl(ctx, p.dossierCode) },
      short: `Đã nhận thanh toán ${formatVnd(p.amountVnd)} cho hồ sơ ${p.dossierCode}, biên lai số ${p.receiptNumber}.`,
    }),
  }),

  'feedback.received': define({
    schema: z
      .object({
        recipientName: name.optional(),
        feedbackReference: text,
        title: text,
        receivedAt: isoDateTime,
        answerBy: isoDate.optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Đã nhận phản ánh, kiến nghị ${p.feedbackReference}`,
      recipientName: p.recipientName,
      intro: [
        `Cảm ơn Ông/Bà đã gửi phản ánh, kiến nghị "${p.title}". Phản ánh đã được ghi nhận lúc ${formatDateTime(p.receivedAt)} và chuyển đến cơ quan có thẩm quyền xử lý.`,
      ],
      facts: [
        ['Mã phản ánh', p.feedbackReference],
        ...(p.answerBy
          ? [['Hạn trả lời dự kiến', formatDate(p.answerBy)] as [string, string]]
          : []),
      ],
      next: ['Ông/Bà sẽ nhận được thông báo khi có kết quả xử lý.'],
      link: { label: 'Theo dõi phản ánh', url: feedbackUrl(ctx, p.feedbackReference) },
      short: `Đã nhận phản ánh ${p.feedbackReference}. Theo dõi xử lý:`,
    }),
  }),

  'feedback.answered': define({
    schema: z
      .object({
        recipientName: name.optional(),
        feedbackReference: text,
        title: text,
        unitName: text,
        answer: text,
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Phản ánh ${p.feedbackReference} đã có trả lời`,
      recipientName: p.recipientName,
      intro: [`${p.unitName} đã trả lời phản ánh, kiến nghị "${p.title}" của Ông/Bà.`],
      facts: [
        ['Mã phản ánh', p.feedbackReference],
        ['Cơ quan trả lời', p.unitName],
      ],
      next: [
        `Nội dung trả lời: ${p.answer}`,
        'Ông/Bà có thể đánh giá mức độ hài lòng hoặc đề nghị xem xét lại theo đường dẫn bên dưới.',
      ],
      link: { label: 'Xem trả lời và đánh giá', url: feedbackUrl(ctx, p.feedbackReference) },
      short: `Phản ánh ${p.feedbackReference} đã có trả lời từ ${shorten(p.unitName, 60)}. Xem và đánh giá:`,
    }),
  }),

  'feedback.info_requested': define({
    schema: z
      .object({
        recipientName: name.optional(),
        feedbackReference: text,
        title: text,
        unitName: text,
        question: text.max(4000),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Phản ánh ${p.feedbackReference}: đề nghị bổ sung thông tin`,
      recipientName: p.recipientName,
      intro: [
        `${p.unitName} cần Ông/Bà bổ sung thông tin cho phản ánh "${p.title}" để tiếp tục xử lý.`,
      ],
      facts: [
        ['Mã phản ánh', p.feedbackReference],
        ['Nội dung cần bổ sung', p.question],
      ],
      next: [
        'Thời hạn xử lý tạm dừng cho đến khi Ông/Bà bổ sung; vui lòng trả lời theo đường dẫn bên dưới.',
      ],
      link: { label: 'Bổ sung thông tin', url: feedbackUrl(ctx, p.feedbackReference) },
      short: `Phản ánh ${p.feedbackReference} cần bổ sung thông tin. Trả lời tại:`,
    }),
  }),

  // To the people who follow a report (instead of filing a duplicate): it was answered or closed.
  'feedback.follower_update': define({
    schema: z
      .object({
        feedbackReference: text,
        title: text,
        unitName: text,
        kind: z.enum(['answered', 'closed']),
        answer: text.max(4000).optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject:
        p.kind === 'answered'
          ? `Phản ánh ${p.feedbackReference} Ông/Bà theo dõi đã có trả lời`
          : `Phản ánh ${p.feedbackReference} Ông/Bà theo dõi đã đóng`,
      intro: [
        p.kind === 'answered'
          ? `${p.unitName} đã trả lời phản ánh "${p.title}" mà Ông/Bà đang theo dõi.`
          : `Phản ánh "${p.title}" mà Ông/Bà đang theo dõi đã kết thúc xử lý.`,
      ],
      facts: [
        ['Mã phản ánh', p.feedbackReference],
        ['Cơ quan xử lý', p.unitName],
      ],
      next: p.answer ? [`Nội dung trả lời: ${p.answer}`] : [],
      link: { label: 'Xem phản ánh', url: feedbackUrl(ctx, p.feedbackReference) },
      short:
        p.kind === 'answered'
          ? `Phản ánh ${p.feedbackReference} Ông/Bà theo dõi đã có trả lời. Xem tại:`
          : `Phản ánh ${p.feedbackReference} Ông/Bà theo dõi đã đóng. Xem tại:`,
    }),
  }),

  // To the officers of the unit that must handle a report: a new one (routed, transferred or
  // escalated to them), one due soon, one overdue (and escalated away from them).
  'feedback.unit_new': define({
    schema: z
      .object({
        feedbackReference: text,
        title: text,
        categoryName: text,
        unitName: text,
        dueAt: isoDateTime,
        escalated: z.boolean().optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `${p.escalated ? 'Phản ánh quá hạn chuyển đến' : 'Phản ánh mới'} ${p.feedbackReference} – ${p.unitName}`,
      intro: [
        p.escalated
          ? `Phản ánh "${p.title}" đã quá hạn ở đơn vị trước và được chuyển đến ${p.unitName} theo quy định.`
          : `${p.unitName} có phản ánh mới cần xử lý: "${p.title}".`,
      ],
      facts: [
        ['Mã phản ánh', p.feedbackReference],
        ['Lĩnh vực', p.categoryName],
        ['Hạn trả lời', formatDateTime(p.dueAt)],
      ],
      next: ['Vui lòng xem và xử lý phản ánh trên trang cán bộ.'],
      link: { label: 'Mở phản ánh', url: feedbackUrl(ctx, p.feedbackReference) },
      short: `Phản ánh ${p.escalated ? 'quá hạn chuyển đến' : 'mới'} ${p.feedbackReference}, hạn ${formatDateTime(p.dueAt)}:`,
    }),
  }),

  'feedback.unit_due_soon': define({
    schema: z
      .object({ feedbackReference: text, title: text, unitName: text, dueAt: isoDateTime })
      .strict(),
    build: (p, ctx) => ({
      subject: `Phản ánh ${p.feedbackReference} sắp đến hạn trả lời`,
      intro: [`Phản ánh "${p.title}" của ${p.unitName} sắp đến hạn trả lời.`],
      facts: [
        ['Mã phản ánh', p.feedbackReference],
        ['Hạn trả lời', formatDateTime(p.dueAt)],
      ],
      next: ['Quá hạn, phản ánh sẽ được chuyển lên cấp trên.'],
      link: { label: 'Mở phản ánh', url: feedbackUrl(ctx, p.feedbackReference) },
      short: `Phản ánh ${p.feedbackReference} sắp đến hạn (${formatDateTime(p.dueAt)}):`,
    }),
  }),

  'feedback.unit_overdue': define({
    schema: z
      .object({
        feedbackReference: text,
        title: text,
        unitName: text,
        dueAt: isoDateTime,
        escalatedToName: text.optional(),
      })
      .strict(),
    build: (p, ctx) => ({
      subject: `Phản ánh ${p.feedbackReference} đã quá hạn trả lời`,
      intro: [`Phản ánh "${p.title}" của ${p.unitName} đã quá hạn trả lời.`],
      facts: [
        ['Mã phản ánh', p.feedbackReference],
        ['Hạn trả lời', formatDateTime(p.dueAt)],
        ...(p.escalatedToName ? [['Đã chuyển đến', p.escalatedToName] as [string, string]] : []),
      ],
      next: ['Việc quá hạn được ghi nhận vào chỉ số đúng hạn của đơn vị.'],
      link: { label: 'Mở phản ánh', url: feedbackUrl(ctx, p.feedbackReference) },
      short: `Phản ánh ${p.feedbackReference} đã quá hạn trả lời:`,
    }),
  }),

  // Directive tasks (modules/tasks/tasks.templates.ts).
  ...taskTemplates,
  // The leaders' daily digest of alerts (modules/dashboard/dashboard.digest.template.ts).
  ...dashboardTemplates,
  // Assisted submission: the resident's one-time code and consent receipt (teams/assisted.templates.ts).
  ...assistedTemplates,
};

export type TemplateName = keyof typeof templates;
export type TemplatePayload<N extends TemplateName> = z.input<(typeof templates)[N]['schema']>;
export const templateNames = Object.keys(templates) as TemplateName[];
