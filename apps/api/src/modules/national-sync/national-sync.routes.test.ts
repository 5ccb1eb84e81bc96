import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { makeOfficer, makeResident, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createNationalSyncWorker } from './national-sync.module';
import { NATIONAL_PORTAL_SIMULATOR_PATH } from './national-sync.routes';
import {
  insertDossier,
  recordEvent,
  silentSyncLogger,
  startPortal,
} from './national-sync.test-support';
import { NationalSyncWorker } from './national-sync.worker';

let app: TestApp;
let db: Db;
let admin: SignedIn;
const unit = '24133';

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
  admin = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
  );
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  await db.deleteFrom('national_sync_outbox').execute();
});

function list(who: SignedIn | null, query = '') {
  return app.server.inject({
    method: 'GET',
    url: `/api/admin/national-sync${query}`,
    headers: who ? { cookie: who.cookie } : {},
  });
}

function post(who: SignedIn | Record<string, string>, url: string) {
  const headers = 'csrf' in who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : who;
  return app.server.inject({ method: 'POST', url, headers });
}

/** A dossier whose first record failed with a 400 (and a second one waiting behind it). */
async function failedDossier() {
  const dossier = await insertDossier(db, app.clock, unit);
  await recordEvent(db, app.clock, dossier, unit, 'submitted');
  await recordEvent(db, app.clock, dossier, unit, 'payment_received');
  const portal = await startPortal();
  portal.plan({ status: 400, body: '{"error":"KenhThucHien sai"}' });
  await new NationalSyncWorker({
    db,
    clock: app.clock,
    url: portal.url,
    token: 't',
    logger: silentSyncLogger,
  }).runOnce();
  await portal.close();
  return dossier;
}

