import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createProviders, SmtpEmailProvider } from './notifications.providers';
import { enqueueNotification } from './notifications.service';
import { silentLogger, startSmtp } from './notifications.test-support';
import { OutboxWorker } from './notifications.worker';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let worker: OutboxWorker;

beforeAll(async () => {
  smtp = await startSmtp({ refuse: ['khong-ton-tai@example.vn'] });
  app = await createTestApp({
    env: {
      PUBLIC_URL: 'https://dichvucong.daklak.example',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Chính quyền số Đắk Lắk <no-reply@daklak.example>',
    },
  });
  // The providers as the server builds them from configuration.
  const providers = createProviders(app.config.notifications, 'production', silentLogger);
  expect(providers.email).toBeInstanceOf(SmtpEmailProvider);
  worker = new OutboxWorker({
    db: app.database.db,
    clock: app.clock,
    providers,
    render: { publicUrl: app.config.publicUrl, portalName: 'Chính quyền số tỉnh Đắk Lắk' },
    logger: silentLogger,
  });
});
afterAll(async () => {
  await smtp.close();
  await app.close();
});

function queue(recipient: string, dedupeKey: string) {
  return app.database.db.transaction().execute((trx) =>
    enqueueNotification(trx, app.clock, {
      channel: 'email',
      recipient,
      template: 'dossier.supplement_requested',
      payload: {
        recipientName: 'Ê Ban H’Linh',
        dossierCode: 'H15.50.05.13-261008-0975',
        procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu',
        items: ['Bản sao Căn cước công dân của người được ủy quyền', 'Sơ đồ thửa đất <bản vẽ tay>'],
        respondBy: '2026-10-20',
      },
      dedupeKey,
    }),
  );
}

describe('e-mail through a real SMTP server', () => {
  it('delivers the Vietnamese e-mail with its subject, body, recipient and Message-ID', async () => {
    const { id } = await queue('HLinh.Eban@Example.VN', 'supplement:0975:email');
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(['hlinh.eban@example.vn']);
    const { parsed } = mail;
    expect(parsed.subject).toBe('Yêu cầu bổ sung hồ sơ H15.50.05.13-261008-0975');
    expect(parsed.messageId).toBe(`<${id}@daklak.example>`);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0]?.address).toBe('hlinh.eban@example.vn');
    expect(parsed.from?.value[0]).toEqual({
      name: 'Chính quyền số Đắk Lắk',
      address: 'no-reply@daklak.example',
    });
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');

    const text = parsed.text ?? '';
    expect(text).toContain('Kính gửi Ông/Bà Ê Ban H’Linh,');
    expect(text).toContain(
      'Để tiếp tục giải quyết hồ sơ thủ tục "Cấp giấy chứng nhận quyền sử dụng đất lần đầu"',
    );
    expect(text).toContain('- Hạn bổ sung: 20/10/2026');
    expect(text).toContain(
      'Giấy tờ cần bổ sung:\n1. Bản sao Căn cước công dân của người được ủy quyền\n2. Sơ đồ thửa đất <bản vẽ tay>',
    );
    expect(text).toContain(
      'Thời hạn giải quyết được tạm dừng cho đến khi Ông/Bà nộp đủ giấy tờ bổ sung.',
    );
    expect(text).toContain(
      'Xem chi tiết và bổ sung hồ sơ: https://dichvucong.daklak.example/tra-cuu-ho-so?ma=H15.50.05.13-261008-0975',
    );

    const html = String(parsed.html);
    expect(html).toContain('<li>Sơ đồ thửa đất &lt;bản vẽ tay&gt;</li>');
    expect(html).not.toContain('<bản vẽ tay>');
    expect(html).toContain(
      '<a href="https://dichvucong.daklak.example/tra-cuu-ho-so?ma=H15.50.05.13-261008-0975">',
    );

    const stored = await app.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ state: 'sent', provider_message_id: `<${id}@daklak.example>` });
  });

  it('fails a recipient the server refuses permanently, and keeps the address out of last_error', async () => {
    const { id } = await queue('khong-ton-tai@example.vn', 'supplement:0975:refused');
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const stored = await app.database.db
      .selectFrom('outbox')
      .select(['state', 'last_error'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(stored.state).toBe('failed');
    expect(stored.last_error).toMatch(/^PermanentSendError: smtp \w+ 550$/);
    expect(smtp.received).toHaveLength(1);
  });
});
