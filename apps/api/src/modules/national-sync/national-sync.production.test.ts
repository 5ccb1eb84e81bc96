import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { makeOfficer, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createNationalSyncWorker } from './national-sync.module';
import { NATIONAL_PORTAL_SIMULATOR_PATH } from './national-sync.routes';
import { insertDossier, recordEvent, silentSyncLogger } from './national-sync.test-support';

const production = { NODE_ENV: 'test', APP_MODE: 'production', OIDC_CLIENT_SECRET: 'x'.repeat(32) };

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ env: production });
});
afterAll(async () => {
  await app.close();
});

describe('national sync in production mode', () => {
  it('without NATIONAL_SYNC_URL: no simulator, no worker, records wait and the view says so', async () => {
    expect(app.routes.some((r) => r.url === NATIONAL_PORTAL_SIMULATOR_PATH)).toBe(false);
    const simulated = await app.server.inject({
      method: 'POST',
      url: NATIONAL_PORTAL_SIMULATOR_PATH,
      payload: {},
    });
    expect(simulated.statusCode).toBe(404);
    const worker = createNationalSyncWorker({
      db: app.database.db,
      clock: app.clock,
      config: app.config,
      logger: silentSyncLogger,
      listeningAt: 'http://127.0.0.1:3000',
    });
    expect(worker).toBeNull();

    const dossier = await insertDossier(app.database.db, app.clock, '24133');
    await recordEvent(app.database.db, app.clock, dossier, '24133', 'submitted');
    const admin = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
    );
    const res = await app.server.inject({
      method: 'GET',
      url: '/api/admin/national-sync?state=pending',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ target: 'off', configured: false, counts: { pending: 1 } });
  });

  it('with NATIONAL_SYNC_URL: sends there with its token, never to a simulator', () => {
    const config = loadConfig({
      ...production,
      NATIONAL_SYNC_URL: 'https://dichvucong.example.vn/api/dongbo',
      NATIONAL_SYNC_TOKEN: 'secret-token',
      NATIONAL_SYNC_MAX_ATTEMPTS: '4',
    });
    expect(config.nationalSync).toMatchObject({
      url: 'https://dichvucong.example.vn/api/dongbo',
      token: 'secret-token',
      simulator: false,
      maxAttempts: 4,
    });
    expect(() =>
      loadConfig({ ...production, NATIONAL_SYNC_URL: 'https://dichvucong.example.vn/api/dongbo' }),
    ).toThrow(/NATIONAL_SYNC_TOKEN/);
  });

  it('demo mode with a URL uses the portal, not the simulator; without one, the simulator', () => {
    expect(loadConfig({ NATIONAL_SYNC_URL: 'http://127.0.0.1:9/x' }).nationalSync).toMatchObject({
      simulator: false,
      token: null,
      maxAttempts: 6,
    });
    const demo = loadConfig({}).nationalSync;
    expect(demo.simulator).toBe(true);
    expect(demo.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
