import type { DashboardAlerts } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import { fileReport } from '../feedback/feedback.test-support';
import {
  COMMUNE_A,
  COMMUNE_B,
  call,
  createTask,
  type Officer,
  officer,
  PROVINCE,
  travel,
} from '../tasks/tasks.test-support';
import { event, newDossier, vn } from './dashboard.test-support';

/**
 * "Now" is Thu 7/5/2026 09:00 in Đắk Lắk. Due soon = due by the end of the next working day:
 * Fri 8/5 17:00. Overdue = the deadline has passed.
 *
 * Commune A: D1 accepted 4/5, due Wed 6/5 17:00, still running → overdue (and late for on-time);
 *   D2 due Fri 8/5 17:00 → due soon; D3 due Mon 11/5 → nothing; D4 due Fri 8/5 but paused for a
 *   supplement → nothing; D5 due 6/5, finished 5/5 → on time, nothing to alert.
 *   Feedback: F1 due Wed 6/5 17:00 (overdue), F2 due Fri 8/5 12:00 (due soon), F3 waiting for
 *   the resident's information (paused, due 6/5) → nothing. Tasks: deadline Wed 6/5 (overdue),
 *   Fri 8/5 (due soon), Fri 15/5 (nothing).
 *   On time in the last 30 days: D5 on time, D1 late → 1 ÷ 2 = 50 % < 90 %.
 * Commune B: D6 due 6/5, running → overdue; on time 0 ÷ 1.
 */
const NOW = '2026-05-07T09:00:00';

let app: TestApp;
let leaderA: Officer;
let leaderB: Officer;
let province: Officer;
let admin: Officer;
let everyone: Officer[];
const codes: Record<string, string> = {};
const reports: Record<string, string> = {};

