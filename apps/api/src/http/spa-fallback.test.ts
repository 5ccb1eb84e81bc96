import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';

// The built web app is a single page: every page address must load its shell, whoever asks.
describe('web app shell fallback', () => {
  let app: TestApp;
  let dist: string;
  const bigScript = `export const words = ${JSON.stringify('Chính quyền số '.repeat(500))};`;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Chính quyền số</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    // The web build writes .gz (and .br) beside its text assets (apps/web/precompress.ts).
    fs.writeFileSync(path.join(dist, 'assets', 'big.js'), bigScript);
    fs.writeFileSync(path.join(dist, 'assets', 'big.js.gz'), gzipSync(bigScript));
    app = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, accept?: string) =>
    app.server.inject({ method: 'GET', url, headers: accept ? { accept } : {} });

  it.each([
    ['/phan-anh', 'text/html,application/xhtml+xml'],
    ['/phan-anh', '*/*'],
    ['/phan-anh', undefined],
    ['/thu-tuc/1.001193', '*/*'],
    ['/tra-cuu-ho-so?ma=H15.50.05.13-261008-0975', '*/*'],
  ])('GET %s (Accept %s) → the app shell', async (url, accept) => {
    const res = await get(url, accept);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Chính quyền số');
  });

  it('serves the real asset and 404s a missing one', async () => {
    expect((await get('/assets/app.js', '*/*')).statusCode).toBe(200);
    const missing = await get('/assets/missing-3f2a.js', '*/*');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('sends the precompressed asset to a browser that accepts gzip, the plain one otherwise', async () => {
    const zipped = await app.server.inject({
      method: 'GET',
      url: '/assets/big.js',
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toContain('javascript');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(bigScript);
    const plain = await get('/assets/big.js', '*/*');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bigScript);
  });

  it('answers JSON clients and API addresses with a 404 error, not the page', async () => {
    expect((await get('/phan-anh', 'application/json')).statusCode).toBe(404);
    const api = await get('/api/khong-co', 'text/html');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });
});
