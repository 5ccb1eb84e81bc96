import type {
  ComputedComponent,
  FeedbackDrill,
  FeedbackIndicators,
  ServiceIndex,
} from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { formatVn } from '../calendar/calendar.time';
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
const GT = 'giao-thong.o-ga';
const MT = 'moi-truong';
const PERIOD = 'from=2026-04-24&to=2026-05-12';
const TEXT = 'Ổ gà lớn giữa đường liên thôn, xe máy đi qua dễ bị ngã, đề nghị sửa chữa sớm';

let app: TestApp;
let communeA: string;
let communeB: string;
let workers: FeedbackWorkerDeps;
const r: Record<string, string> = {};
const officers: Record<string, TestOfficer> = {};
let residentId: string;

async function as(officer: TestOfficer): Promise<SignedIn> {
  return signInOfficer(app, officer);
}
async function residentHeaders(): Promise<Record<string, string>> {
  const session = await app.services.sessions.create(residentId, {
    acr: 'urn:vneid:loa:2',
    assuranceLevel: 2,
  });
  return { cookie: `cqs_sid=${session.cookieValue}`, 'x-csrf-token': session.csrfToken };
}
async function file(at: string, category: string, commune: string): Promise<string> {
  app.clock.set(vn(at));
  const res = await fileReport(
    app,
    { category, description: TEXT, communeCode: commune, address: 'Thôn 3' },
    { headers: await residentHeaders() },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function officerDoes(
  at: string,
  who: TestOfficer,
  id: string,
  action: string,
  extra: Record<string, unknown> = {},
) {
  app.clock.set(vn(at));
  const res = await act(app, await as(who), id, {
    action,
    expectedRowVersion: await rowVersion(app, id),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
}
async function residentDoes(at: string, id: string, path: string, body: Record<string, unknown>) {
  app.clock.set(vn(at));
  const { reference } = await app.database.db
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
}

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(vn('2026-04-20T09:00:00')) });
  communeA = (await communeWithPoint(app, 0)).code;
  communeB = (await communeWithPoint(app, 1)).code;
  const db = app.database.db;
  residentId = (await makeResident(app, { email: 'nguoi.phan.anh@example.vn' })).id;
  officers.admin = await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]);
  officers.a = await makeOfficer(app, [{ role: 'specialist', unitCode: communeA }]);
  officers.b = await makeOfficer(app, [{ role: 'specialist', unitCode: communeB }]);
  officers.dept = await makeOfficer(app, [{ role: 'specialist', unitCode: '66-SXD' }]);
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
  workers = {
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
  await officerDoes('2026-04-29T10:00:00', officers.a!, r.R6!, 'reject', {
    publicReply: 'Trùng với phản ánh đã tiếp nhận trước đó',
  });
  r.R4 = await file('2026-05-04T09:00:00', GT, communeA);
  r.R5 = await file('2026-05-04T09:00:00', MT, communeA);
  r.R10 = await file('2026-05-04T09:00:00', GT, communeA);
  const answer = { publicReply: 'Đã cho đội duy tu vá lại mặt đường' };
  await officerDoes('2026-05-04T10:00:00', officers.a!, r.R1!, 'resolve', answer);
  await residentDoes('2026-05-04T11:00:00', r.R1!, 'rate', { rating: 5 });
  app.clock.set(vn('2026-05-05T09:00:00'));
  expect(await runEscalation(workers)).toBe(1); // R7 only: due 4/5 17:00
  await officerDoes('2026-05-05T09:30:00', officers.a!, r.R10!, 'resolve', answer);
  await officerDoes('2026-05-05T10:00:00', officers.a!, r.R4!, 'request_info', {
    publicReply: 'Đề nghị cho biết số nhà gần nhất',
  });
  await officerDoes('2026-05-05T10:00:00', officers.b!, r.R8!, 'resolve', answer);
  await residentDoes('2026-05-05T10:30:00', r.R8!, 'rate', { rating: 4 });
  await residentDoes('2026-05-06T10:00:00', r.R10!, 'reopen', { reason: 'Vẫn còn ổ gà' });
  await officerDoes('2026-05-06T14:00:00', officers.a!, r.R9!, 'resolve', answer);
  await residentDoes('2026-05-06T15:00:00', r.R9!, 'rate', { rating: 3 });
  app.clock.set(vn('2026-05-07T09:00:00'));
  expect(await runAutoClose(workers)).toBe(1); // R6, rejected 29/4
  await officerDoes('2026-05-08T09:00:00', officers.a!, r.R2!, 'resolve', answer);
  await residentDoes('2026-05-08T09:30:00', r.R2!, 'rate', { rating: 2 });
  await officerDoes('2026-05-08T10:00:00', officers.dept!, r.R7!, 'resolve', answer);
  app.clock.set(vn('2026-05-12T10:00:00'));
});