async function dossier(
  name: string,
  unit: string,
  due: string,
  acceptedAt = '2026-05-04T09:00:00',
) {
  const procedure = await app.database.db
    .selectFrom('procedures')
    .select(['code', 'current_version'])
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const id = await newDossier(app, {
    unit,
    procedure: { code: procedure.code, version: procedure.current_version },
    channel: 2,
    submittedAt: vn('2026-05-04T08:00:00'),
  });
  await event(app, id, 'accepted', vn(acceptedAt), {
    state: 'accepted',
    status_code: 2,
    accepted_at: vn(acceptedAt),
    time_limit_amount: 3,
    time_limit_unit: 'working_days',
    due_at: vn(due),
  });
  const row = await app.database.db
    .selectFrom('dossiers')
    .select('code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  codes[name] = row.code!;
  return id;
}

async function report(name: string, unit: string, due: string, state = 'assigned') {
  const res = await fileReport(app, {
    category: 'giao-thong',
    description: `Đèn đường hỏng ở tổ dân phố ${name}, buổi tối rất tối và nguy hiểm.`,
    communeCode: unit,
  });
  expect(res.statusCode, res.body).toBe(201);
  await app.database.db
    .updateTable('feedback_reports')
    .set({ state, assigned_unit_code: unit, due_at: vn(due) })
    .where('id', '=', res.json().id)
    .execute();
  reports[name] = res.json().reference;
}

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(vn('2026-05-04T08:00:00')) });
  leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  leaderB = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
  province = await officer(app, [{ role: 'unit_leader', unitCode: PROVINCE }]);
  admin = await officer(app, [{ role: 'province_admin', unitCode: PROVINCE }]);
  everyone = [leaderA, leaderB, province, admin];
  await travel(app, '2026-05-04T09:30:00', everyone);

  await dossier('D1', COMMUNE_A, '2026-05-06T17:00:00');
  await dossier('D2', COMMUNE_A, '2026-05-08T17:00:00');
  await dossier('D3', COMMUNE_A, '2026-05-11T17:00:00');
  const d4 = await dossier('D4', COMMUNE_A, '2026-05-08T17:00:00');
  await event(app, d4, 'supplement_requested', vn('2026-05-05T10:00:00'), {
    state: 'supplement_requested',
    status_code: 5,
    paused_at: vn('2026-05-05T10:00:00'),
  });
  const d5 = await dossier('D5', COMMUNE_A, '2026-05-06T17:00:00');
  await event(app, d5, 'sign', vn('2026-05-05T16:00:00'), {
    state: 'finished',
    status_code: 9,
    finished_at: vn('2026-05-05T16:00:00'),
    outcome: 'approved',
  });
  await dossier('D6', COMMUNE_B, '2026-05-06T17:00:00');

  await report('F1', COMMUNE_A, '2026-05-06T17:00:00');
  await report('F2', COMMUNE_A, '2026-05-08T12:00:00');
  await report('F3', COMMUNE_A, '2026-05-06T17:00:00', 'info_requested');

  for (const [title, deadline] of [
    ['Báo cáo rà soát hồ sơ quá hạn', '2026-05-06'],
    ['Cập nhật danh sách tổ công nghệ', '2026-05-08'],
    ['Tổng kết chuyển đổi số quý II', '2026-05-15'],
  ] as const) {
    const res = await createTask(app, province, {
      title,
      description: 'Thực hiện và báo cáo.',
      deadline,
      assigneeUnitCodes: [COMMUNE_A],
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await travel(app, NOW, everyone);
});
afterAll(async () => {
  await app.close();
});

/** PUT /api/dashboard/alert-settings as `who` (with the session's CSRF token). */
const putSettings = (who: Officer, body: unknown) =>
  app.server.inject({
    method: 'PUT',
    url: '/api/dashboard/alert-settings',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    payload: body as Record<string, unknown>,
  });

const alertsOf = async (who: Officer, unit?: string) => {
  const res = await call(app, who, 'GET', `/api/dashboard/alerts${unit ? `?unit=${unit}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DashboardAlerts;
};

describe('GET /api/dashboard/alerts', () => {
  it("lists a commune's due-soon and overdue records and its indicators below threshold", async () => {
    // Indicators are judged from one dossier up in this small history.
    const put = await putSettings(admin, {
      items: [{ key: 'on_time', threshold: 0.9, enabled: true, periodDays: 30, minCount: 1 }],
    });
    expect(put.statusCode, put.body).toBe(200);

    const body = await alertsOf(leaderA);
    expect(body.asOf).toBe(vn(NOW).toISOString());
    expect(body.unit.code).toBe(COMMUNE_A);
    const brief = body.items.map((i) => [i.kind, i.level, i.unit.code, i.count, i.label]);
    expect(brief).toEqual([
      ['dossier', 'overdue', COMMUNE_A, 1, '1 hồ sơ quá hạn'],
      ['feedback', 'overdue', COMMUNE_A, 1, '1 phản ánh quá hạn trả lời'],
      ['task', 'overdue', COMMUNE_A, 1, '1 nhiệm vụ quá hạn'],
      ['dossier', 'due_soon', COMMUNE_A, 1, '1 hồ sơ sắp đến hạn'],
      ['feedback', 'due_soon', COMMUNE_A, 1, '1 phản ánh sắp đến hạn trả lời'],
      ['task', 'due_soon', COMMUNE_A, 1, '1 nhiệm vụ sắp đến hạn'],
      [
        'indicator',
        'below_threshold',
        COMMUNE_A,
        1,
        'Tỷ lệ hồ sơ giải quyết đúng hạn 50 %, dưới ngưỡng 90 %',
      ],
    ]);
    const [dOver, fOver, tOver, dSoon, fSoon, tSoon, indicator] = body.items;
    expect(dOver!.examples).toEqual([
      {
        ref: codes.D1,
        title: expect.any(String),
        dueAt: vn('2026-05-06T17:00:00').toISOString(),
        url: expect.stringMatching(/^\/can-bo\/ho-so\/[0-9a-f-]{36}$/),
      },
    ]);
    expect(dSoon!.examples.map((e) => e.ref)).toEqual([codes.D2]);
    expect(fOver!.examples.map((e) => e.ref)).toEqual([reports.F1]);
    expect(fOver!.examples[0]!.url).toMatch(/^\/can-bo\/phan-anh\//);
    expect(fSoon!.examples.map((e) => e.ref)).toEqual([reports.F2]);
    expect(tOver!.examples[0]).toMatchObject({
      title: 'Báo cáo rà soát hồ sơ quá hạn',
      dueAt: vn('2026-05-06T17:00:00').toISOString(),
    });
    expect(tOver!.examples[0]!.url).toMatch(/^\/can-bo\/nhiem-vu\//);
    expect(tSoon!.examples[0]!.title).toBe('Cập nhật danh sách tổ công nghệ');
    expect(indicator!.indicator).toEqual({
      key: 'on_time',
      value: 0.5,
      threshold: 0.9,
      from: '2026-04-08',
      to: '2026-05-07',
      denominator: 2,
    });
    expect(indicator!.examples).toEqual([]);
  });

  it('covers the units below for the province and keeps communes apart', async () => {
    const all = await alertsOf(province);
    expect(all.unit.code).toBe(PROVINCE);
    const overdueDossiers = all.items.filter((i) => i.kind === 'dossier' && i.level === 'overdue');
    expect(overdueDossiers.map((i) => [i.unit.code, i.count]).sort()).toEqual(
      [
        [COMMUNE_A, 1],
        [COMMUNE_B, 1],
      ].sort(),
    );
    expect(
      all.items.find((i) => i.kind === 'indicator' && i.unit.code === COMMUNE_B)?.indicator,
    ).toMatchObject({ value: 0, denominator: 1 });

    const b = await alertsOf(leaderB);
    expect(b.items.every((i) => i.unit.code === COMMUNE_B)).toBe(true);
    expect(b.items.map((i) => [i.kind, i.level])).toEqual([
      ['dossier', 'overdue'],
      ['indicator', 'below_threshold'],
    ]);
    expect(b.items[0]!.examples.map((e) => e.ref)).toEqual([codes.D6]);
  });

  it('refuses another commune and officers without dashboard.read', async () => {
    const foreign = await call(app, leaderA, 'GET', `/api/dashboard/alerts?unit=${COMMUNE_B}`);
    expect(foreign.statusCode).toBe(403);
    const specialist = await officer(app, [{ role: 'specialist', unitCode: COMMUNE_A }]);
    expect((await call(app, specialist, 'GET', '/api/dashboard/alerts')).statusCode).toBe(403);
  });
});

describe('alert settings', () => {
  it('lists every indicator with its default until changed', async () => {
    const specialist = await officer(app, [{ role: 'specialist', unitCode: COMMUNE_A }]);
    expect((await call(app, specialist, 'GET', '/api/dashboard/alert-settings')).statusCode).toBe(
      403,
    );
    const res = await call(app, leaderB, 'GET', '/api/dashboard/alert-settings');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; updatedAt: string | null }[];
    expect(items.map((i) => i.key)).toContain('feedback_on_time');
    expect(items.find((i) => i.key === 'online_share')).toMatchObject({
      label: 'Tỷ lệ hồ sơ nộp trực tuyến',
      threshold: 0.5,
      enabled: false,
      periodDays: 30,
      minCount: 5,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('lets a province administrator change them, audited; others get 403; bad input 400 in Vietnamese', async () => {
    const put = putSettings;
    const item = {
      key: 'online_share',
      threshold: 0.6,
      enabled: true,
      periodDays: 14,
      minCount: 3,
    };
    expect((await put(province, { items: [item] })).statusCode).toBe(403);
    const communeAdmin = await officer(app, [{ role: 'province_admin', unitCode: COMMUNE_A }]);
    expect((await put(communeAdmin, { items: [item] })).statusCode).toBe(403);

    const at = app.clock.now().toISOString();
    const ok = await put(admin, { items: [item] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.find((i: { key: string }) => i.key === 'online_share')).toMatchObject({
      ...item,
      updatedAt: at,
      updatedBy: expect.any(String),
    });
    const audit = await app.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'dashboard.alert_settings.update')
      .where('object_id', '=', 'online_share')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.id);
    expect(JSON.stringify(audit.details)).toContain('"threshold":0.6');

    const tooHigh = await put(admin, { items: [{ ...item, threshold: 1.5 }] });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.code).toBe('VALIDATION_FAILED');
    expect(tooHigh.json().error.fields[0]).toMatchObject({
      path: 'items.0.threshold',
      message: 'Ngưỡng không được lớn hơn 1 (100 %).',
    });
    const unknown = await put(admin, { items: [{ ...item, key: 'nope' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].message).toBe('Chỉ số không hỗ trợ cảnh báo.');
    const twice = await put(admin, { items: [item, item] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toMatchObject({
      code: 'DASHBOARD_ALERT_SETTING_DUPLICATE',
      message: 'Mỗi chỉ số chỉ được thiết lập một lần trong một lần lưu.',
    });
  });
});
