import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('error shape', () => {
  it('answers unknown routes with 404 in the common error shape', async () => {
    const res = await app.server.inject({ url: '/api/khong-co' });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toBe('Không tìm thấy địa chỉ được yêu cầu.');
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_JSON');
  });

  it('refuses unknown fields, wrong types and over-long strings with per-field messages', async () => {
    const unknown = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/login',
      payload: { username: 'a', password: 'b', totp: '123456', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');

    const wrongType = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/login',
      payload: { username: 42, password: 'b', totp: 'abc' },
    });
    expect(wrongType.statusCode).toBe(400);
    const fields = wrongType.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(['username', 'totp']));
    expect(fields.find((f) => f.path === 'totp')?.message).toBe('Mã xác thực gồm đúng 6 chữ số');

    const long = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/login',
      payload: { username: 'x'.repeat(65), password: 'b', totp: '123456' },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].message).toBe('Tên đăng nhập tối đa 64 ký tự');
  });

  it('refuses an unsupported content type with 415', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers in English when the client asks for it', async () => {
    const res = await app.server.inject({
      url: '/api/units/99999',
      headers: { 'accept-language': 'en-GB' },
    });
    expect(res.json().error.message).toBe('No administrative unit has this code.');
  });

  it('keeps a safe client correlation id and replaces an unsafe one', async () => {
    const kept = await app.server.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'abc-12345678' },
    });
    expect(kept.headers['x-request-id']).toBe('abc-12345678');
    const replaced = await app.server.inject({
      url: '/healthz',
      headers: { 'x-request-id': '<script>' },
    });
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });
});

describe('security headers', () => {
  it('sends a self-only CSP, no framing, HSTS, nosniff and a referrer policy', async () => {
    const res = await app.server.inject({ url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('operations endpoints', () => {
  it('reports liveness and readiness', async () => {
    expect((await app.server.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.server.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('exposes Prometheus metrics with route patterns, not raw URLs', async () => {
    await app.server.inject({ url: '/api/units/22015' });
    const res = await app.server.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('cqs_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/units/:code"');
    expect(res.body).not.toContain('/api/units/22015');
  });

  it('serves the OpenAPI document with the zod-derived schemas', async () => {
    const res = await app.server.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(
      doc.paths['/api/units/locate'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(expect.arrayContaining(['lat', 'lon']));
    const ui = await app.server.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});

describe('rate limiting', () => {
  it('answers 429 with the common error shape once the limit is passed', async () => {
    const limited = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '3' },
      database: app.database,
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await limited.server.inject({ url: '/api/units/22015' })).statusCode);
      expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
      const res = await limited.server.inject({ url: '/api/units/22015' });
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.server.close();
    }
  });
});

describe('readiness without a database', () => {
  it('reports not ready with 503 when the database does not answer', async () => {
    const broken = await createTestApp({
      database: { ...app.database, ping: () => Promise.reject(new Error('connection refused')) },
    });
    try {
      const res = await broken.server.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('NOT_READY');
    } finally {
      await broken.server.close();
    }
  });
});
