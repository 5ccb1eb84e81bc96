import type { Response as InjectResponse } from 'light-my-request';
import { expect } from 'vitest';
import { FixedClock } from '../../lib/clock';
import {
  makeOfficer,
  makeResident,
  type SignedIn,
  signInOfficer,
  type TestOfficer,
} from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { act, communeWithPoint, fileReport, rowVersion } from '../feedback/feedback.test-support';
import { type FeedbackWorkerDeps, runAutoClose, runEscalation } from '../feedback/feedback.workers';
import { vn } from './dashboard.test-support';

/**
 * A fixed set of reports driven through the real feedback actions and workers, every number
 * computed by hand. 'giao-thong.o-ga' (a sub-category of giao-thong) gives 3 working days; the
 * 2026 calendar has 25–27/4 off (Hùng Kings' day on Sunday 26/4, made up on Monday 27/4),
 * 30/4–3/5 off, 9–10/5 a weekend. Commune A unless said:
 *
 * R7  GT  Fri 24/4 09:00 → due Mon 4/5 17:00 (28/4, 29/4, 4/5); escalated by the worker on 5/5 to
 *         the department, which answers Fri 8/5 10:00: late 4 working days (5, 6, 7, 8/5) — still
 *         commune A's report, with its own deadline. 337 h.
 * R1  GT  Tue 28/4 09:00 → due Tue 5/5; answered Mon 4/5 10:00 on time, rated 5. 145 h.
 * R6  GT  Tue 28/4 09:00; rejected 29/4 (a duplicate), auto-closed 7/5: counted apart.
 * R9  MT  Tue 28/4 09:00 (môi trường, 15 working days → 21/5); answered 6/5 14:00, rated 3. 197 h.
 * R2  GT  Tue 28/4 16:00 (after 15:00: day 0 is 29/4) → due Wed 6/5; answered Fri 8/5 09:00: late
 *         2 working days; rated 2. 233 h.
 * R3  GT  Wed 29/4 09:00 → due 6/5; still open on Tue 12/5: overdue 4 working days (7, 8, 11, 12).
 * R8  GT  commune B, Wed 29/4 09:00 → due 6/5; answered 5/5 10:00 on time, rated 4. 145 h.
 * R4  GT  Mon 4/5 09:00 → due Thu 7/5; information requested 5/5: paused, not overdue.
 * R5  MT  Mon 4/5 09:00 → due 25/5: open, within time.
 * R10 GT  Mon 4/5 09:00 → due 7/5; answered 5/5 on time, reopened Wed 6/5 10:00 → new due Mon
 *         11/5; open on 12/5: overdue 1 working day.
 * Seen on Tue 12/5 10:00 for 24/4–12/5.
 */
export const GT = 'giao-thong.o-ga';
export const MT = 'moi-truong';
export const PERIOD = 'from=2026-04-24&to=2026-05-12';
const TEXT = 'Ổ gà lớn giữa đường liên thôn, xe máy đi qua dễ bị ngã, đề nghị sửa chữa sớm';

export interface FeedbackHistory {
  app: TestApp;
  communeA: string;
  communeB: string;
  /** Report ids by name (R1 … R10). */
  r: Record<string, string>;
  officers: Record<'admin' | 'a' | 'b' | 'dept', TestOfficer>;
  as(officer: TestOfficer): Promise<SignedIn>;
  leader(unit: string): Promise<SignedIn>;
  residentHeaders(): Promise<Record<string, string>>;
  get(who: { cookie: string } | null, url: string): Promise<InjectResponse>;
}