async function auditRows(action: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('the administration view of the sync feed', () => {
  it('lists failed records by default, with counts, dossier reference and the reason', async () => {
    const dossier = await failedDossier();
    const res = await list(admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      target: 'simulator',
      configured: true,
      counts: { pending: 1, sent: 0, failed: 1 },
      nextCursor: null,
    });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      state: 'failed',
      dossierId: dossier.id,
      dossierCode: null,
      dossierReference: dossier.reference,
      eventType: 'submitted',
      statusCode: 1,
      attempts: 1,
      lastStatus: 400,
      lastError: 'HTTP 400: {"error":"KenhThucHien sai"}',
      nextAttemptAt: null,
      sentAt: null,
      blocked: false,
    });
    // The payload (with the personal number) never leaves through this view.
    expect(res.body).not.toContain('066190001234');

    const pending = (await list(admin, '?state=pending')).json();
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]).toMatchObject({ eventType: 'payment_received', blocked: true });
  });

  it('pages newest first with a cursor', async () => {
    const dossier = await insertDossier(db, app.clock, unit);
    for (let i = 0; i < 5; i++) await recordEvent(db, app.clock, dossier, unit, `event_${i}`);
    const first = (await list(admin, '?state=pending&limit=2')).json();
    expect(first.items.map((i: { eventType: string }) => i.eventType)).toEqual([
      'event_4',
      'event_3',
    ]);
    const second = (await list(admin, `?state=pending&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { eventType: string }) => i.eventType)).toEqual([
      'event_2',
      'event_1',
    ]);
    const third = (await list(admin, `?state=pending&limit=2&cursor=${second.nextCursor}`)).json();
    expect(third.items.map((i: { eventType: string }) => i.eventType)).toEqual(['event_0']);
    expect(third.nextCursor).toBeNull();
    expect((await list(admin, '?state=lost')).statusCode).toBe(400);
  });

  it('retries one failed record: pending now, attempts reset, audited; a second retry is 409', async () => {
    await failedDossier();
    const [failed] = (await list(admin)).json().items;
    app.clock.advance(60_000);
    const res = await post(admin, `/api/admin/national-sync/${failed.id}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ retried: 1 });
    const row = await db
      .selectFrom('national_sync_outbox')
      .selectAll()
      .where('id', '=', failed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    expect(row.next_attempt_at.getTime()).toBe(app.clock.now().getTime());
    const audits = await auditRows('national_sync.retry');
    expect(audits.at(-1)).toMatchObject({
      object_id: String(failed.id),
      unit_code: '66',
      outcome: 'success',
    });

    const again = await post(admin, `/api/admin/national-sync/${failed.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NATIONAL_SYNC_NOT_FAILED');
    expect((await auditRows('national_sync.retry')).length).toBe(audits.length);
    const missing = await post(admin, '/api/admin/national-sync/999999999/retry');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NATIONAL_SYNC_NOT_FOUND');
  });

  it('retries all failed records in one audited action', async () => {
    await failedDossier();
    await failedDossier();
    const res = await post(admin, '/api/admin/national-sync/retry-failed');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ retried: 2 });
    expect((await list(admin)).json().counts).toEqual({ pending: 4, sent: 0, failed: 0 });
    const audit = (await auditRows('national_sync.retry_all')).at(-1)!;
    expect(audit.details).toMatchObject({ count: 2 });
    // Nothing failed any more: nothing to do, nothing audited.
    expect((await post(admin, '/api/admin/national-sync/retry-failed')).json()).toEqual({
      retried: 0,
    });
    expect((await auditRows('national_sync.retry_all')).length).toBe(1);
  });
});

describe('who may see and retry', () => {
  it('province_admin and system_admin of the province; commune officers and residents may not', async () => {
    await failedDossier();
    const [failed] = (await list(admin)).json().items;
    const system = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'system_admin', unitCode: '66' }]),
    );
    expect((await list(system)).statusCode).toBe(200);

    const commune = await signInOfficer(
      app,
      await makeOfficer(app, [
        { role: 'unit_leader', unitCode: unit },
        { role: 'receiving_officer', unitCode: unit },
      ]),
    );
    // A province-administrator role held at a commune does not cover the province's feed.
    const communeAdmin = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'province_admin', unitCode: unit }]),
    );
    const viewer = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'dashboard_viewer', unitCode: '66' }]),
    );
    for (const who of [commune, communeAdmin, viewer]) {
      expect((await list(who)).statusCode).toBe(403);
      expect((await post(who, `/api/admin/national-sync/${failed.id}/retry`)).statusCode).toBe(403);
      expect((await post(who, '/api/admin/national-sync/retry-failed')).statusCode).toBe(403);
    }
    const resident = await makeResident(app);
    expect(
      (
        await app.server.inject({
          method: 'GET',
          url: '/api/admin/national-sync',
          headers: resident.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect((await post(resident.headers, '/api/admin/national-sync/retry-failed')).statusCode).toBe(
      403,
    );
    expect((await list(null)).statusCode).toBe(401);
    // A write without the CSRF token is refused even for the administrator.
    const noCsrf = await post(
      { cookie: admin.cookie },
      `/api/admin/national-sync/${failed.id}/retry`,
    );
    expect(noCsrf.statusCode).toBe(403);
    expect((await list(admin)).json().counts.failed).toBe(1);
  });
});

describe('the demo simulator of the national portal', () => {
  it('is registered in demo/test mode and checks the token and the format', async () => {
    expect(app.routes.some((r) => r.url === NATIONAL_PORTAL_SIMULATOR_PATH)).toBe(true);
    const dossier = await insertDossier(db, app.clock, unit);
    await recordEvent(db, app.clock, dossier, unit, 'submitted');
    const row = await db.selectFrom('national_sync_outbox').selectAll().executeTakeFirstOrThrow();
    const send = (payload: unknown, token: string | null) =>
      app.server.inject({
        method: 'POST',
        url: NATIONAL_PORTAL_SIMULATOR_PATH,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        payload: payload as object,
      });
    const token = app.config.nationalSync.token!;
    const ok = await send(row.payload, token);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ok: true, MaHoSo: dossier.reference });
    expect((await send(row.payload, 'wrong')).statusCode).toBe(401);
    expect((await send(row.payload, null)).statusCode).toBe(401);
    const bad = await send({ ...(row.payload as object), TrangThaiHoSo: 12 }, token);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toContainEqual(
      expect.objectContaining({ path: 'TrangThaiHoSo' }),
    );
  });

  it('the worker built for demo mode delivers to it over real HTTP', async () => {
    const dossier = await insertDossier(db, app.clock, unit);
    const eventId = await recordEvent(db, app.clock, dossier, unit, 'submitted');
    const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const worker = createNationalSyncWorker({
      db,
      clock: app.clock,
      config: app.config,
      logger: silentSyncLogger,
      listeningAt: address,
    });
    expect(worker).not.toBeNull();
    expect(await worker!.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    const row = await db
      .selectFrom('national_sync_outbox')
      .selectAll()
      .where('dossier_event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'sent', last_status: 200 });
  });
});
