import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestApp, type TestApp } from '../../test/test-app';
import { HttpMessageProvider, type ProviderSet } from './notifications.providers';
import { OutboxRepository } from './notifications.repository';
import { cancelNotification, enqueueNotification } from './notifications.service';
import { silentLogger, startGateway } from './notifications.test-support';
import { OutboxWorker, type OutboxWorkerOptions } from './notifications.worker';

let app: TestApp;
let db: Db;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let sms: HttpMessageProvider;
let seq = 0;

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
  gateway = await startGateway();
  sms = new HttpMessageProvider('sms', { url: gateway.url, token: 'gw-token' });
});
afterAll(async () => {
  await gateway.close();
  await app.close();
});
beforeEach(async () => {
  // Every test starts with an empty outbox and an idle gateway, so counts are its own.
  await db.deleteFrom('outbox').execute();
  gateway.reset();
});

function worker(providers: ProviderSet = { sms }, options: Partial<OutboxWorkerOptions> = {}) {
  return new OutboxWorker({
    db,
    clock: app.clock,
    providers,
    render: { publicUrl: app.config.publicUrl, portalName: 'Chính quyền số tỉnh Đắk Lắk' },
    logger: silentLogger,
    random: () => 0.5, // no jitter: the back-off schedule is exact
    ...options,
  });
}

const accepted = (code: string) => ({
  recipientName: 'Nguyễn Thị Hồng Nhung',
  dossierCode: code,
  procedureName: 'Đăng ký khai sinh',
  receivingUnitName: 'Trung tâm Phục vụ hành chính công phường Buôn Ma Thuột',
  acceptedAt: '2026-04-29T14:59:00+07:00',
  dueDate: '2026-05-04',
});

async function queueSms(options: { dedupeKey?: string; to?: string } = {}) {
  seq += 1;
  const code = `H15.50.05.13-260429-${String(seq).padStart(4, '0')}`;
  return db.transaction().execute((trx) =>
    enqueueNotification(trx, app.clock, {
      channel: 'sms',
      recipient: options.to ?? '0905 123 456',
      template: 'dossier.accepted',
      payload: accepted(code),
      dedupeKey: options.dedupeKey ?? `dossier.accepted:${code}:sms`,
    }),
  );
}

