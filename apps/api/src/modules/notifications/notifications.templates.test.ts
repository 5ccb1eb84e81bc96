import { describe, expect, it } from 'vitest';
import { createProviders, LogProvider, maskRecipient } from './notifications.providers';
import { renderNotification } from './notifications.render';
import { normaliseRecipient } from './notifications.service';
import {
  formatDateTime,
  type TemplateName,
  type TemplatePayload,
  templateNames,
} from './notifications.templates';
import { DEFAULT_RETRY_DELAYS_MS, retryDelayMs } from './notifications.worker';

const ctx = { publicUrl: 'https://dvc.daklak.example', portalName: 'Chính quyền số tỉnh Đắk Lắk' };
const code = 'H15.50.05.13-261008-0975';
const TASK_ID = '2f6b1c1e-8d0a-4c39-9a43-5b7e2f1d9c10';

const samples: { [N in TemplateName]: TemplatePayload<N> } = {
  'dossier.received': {
    recipientName: 'Trần Văn Đức',
    temporaryReference: 'TAM-7KQ2-9XPA',
    procedureName: 'Đăng ký khai sinh',
    receivingUnitName: 'Trung tâm Phục vụ hành chính công xã Ea Kar',
    submittedAt: '2026-04-29T08:01:00Z',
  },
  'dossier.accepted': {
    recipientName: 'Trần Văn Đức',
    dossierCode: code,
    procedureName: 'Đăng ký khai sinh',
    receivingUnitName: 'Trung tâm Phục vụ hành chính công xã Ea Kar',
    acceptedAt: '2026-04-29T07:59:00Z',
    dueDate: '2026-05-04',
  },
  'dossier.supplement_requested': {
    recipientName: 'Trần Văn Đức',
    dossierCode: code,
    procedureName: 'Đăng ký khai sinh',
    items: ['Giấy chứng sinh'],
    note: 'Bản chụp bị mờ',
  },
  'dossier.financial_obligation': {
    recipientName: 'Trần Văn Đức',
    dossierCode: code,
    procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất',
    description: 'Lệ phí trước bạ',
    amountVnd: 1_500_000,
    payBy: '2026-05-15',
  },
  'dossier.result_ready': {
    recipientName: 'Trần Văn Đức',
    dossierCode: code,
    procedureName: 'Đăng ký khai sinh',
    delivery: 'in_person',
    pickupPlace: 'Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công xã Ea Kar',
  },
  'dossier.refused': {
    recipientName: 'Trần Văn Đức',
    reference: 'TAM-7KQ2-9XPA',
    procedureName: 'Đăng ký khai sinh',
    unitName: 'Trung tâm Phục vụ hành chính công xã Ea Kar',
    stage: 'reception',
    reason: 'Thủ tục không thuộc thẩm quyền của xã',
  },
  'dossier.status_changed': {
    recipientName: 'Trần Văn Đức',
    reference: code,
    procedureName: 'Đăng ký khai sinh',
    event: 'Thư xin lỗi và hẹn lại ngày trả kết quả',
    statusLabel: 'Đang xử lý',
    note: 'Cần thêm thời gian xác minh tại cơ quan liên quan',
    newDueDate: '2026-05-20',
  },
  'payment.receipt': {
    recipientName: 'Trần Văn Đức',
    dossierCode: code,
    description: 'Lệ phí trước bạ',
    amountVnd: 1_500_000,
    paidAt: '2026-05-02T03:30:00Z',
    receiptNumber: 'BL-2026-000123',
  },
  'feedback.received': {
    feedbackReference: 'PA-2026-00042',
    title: 'Đèn đường hỏng ở thôn 3',
    receivedAt: '2026-05-02T03:30:00Z',
    answerBy: '2026-05-07',
  },
  'feedback.answered': {
    recipientName: 'Trần Văn Đức',
    feedbackReference: 'PA-2026-00042',
    title: 'Đèn đường hỏng ở thôn 3',
    unitName: 'UBND xã Ea Kar',
    answer: 'Đã thay bóng đèn ngày 05/05/2026.',
  },
  'feedback.info_requested': {
    feedbackReference: 'PA-260429-7KQ2XP',
    title: 'Đèn đường hỏng ở thôn 3',
    unitName: 'UBND xã Ea Kar',
    question: 'Đề nghị cho biết số cột đèn.',
  },
  'feedback.follower_update': {
    feedbackReference: 'PA-260429-7KQ2XP',
    title: 'Đèn đường hỏng ở thôn 3',
    unitName: 'UBND xã Ea Kar',
    kind: 'answered',
    answer: 'Đã thay bóng đèn ngày 05/05/2026.',
  },
  'feedback.unit_new': {
    feedbackReference: 'PA-260429-7KQ2XP',
    title: 'Đèn đường hỏng ở thôn 3',
    categoryName: 'Điện, chiếu sáng',
    unitName: 'UBND xã Ea Kar',
    dueAt: '2026-05-20T10:00:00Z',
  },
  'feedback.unit_due_soon': {
    feedbackReference: 'PA-260429-7KQ2XP',
    title: 'Đèn đường hỏng ở thôn 3',
    unitName: 'UBND xã Ea Kar',
    dueAt: '2026-05-20T10:00:00Z',
  },
  'feedback.unit_overdue': {
    feedbackReference: 'PA-260429-7KQ2XP',
    title: 'Đèn đường hỏng ở thôn 3',
    unitName: 'UBND xã Ea Kar',
    dueAt: '2026-05-20T10:00:00Z',
    escalatedToName: 'Sở Công Thương',
  },
  'task.assigned': {
    taskId: TASK_ID,
    taskReference: 'NV-2026-000012',
    title: 'Rà soát hồ sơ quá hạn',
    fromUnitName: 'Tỉnh Đắk Lắk',
    unitName: 'Xã Ea Kar',
    deadline: '2026-05-04',
    priority: 'urgent',
  },
  'task.cancelled': {
    taskId: TASK_ID,
    taskReference: 'NV-2026-000012',
    title: 'Rà soát hồ sơ quá hạn',
    fromUnitName: 'Tỉnh Đắk Lắk',
    reason: 'Đã giao trong văn bản khác',
  },
  'task.reported': {
    taskId: TASK_ID,
    taskReference: 'NV-2026-000012',
    title: 'Rà soát hồ sơ quá hạn',
    unitName: 'Xã Ea Kar',
    kind: 'progress',
    percent: 40,
    text: 'Đã rà soát 6/15 hồ sơ',
  },
  'task.extension_decided': {
    taskId: TASK_ID,
    taskReference: 'NV-2026-000012',
    title: 'Rà soát hồ sơ quá hạn',
    unitName: 'Xã Ea Kar',
    granted: true,
    deadline: '2026-05-11',
  },
  'task.due_soon': {
    taskId: TASK_ID,
    taskReference: 'NV-2026-000012',
    title: 'Rà soát hồ sơ quá hạn',
    unitName: 'Xã Ea Kar',
    deadline: '2026-05-04',
  },
  'task.overdue': {
    taskId: TASK_ID,
    taskReference: 'NV-2026-000012',
    title: 'Rà soát hồ sơ quá hạn',
    unitName: 'Xã Ea Kar',
    deadline: '2026-05-04',
    escalatedToName: 'Tỉnh Đắk Lắk',
  },
  'task.escalated': {
    taskId: TASK_ID,
    taskReference: 'NV-2026-000012',
    title: 'Rà soát hồ sơ quá hạn',
    unitName: 'Xã Ea Kar',
    fromUnitName: 'Tỉnh Đắk Lắk',
    deadline: '2026-05-04',
  },
  'dashboard.digest': {
    recipientName: 'Nguyễn Thị Lãnh Đạo',
    date: '2026-05-07',
    scopeName: 'Phường Buôn Ma Thuột',
    counts: {
      dossierOverdue: 2,
      dossierDueSoon: 1,
      feedbackOverdue: 1,
      feedbackDueSoon: 0,
      taskOverdue: 1,
      taskDueSoon: 0,
      indicatorsBelow: 1,
    },
    lines: ['Phường Buôn Ma Thuột: 2 hồ sơ quá hạn (H15.50.05.13-260504-0001)'],
    more: 0,
  },
  'assisted.consent_code': {
    code: '042817',
    procedureName: 'Đăng ký khai sinh',
    teamName: 'Tổ Công nghệ số cộng đồng Thôn 3',
    expiresAt: '2026-05-04T03:10:00.000Z',
  },
  'assisted.consent_given': {
    procedureName: 'Đăng ký khai sinh',
    teamName: 'Tổ Công nghệ số cộng đồng Thôn 3',
    givenAt: '2026-05-04T03:02:00.000Z',
    method: 'otp',
  },
};

