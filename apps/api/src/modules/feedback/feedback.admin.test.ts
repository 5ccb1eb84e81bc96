import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import { communeWithPoint, expectError, fileReport, officerOf } from './feedback.test-support';

let app: TestApp;
let admin: Awaited<ReturnType<typeof officerOf>>;
let place: Awaited<ReturnType<typeof communeWithPoint>>;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(new Date('2026-04-22T02:00:00Z')) });
  admin = await officerOf(app, '66', 'province_admin');
  place = await communeWithPoint(app);
});
afterAll(async () => {
  await app.close();
});

const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = admin) =>
  app.server.inject({
    method,
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });

describe('feedback administration', () => {
  it('seeds the 13 main categories with 15 working days and lists them publicly', async () => {
    const res = await app.server.inject({ url: '/api/feedback/categories' });
    const main = res.json().filter((c: { parentCode: string | null }) => c.parentCode === null);
    expect(main.map((c: { code: string }) => c.code)).toEqual([
      'moi-truong',
      'giao-thong',
      'trat-tu-do-thi',
      'dien-chieu-sang',
      'cap-thoat-nuoc',
      'an-ninh-trat-tu',
      'dat-dai',
      'y-te',
      'giao-duc',
      'nong-nghiep',
      'an-sinh-xa-hoi',
      'dich-vu-cong',
      'khac',
    ]);
    expect(new Set(main.map((c: { answerDays: number }) => c.answerDays))).toEqual(new Set([15]));
  });

  it('adds a sub-category (province administrators only) that reports can use', async () => {
    const body = {
      code: 'moi-truong.rac-thai',
      parentCode: 'moi-truong',
      nameVi: 'Rác thải',
      nameEn: 'Rubbish',
    };
    const commune = await officerOf(app, place.code, 'unit_leader');
    expectError(
      await send('POST', '/api/admin/feedback/categories', body, commune),
      403,
      'FORBIDDEN',
    );
    const created = await send('POST', '/api/admin/feedback/categories', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'moi-truong.rac-thai', answerDays: 15 });
    expectError(
      await send('POST', '/api/admin/feedback/categories', body),
      409,
      'FEEDBACK_CATEGORY_EXISTS',
    );
    const bad = await send('POST', '/api/admin/feedback/categories', {
      ...body,
      code: 'giao-thong.x',
    });
    expect(bad.statusCode).toBe(400);
    const filed = await fileReport(app, {
      category: 'moi-truong.rac-thai',
      description: 'Rác thải chất đống ở đầu hẻm, bốc mùi',
      communeCode: place.code,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    // The default rule ("every category → the commune") serves sub-categories too.
    expect(filed.json().assignedUnitCode).toBe(place.code);
  });

  it('tests a draft rule set against a sample without saving it, then saves and reorders', async () => {
    const saved = (await send('GET', '/api/admin/feedback/rules')).json().rules;
    expect(saved.map((r: { targetKind: string }) => r.targetKind)).toEqual(['unit', 'commune']);
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [place.lng - 0.001, place.lat - 0.001],
          [place.lng + 0.001, place.lat - 0.001],
          [place.lng + 0.001, place.lat + 0.001],
          [place.lng - 0.001, place.lat + 0.001],
          [place.lng - 0.001, place.lat - 0.001],
        ],
      ],
    };
    const draft = [
      {
        categoryCode: 'cap-thoat-nuoc',
        communeCode: null,
        area: square,
        targetKind: 'unit',
        targetUnitCode: '66-SXD',
        note: 'Khu đô thị do Sở Xây dựng quản lý',
        active: true,
      },
      ...saved,
    ];
    const inside = await send('POST', '/api/admin/feedback/rules/test', {
      rules: draft,
      categoryCode: 'cap-thoat-nuoc',
      lat: place.lat,
      lng: place.lng,
    });
    expect(inside.json()).toMatchObject({ matched: true, ruleIndex: 0, unitCode: '66-SXD' });
    const outside = await send('POST', '/api/admin/feedback/rules/test', {
      rules: draft,
      categoryCode: 'cap-thoat-nuoc',
      lat: place.lat + 0.01,
      lng: place.lng,
    });
    expect(outside.json()).toMatchObject({ matched: true, ruleIndex: 2 });
    // Not saved: the stored rules still send the sample to the commune.
    const stored = await send('POST', '/api/admin/feedback/rules/test', {
      categoryCode: 'cap-thoat-nuoc',
      lat: place.lat,
      lng: place.lng,
    });
    expect(stored.json()).toMatchObject({ unitCode: place.code, communeCode: place.code });
    // An unknown target is refused; a valid set is saved in the given order.
    const wrong = await send('PUT', '/api/admin/feedback/rules', {
      rules: [{ ...draft[0], targetUnitCode: '66-NOPE' }],
    });
    expect(wrong.statusCode).toBe(400);
    const put = await send('PUT', '/api/admin/feedback/rules', { rules: draft });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().rules).toHaveLength(3);
    const filed = await fileReport(app, {
      category: 'cap-thoat-nuoc',
      description: 'Cống thoát nước bị tắc, nước tràn ra đường mỗi khi mưa',
      lat: String(place.lat),
      lng: String(place.lng),
    });
    expect(filed.json().assignedUnitCode).toBe('66-SXD');
  });
});
