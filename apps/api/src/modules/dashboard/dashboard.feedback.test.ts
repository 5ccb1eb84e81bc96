import fs from 'node:fs';
import type {
  ComputedComponent,
  DashboardAlerts,
  FeedbackDrill,
  FeedbackIndicators,
  ServiceIndex,
} from '@cqs/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVn } from '../calendar/calendar.time';
import {
  buildFeedbackHistory,
  type FeedbackHistory,
  GT,
  PERIOD,
} from './dashboard.feedback.test-support';
import { vn } from './dashboard.test-support';

/** The history and its hand computation: dashboard.feedback.test-support.ts. */
let h: FeedbackHistory;
let r: Record<string, string>;
let communeA: string;
let communeB: string;

beforeAll(async () => {
  h = await buildFeedbackHistory();
  ({ r, communeA, communeB } = h);
});
afterAll(async () => {
  await h?.app.close();
});
describe('feedback indicators on a fixed set of reports', () => {
  it('the calendar and the workflow put the deadlines and states where the hand computation does', async () => {
    const rows = await h.app.database.db
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
    const res = await h.get(await h.leader(communeA), `/api/dashboard/feedback?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as FeedbackIndicators;
    expect(body.unit.code).toBe(communeA);
    expect(body.asOf).toBe(h.app.clock.now().toISOString()); // the injected clock
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
    const res = await h.get(await h.leader('66'), `/api/dashboard/feedback?unit=66&${PERIOD}`);
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
    const communes = await h.app.database.db
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
    const s = await h.leader(communeA);
    const drill = async (query: string) => {
      const res = await h.get(s, `/api/dashboard/feedback/drill?${PERIOD}&${query}`);
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
    const a = await h.get(await h.leader(communeA), `/api/dashboard/service-index?${PERIOD}`);
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

    const p = await h.get(await h.leader('66'), `/api/dashboard/service-index?unit=66&${PERIOD}`);
    const province = p.json() as ServiceIndex;
    expect(component(province, 'feedback_on_time').points).toBe(2.57); // 3/7 × 6
    expect(component(province, 'feedback_satisfaction').points).toBe(3); // 2/4 × 6
    expect(province.units.map((u) => u.unitCode).sort()).toEqual([communeA, communeB].sort());
  });

  it('scopes by unit: commune leaders see only their commune; residents and strangers nothing', async () => {
    const a = await h.leader(communeA);
    for (const url of [
      `/api/dashboard/feedback?unit=${communeB}&${PERIOD}`,
      `/api/dashboard/feedback?unit=66&${PERIOD}`,
      `/api/dashboard/feedback/drill?unit=${communeB}&${PERIOD}`,
      `/api/dashboard/feedback/drill?unit=66&${PERIOD}&filter=overdue`,
    ]) {
      const res = await h.get(a, url);
      expect(res.statusCode, url).toBe(403);
    }
    const b = await h.leader(communeB);
    const drillB = await h.get(b, `/api/dashboard/feedback/drill?${PERIOD}&filter=all`);
    expect((drillB.json() as FeedbackDrill).items.map((i) => i.id)).toEqual([r.R8]);
    // A specialist handles reports but does not read the dashboard.
    const specialist = await h.get(await h.as(h.officers.a), `/api/dashboard/feedback?${PERIOD}`);
    expect(specialist.statusCode).toBe(403);
    const resident = await h.get(
      { cookie: (await h.residentHeaders()).cookie! },
      `/api/dashboard/feedback?${PERIOD}`,
    );
    expect(resident.statusCode).toBe(403);
    expect((await h.get(null, `/api/dashboard/feedback?${PERIOD}`)).statusCode).toBe(401);
    expect(
      (await h.get(a, '/api/dashboard/feedback?from=2026-05-12&to=2026-04-24')).json().error.code,
    ).toBe('DASHBOARD_PERIOD_INVALID');
    expect(
      (await h.get(a, `/api/dashboard/feedback/drill?${PERIOD}&filter=late-ish`)).statusCode,
    ).toBe(400);
  });
});

describe('the facts behind the numbers', () => {
  it('the migration backfill (reports filed before 0019) gives what the trigger kept', async () => {
    const text = fs.readFileSync(
      new URL('../../../migrations/0019_dashboard_feedback.sql', import.meta.url),
      'utf8',
    );
    const backfill = text.slice(
      text.indexOf('insert into dashboard_feedback_facts (\n  report_id'),
    );
    const read = (db: typeof h.app.database.db) =>
      db.selectFrom('dashboard_feedback_facts').selectAll().orderBy('report_id').execute();
    const kept = await read(h.app.database.db);
    expect(kept).toHaveLength(10);
    const rebuilt = await h.app.database.db
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom('dashboard_feedback_facts').execute();
        await sql.raw(backfill).execute(trx);
        const rows = await read(trx);
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((e: { rows?: unknown }) => e.rows);
    expect(rebuilt).toEqual(kept);
    expect(await read(h.app.database.db)).toEqual(kept);
  });

  it('the alerts read the feedback on-time rate per unit', async () => {
    const res = await h.get(await h.leader(communeA), '/api/dashboard/alerts');
    expect(res.statusCode, res.body).toBe(200);
    const alert = (res.json() as DashboardAlerts).items.find(
      (a) => a.indicator?.key === 'feedback_on_time',
    );
    // 2 on time of 6 decided (default threshold 90 %, at least 5 reports, last 30 days).
    expect(alert?.indicator).toMatchObject({ value: 0.3333, denominator: 6, threshold: 0.9 });
    expect(alert?.unit.code).toBe(communeA);
  });
});
