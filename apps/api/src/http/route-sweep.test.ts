import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { registerErrorHandling } from './errors';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

/**
 * Routes that anyone may call. Adding a public route means adding it here: a deliberate,
 * reviewed decision, never an accident of a missing declaration.
 */
const declaredPublic = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /api/units',
  'GET /api/units/locate',
  'GET /api/units/map',
  'GET /api/units/:code',
  'GET /api/procedures',
  'GET /api/procedures/fields',
  'GET /api/procedures/:code',
  'GET /api/auth/session',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'POST /api/auth/officer/login',
  'GET /api/procedures/:code/form',
  'GET /api/tracking',
  'POST /api/payments/webhook',
  // Demo/test only: the national-portal simulator, called by our worker with a bearer token.
  'POST /api/dev/national-portal',
  'GET /api/calendar/due',
  'GET /api/calendar/working-days',
  'GET /api/results/keys',
  'GET /api/results/:id',
  'POST /api/results/verify',
  'POST /api/feedback/classify',
  // The assistant answers anyone (rate-limited); a session only adds the resident's own dossiers.
  'POST /api/assistant/messages',
  // Open311 GeoReport v2: reads are public by the spec; POST requests is authorised by its api_key.
  'GET /open311/v2/discovery',
  'GET /open311/v2/discovery.:format',
  'GET /open311/v2/services',
  'GET /open311/v2/services.:format',
  'GET /open311/v2/services/:item',
  'GET /open311/v2/requests',
  'GET /open311/v2/requests.:format',
  'GET /open311/v2/requests/:item',
  'GET /open311/v2/tokens/:item',
  'GET /open311/v2/servicerequestupdates',
  'GET /open311/v2/servicerequestupdates.:format',
  'POST /open311/v2/requests',
  'POST /open311/v2/requests.:format',
  // Community feedback: anyone may file (anonymous allowed, rate-limited) and read approved reports.
  'POST /api/feedback/reports',
  'GET /api/feedback/reports',
  'GET /api/feedback/reports/:ref',
  'GET /api/feedback/reports/:ref/photos/:fileId',
  'GET /api/feedback/similar',
  'GET /api/feedback/stats',
  'GET /api/feedback/stats/units',
  'GET /api/feedback/categories',
  // Commune showcase ("Mỗi xã một KOL"): published pages and their photos; the page address
  // answers the app shell with the commune's title and sharing tags.
  'GET /api/showcase',
  'GET /api/showcase/:code',
  'GET /api/showcase/images/:id/:variant',
  'GET /xa-phuong/:code/gioi-thieu',
]);

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '22015').replace(/\*$/, 'x');
}

describe('deny by default: every registered route', () => {
  it('registers the routes this sweep expects (it is not sweeping an empty list)', () => {
    expect(app.routes.length).toBeGreaterThan(12);
    expect(app.routes.some((r) => r.url === '/api/admin/audit')).toBe(true);
  });

  it('refuses anonymous requests unless the route is declared public', async () => {
    const failures: string[] = [];
    for (const route of app.routes) {
      const key = `${route.method} ${route.url}`;
      const isDocs = route.url.startsWith('/api/docs');
      if (route.access === 'public') {
        if (!declaredPublic.has(key) && !isDocs)
          failures.push(`${key} is public but not declared in this test`);
        continue;
      }
      const res = await app.server.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      if (res.statusCode !== 401 || res.json().error?.code !== 'UNAUTHENTICATED') {
        failures.push(`${key} answered ${res.statusCode} to an anonymous request`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a signed-in resident on every officer-only route with 403', async () => {
    const { headers } = await makeResident(app);
    const officerRoutes = app.routes.filter((r) => r.access === 'officer');
    expect(officerRoutes.length).toBeGreaterThanOrEqual(3);
    for (const route of officerRoutes) {
      const res = await app.server.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });
});

describe('unexpected errors', () => {
  it('answer 500 with only a code and a correlation id, never the message or stack', async () => {
    const server = Fastify({ logger: false });
    registerErrorHandling(server);
    server.get('/boom', async () => {
      throw new Error('mật khẩu cơ sở dữ liệu: hunter2');
    });
    const res = await server.inject({ url: '/boom' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.requestId).toBeTruthy();
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    await server.close();
  });
});