describe('templates', () => {
  it.each(templateNames)(
    '%s renders a Vietnamese e-mail and a short text with a portal link',
    (name) => {
      const message = renderNotification(name, samples[name], ctx);
      expect(message.subject.length).toBeGreaterThan(10);
      expect(message.text).toMatch(/^Kính gửi Ông\/Bà( [^,]+)?,\n\n/);
      expect(message.text).toContain('Trân trọng,\nChính quyền số tỉnh Đắk Lắk');
      expect(message.text).toMatch(/: https:\/\/dvc\.daklak\.example\/\S+\n/);
      expect(message.html).toContain('<html lang="vi">');
      expect(message.short).toMatch(/ https:\/\/dvc\.daklak\.example\/\S+$/);
      // Short texts stay short and never carry the resident's name.
      expect(message.short.length).toBeLessThan(220);
      expect(message.short).not.toContain('Trần Văn Đức');
      // NFC text: precomposed Vietnamese letters, as typed on Vietnamese keyboards.
      expect(message.text).toBe(message.text.normalize('NFC'));
    },
  );

  it.each(templateNames)('%s fails loudly when a required field is missing', (name) => {
    const payload = { ...(samples[name] as Record<string, unknown>) };
    const required = Object.keys(payload).find(
      (k) =>
        ![
          'recipientName',
          'note',
          'payBy',
          'answerBy',
          'respondBy',
          'temporaryReference',
          'pickupPlace',
        ].includes(k),
    )!;
    delete payload[required];
    expect(() => renderNotification(name, payload, ctx)).toThrow(
      `payload of template "${name}" is invalid at: ${required}`,
    );
  });

  it('states dates in Vietnam time and amounts in đồng', () => {
    const accepted = renderNotification('dossier.accepted', samples['dossier.accepted'], ctx);
    expect(accepted.subject).toBe(
      `Hồ sơ ${code} đã được tiếp nhận – hẹn trả kết quả ngày 04/05/2026`,
    );
    // 07:59 UTC is 14:59 in Asia/Ho_Chi_Minh, before the 15:00 cut-off that day 0 depends on.
    expect(accepted.text).toContain('tiếp nhận lúc 14:59 ngày 29/04/2026.');
    expect(accepted.text).toContain('- Ngày hẹn trả kết quả: 04/05/2026');
    expect(formatDateTime('2026-04-30T17:30:00Z')).toBe('00:30 ngày 01/05/2026');
    const fee = renderNotification(
      'dossier.financial_obligation',
      samples['dossier.financial_obligation'],
      ctx,
    );
    expect(fee.text).toContain('- Số tiền: 1.500.000 đồng');
    expect(fee.short).toBe(
      `Hồ sơ ${code}: cần nộp 1.500.000 đồng (Lệ phí trước bạ). Thanh toán: https://dvc.daklak.example/tra-cuu-ho-so?ma=${code}`,
    );
  });

  it('words a refusal at reception and on the merits differently, with the reason', () => {
    const atReception = renderNotification('dossier.refused', samples['dossier.refused'], ctx);
    expect(atReception.subject).toBe('Hồ sơ TAM-7KQ2-9XPA không được tiếp nhận');
    expect(atReception.text).toContain('- Lý do: Thủ tục không thuộc thẩm quyền của xã');
    const onMerits = renderNotification(
      'dossier.refused',
      { ...samples['dossier.refused'], stage: 'processing', reference: code },
      ctx,
    );
    expect(onMerits.subject).toBe(`Hồ sơ ${code} bị từ chối giải quyết`);
  });

  it('greets an anonymous feedback sender without a name', () => {
    const message = renderNotification('feedback.received', samples['feedback.received'], ctx);
    expect(message.text.startsWith('Kính gửi Ông/Bà,\n')).toBe(true);
    expect(message.text).toContain('https://dvc.daklak.example/phan-anh/PA-2026-00042');
  });

  it('escapes every value in the HTML', () => {
    const message = renderNotification(
      'dossier.accepted',
      { ...samples['dossier.accepted'], procedureName: '<script>alert("x")</script> & co' },
      ctx,
    );
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });

  it('refuses unknown templates, stray fields and a pickup without a place', () => {
    expect(() => renderNotification('dossier.unknown', {}, ctx)).toThrow(
      'unknown notification template "dossier.unknown"',
    );
    expect(() =>
      renderNotification('dossier.accepted', { ...samples['dossier.accepted'], dueDat: 'x' }, ctx),
    ).toThrow('invalid at: dueDat');
    const { pickupPlace: _p, ...noPlace } = samples['dossier.result_ready'];
    expect(() => renderNotification('dossier.result_ready', noPlace, ctx)).toThrow(
      'invalid at: pickupPlace',
    );
  });
});

