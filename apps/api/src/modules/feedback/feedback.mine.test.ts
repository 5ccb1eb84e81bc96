import { ApiError, MyFeedbackList } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { makeResident, type TestResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { act, communeWithPoint, fileReport, officerOf, rowVersion } from './feedback.test-support';

const START = new Date('2026-04-22T02:00:00Z'); // Wed 22/4/2026 09:00 in Vietnam
const HOUR = 3_600_000;
const DAY = 86_400_000;

let app: TestApp;
let clock: FixedClock;
let place: Awaited<ReturnType<typeof communeWithPoint>>;
let resident: TestResident;
let neighbour: TestResident;

beforeAll(async () => {
  clock = new FixedClock(START);
  app = await createTestApp({ clock });
  place = await communeWithPoint(app, 0);
  resident = await makeResident(app);
  neighbour = await makeResident(app);
});
afterAll(async () => {
  await app.close();
});

/** A fresh session each time: the clock moves days ahead and sessions expire. */
async function headersOf(who: TestResident): Promise<Record<string, string>> {
  const session = await app.services.sessions.create(who.id, {
    acr: 'urn:vneid:loa:2',
    assuranceLevel: 2,
  });
  return { cookie: `cqs_sid=${session.cookieValue}`, 'x-csrf-token': session.csrfToken };
}

async function report(who: TestResident, description: string) {
  const res = await fileReport(
    app,
    { category: 'giao-thong', description, lat: String(place.lat), lng: String(place.lng) },
    { headers: await headersOf(who) },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string };
}

async function mine(who: TestResident, query = '') {
  const res = await app.server.inject({
    url: `/api/my/feedback${query}`,
    headers: await headersOf(who),
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('private, no-store');
  return MyFeedbackList.parse(res.json());
}

describe('GET /api/my/feedback', () => {
  let first: { id: string; reference: string };
  let second: { id: string; reference: string };
  let theirs: { id: string; reference: string };

  beforeAll(async () => {
    first = await report(
      resident,
      'Đèn đường hỏng cả đoạn trước trường tiểu học, buổi tối rất tối',
    );
    clock.advance(HOUR);
    theirs = await report(neighbour, 'Ổ gà lớn giữa đường liên thôn, xe máy dễ bị ngã khi đi qua');
    clock.advance(HOUR);
    second = await report(resident, 'Cống thoát nước bị tắc, nước tràn ra mặt đường khi trời mưa');
  });

  it('lists only my own reports, newest first, with category, commune, state and due date', async () => {
    const body = await mine(resident);
    expect(body.total).toBe(2);
    expect(body.items.map((i) => i.reference)).toEqual([second.reference, first.reference]);
    expect(body.items.map((i) => i.reference)).not.toContain(theirs.reference);
    const item = body.items[0]!;
    expect(item).toMatchObject({
      id: second.id,
      title: expect.stringContaining('Cống thoát nước'),
      categoryCode: 'giao-thong',
      categoryName: expect.any(String),
      status: 'open',
      communeCode: place.code,
      communeName: place.name,
      canRate: false,
      canReopen: false,
      canProvideInfo: false,
      actionDeadline: null,
    });
    expect(item.categoryName).not.toBe('giao-thong');
    expect(item.stateLabel).not.toBe(item.state);
    expect(Date.parse(item.dueAt!)).toBeGreaterThan(Date.parse(item.createdAt));
    const other = await mine(neighbour);
    expect(other.items.map((i) => i.reference)).toEqual([theirs.reference]);
  });

  it('pages with page and pageSize (at most 50)', async () => {
    const page2 = await mine(resident, '?page=2&pageSize=1');
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.items.map((i) => i.reference)).toEqual([first.reference]);
    const tooMany = await app.server.inject({
      url: '/api/my/feedback?pageSize=51',
      headers: await headersOf(resident),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('offers "answer" while information is requested, then rate/reopen for 7 days after the answer', async () => {
    const officer = await officerOf(app, place.code);
    const ask = await act(app, officer, first.id, {
      action: 'request_info',
      expectedRowVersion: await rowVersion(app, first.id),
      publicReply: 'Đề nghị cho biết đoạn đường cụ thể (số nhà gần nhất)',
    });
    expect(ask.statusCode, ask.body).toBe(200);
    const waiting = (await mine(resident)).items.find((i) => i.id === first.id)!;
    expect(waiting).toMatchObject({
      state: 'info_requested',
      canProvideInfo: true,
      canRate: false,
    });

    clock.advance(HOUR); // the resident answers later: a pause has a length
    const answer = await app.server.inject({
      method: 'POST',
      url: `/api/feedback/reports/${first.reference}/info`,
      headers: await headersOf(resident),
      payload: { text: 'Trước số nhà 12, đường Nguyễn Tất Thành' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const answering = await officerOf(app, place.code); // officer sessions idle out within the hour
    const resolve = await act(app, answering, first.id, {
      action: 'resolve',
      expectedRowVersion: await rowVersion(app, first.id),
      publicReply: 'Đã thay bóng đèn cả đoạn',
    });
    expect(resolve.statusCode, resolve.body).toBe(200);
    const answered = (await mine(resident)).items.find((i) => i.id === first.id)!;
    expect(answered).toMatchObject({
      state: 'resolved',
      status: 'closed',
      canRate: true,
      canReopen: true,
      canProvideInfo: false,
    });
    expect(Date.parse(answered.actionDeadline!) - Date.parse(answered.answeredAt!)).toBe(7 * DAY);

    clock.advance(7 * DAY + HOUR);
    const late = (await mine(resident)).items.find((i) => i.id === first.id)!;
    expect(late).toMatchObject({ canRate: false, canReopen: false, actionDeadline: null });
  });

  it('answers 401 with the standard error body when not signed in', async () => {
    const res = await app.server.inject({ url: '/api/my/feedback' });
    expect(res.statusCode).toBe(401);
    const body = ApiError.parse(res.json());
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.message).toMatch(/đăng nhập/i);
  });
});
