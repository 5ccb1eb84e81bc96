import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, makeResident, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DEMO_CLIENT_ID } from './open311.clients';

const DEMO_KEY = 'o311_demo_key_for_tests_0001';

/** A POST that passes the key check answers 400 (service_code missing), a refused key 403. */
async function keyStatus(app: TestApp, apiKey: string): Promise<number> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ api_key: apiKey }).toString(),
  });
  return res.statusCode;
}

describe('demo and production clients', () => {
  let demo: TestApp;
  let production: TestApp | null = null;
  beforeAll(async () => {
    demo = await createTestApp({ env: { OPEN311_DEMO_API_KEY: DEMO_KEY } });
  });
  afterAll(async () => {
    await production?.close();
    await demo.close();
  });

  it('seeds one demo client whose key is OPEN311_DEMO_API_KEY (stored only as its hash)', async () => {
    expect(await keyStatus(demo, DEMO_KEY)).toBe(400);
    expect(await keyStatus(demo, `${DEMO_KEY}x`)).toBe(403);
    const rows = await demo.database.db.selectFrom('open311_clients').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: DEMO_CLIENT_ID, is_demo: true, active: true });
    expect(JSON.stringify(rows)).not.toContain(DEMO_KEY);
  });

  it('keeps the configured key in the configuration', () => {
    const config = demo.config;
    expect(config.open311.demoApiKey).toBe(DEMO_KEY);
  });

  it('production turns the demo client off and says "production" in discovery', async () => {
    production = await createTestApp({
      database: demo.database,
      env: {
        APP_MODE: 'production',
        OIDC_CLIENT_SECRET: 'bi-mat-oidc',
        OPEN311_DEMO_API_KEY: DEMO_KEY,
      },
    });
    expect(production.config.open311.demoApiKey).toBeNull();
    expect(await keyStatus(production, DEMO_KEY)).toBe(403);
    const discovery = await production.server.inject({ url: '/open311/v2/discovery.json' });
    expect(discovery.json().endpoints[0].type).toBe('production');
  });
});

describe('random demo key', () => {
  it('is generated per start when OPEN311_DEMO_API_KEY is unset, and works', async () => {
    const app = await createTestApp();
    try {
      const key = app.config.open311.demoApiKey;
      expect(key).toMatch(/^o311_demo_[A-Za-z0-9_-]{20,}$/);
      expect(await keyStatus(app, key as string)).toBe(400);
    } finally {
      await app.close();
    }
  });
});

describe('administration of clients', () => {
  let app: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  const headersOf = (who: SignedIn) => ({ cookie: who.cookie, 'x-csrf-token': who.csrf });

  it('creates a client, shows its key once, lists it without the key, audits both changes', async () => {
    const created = await app.server.inject({
      method: 'POST',
      url: '/api/admin/open311/clients',
      headers: headersOf(admin),
      payload: { name: 'Ứng dụng Zalo phản ánh' },
    });
    expect(created.statusCode).toBe(201);
    const { id, apiKey } = created.json();
    expect(apiKey).toMatch(/^o311_/);
    expect(await keyStatus(app, apiKey)).toBe(400);

    const listed = await app.server.inject({
      url: '/api/admin/open311/clients',
      headers: headersOf(admin),
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(apiKey);
    expect(listed.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id,
          name: 'Ứng dụng Zalo phản ánh',
          active: true,
          isDemo: false,
        }),
      ]),
    );

    const off = await app.server.inject({
      method: 'POST',
      url: `/api/admin/open311/clients/${id}/deactivate`,
      headers: headersOf(admin),
    });
    expect(off.statusCode).toBe(204);
    expect(await keyStatus(app, apiKey)).toBe(403);

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('object_type', '=', 'open311_client')
      .execute();
    expect(audit).toEqual([
      { action: 'open311.client.create', object_id: id },
      { action: 'open311.client.deactivate', object_id: id },
    ]);
  });

  it('refuses officers without the province permission and residents', async () => {
    const commune = await app.database.db
      .selectFrom('units')
      .select('code')
      .where('kind', '=', 'commune')
      .executeTakeFirstOrThrow();
    const leader = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'unit_leader', unitCode: commune.code }]),
    );
    const resident = await makeResident(app);
    for (const headers of [headersOf(leader), resident.headers]) {
      const res = await app.server.inject({
        method: 'POST',
        url: '/api/admin/open311/clients',
        headers,
        payload: { name: 'Không được phép' },
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('answers 404 for deactivating a client that does not exist', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/admin/open311/clients/00000000-0000-4000-8000-000000000000/deactivate',
      headers: headersOf(admin),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('rate limit', () => {
  it('answers 429 in the spec error list past the per-address limit of POST requests', async () => {
    const app = await createTestApp({ env: { UPLOAD_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push(await keyStatus(app, 'sai'));
      expect(statuses).toEqual([403, 403, 429]);
      const res = await app.server.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'api_key=sai',
      });
      expect(res.json()).toEqual([{ code: 429, description: expect.any(String) }]);
      // Reads keep their own (global) limit.
      expect((await app.server.inject({ url: '/open311/v2/services.json' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
