import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  insertDossier,
  recordEvent,
  silentSyncLogger,
  startPortal,
} from './national-sync.test-support';
import { NationalSyncWorker, type NationalSyncWorkerOptions } from './national-sync.worker';

let app: TestApp;
let db: Db;
let portal: Awaited<ReturnType<typeof startPortal>>;
let unit: string;

const MINUTE = 60_000;

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
  portal = await startPortal();
  const row = await db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'commune')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  unit = row.code;
});
afterAll(async () => {
  await portal.close();
  await app.close();
});
beforeEach(async () => {
  // Each test sees only its own records.
  await db
    .updateTable('national_sync_outbox')
    .set({ state: 'sent', sent_at: app.clock.now() })
    .where('state', '!=', 'sent')
    .execute();
  portal.reset();
});

function worker(options: Partial<NationalSyncWorkerOptions> = {}) {
  return new NationalSyncWorker({
    db,
    clock: app.clock,
    url: portal.url,
    token: 'portal-token-123',
    logger: silentSyncLogger,
    random: () => 0.5, // no jitter: the back-off schedule is exact
    ...options,
  });
}

async function dossierWithEvent(type = 'submitted') {
  const dossier = await insertDossier(db, app.clock, unit);
  const eventId = await recordEvent(db, app.clock, dossier, unit, type);
  return { dossier, eventId };
}

async function recordOf(eventId: number) {
  return db
    .selectFrom('national_sync_outbox')
    .selectAll()
    .where('dossier_event_id', '=', eventId)
    .executeTakeFirstOrThrow();
}