afterAll(async () => {
  await app?.close();
});

async function leader(unit: string): Promise<SignedIn> {
  return as(await makeOfficer(app, [{ role: 'unit_leader', unitCode: unit }]));
}
const get = (who: { cookie: string } | null, url: string) =>
  app.server.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

describe('feedback indicators on a fixed set of reports', () => {
  it('the calendar and the workflow put the deadlines and states where the hand computation does', async () => {
    const rows = await app.database.db
      .selectFrom('dashboard_feedback_facts as f')
      .innerJoin('feedback_reports as r', 'r.id', 'f.report_id')
      .select([
        'f.report_id',
        'f.due_at',
        'f.unit_code',
        'f.outcome',
        'r.state',
        'r.assigned_unit_code',
      ])
      .execute();
    const by = Object.fromEntries(rows.map((x) => [x.report_id, x]));
    const due = (k: string) => formatVn(by[r[k]!]!.due_at!);
    expect(due('R7')).toBe('2026-05-04T17:00:00+07:00');
    expect(due('R1')).toBe('2026-05-05T17:00:00+07:00');
    expect(due('R2')).toBe('2026-05-06T17:00:00+07:00');
    expect(due('R3')).toBe('2026-05-06T17:00:00+07:00');
    expect(due('R4')).toBe('2026-05-07T17:00:00+07:00');
    expect(due('R10')).toBe('2026-05-11T17:00:00+07:00');
    // R7 sits at the department now, but stays commune A's report with A's deadline.
    expect(by[r.R7!]).toMatchObject({ assigned_unit_code: '66-SXD', unit_code: communeA });
    expect(by[r.R6!]).toMatchObject({ state: 'closed', outcome: 'rejected' });
    expect(by[r.R4!]).toMatchObject({ state: 'info_requested', outcome: 'open' });
  });

  it('counts the commune by hand', async () => {
    const res = await get(await leader(communeA), `/api/dashboard/feedback?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as FeedbackIndicators;
    expect(body.unit.code).toBe(communeA);
    expect(body.asOf).toBe(app.clock.now().toISOString()); // the injected clock
    expect(body.totals).toEqual({
      received: 8,
      answered: 4,
      answeredOnTime: 2,
      answeredLate: 2,
      openOverdue: 2,
      open: 4,
      onTimeRate: 0.3333,
      averageHandlingHours: 228, // (145 + 233 + 337 + 197) ÷ 4
      rated: 3,
      averageRating: 3.33,
      satisfiedShare: 0.3333,
      rejected: 1,
    });
    expect(body.byCategory).toEqual([
      {
        category: 'giao-thong',
        label: 'Giao thông',
        received: 6,
        answered: 3,
        answeredOnTime: 1,
        answeredLate: 2,
        openOverdue: 2,
        open: 3,
        onTimeRate: 0.2,
        averageHandlingHours: 238.3, // (145 + 233 + 337) ÷ 3
        rated: 2,
        averageRating: 3.5,
        satisfiedShare: 0.5,
        rejected: 1,
      },
      {
        category: 'moi-truong',
        label: 'Môi trường',
        received: 2,
        answered: 1,
        answeredOnTime: 1,
        answeredLate: 0,
        openOverdue: 0,
        open: 1,
        onTimeRate: 1,
        averageHandlingHours: 197,
        rated: 1,
        averageRating: 3,
        satisfiedShare: 0,
        rejected: 0,
      },
    ]);
    expect(body.units.map((u) => u.code)).toEqual([communeA]);
    expect(body.units[0]).toMatchObject({ kind: 'commune', received: 8, openOverdue: 2 });
    for (const key of Object.keys(body.totals)) {
      expect(body.definitions[key]?.vi.length, key).toBeGreaterThan(20);
    }
  });

  it('the province sees every commune (zeros for the map) and sums them', async () => {
    const res = await get(await leader('66'), `/api/dashboard/feedback?unit=66&${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as FeedbackIndicators;
    expect(body.totals).toMatchObject({
      received: 9,
      answered: 5,
      answeredOnTime: 3,
      answeredLate: 2,
      openOverdue: 2,
      open: 4,
      onTimeRate: 0.4286,
      averageHandlingHours: 211.4, // (912 + 145) ÷ 5
      rated: 4,
      averageRating: 3.5,
      satisfiedShare: 0.5,
      rejected: 1,
    });
    const communes = await app.database.db
      .selectFrom('units')
      .select('code')
      .where('kind', '=', 'commune')
      .where('parent_code', '=', '66')
      .execute();
    expect(body.units).toHaveLength(communes.length);
    expect(body.units.every((u) => u.kind === 'commune')).toBe(true);
    const byCode = Object.fromEntries(body.units.map((u) => [u.code, u]));
    expect(byCode[communeB]).toMatchObject({
      received: 1,
      answeredOnTime: 1,
      onTimeRate: 1,
      averageHandlingHours: 145,
      satisfiedShare: 1,
    });
    expect(byCode[communeA]).toMatchObject({ received: 8, onTimeRate: 0.3333 });
    const quiet = body.units.find((u) => u.code !== communeA && u.code !== communeB)!;
    expect(quiet).toMatchObject({ received: 0, onTimeRate: null, averageRating: null });
  });

  it('drills down to the reports with why, in working days', async () => {
    const s = await leader(communeA);
    const drill = async (query: string) => {
      const res = await get(s, `/api/dashboard/feedback/drill?${PERIOD}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as FeedbackDrill;
    };
    const ids = (d: FeedbackDrill) => d.items.map((i) => i.id);
    const reasons = (d: FeedbackDrill) => d.items.map((i) => i.reason.vi);

    const overdue = await drill('filter=overdue');
    expect(ids(overdue)).toEqual([r.R3, r.R10]);
    expect(reasons(overdue)).toEqual(['Quá hạn 4 ngày làm việc', 'Quá hạn 1 ngày làm việc']);
    expect(overdue.items[0]).toMatchObject({
      category: GT,
      categoryLabel: 'Ổ gà, hư hỏng mặt đường',
      unit: { code: communeA },
      status: 'assigned',
      dueAt: vn('2026-05-06T17:00:00').toISOString(),
      url: `/can-bo/phan-anh/${r.R3}`,
      reason: { code: 'overdue', workingDays: 4, en: 'Overdue by 4 working days' },
    });
    expect(overdue.truncated).toBe(false);

    const late = await drill('filter=late');
    expect(ids(late)).toEqual([r.R7, r.R2]);
    expect(reasons(late)).toEqual([
      'Trả lời trễ 4 ngày làm việc; đã chuyển cấp trên',
      'Trả lời trễ 2 ngày làm việc',
    ]);
    expect(late.items[0]!.unit.code).toBe(communeA);

    const unsatisfied = await drill('filter=unsatisfied');
    expect(ids(unsatisfied)).toEqual([r.R2, r.R9]);
    expect(reasons(unsatisfied)).toEqual(['Đánh giá 2/5', 'Đánh giá 3/5']);

    expect(ids(await drill('filter=not_on_time'))).toEqual([r.R7, r.R2, r.R3, r.R10]);

    const all = await drill('filter=all&category=giao-thong');
    expect(ids(all).sort()).toEqual([r.R1, r.R2, r.R3, r.R4, r.R6, r.R7, r.R10].sort());
    const code = Object.fromEntries(all.items.map((i) => [i.id, i.reason.code]));
    expect(code).toEqual({
      [r.R1!]: 'answered_on_time',
      [r.R2!]: 'answered_late',
      [r.R3!]: 'overdue',
      [r.R4!]: 'waiting_reporter',
      [r.R6!]: 'rejected',
      [r.R7!]: 'answered_late',
      [r.R10!]: 'overdue',
    });
    expect(ids(await drill('filter=all&category=moi-truong')).sort()).toEqual([r.R5, r.R9].sort());
  });

  it('scores the two feedback components of the service index from the same numbers', async () => {
    const component = (index: ServiceIndex, key: string) => {
      const c = index.groups.flatMap((g) => g.components).find((x) => x.key === key);
      expect(c?.status, key).toBe('computed');
      return c as ComputedComponent;
    };
    const a = await get(await leader(communeA), `/api/dashboard/service-index?${PERIOD}`);
    expect(a.statusCode, a.body).toBe(200);
    const index = a.json() as ServiceIndex;
    const onTime = component(index, 'feedback_on_time');
    expect([onTime.numerator, onTime.denominator, onTime.threshold, onTime.points]).toEqual([
      2, 6, 1, 2,
    ]);
    const satisfied = component(index, 'feedback_satisfaction');
    expect([satisfied.numerator, satisfied.denominator, satisfied.points]).toEqual([1, 3, 2]);
    const group = index.groups.find((g) => g.key === 'satisfaction')!;
    // No dossiers here: overdue_and_negative has nothing to score and is left out.
    expect([group.points, group.computedMaxPoints]).toEqual([4, 12]);
    expect(index.units.map((u) => u.unitCode)).toEqual([communeA]);

    const p = await get(await leader('66'), `/api/dashboard/service-index?unit=66&${PERIOD}`);
    const province = p.json() as ServiceIndex;
    expect(component(province, 'feedback_on_time').points).toBe(2.57); // 3/7 × 6
    expect(component(province, 'feedback_satisfaction').points).toBe(3); // 2/4 × 6
    expect(province.units.map((u) => u.unitCode).sort()).toEqual([communeA, communeB].sort());
  });

  it('scopes by unit: commune leaders see only their commune; residents and strangers nothing', async () => {
    const a = await leader(communeA);
    for (const url of [
      `/api/dashboard/feedback?unit=${communeB}&${PERIOD}`,
      `/api/dashboard/feedback?unit=66&${PERIOD}`,
      `/api/dashboard/feedback/drill?unit=${communeB}&${PERIOD}`,
      `/api/dashboard/feedback/drill?unit=66&${PERIOD}&filter=overdue`,
    ]) {
      const res = await get(a, url);
      expect(res.statusCode, url).toBe(403);
    }
    const b = await leader(communeB);
    const drillB = await get(b, `/api/dashboard/feedback/drill?${PERIOD}&filter=all`);
    expect((drillB.json() as FeedbackDrill).items.map((i) => i.id)).toEqual([r.R8]);
    // A specialist handles reports but does not read the dashboard.
    const specialist = await get(await as(officers.a!), `/api/dashboard/feedback?${PERIOD}`);
    expect(specialist.statusCode).toBe(403);
    const resident = await get(
      { cookie: (await residentHeaders()).cookie! },
      `/api/dashboard/feedback?${PERIOD}`,
    );
    expect(resident.statusCode).toBe(403);
    expect((await get(null, `/api/dashboard/feedback?${PERIOD}`)).statusCode).toBe(401);
    expect(
      (await get(a, '/api/dashboard/feedback?from=2026-05-12&to=2026-04-24')).json().error.code,
    ).toBe('DASHBOARD_PERIOD_INVALID');
    expect(
      (await get(a, `/api/dashboard/feedback/drill?${PERIOD}&filter=late-ish`)).statusCode,
    ).toBe(400);
  });
});