async function row(id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('SMS through the HTTP gateway', () => {
  it('posts the short Vietnamese text with the outbox id as idempotency key', async () => {
    const { id } = await queueSms();
    const summary = await worker().runOnce();
    expect(summary).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(gateway.requests).toHaveLength(1);
    const [request] = gateway.requests;
    expect(request!.headers['idempotency-key']).toBe(id);
    expect(request!.headers.authorization).toBe('Bearer gw-token');
    expect(request!.body.messageId).toBe(id);
    expect(request!.body.to).toBe('+84905123456');
    expect(request!.body.text).toMatch(
      /^Hồ sơ H15\.50\.05\.13-260429-\d{4} đã được tiếp nhận, hẹn trả kết quả ngày 04\/05\/2026\. /,
    );
    expect(request!.body.text).toContain(`${app.config.publicUrl}/tra-cuu-ho-so?ma=H15.50.05.13`);
    // No name in an SMS: the phone may be a shared family phone.
    expect(request!.body.text).not.toContain('Nhung');
    const stored = await row(id!);
    expect(stored).toMatchObject({ state: 'sent', attempts: 1, provider_message_id: `gw-${id}` });
    expect(stored.sent_at?.getTime()).toBe(app.clock.now().getTime());
    expect(stored.locked_until).toBeNull();
  });

  it('queues a retried business action once: same dedupe key, one row, one delivery', async () => {
    const first = await queueSms({ dedupeKey: 'dossier.accepted:retried:sms' });
    const second = await queueSms({ dedupeKey: 'dossier.accepted:retried:sms' });
    expect(first.queued).toBe(true);
    expect(second).toEqual({ id: null, queued: false });
    const rows = await db.selectFrom('outbox').select('id').execute();
    expect(rows).toEqual([{ id: first.id }]);
    await worker().runOnce();
    await worker().runOnce();
    expect(gateway.requests).toHaveLength(1);
    expect([...gateway.delivered.keys()]).toEqual([first.id]);
  });

  it('retries a 500 after the back-off, then delivers once', async () => {
    gateway.plan(500, 503);
    const { id } = await queueSms();
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    let stored = await row(id!);
    expect(stored).toMatchObject({
      state: 'pending',
      attempts: 1,
      last_error: 'Error: sms http 500',
    });
    expect(stored.next_attempt_at.getTime() - app.clock.now().getTime()).toBe(60_000);
    // Not due yet: nothing is claimed, nothing is sent.
    app.clock.advance(59_000);
    expect((await w.runOnce()).claimed).toBe(0);
    app.clock.advance(1_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    stored = await row(id!);
    // Second failure: the next step of the schedule (5 minutes).
    expect(stored.next_attempt_at.getTime() - app.clock.now().getTime()).toBe(300_000);
    app.clock.advance(300_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(gateway.requests).toHaveLength(3);
    expect(gateway.delivered.size).toBe(1);
    expect(new Set(gateway.requests.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set([id]),
    );
    stored = await row(id!);
    expect(stored).toMatchObject({ state: 'sent', attempts: 3, last_error: null });
  });

  it('fails a permanent 400 at once and never retries it', async () => {
    gateway.plan(400);
    const { id } = await queueSms();
    expect(await worker().runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    app.clock.advance(24 * 3_600_000);
    expect((await worker().runOnce()).claimed).toBe(0);
    expect(gateway.requests).toHaveLength(1);
    const stored = await row(id!);
    expect(stored).toMatchObject({
      state: 'failed',
      attempts: 1,
      last_error: 'PermanentSendError: sms http 400',
    });
  });

  it('treats 429 as a retry, and gives up after the last allowed attempt', async () => {
    gateway.plan(429, 500, 500);
    const { id } = await queueSms();
    const w = worker({ sms }, { maxAttempts: 3 });
    for (let i = 0; i < 5; i += 1) {
      await w.runOnce();
      app.clock.advance(3_600_000);
    }
    expect(gateway.requests).toHaveLength(3);
    expect(await row(id!)).toMatchObject({
      state: 'failed',
      attempts: 3,
      last_error: 'Error: sms http 500',
    });
  });

  it('delivers each message once when two workers run at the same time', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 24; i += 1) ids.add((await queueSms()).id!);
    const a = worker({ sms }, { batchSize: 4 });
    const b = worker({ sms }, { batchSize: 4 });
    let claimed = 0;
    for (;;) {
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      if (ra.claimed + rb.claimed === 0) break;
      claimed += ra.claimed + rb.claimed;
    }
    expect(claimed).toBe(24);
    // Every request is a distinct message: no message was sent by both workers.
    expect(gateway.requests).toHaveLength(24);
    expect(new Set(gateway.requests.map((r) => r.body.messageId))).toEqual(ids);
    const states = await db.selectFrom('outbox').select(['state', 'attempts']).execute();
    expect(states.every((s) => s.state === 'sent' && s.attempts === 1)).toBe(true);
  });

  it('re-sends a message whose sender crashed mid-send, once, to an idempotent gateway', async () => {
    const { id } = await queueSms();
    const repository = new OutboxRepository(db);
    const lockMs = 600_000;
    // Worker A claims and hands the message to the gateway, then dies before recording it.
    const now = app.clock.now();
    const [claimedByA] = await repository.claimDue({
      channels: ['sms'],
      now,
      lockUntil: new Date(now.getTime() + lockMs),
      limit: 10,
    });
    expect(claimedByA!.id).toBe(id);
    await sms.send({
      id: id!,
      channel: 'sms',
      to: claimedByA!.recipient,
      template: 'x',
      subject: '',
      text: 'x',
    });
    const b = worker({ sms }, { lockMs });
    // While A's claim holds, nobody else takes the message.
    expect((await b.runOnce()).claimed).toBe(0);
    app.clock.advance(lockMs);
    expect(await b.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.requests.every((r) => r.headers['idempotency-key'] === id)).toBe(true);
    expect(gateway.delivered.size).toBe(1);
    expect(await row(id!)).toMatchObject({ state: 'sent', attempts: 2 });
    // A's late answer (claimed at attempt 1) no longer counts.
    expect(await repository.markSent({ id: id!, attempts: 1 }, app.clock.now(), 'late')).toBe(
      false,
    );
    expect(await repository.markRetry({ id: id!, attempts: 1 }, app.clock.now(), 'late')).toBe(
      false,
    );
    expect((await row(id!)).provider_message_id).toBe(`gw-${id}`);
  });
});

describe('enqueue inside the business transaction', () => {
  it('leaves no outbox row when the transaction rolls back', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await enqueueNotification(trx, app.clock, {
        channel: 'sms',
        recipient: '0905123456',
        template: 'dossier.accepted',
        payload: accepted('H15.50.05.13-260429-9999'),
        dedupeKey: 'rolled-back',
      });
      throw new Error('the business change failed after queuing');
    });
    await expect(failing).rejects.toThrow('the business change failed');
    expect(await new OutboxRepository(db).findByDedupeKey('rolled-back')).toBeUndefined();
    expect((await worker().runOnce()).claimed).toBe(0);
  });

  it('refuses a payload that misses a field, naming the field and not the values', async () => {
    const { dueDate: _omitted, ...payload } = accepted('H15.50.05.13-260429-0001');
    const attempt = db.transaction().execute((trx) =>
      enqueueNotification(trx, app.clock, {
        channel: 'email',
        recipient: 'nhung@example.vn',
        template: 'dossier.accepted',
        payload: payload as ReturnType<typeof accepted>,
        dedupeKey: 'missing-field',
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'NOTIFICATION_PAYLOAD_INVALID',
      message: 'payload of template "dossier.accepted" is invalid at: dueDate',
    });
    expect(await db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('refuses an invalid recipient', async () => {
    await expect(queueSms({ to: '12345' })).rejects.toMatchObject({
      code: 'NOTIFICATION_RECIPIENT_INVALID',
    });
  });

  it('does not send a cancelled message', async () => {
    await queueSms({ dedupeKey: 'to-cancel' });
    expect(await db.transaction().execute((trx) => cancelNotification(trx, 'to-cancel'))).toBe(
      true,
    );
    expect((await worker().runOnce()).claimed).toBe(0);
    expect(gateway.requests).toHaveLength(0);
    expect((await new OutboxRepository(db).findByDedupeKey('to-cancel'))?.state).toBe('cancelled');
  });

  it('marks a stored message that no longer renders as failed, without sending it', async () => {
    const { id } = await queueSms();
    await sql`update outbox set payload = payload - 'dossierCode' where id = ${id}`.execute(db);
    expect(await worker().runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    expect(gateway.requests).toHaveLength(0);
    expect((await row(id!)).last_error).toBe(
      'TemplatePayloadError: payload of template "dossier.accepted" is invalid at: dossierCode',
    );
  });

  it('leaves messages of a channel without a provider queued', async () => {
    const { id } = await queueSms();
    expect((await worker({}).runOnce()).claimed).toBe(0);
    expect((await row(id!)).state).toBe('pending');
  });
});
