import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CatalogueRepository } from './catalogue.repository';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

interface Item {
  code: string;
  name: string;
  field: string;
  levels: string[];
  online: boolean;
  centralBranch: boolean;
}

async function search(query: string): Promise<{ items: Item[]; total: number }> {
  const res = await app.server.inject({ url: `/api/procedures?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);

describe('the seeded catalogue', () => {
  it('holds the 573 commune-level and 1,013 province-level procedures, 198 commune-level central-branch', async () => {
    const counts = await new CatalogueRepository(app.database.db).countByCentralBranch();
    expect(counts).toEqual({ total: 1586, central: 241, communeCentral: 198 });
    expect((await search('level=xa&limit=1')).total).toBe(573);
    expect((await search('limit=1')).total).toBe(1586);
  });

  it('lists by name (Vietnamese order) without q', async () => {
    const body = await search('limit=50');
    const names = body.items.map((i) => i.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
  });
});

describe('GET /api/procedures search', () => {
  it.each([
    ['no diacritics', 'dang ky khai sinh'],
    ['with diacritics', 'đăng ký khai sinh'],
    ['decomposed (NFD) input', 'đăng ký khai sinh'.normalize('NFD')],
    ['i/y spelling', 'dang ki khai sinh'],
    ['a typo', 'khai sinhh'],
    ['upper case', 'ĐĂNG KÝ KHAI SINH'],
    ['colloquial', 'tôi muốn làm giấy khai sinh'],
  ])('finds 1.001193 (đăng ký khai sinh) first with %s', async (_label, text) => {
    const body = await q(text);
    expect(body.items[0]?.code).toBe('1.001193');
  });

  it('finds the ID-card procedures for "cấp CCCD" and "làm căn cước"', async () => {
    for (const text of ['cấp CCCD', 'làm căn cước', 'lam can cuoc']) {
      const top = (await q(text)).items.slice(0, 5);
      expect(top.length, text).toBe(5);
      // The old-card confirmation (CMND, 1.012566) is a fair answer too.
      for (const item of top) expect(item.name, text).toMatch(/căn cước|chứng minh nhân dân/i);
    }
    // Said with the catalogue's words, "cấp CCCD" is "cấp thẻ căn cước": those come first.
    for (const item of (await q('cấp CCCD')).items.slice(0, 2)) {
      expect(item.name).toMatch(/^Cấp thẻ căn cước/);
    }
    const codes = (await q('cấp CCCD', '&limit=20')).items.map((i) => i.code);
    // Cấp thẻ căn cước (≥ 14 tuổi, < 14 tuổi), cấp đổi, cấp lại — commune level.
    expect(codes).toEqual(expect.arrayContaining(['1.014061', '1.014062', '1.014063', '1.014064']));
  });

  it('finds land-use certificate procedures for "so do" / "sổ đỏ"', async () => {
    for (const text of ['so do', 'sổ đỏ', 'sổ hồng']) {
      const top = (await q(text)).items.slice(0, 3);
      expect(top[0]?.name, text).toMatch(/giấy chứng nhận quyền sử dụng đất/i);
      for (const item of top) expect(item.name, text).toMatch(/giấy chứng nhận|quyền sử dụng đất/i);
    }
  });

  it('finds driving-licence procedures for "GPLX"', async () => {
    const body = await q('GPLX', '&limit=10');
    expect(body.items.map((i) => i.code)).toContain('3.000348'); // Cấp lại giấy phép lái xe
    expect(body.items.every((i) => /lái xe/i.test(i.name))).toBe(true);
  });

  it('finds residence (cư trú) procedures for "sổ hộ khẩu"', async () => {
    const items = (await q('sổ hộ khẩu', '&limit=10')).items;
    // "Làm sổ hộ khẩu" is now registering permanent residence.
    expect(items[0]?.code).toBe('1.004222'); // Đăng ký thường trú
    expect((await q('nhập hộ khẩu cho con')).items[0]?.code).toBe('1.004222');
    for (const item of items) expect(item.name).toMatch(/cư trú|thường trú|hộ khẩu/i);
  });

  it('expands the other abbreviations of the synonym table', async () => {
    expect((await q('LLTP')).items[0]?.name).toMatch(/lý lịch tư pháp/i);
    expect((await q('BHYT')).items[0]?.name).toMatch(/bảo hiểm y tế/i);
    expect((await q('HKD')).items[0]?.name).toMatch(/hộ kinh doanh/i);
  });

  it('ranks commune-level procedures first for the same words', async () => {
    // 1.014061 (cấp xã) and 2.000200 (cấp tỉnh) share the name up to "(thực hiện tại cấp tỉnh)".
    const codes = (await q('cấp thẻ căn cước cho người từ đủ 14 tuổi')).items.map((i) => i.code);
    expect(codes.indexOf('1.014061')).toBeGreaterThanOrEqual(0);
    expect(codes.indexOf('1.014061')).toBeLessThan(codes.indexOf('2.000200'));
  });

  it('filters by level, field and online, and pages deterministically', async () => {
    const xa = await q('đăng ký', '&level=xa&limit=100');
    expect(xa.items.length).toBeGreaterThan(10);
    expect(xa.items.every((i) => i.levels.includes('xa'))).toBe(true);
    const tinh = await q('đăng ký', '&level=tinh&limit=100');
    expect(tinh.items.every((i) => i.levels.includes('tinh'))).toBe(true);

    const field = await search(`field=${encodeURIComponent('Hộ tịch')}&limit=100`);
    expect(field.total).toBe(41);
    expect(field.items.every((i) => i.field === 'Hộ tịch')).toBe(true);

    const online = await search('online=true&limit=100');
    const offline = await search('online=false&limit=100');
    expect(online.total + offline.total).toBe(1586);
    expect(online.total).toBeGreaterThan(0);
    expect(offline.total).toBeGreaterThan(0);
    expect(online.items.every((i) => i.online)).toBe(true);
    expect(offline.items.every((i) => !i.online)).toBe(true);

    const all = await q('khai sinh', '&limit=20');
    const first = await q('khai sinh', '&limit=10&offset=0');
    const second = await q('khai sinh', '&limit=10&offset=10');
    expect([...first.items, ...second.items].map((i) => i.code)).toEqual(
      all.items.map((i) => i.code),
    );
  });

  it('finds a procedure by its code', async () => {
    const body = await q('1.004222');
    expect(body.items.map((i) => i.code)).toEqual(['1.004222']);
  });

  it('refuses unknown query parameters and bad filter values', async () => {
    for (const query of ['level=huyen', 'online=yes', 'foo=1', 'limit=0']) {
      const res = await app.server.inject({ url: `/api/procedures?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('GET /api/procedures/fields', () => {
  it('lists the distinct fields with counts that add up to the catalogue', async () => {
    const res = await app.server.inject({ url: '/api/procedures/fields' });
    expect(res.statusCode).toBe(200);
    const items: { field: string; count: number }[] = res.json().items;
    expect(items).toHaveLength(123);
    expect(items.reduce((n, f) => n + f.count, 0)).toBe(1586);
    expect(items.find((f) => f.field === 'Hộ tịch')?.count).toBe(41);
  });
});

describe('GET /api/procedures/:code', () => {
  it('returns the full record, version, local settings and where to submit', async () => {
    const res = await app.server.inject({ url: '/api/procedures/1.001193?commune=22015' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      version: 1,
      latestVersion: 1,
      centralBranch: false,
      local: { receivingLevel: 'commune', offeredOnline: true, onlineLevel: null },
      whereToSubmit: { kind: 'commune_centre', unitCode: '22015', receivingLevel: 'commune' },
    });
    expect(body.whereToSubmit.name).toBe('Trung tâm Phục vụ hành chính công phường Tuy Hòa');
    expect(body.record.decision_no).toBe('163/QĐ-BTP');
    expect(body.record.documents.length).toBeGreaterThan(0);
    expect(body.record.steps_text).toContain('Trung tâm Phục vụ hành chính công');
    expect(body.fees.length).toBe(body.record.channels.length);
  });

  it('sends province-level procedures to the province centre', async () => {
    const body = (await app.server.inject({ url: '/api/procedures/3.000333' })).json();
    expect(body.whereToSubmit).toMatchObject({
      kind: 'province_centre',
      unitCode: '66-TTPVHCC',
      name: 'Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk',
    });
  });

  it('says that a central-branch procedure is not handled by the commune centre, and where to go', async () => {
    const body = (await app.server.inject({ url: '/api/procedures/1.000005' })).json();
    expect(body.centralBranch).toBe(true);
    expect(body.local.receivingLevel).toBe('province');
    expect(body.whereToSubmit.kind).toBe('central_agency');
    expect(body.whereToSubmit.name).toBe('Chi cục Hải quan khu vực');
    expect(body.whereToSubmit.note).toContain(
      'không tiếp nhận tại Trung tâm Phục vụ hành chính công cấp xã',
    );
  });

  it('answers 404 PROCEDURE_NOT_FOUND in Vietnamese for an unknown code', async () => {
    const res = await app.server.inject({ url: '/api/procedures/9.999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PROCEDURE_NOT_FOUND');
    expect(res.json().error.message).toContain('Không tìm thấy thủ tục');
  });

  it('answers 400 for a malformed code', async () => {
    for (const code of ['1001193', 'abc', '1.00119', '1.0011933']) {
      const res = await app.server.inject({ url: `/api/procedures/${code}` });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error.fields)).toContain('Mã thủ tục');
    }
  });
});