/** Plays the history above through the real routes and workers; the clock ends on 12/5 10:00. */
export async function buildFeedbackHistory(): Promise<FeedbackHistory> {
  const app = await createTestApp({ clock: new FixedClock(vn('2026-04-20T09:00:00')) });
  const communeA = (await communeWithPoint(app, 0)).code;
  const communeB = (await communeWithPoint(app, 1)).code;
  const db = app.database.db;
  const r: Record<string, string> = {};
  const residentId = (await makeResident(app, { email: 'nguoi.phan.anh@example.vn' })).id;
  const officers = {
    admin: await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
    a: await makeOfficer(app, [{ role: 'specialist', unitCode: communeA }]),
    b: await makeOfficer(app, [{ role: 'specialist', unitCode: communeB }]),
    dept: await makeOfficer(app, [{ role: 'specialist', unitCode: '66-SXD' }]),
  };
  const as = (officer: TestOfficer) => signInOfficer(app, officer);
  const residentHeaders = async () => {
    const session = await app.services.sessions.create(residentId, {
      acr: 'urn:vneid:loa:2',
      assuranceLevel: 2,
    });
    return { cookie: `cqs_sid=${session.cookieValue}`, 'x-csrf-token': session.csrfToken };
  };
  const file = async (at: string, category: string, commune: string) => {
    app.clock.set(vn(at));
    const res = await fileReport(
      app,
      { category, description: TEXT, communeCode: commune, address: 'Thôn 3' },
      { headers: await residentHeaders() },
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const officerDoes = async (
    at: string,
    who: TestOfficer,
    id: string,
    action: string,
    extra: Record<string, unknown> = {},
  ) => {
    app.clock.set(vn(at));
    const res = await act(app, await as(who), id, {
      action,
      expectedRowVersion: await rowVersion(app, id),
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const residentDoes = async (
    at: string,
    id: string,
    path: string,
    body: Record<string, unknown>,
  ) => {
    app.clock.set(vn(at));
    const { reference } = await db
      .selectFrom('feedback_reports')
      .select('reference')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await app.server.inject({
      method: 'POST',
      url: `/api/feedback/reports/${reference}/${path}`,
      headers: await residentHeaders(),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const admin = await as(officers.admin);
  const sub = await app.server.inject({
    method: 'POST',
    url: '/api/admin/feedback/categories',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    payload: {
      code: GT,
      parentCode: 'giao-thong',
      nameVi: 'Ổ gà, hư hỏng mặt đường',
      nameEn: 'Potholes',
      answerDays: 3,
    },
  });
  expect(sub.statusCode, sub.body).toBe(201);
  const workers: FeedbackWorkerDeps = {
    db,
    clock: app.clock,
    repository: app.services.feedback.repository,
    units: app.services.units,
    calendar: new CalendarService({
      db,
      repository: new CalendarRepository(db),
      clock: app.clock,
      policy: app.services.policy,
    }),
    actions: app.services.feedback.actions,
  };

  r.R7 = await file('2026-04-24T09:00:00', GT, communeA);
  r.R1 = await file('2026-04-28T09:00:00', GT, communeA);
  r.R6 = await file('2026-04-28T09:00:00', GT, communeA);
  r.R9 = await file('2026-04-28T09:00:00', MT, communeA);
  r.R2 = await file('2026-04-28T16:00:00', GT, communeA);
  r.R3 = await file('2026-04-29T09:00:00', GT, communeA);
  r.R8 = await file('2026-04-29T09:00:00', GT, communeB);
  await officerDoes('2026-04-29T10:00:00', officers.a, r.R6!, 'reject', {
    publicReply: 'Trùng với phản ánh đã tiếp nhận trước đó',
  });
  r.R4 = await file('2026-05-04T09:00:00', GT, communeA);
  r.R5 = await file('2026-05-04T09:00:00', MT, communeA);
  r.R10 = await file('2026-05-04T09:00:00', GT, communeA);
  const answer = { publicReply: 'Đã cho đội duy tu vá lại mặt đường' };
  await officerDoes('2026-05-04T10:00:00', officers.a, r.R1!, 'resolve', answer);
  await residentDoes('2026-05-04T11:00:00', r.R1!, 'rate', { rating: 5 });
  app.clock.set(vn('2026-05-05T09:00:00'));
  expect(await runEscalation(workers)).toBe(1); // R7 only: due 4/5 17:00
  await officerDoes('2026-05-05T09:30:00', officers.a, r.R10!, 'resolve', answer);
  await officerDoes('2026-05-05T10:00:00', officers.a, r.R4!, 'request_info', {
    publicReply: 'Đề nghị cho biết số nhà gần nhất',
  });
  await officerDoes('2026-05-05T10:00:00', officers.b, r.R8!, 'resolve', answer);
  await residentDoes('2026-05-05T10:30:00', r.R8!, 'rate', { rating: 4 });
  await residentDoes('2026-05-06T10:00:00', r.R10!, 'reopen', { reason: 'Vẫn còn ổ gà' });
  await officerDoes('2026-05-06T14:00:00', officers.a, r.R9!, 'resolve', answer);
  await residentDoes('2026-05-06T15:00:00', r.R9!, 'rate', { rating: 3 });
  app.clock.set(vn('2026-05-07T09:00:00'));
  expect(await runAutoClose(workers)).toBe(1); // R6, rejected 29/4
  await officerDoes('2026-05-08T09:00:00', officers.a, r.R2!, 'resolve', answer);
  await residentDoes('2026-05-08T09:30:00', r.R2!, 'rate', { rating: 2 });
  await officerDoes('2026-05-08T10:00:00', officers.dept, r.R7!, 'resolve', answer);
  app.clock.set(vn('2026-05-12T10:00:00'));
  return {
    app,
    communeA,
    communeB,
    r,
    officers,
    as,
    residentHeaders,
    leader: async (unit) => as(await makeOfficer(app, [{ role: 'unit_leader', unitCode: unit }])),
    get: (who, url) =>
      app.server.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} }),
  };
}
