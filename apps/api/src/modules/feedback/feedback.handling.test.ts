import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { makeResident, type TestResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  act,
  communeWithPoint,
  expectError,
  fileReport,
  officerOf,
  rowVersion,
} from './feedback.test-support';

const START = new Date('2026-04-22T02:00:00Z'); // Wed 22/4/2026 09:00 in Vietnam
const POTHOLE = 'Ổ gà rất lớn giữa đường liên thôn, xe máy đi qua dễ bị ngã, đề nghị sửa đường';
const DAY = 86_400_000;

let app: TestApp;
let place: Awaited<ReturnType<typeof communeWithPoint>>;
let other: Awaited<ReturnType<typeof communeWithPoint>>;
let resident: TestResident;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(START) });
  place = await communeWithPoint(app, 0);
  other = await communeWithPoint(app, 1);
  resident = await makeResident(app, { email: 'nguoi.dan@example.vn' });
});
afterAll(async () => {
  await app.close();
});

async function newReport(): Promise<{ id: string; reference: string }> {
  const res = await fileReport(
    app,
    {
      category: 'giao-thong',
      description: POTHOLE,
      lat: String(place.lat),
      lng: String(place.lng),
    },
    { headers: await residentHeaders() },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Days pass in these tests: the resident signs in again (sessions expire) before acting. */
async function residentHeaders(): Promise<Record<string, string>> {
  const session = await app.services.sessions.create(resident.id, {
    acr: 'urn:vneid:loa:2',
    assuranceLevel: 2,
  });
  return { cookie: `cqs_sid=${session.cookieValue}`, 'x-csrf-token': session.csrfToken };
}

async function residentPost(reference: string, path: string, payload: unknown) {
  return app.server.inject({
    method: 'POST',
    url: `/api/feedback/reports/${reference}/${path}`,
    headers: await residentHeaders(),
    payload: payload as Record<string, unknown>,
  });
}

describe('handling a report', () => {
  it('commune officer answers, the public page shows it, the resident rates it; on time is frozen at close', async () => {
    const officer = await officerOf(app, place.code);
    const report = await newReport();
    let v = await rowVersion(app, report.id);
    expect(
      (await act(app, officer, report.id, { action: 'start', expectedRowVersion: v })).statusCode,
    ).toBe(200);
    // Internal note: never on the public page.
    v = await rowVersion(app, report.id);
    const note = await act(app, officer, report.id, {
      action: 'internal_note',
      expectedRowVersion: v,
      note: 'Gọi đội duy tu, không công khai',
    });
    expect(note.statusCode).toBe(200);
    // A stale version is refused.
    expectError(
      await act(app, officer, report.id, {
        action: 'resolve',
        expectedRowVersion: v,
        publicReply: 'x',
      }),
      409,
      'FEEDBACK_CHANGED',
    );
    app.clock.advance(2 * DAY);
    const resolved = await act(app, await officerOf(app, place.code), report.id, {
      action: 'resolve',
      expectedRowVersion: await rowVersion(app, report.id),
      publicReply: 'Đã vá ổ gà ngày 24/4/2026.',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().state).toBe('resolved');

    const page = (
      await app.server.inject({ url: `/api/feedback/reports/${report.reference}` })
    ).json();
    expect(page.publicAnswer).toBe('Đã vá ổ gà ngày 24/4/2026.');
    expect(page.events.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'start',
      'resolve',
    ]);
    expect(JSON.stringify(page)).not.toContain('Gọi đội duy tu');
    const answered = await app.database.db
      .selectFrom('outbox')
      .select(['recipient'])
      .where('template', '=', 'feedback.answered')
      .execute();
    expect(answered.map((a) => a.recipient)).toContain('nguoi.dan@example.vn');

    const rated = await residentPost(report.reference, 'rate', { rating: 5, comment: 'Cảm ơn' });
    expect(rated.statusCode, rated.body).toBe(200);
    const row = await app.database.db
      .selectFrom('feedback_reports')
      .select(['state', 'overdue_at_close', 'rating'])
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'closed', overdue_at_close: false, rating: 5 });
    const stats = (
      await app.server.inject({ url: `/api/feedback/stats?unitCode=${place.code}` })
    ).json();
    expect(stats).toMatchObject({
      closed: 1,
      onTime: 1,
      overdue: 0,
      onTimeRate: 1,
      averageRating: 5,
    });
    // The table of every unit gives the same counts, with the unit's full name.
    const all = await app.server.inject({ url: '/api/feedback/stats/units' });
    expect(all.statusCode, all.body).toBe(200);
    const mine = all.json().items.find((i: { unitCode: string }) => i.unitCode === place.code);
    expect(mine).toEqual({ ...stats, unitName: place.name });
  });

  it('refuses officers of another commune and residents who did not file the report', async () => {
    const stranger = await officerOf(app, other.code);
    const report = await newReport();
    expectError(
      await act(app, stranger, report.id, { action: 'start', expectedRowVersion: 1 }),
      403,
      'FORBIDDEN',
    );
    const someoneElse = await makeResident(app);
    const res = await app.server.inject({
      method: 'POST',
      url: `/api/feedback/reports/${report.reference}/reopen`,
      headers: someoneElse.headers,
      payload: { reason: 'không đồng ý' },
    });
    expectError(res, 403, 'FEEDBACK_NOT_REPORTER');
  });

  it('pauses the deadline while the resident is asked for information, and resumes it', async () => {
    const officer = await officerOf(app, place.code);
    const report = await newReport();
    const before = await app.database.db
      .selectFrom('feedback_reports')
      .select('due_at')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    const asked = await act(app, officer, report.id, {
      action: 'request_info',
      expectedRowVersion: await rowVersion(app, report.id),
      publicReply: 'Đề nghị cho biết số nhà gần nhất.',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().state).toBe('info_requested');
    // Five working days later the resident answers: the deadline moves by those days.
    app.clock.advance(7 * DAY);
    const answered = await residentPost(report.reference, 'info', { text: 'Gần số nhà 12' });
    expect(answered.statusCode, answered.body).toBe(200);
    const after = await app.database.db
      .selectFrom('feedback_reports')
      .select(['due_at', 'state', 'paused_at'])
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe('in_progress');
    expect(after.paused_at).toBeNull();
    expect(after.due_at!.getTime()).toBeGreaterThan(before.due_at!.getTime());
    const infoMessages = await app.database.db
      .selectFrom('outbox')
      .select('template')
      .where('template', '=', 'feedback.info_requested')
      .execute();
    expect(infoMessages.length).toBeGreaterThanOrEqual(1);
  });

  it('transfers with a reason; the receiving unit can return it to the sender', async () => {
    const officer = await officerOf(app, place.code);
    const receiver = await officerOf(app, other.code);
    const report = await newReport();
    const moved = await act(app, officer, report.id, {
      action: 'transfer',
      expectedRowVersion: await rowVersion(app, report.id),
      toUnitCode: other.code,
      publicReply: 'Đoạn đường thuộc địa bàn xã bên cạnh',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const back = await act(app, receiver, report.id, {
      action: 'return_to_sender',
      expectedRowVersion: await rowVersion(app, report.id),
      note: 'Không thuộc địa bàn',
    });
    expect(back.statusCode, back.body).toBe(200);
    const row = await app.database.db
      .selectFrom('feedback_reports')
      .select(['assigned_unit_code', 'state'])
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ assigned_unit_code: place.code, state: 'triage' });
    // The triage action re-routes by the rules: back to the commune of the point.
    const triaged = await act(app, officer, report.id, {
      action: 'triage',
      expectedRowVersion: await rowVersion(app, report.id),
      categoryCode: 'giao-thong',
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    expect(triaged.json().state).toBe('assigned');
  });

  it('lets the reporter reopen within 7 days of the answer, not after', async () => {
    const officer = await officerOf(app, place.code);
    const a = await newReport();
    const b = await newReport();
    for (const r of [a, b]) {
      const res = await act(app, officer, r.id, {
        action: 'reject',
        expectedRowVersion: await rowVersion(app, r.id),
        publicReply: 'Không thuộc thẩm quyền giải quyết',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    app.clock.advance(3 * DAY);
    const reopened = await residentPost(a.reference, 'reopen', { reason: 'Ổ gà vẫn còn' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().state).toBe('in_progress');
    app.clock.advance(5 * DAY);
    expectError(
      await residentPost(b.reference, 'reopen', { reason: 'Ổ gà vẫn còn' }),
      409,
      'FEEDBACK_REOPEN_WINDOW_PASSED',
    );
  });

  it('filters the unit inbox by category (a main category includes its sub-categories)', async () => {
    const officer = await officerOf(app, place.code);
    const road = (
      await fileReport(app, {
        category: 'giao-thong',
        description: POTHOLE,
        communeCode: place.code,
      })
    ).json();
    const water = (
      await fileReport(app, {
        category: 'cap-thoat-nuoc',
        description: 'Cống thoát nước bị tắc, nước tràn ra đường mỗi khi mưa to',
        communeCode: place.code,
      })
    ).json();
    const inbox = async (query: string) => {
      const res = await app.server.inject({
        url: `/api/officer/feedback?unitCode=${place.code}&${query}`,
        headers: { cookie: officer.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: string; categoryCode: string }[]; total: number };
    };
    const roads = await inbox('category=giao-thong&pageSize=100');
    expect(roads.items.map((i) => i.id)).toContain(road.id);
    expect(roads.items.map((i) => i.id)).not.toContain(water.id);
    expect(roads.items.every((i) => i.categoryCode.split('.')[0] === 'giao-thong')).toBe(true);
    expect(roads.total).toBe(roads.items.length);
    const waters = await inbox('category=cap-thoat-nuoc&pageSize=100');
    expect(waters.items.map((i) => i.id)).toContain(water.id);
    expect(waters.items.map((i) => i.id)).not.toContain(road.id);
  });

  it('keeps held reports hidden until an officer approves them', async () => {
    const officer = await officerOf(app, place.code);
    const res = await fileReport(app, {
      category: 'giao-thong',
      description: `${POTHOLE}. Gọi tôi 0905123456`,
      communeCode: place.code,
    });
    const { id, reference } = res.json();
    expectError(
      await app.server.inject({ url: `/api/feedback/reports/${reference}` }),
      404,
      'FEEDBACK_NOT_FOUND',
    );
    const inbox = await app.server.inject({
      url: `/api/officer/feedback?unitCode=${place.code}`,
      headers: { cookie: officer.cookie },
    });
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toContain(id);
    const approved = await act(app, officer, id, {
      action: 'approve_moderation',
      expectedRowVersion: await rowVersion(app, id),
    });
    expect(approved.statusCode).toBe(200);
    expect(
      (await app.server.inject({ url: `/api/feedback/reports/${reference}` })).statusCode,
    ).toBe(200);
  });
});
