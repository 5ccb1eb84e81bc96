import { gzipSync } from 'node:zlib';
import { CommuneMap } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { simplifyRing } from './units.map';
import { loadProvinceUnits } from './units.seed-data';

/** Even-odd ray casting over all rings, the way an SVG with fill-rule="evenodd" fills them. */
function evenOddContains(rings: [number, number][][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

let app: TestApp;
let body: CommuneMap;
let raw: string;
let etag: string;
beforeAll(async () => {
  app = await createTestApp();
  const res = await app.server.inject({ url: '/api/units/map' });
  expect(res.statusCode).toBe(200);
  raw = res.body;
  body = CommuneMap.parse(res.json());
  etag = String(res.headers.etag);
  expect(res.headers['cache-control']).toBe('public, max-age=86400');
  expect(res.headers['content-type']).toMatch(/^application\/json/);
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/units/map', () => {
  it('draws all 102 communes and wards with their full names', () => {
    const communes = loadProvinceUnits().filter((u) => u.kind === 'commune');
    expect(body.communes).toHaveLength(102);
    const names = new Map(body.communes.map((c) => [c.code, c.name]));
    for (const c of communes) expect(names.get(c.code)).toBe(c.fullName);
    expect(names.get('24133')).toBe('Phường Buôn Ma Thuột');
  });

  it('gives only closed rings of at least 4 rounded positions inside the bbox', () => {
    const [minLon, minLat, maxLon, maxLat] = body.bbox;
    expect(minLon).toBeLessThan(maxLon);
    expect(minLat).toBeLessThan(maxLat);
    for (const commune of body.communes) {
      expect(commune.rings.length, commune.name).toBeGreaterThan(0);
      for (const ring of commune.rings) {
        expect(ring.length, commune.name).toBeGreaterThanOrEqual(4);
        expect(ring.at(-1), commune.name).toEqual(ring[0]);
        for (const [lon, lat] of ring) {
          expect(Math.round(lon * 1e4) / 1e4).toBe(lon);
          expect(Math.round(lat * 1e4) / 1e4).toBe(lat);
          expect(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat).toBe(true);
        }
      }
    }
  });

  it('keeps the label point of every commune inside its own simplified rings and no other', () => {
    const communes = loadProvinceUnits().filter((u) => u.kind === 'commune');
    for (const c of communes) {
      const owners = body.communes
        .filter((m) => evenOddContains(m.rings, c.labelLon!, c.labelLat!))
        .map((m) => m.code);
      expect(owners, c.fullName).toEqual([c.code]);
    }
  });

  it('stays small enough to load on a phone (< 120 KB gzip)', () => {
    expect(gzipSync(raw).length).toBeLessThan(120 * 1024);
  });

  it('answers 304 without a body to a matching If-None-Match, 200 otherwise', async () => {
    expect(etag).toMatch(/^"[\w-]+"$/);
    const same = await app.server.inject({
      url: '/api/units/map',
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    const changed = await app.server.inject({
      url: '/api/units/map',
      headers: { 'if-none-match': '"stale"' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toBe(raw);
  });
});

describe('simplifyRing', () => {
  it('drops the near-collinear vertices of a square and keeps it closed', () => {
    const square: [number, number][] = [
      [0, 0],
      [0.5, 0.00001],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyRing(square, 0.0005)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('keeps a small island as a ring by tightening the tolerance, drops a speck below rounding', () => {
    const island: [number, number][] = [
      [0, 0],
      [0.0004, 0],
      [0.0004, 0.0004],
      [0, 0.0004],
      [0, 0],
    ];
    expect(simplifyRing(island, 0.0005)).toHaveLength(5);
    const speck: [number, number][] = [
      [0, 0],
      [0.00001, 0],
      [0, 0.00001],
      [0, 0],
    ];
    expect(simplifyRing(speck, 0.0005)).toBeNull();
  });
});
