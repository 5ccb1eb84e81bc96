import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { loadProvinceUnits } from './units.seed-data';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

async function search(q: string, extra = '') {
  const res = await app.server.inject({ url: `/api/units?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { code: string; fullName: string; kind: string }[]; total: number };
}

describe('GET /api/units search', () => {
  it('lists the 102 communes and wards of the province', async () => {
    const res = await app.server.inject({ url: '/api/units?kind=commune&limit=200' });
    const body = res.json();
    expect(body.total).toBe(102);
    expect(body.items).toHaveLength(102);
  });

  it.each([
    ['official tone mark', 'Hòa Thịnh'],
    ['other tone mark', 'Hoà Thịnh'],
    ['no diacritics', 'Hoa Thinh'],
    ['lower case, decomposed (NFD) input', 'hòa thịnh'.normalize('NFD')],
  ])('finds Xã Hòa Thịnh first, typed with %s', async (_label, q) => {
    const body = await search(q);
    expect(body.items[0]?.code).toBe('22276');
  });

  it.each([['Hòa Thành'], ['Hoà Thành'], ['Hoa Thanh']])(
    'finds both communes that absorbed a former "Xã Hòa Thành" when searching %s',
    async (q) => {
      const codes = (await search(q, '&kind=commune')).items.map((u) => u.code);
      // Xã Hòa Thành (Đông Hòa) → Phường Phú Yên; Xã Hòa Thành (Krông Bông) → Xã Dang Kang.
      expect(codes).toEqual(expect.arrayContaining(['22240', '24454']));
    },
  );

  it('finds Phường Tuy Hòa by both spellings and without diacritics, best match first', async () => {
    for (const q of ['Tuy Hòa', 'Tuy Hoà', 'tuy hoa']) {
      const body = await search(q, '&kind=commune');
      expect(body.items[0]?.code).toBe('22015');
    }
  });

  it('finds Buôn Ma Thuột typed without diacritics and đ folded', async () => {
    const body = await search('buon ma thuot');
    expect(body.items[0]?.code).toBe('24133');
    const dak = await search('dak lak');
    expect(dak.items.some((u) => u.code === '66')).toBe(true);
  });

  it('finds a commune by the name of a former unit merged into it', async () => {
    const tuyHoa = loadProvinceUnits().find((u) => u.code === '22015')!;
    const former = tuyHoa.formerUnits.find((f) => f.fullName.startsWith('Xã'))!;
    const body = await search(former.fullName.replace(/^Xã /, ''), '&kind=commune');
    expect(body.items.map((u) => u.code)).toContain('22015');
  });

  it('returns an empty list, not an error, when nothing matches', async () => {
    const body = await search('zzzz không có');
    expect(body).toEqual({ items: [], total: 0 });
  });

  it('lists the provincial departments', async () => {
    const res = await app.server.inject({ url: '/api/units?kind=department&limit=50' });
    const names = res.json().items.map((u: { fullName: string }) => u.fullName);
    expect(names.some((n: string) => n.startsWith('Sở Tư pháp'))).toBe(true);
  });

  it('refuses unknown query fields and out-of-range values with field messages', async () => {
    const unknown = await app.server.inject({ url: '/api/units?foo=1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    const limit = await app.server.inject({ url: '/api/units?limit=0' });
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.fields[0].path).toContain('limit');
    const long = await app.server.inject({ url: `/api/units?q=${'a'.repeat(101)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].message).toBe('Từ khóa tìm kiếm tối đa 100 ký tự');
  });
});

describe('GET /api/units/:code', () => {
  it('returns a commune with its former units, codes as strings', async () => {
    const res = await app.server.inject({ url: '/api/units/22015' });
    expect(res.statusCode).toBe(200);
    const unit = res.json();
    expect(unit.fullName).toBe('Phường Tuy Hòa');
    expect(unit.altSpellings).toContain('Phường Tuy Hoà');
    expect(unit.formerUnits.map((f: { fullName: string }) => f.fullName)).toContain('Phường 1');
    expect(unit.formerUnits.find((f: { fullName: string }) => f.fullName === 'Phường 9').part).toBe(
      'partial',
    );
    expect(unit.labelPoint.lat).toBeGreaterThan(12);
  });

  it('answers 404 with a Vietnamese message for an unknown code', async () => {
    const res = await app.server.inject({ url: '/api/units/99999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND' });
    expect(res.json().error.message).toContain('99999');
  });

  it('answers 400 for a malformed unit code', async () => {
    const res = await app.server.inject({ url: `/api/units/${encodeURIComponent('<script>')}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/units/locate', () => {
  it('resolves the label point of every one of the 102 communes to that commune', async () => {
    const communes = loadProvinceUnits().filter((u) => u.kind === 'commune');
    expect(communes).toHaveLength(102);
    for (const c of communes) {
      const res = await app.server.inject({
        url: `/api/units/locate?lat=${c.labelLat}&lon=${c.labelLon}`,
      });
      expect(res.statusCode, c.fullName).toBe(200);
      expect(res.json().code).toBe(c.code);
    }
  });

  it.each([
    ['the East Sea off Tuy Hòa', 13.0, 109.6],
    ['Hà Nội', 21.03, 105.85],
    ['Pleiku in Gia Lai', 13.98, 108.0],
  ])('refuses a point in %s with a clear error', async (_label, lat, lon) => {
    const res = await app.server.inject({ url: `/api/units/locate?lat=${lat}&lon=${lon}` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('POINT_OUTSIDE_PROVINCE');
    expect(res.json().error.message).toMatch(/ngoài địa giới tỉnh/);
  });

  it('refuses coordinates that are not numbers or out of range', async () => {
    const res = await app.server.inject({ url: '/api/units/locate?lat=abc&lon=200' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths.join(' ')).toMatch(/lat/);
    expect(paths.join(' ')).toMatch(/lon/);
  });
});