describe('recipients', () => {
  it('stores phones as +84 and e-mail addresses in lower case', () => {
    expect(normaliseRecipient('sms', '0905 123 456')).toBe('+84905123456');
    expect(normaliseRecipient('zalo', '+84 38.123.4567')).toBe('+84381234567');
    expect(normaliseRecipient('email', ' Duc.Tran@Example.VN ')).toBe('duc.tran@example.vn');
    for (const bad of ['0212345678', '090512345', '+1 202 555 0100', 'abc']) {
      expect(() => normaliseRecipient('sms', bad)).toThrow('invalid sms recipient');
    }
    expect(() => normaliseRecipient('email', 'a@b.vn\r\nBcc: x@y.vn')).toThrow();
    expect(() => normaliseRecipient('email', 'no-at-sign.vn')).toThrow();
  });

  it('masks recipients in the demo log and logs no message body', async () => {
    expect(maskRecipient('duc.tran@example.vn')).toBe('d***@example.vn');
    expect(maskRecipient('+84905123456')).toBe('090****456');
    const lines: { obj: object; msg: string }[] = [];
    const logger = {
      info: (obj: object, msg: string) => lines.push({ obj, msg }),
      warn() {},
      error() {},
    };
    await new LogProvider(logger).send({
      id: 'o-1',
      channel: 'sms',
      to: '+84905123456',
      template: 'dossier.accepted',
      subject: 'Hồ sơ',
      text: 'Kính gửi Ông/Bà Trần Văn Đức',
    });
    expect(lines).toEqual([
      {
        obj: { outboxId: 'o-1', channel: 'sms', template: 'dossier.accepted', to: '090****456' },
        msg: 'notification (demo log provider, not delivered)',
      },
    ]);
  });

  it('keeps production messages queued when no gateway is configured, logs them in demo', () => {
    const none = {
      smtpUrl: undefined,
      mailFrom: 'x <a@b.vn>',
      sms: { url: undefined, token: undefined },
      zalo: { url: undefined, token: undefined },
      pollMs: 1000,
    };
    const quiet = { info() {}, warn() {}, error() {} };
    expect(createProviders(none, 'production', quiet)).toEqual({});
    const demo = createProviders(none, 'demo', quiet);
    expect(Object.keys(demo).sort()).toEqual(['email', 'sms', 'zalo']);
    expect(demo.sms).toBeInstanceOf(LogProvider);
  });
});

describe('back-off', () => {
  it('follows 1 min, 5 min, 30 min, 2 h, 12 h with ±20 % jitter', () => {
    expect(
      [1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, DEFAULT_RETRY_DELAYS_MS, () => 0.5)),
    ).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000, 43_200_000]);
    expect(retryDelayMs(1, DEFAULT_RETRY_DELAYS_MS, () => 0)).toBe(48_000);
    expect(retryDelayMs(1, DEFAULT_RETRY_DELAYS_MS, () => 0.999999)).toBe(72_000);
  });
});
