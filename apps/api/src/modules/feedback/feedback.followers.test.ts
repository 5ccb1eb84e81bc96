import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { makeResident, type TestResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { act, communeWithPoint, fileReport, officerOf, rowVersion } from './feedback.test-support';

const START = new Date('2026-04-22T02:00:00Z'); // Wed 22/4/2026 09:00 in Vietnam

let app: TestApp;
let place: Awaited<ReturnType<typeof communeWithPoint>>;
let reporter: TestResident;
let follower: TestResident;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(START) });
  place = await communeWithPoint(app, 0);
  reporter = await makeResident(app, { email: 'nguoi.bao@example.vn' });
  follower = await makeResident(app, { email: 'nguoi.theo.doi@example.vn' });
  await makeResident(app, { email: 'nguoi.khac@example.vn' }); // signed in, not following
});
afterAll(async () => {
  await app.close();
});

async function followerMessages() {
  const rows = await app.database.db
    .selectFrom('outbox')
    .select(['recipient', 'payload'])
    .where('template', '=', 'feedback.follower_update')
    .execute();
  return rows.map((r) => ({
    recipient: r.recipient,
    ...(typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload),
  }));
}

describe('followers of a report', () => {
  it('hear through the outbox when it is answered and when it closes; the reporter and others do not', async () => {
    const filed = await fileReport(
      app,
      {
        category: 'giao-thong',
        description: 'Đèn đường hỏng cả đoạn trước trường tiểu học, buổi tối rất tối',
        lat: String(place.lat),
        lng: String(place.lng),
      },
      { headers: reporter.headers },
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const { id, reference } = filed.json();
    for (const who of [follower, reporter]) {
      const follow = await app.server.inject({
        method: 'POST',
        url: `/api/feedback/reports/${reference}/follow`,
        headers: who.headers,
      });
      expect(follow.statusCode, follow.body).toBe(204);
    }

    const officer = await officerOf(app, place.code);
    await act(app, officer, id, { action: 'start', expectedRowVersion: await rowVersion(app, id) });
    expect(await followerMessages()).toEqual([]); // internal steps are not news

    const resolve = await act(app, officer, id, {
      action: 'resolve',
      expectedRowVersion: await rowVersion(app, id),
      publicReply: 'Đã thay bóng đèn cả đoạn',
    });
    expect(resolve.statusCode, resolve.body).toBe(200);
    expect(await followerMessages()).toEqual([
      expect.objectContaining({
        recipient: 'nguoi.theo.doi@example.vn',
        feedbackReference: reference,
        kind: 'answered',
        answer: 'Đã thay bóng đèn cả đoạn',
      }),
    ]);

    const rate = await app.server.inject({
      method: 'POST',
      url: `/api/feedback/reports/${reference}/rate`,
      headers: reporter.headers,
      payload: { rating: 5 },
    });
    expect(rate.statusCode, rate.body).toBe(200);
    const messages = await followerMessages();
    // The clock stands still in this test, so the queue order is not the order of the steps.
    expect(messages.map((m) => `${m.recipient} ${m.kind}`).sort()).toEqual([
      'nguoi.theo.doi@example.vn answered',
      'nguoi.theo.doi@example.vn closed',
    ]);
    expect(messages.map((m) => m.recipient)).not.toContain('nguoi.khac@example.vn');
  });
});