describe('sending to the national portal', () => {
  it('POSTs the JSON with the bearer token and the record id as idempotency key; 2xx → sent', async () => {
    const { dossier, eventId } = await dossierWithEvent();
    const before = await recordOf(eventId);
    const summary = await worker().runOnce();
    expect(summary).toMatchObject({ claimed: 1, sent: 1 });
    expect(portal.requests).toHaveLength(1);
    const request = portal.requests[0]!;
    expect(request.headers.authorization).toBe('Bearer portal-token-123');
    expect(request.headers['idempotency-key']).toBe(String(before.id));
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.body).toEqual(before.payload);
    expect(request.body.MaHoSo).toBe(dossier.reference);
    const after = await recordOf(eventId);
    expect(after).toMatchObject({ state: 'sent', attempts: 1, last_status: 200, last_error: null });
    expect(after.sent_at?.getTime()).toBe(app.clock.now().getTime());
    // Nothing is sent twice.
    expect((await worker().runOnce()).claimed).toBe(0);
  });

  it('a 4xx answer fails the record at once, keeping the status and an excerpt of the body', async () => {
    const { eventId } = await dossierWithEvent();
    portal.plan({
      status: 422,
      body: JSON.stringify({
        error: 'MaTTHC không tồn tại',
        detail: 'x'.repeat(1000),
        cccd: '066190001234',
      }),
    });
    expect(await worker().runOnce()).toMatchObject({ failed: 1 });
    const row = await recordOf(eventId);
    expect(row.state).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.last_status).toBe(422);
    expect(row.last_error).toMatch(/^HTTP 422: \{"error":"MaTTHC không tồn tại"/);
    expect(row.last_error!.length).toBeLessThanOrEqual(320);
    expect(row.last_error).not.toContain('066190001234');
    expect((await worker().runOnce()).claimed).toBe(0);
  });

  it('a redirect is not followed (the token stays with the portal) and fails the record', async () => {
    const { eventId } = await dossierWithEvent();
    portal.plan({ status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' }, body: '' });
    expect(await worker().runOnce()).toMatchObject({ failed: 1 });
    expect(await recordOf(eventId)).toMatchObject({ state: 'failed', last_status: 302 });
    expect(portal.requests).toHaveLength(1);
  });

  it('5xx retries after 1 min, 5 min, 30 min, 2 h, 6 h and fails after the last attempt', async () => {
    const { eventId } = await dossierWithEvent();
    portal.plan(...Array.from({ length: 6 }, () => ({ status: 503, body: 'bảo trì' })));
    const w = worker();
    const delays = [MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE];
    for (const [i, delay] of delays.entries()) {
      const start = app.clock.now().getTime();
      expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
      const row = await recordOf(eventId);
      expect(row).toMatchObject({ state: 'pending', attempts: i + 1, last_status: 503 });
      expect(row.last_error).toBe('HTTP 503: bảo trì');
      expect(row.next_attempt_at.getTime() - start).toBe(delay);
      // Not due a second earlier.
      app.clock.advance(delay - 1000);
      expect((await w.runOnce()).claimed).toBe(0);
      app.clock.advance(1000);
    }
    expect(await w.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await recordOf(eventId)).toMatchObject({ state: 'failed', attempts: 6 });
    expect(portal.requests).toHaveLength(6);
    // The same key every time: the portal can tell a re-send from a new record.
    expect(new Set(portal.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('NATIONAL_SYNC_MAX_ATTEMPTS bounds the attempts', async () => {
    const { eventId } = await dossierWithEvent();
    portal.plan({ status: 500 }, { status: 500 });
    const w = worker({ maxAttempts: 2 });
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    app.clock.advance(MINUTE);
    expect(await w.runOnce()).toMatchObject({ failed: 1 });
    expect(await recordOf(eventId)).toMatchObject({
      state: 'failed',
      attempts: 2,
      last_status: 500,
    });
  });

  it('429 is retried, honouring Retry-After when it asks for longer', async () => {
    const { eventId } = await dossierWithEvent();
    portal.plan({ status: 429, headers: { 'retry-after': '900' } });
    const start = app.clock.now().getTime();
    expect(await worker().runOnce()).toMatchObject({ retried: 1 });
    const row = await recordOf(eventId);
    expect(row).toMatchObject({ state: 'pending', last_status: 429 });
    expect(row.next_attempt_at.getTime() - start).toBe(15 * MINUTE);
  });

  it('a network failure or a timeout is retried with no status', async () => {
    const { eventId } = await dossierWithEvent();
    const closed = await startPortal();
    const deadUrl = closed.url;
    await closed.close();
    expect(await worker({ url: deadUrl }).runOnce()).toMatchObject({ retried: 1 });
    let row = await recordOf(eventId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_status: null });
    expect(row.last_error).toMatch(/fetch failed|ECONNREFUSED/);

    app.clock.advance(MINUTE);
    portal.plan({ status: 200, delayMs: 2_000 });
    expect(await worker({ timeoutMs: 100 }).runOnce()).toMatchObject({ retried: 1 });
    row = await recordOf(eventId);
    expect(row).toMatchObject({ state: 'pending', attempts: 2, last_status: null });
    expect(row.last_error).toMatch(/TimeoutError|aborted/i);
  });

  it('sends one dossier’s records in order, one at a time; other dossiers are not held up', async () => {
    const a = await insertDossier(db, app.clock, unit);
    const b = await insertDossier(db, app.clock, unit);
    const a1 = await recordEvent(db, app.clock, a, unit, 'submitted');
    const b1 = await recordEvent(db, app.clock, b, unit, 'submitted');
    const a2 = await recordEvent(db, app.clock, a, unit, 'payment_received');
    const w = worker();

    // First pass: the first record of each dossier only.
    expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    expect(portal.requests.map((r) => [r.body.MaHoSo, r.body.SuKien.LoaiSuKien])).toEqual([
      [a.reference, 'submitted'],
      [b.reference, 'submitted'],
    ]);
    expect((await recordOf(a2)).state).toBe('pending');
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(portal.requests.at(-1)!.body.SuKien.LoaiSuKien).toBe('payment_received');
    for (const id of [a1, b1, a2]) expect((await recordOf(id)).state).toBe('sent');
  });

  it('a waiting or failed record holds back the later records of its dossier', async () => {
    const a = await insertDossier(db, app.clock, unit);
    const a1 = await recordEvent(db, app.clock, a, unit, 'submitted');
    const a2 = await recordEvent(db, app.clock, a, unit, 'payment_received');
    const w = worker();

    portal.plan({ status: 503 });
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    // a1 waits for its retry: a2 may not overtake it even though a2 is due.
    expect((await w.runOnce()).claimed).toBe(0);

    app.clock.advance(MINUTE);
    portal.plan({ status: 400, body: 'sai định dạng' });
    expect(await w.runOnce()).toMatchObject({ failed: 1 });
    expect((await recordOf(a1)).state).toBe('failed');
    // Failed blocks too, until an administrator sends it again.
    app.clock.advance(60 * MINUTE);
    expect((await w.runOnce()).claimed).toBe(0);
    expect((await recordOf(a2)).state).toBe('pending');
    expect(portal.requests.every((r) => r.body.SuKien.LoaiSuKien === 'submitted')).toBe(true);
  });

  it('an expired claim (a sender that crashed) is taken again; the late answer of the old one changes nothing', async () => {
    const { eventId } = await dossierWithEvent();
    const repository = (await import('./national-sync.repository')).NationalSyncRepository;
    const repo = new repository(db);
    const now = app.clock.now();
    const [claimed] = await repo.claimDue({
      now,
      lockUntil: new Date(now.getTime() + MINUTE),
      limit: 5,
    });
    expect(claimed?.dossier_event_id).toBe(eventId);
    // While the claim holds, nobody else takes it.
    expect((await worker().runOnce()).claimed).toBe(0);
    app.clock.advance(MINUTE);
    expect(await worker().runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(
      await repo.markFailed({ id: claimed!.id, attempts: claimed!.attempts }, 500, 'late'),
    ).toBe(false);
    expect(await recordOf(eventId)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('stop() cuts a slow send short and records it as a retry', async () => {
    const { eventId } = await dossierWithEvent();
    portal.plan({ status: 200, delayMs: 5_000 });
    const w = worker({ pollMs: 60_000 });
    w.start();
    // Wait until the request reached the portal, then stop.
    for (let i = 0; i < 100 && portal.requests.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(portal.requests).toHaveLength(1);
    await w.stop();
    const row = await recordOf(eventId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, locked_until: null });
    expect(row.last_error).toMatch(/abort/i);
  });
});
