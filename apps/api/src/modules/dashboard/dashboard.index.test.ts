import { randomUUID } from 'node:crypto';
import type { ComputedComponent, ServiceIndex } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, makeResident, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { formatVn } from '../calendar/calendar.time';
import { communesFrom } from '../processing/processing.test-support';
import {
  attachFile,
  event,
  newDossier,
  payOnline,
  proceduresByLevel,
  vn,
} from './dashboard.test-support';

/**
 * A small fixed history in one commune, every number computed by hand (DOMAIN.md §4–§5; the
 * 2026 calendar has 30/4 and 1/5 off, 2–3/5 is a weekend):
 *
 * D1 end-to-end procedure, online, VNeID 2, fee paid online, files + e-result; accepted Wed 29/4
 *    14:59 with 1 working day → due Mon 4/5 17:00 (the holiday rule); finished 4/5 10:00: on time.
 * D2 end-to-end, online, VNeID 1, fee not paid online; accepted 29/4 15:01 → due Tue 5/5; finished
 *    Thu 7/5 without e-result: late by 2 working days; rated 1 star.
 * D3 in-person procedure; accepted Mon 4/5 09:00, 2 working days; supplement pause Tue 5/5 10:00
 *    → Fri 8/5 09:00; finished 8/5 11:00 with files + e-result: on time only thanks to the pause.
 * D4 in-person; 5 working days; two supplement requests: late on the second (7/5) although
 *    finished before its due date; e-result, no files.
 * D5 end-to-end, online, VNeID 2; accepted Tue 28/4 09:00, 1 working day → due Wed 29/4; apology
 *    on 29/4 for 5/5; finished Mon 4/5 with files + e-result: late by 1 working day (not 5 calendar
 *    days: 30/4, 1/5 and the weekend are off), the apology does not move the baseline.
 * D6 in-person; withdrawn on 5/5 before its due date: on time, not "finished" for results.
 * D7 end-to-end filed in person; due 5/5, still open on Tue 12/5: overdue by 5 working days.
 * D8 refused at reception: never received, counts nowhere.
 * D9 another commune (scope checks).
 */
describe('service index on a fixed history', () => {
  let app: TestApp;
  let communeA: string;
  let communeB: string;
  const ids: Record<string, string> = {};
  let calendar: CalendarService;

  beforeAll(async () => {
    app = await createTestApp();
    [communeA, communeB] = (await communesFrom(app, 40)) as [string, string];
    calendar = new CalendarService({
      db: app.database.db,
      repository: new CalendarRepository(app.database.db),
      clock: app.clock,
      policy: app.services.policy,
    });
    const { endToEnd, inPerson } = await proceduresByLevel(app);
    const resident = await makeResident(app);
    const due = async (accepted: Date, days: number) =>
      (await calendar.due(accepted, days, 'working_days')).due;
    const accept = async (id: string, at: Date, days: number) => {
      await event(app, id, 'accepted', at, {
        state: 'accepted',
        status_code: 2,
        accepted_at: at,
        time_limit_amount: days,
        time_limit_unit: 'working_days',
        due_at: await due(at, days),
      });
    };
    const finish = async (id: string, at: Date, eResult: boolean) =>
      event(app, id, 'sign', at, {
        state: 'finished',
        status_code: 9,
        finished_at: at,
        outcome: 'approved',
        result_id: eResult ? randomUUID() : null,
      });

    const d1 = await newDossier(app, {
      unit: communeA,
      procedure: endToEnd,
      channel: 2,
      submittedAt: vn('2026-04-29T08:00:00'),
      feeVnd: 10000,
      assuranceLevel: 2,
    });
    await attachFile(app, d1, resident.id, vn('2026-04-29T08:00:00'));
    await payOnline(app, d1, resident.id, vn('2026-04-29T08:10:00'));
    await accept(d1, vn('2026-04-29T14:59:00'), 1);
    await finish(d1, vn('2026-05-04T10:00:00'), true);

    const d2 = await newDossier(app, {
      unit: communeA,
      procedure: endToEnd,
      channel: 2,
      submittedAt: vn('2026-04-29T08:00:00'),
      feeVnd: 10000,
      assuranceLevel: 1,
    });
    await accept(d2, vn('2026-04-29T15:01:00'), 1);
    await finish(d2, vn('2026-05-07T09:00:00'), false);
    await app.database.db
      .insertInto('dossier_ratings')
      .values({
        dossier_id: d2,
        user_id: resident.id,
        stars: 1,
        comment: null,
        created_at: vn('2026-05-07T12:00:00'),
      })
      .execute();

    const d3 = await newDossier(app, {
      unit: communeA,
      procedure: inPerson,
      channel: 1,
      submittedAt: vn('2026-05-04T09:00:00'),
    });
    await attachFile(app, d3, resident.id, vn('2026-05-04T09:00:00'));
    await accept(d3, vn('2026-05-04T09:00:00'), 2);
    const pause = { from: vn('2026-05-05T10:00:00'), to: vn('2026-05-08T09:00:00') };
    await event(app, d3, 'request_supplement', pause.from, {
      state: 'supplement_requested',
      status_code: 5,
      supplement_requests: 1,
      paused_at: pause.from,
    });
    const d3Due = (
      await calendar.dueWithPauses(vn('2026-05-04T09:00:00'), 2, 'working_days', [pause])
    ).due;
    await event(app, d3, 'resubmit', pause.to, {
      state: 'processing',
      status_code: 4,
      paused_at: null,
      due_at: d3Due,
      pauses: JSON.stringify([{ from: pause.from.toISOString(), to: pause.to.toISOString() }]),
    });
    await finish(d3, vn('2026-05-08T11:00:00'), true);

    const d4 = await newDossier(app, {
      unit: communeA,
      procedure: inPerson,
      channel: 1,
      submittedAt: vn('2026-05-04T09:00:00'),
    });
    await accept(d4, vn('2026-05-04T09:00:00'), 5);
    await event(app, d4, 'request_supplement', vn('2026-05-05T09:00:00'), {
      supplement_requests: 1,
    });
    await event(app, d4, 'resubmit', vn('2026-05-06T09:00:00'));
    await event(app, d4, 'request_supplement', vn('2026-05-07T09:00:00'), {
      supplement_requests: 2,
      counted_late: true,
    });
    await event(app, d4, 'resubmit', vn('2026-05-08T08:00:00'));
    await finish(d4, vn('2026-05-08T14:00:00'), true);

    const d5 = await newDossier(app, {
      unit: communeA,
      procedure: endToEnd,
      channel: 2,
      submittedAt: vn('2026-04-28T08:00:00'),
      assuranceLevel: 2,
    });
    await attachFile(app, d5, resident.id, vn('2026-04-28T08:00:00'));
    await accept(d5, vn('2026-04-28T09:00:00'), 1);
    await event(app, d5, 'apologise', vn('2026-04-29T09:00:00'), {
      apology_due_at: vn('2026-05-05T17:00:00'),
    });
    await finish(d5, vn('2026-05-04T10:00:00'), true);

    const d6 = await newDossier(app, {
      unit: communeA,
      procedure: inPerson,
      channel: 1,
      submittedAt: vn('2026-05-04T09:00:00'),
    });
    await accept(d6, vn('2026-05-04T09:00:00'), 3);
    await event(app, d6, 'request_withdrawal', vn('2026-05-05T09:00:00'), {
      state: 'withdrawal_requested',
      status_code: 7,
    });
    await event(app, d6, 'accept_withdrawal', vn('2026-05-05T10:00:00'), {
      state: 'stopped',
      status_code: 8,
    });

    const d7 = await newDossier(app, {
      unit: communeA,
      procedure: endToEnd,
      channel: 1,
      submittedAt: vn('2026-05-04T09:00:00'),
    });
    await accept(d7, vn('2026-05-04T09:00:00'), 1);

    const d8 = await newDossier(app, {
      unit: communeA,
      procedure: endToEnd,
      channel: 2,
      submittedAt: vn('2026-05-04T09:00:00'),
    });
    await event(app, d8, 'refuse_to_accept', vn('2026-05-04T10:00:00'), {
      state: 'not_accepted',
      status_code: 3,
    });

    const d9 = await newDossier(app, {
      unit: communeB,
      procedure: inPerson,
      channel: 1,
      submittedAt: vn('2026-05-04T09:00:00'),
    });
    await accept(d9, vn('2026-05-04T09:00:00'), 3);
    await finish(d9, vn('2026-05-05T09:00:00'), true);
    Object.assign(ids, { d1, d2, d3, d4, d5, d6, d7, d8, d9 });
    app.clock.set(vn('2026-05-12T09:55:00'));
  });

  afterAll(async () => {
    await app?.close();
  });

  async function leader(unit: string) {
    const officer = await makeOfficer(app, [{ role: 'unit_leader', unitCode: unit }]);
    app.clock.set(vn('2026-05-12T09:55:00'));
    const session = await signInOfficer(app, officer);
    app.clock.set(vn('2026-05-12T10:00:00'));
    return session;
  }

  const get = (cookie: string, url: string) =>
    app.server.inject({ method: 'GET', url, headers: { cookie } });

  const component = (index: ServiceIndex, key: string) => {
    const c = index.groups.flatMap((g) => g.components).find((x) => x.key === key);
    if (c?.status !== 'computed') throw new Error(`${key} not computed`);
    return c as ComputedComponent;
  };

  it('the calendar puts the holiday and pause rules where the hand computation does', async () => {
    const row = (id: string) =>
      app.database.db
        .selectFrom('dossiers')
        .select(['due_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(formatVn((await row(ids.d1!)).due_at!)).toBe('2026-05-04T17:00:00+07:00');
    expect(formatVn((await row(ids.d2!)).due_at!)).toBe('2026-05-05T17:00:00+07:00');
    expect(formatVn((await row(ids.d5!)).due_at!)).toBe('2026-04-29T17:00:00+07:00');
    // Without the pause D3 was due 6/5; the pause carries it past its finish on 8/5 11:00.
    expect((await row(ids.d3!)).due_at!.getTime()).toBeGreaterThan(
      vn('2026-05-08T11:00:00').getTime(),
    );
  });

  it('computes every supported component with its points for the commune', async () => {
    const s = await leader(communeA);
    const res = await get(s.cookie, `/api/dashboard/service-index?from=2026-04-28&to=2026-05-12`);
    expect(res.statusCode, res.body).toBe(200);
    const index = res.json() as ServiceIndex;
    expect(index.unit.code).toBe(communeA);

    const onTime = component(index, 'on_time');
    expect([onTime.numerator, onTime.denominator, onTime.points]).toEqual([3, 7, 8.57]);
    const e2e = component(index, 'end_to_end_online');
    expect([e2e.numerator, e2e.denominator, e2e.points]).toEqual([3, 4, 9]);
    const share = component(index, 'online_share');
    expect([share.numerator, share.denominator, share.points]).toEqual([3, 7, null]);
    const paid = component(index, 'paid_online');
    expect([paid.numerator, paid.denominator, paid.points]).toEqual([1, 2, 3]);
    const procs = component(index, 'procedures_with_online_payment');
    expect([procs.numerator, procs.denominator, procs.points]).toEqual([1, 1, 2]);
    const composite = component(index, 'overdue_and_negative');
    // 1 − (4 late of 7 + 1 negative of 7 received) = 2/7; ÷ 0.9 × 6.
    expect(composite.rate).toBeCloseTo(2 / 7, 4);
    expect(composite.points).toBe(1.9);
    const eResult = component(index, 'e_result');
    expect([eResult.numerator, eResult.denominator, eResult.points]).toEqual([4, 5, 4.8]);
    const digitised = component(index, 'digitised');
    expect([digitised.numerator, digitised.denominator, digitised.points]).toEqual([3, 5, 3]);
    const vneid = component(index, 'vneid_accounts');
    expect([vneid.numerator, vneid.denominator, vneid.points]).toEqual([2, 3, 1.33]);
    const average = component(index, 'average_processing_time');
    expect(average.denominator).toBe(5);
    expect(average.value).toBeGreaterThan(0);

    const groups = Object.fromEntries(index.groups.map((g) => [g.key, g]));
    expect(groups.progress!.points).toBe(8.57);
    expect(groups.online_services!.points).toBe(9);
    expect(groups.online_payment!.points).toBe(5);
    expect(groups.satisfaction!.points).toBe(1.9);
    expect(groups.digitisation!.points).toBe(9.13);
    expect(index.points).toBe(33.6);
    expect(index.computedMaxPoints).toBe(58);
    expect(index.maxPoints).toBe(100);
    // No feedback reports in this history: the feedback components count nothing (null points).
    for (const key of ['feedback_on_time', 'feedback_satisfaction']) {
      expect([component(index, key).denominator, component(index, key).points]).toEqual([0, null]);
    }
    for (const key of ['transparency', 'payment_integrated', 'data_reuse']) {
      const c = index.groups.flatMap((g) => g.components).find((x) => x.key === key);
      expect(c?.status).toBe('no_data');
      if (c?.status === 'no_data') expect(c.reason.vi.length).toBeGreaterThan(10);
    }
  });

  it('drills down to the dossiers that lost points, with why', async () => {
    const s = await leader(communeA);
    const drill = async (component: string) => {
      const res = await get(
        s.cookie,
        `/api/dashboard/service-index/drill?component=${component}&from=2026-04-28&to=2026-05-12`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as {
        dossierId: string;
        reasons: { code: string; workingDaysLate: number | null; text: { vi: string } }[];
      }[];
    };
    const late = await drill('on_time');
    const byId = Object.fromEntries(late.map((i) => [i.dossierId, i.reasons]));
    expect(Object.keys(byId).sort()).toEqual([ids.d2, ids.d4, ids.d5, ids.d7].sort());
    expect(byId[ids.d2!]).toMatchObject([{ code: 'late', workingDaysLate: 2 }]);
    expect(byId[ids.d5!]).toMatchObject([{ code: 'late', workingDaysLate: 1 }]);
    expect(byId[ids.d5!]![0]!.text.vi).toContain('xin lỗi');
    expect(byId[ids.d4!]).toMatchObject([{ code: 'second_supplement' }]);
    expect(byId[ids.d7!]).toMatchObject([{ code: 'overdue_running', workingDaysLate: 5 }]);

    expect((await drill('paid_online')).map((i) => i.dossierId)).toEqual([ids.d2]);
    expect((await drill('e_result')).map((i) => i.dossierId)).toEqual([ids.d2]);
    const digitised = await drill('digitised');
    expect(digitised.map((i) => i.dossierId).sort()).toEqual([ids.d2, ids.d4].sort());
    expect((await drill('end_to_end_online')).map((i) => i.dossierId)).toEqual([ids.d7]);
    expect((await drill('vneid_accounts')).map((i) => i.dossierId)).toEqual([ids.d2]);
  });

  it('names each procedure (catalogue name) in the procedure table and the dossier drill', async () => {
    const s = await leader(communeA);
    const catalogue = new Map(
      (await app.database.db.selectFrom('procedures').select(['code', 'name']).execute()).map(
        (p) => [p.code, p.name],
      ),
    );
    const index = (
      await get(s.cookie, `/api/dashboard/service-index?from=2026-04-28&to=2026-05-12`)
    ).json() as ServiceIndex;
    expect(index.procedures.length).toBe(2);
    for (const p of index.procedures) {
      expect(p.procedureName).toBe(catalogue.get(p.procedureCode));
      expect(p.procedureName).not.toBe(p.procedureCode);
    }
    const drill = await get(
      s.cookie,
      `/api/dashboard/service-index/drill?component=on_time&from=2026-04-28&to=2026-05-12`,
    );
    const items = drill.json().items as { procedureCode: string; procedureName: string }[];
    expect(items.length).toBe(4);
    for (const i of items) expect(i.procedureName).toBe(catalogue.get(i.procedureCode));
  });

  it('scopes by unit: the province sees both communes, a commune leader only its own', async () => {
    const province = await leader('66');
    const all = await get(
      province.cookie,
      `/api/dashboard/service-index?unit=66&from=2026-04-28&to=2026-05-12`,
    );
    expect(all.statusCode, all.body).toBe(200);
    const index = all.json() as ServiceIndex;
    expect(component(index, 'online_share').denominator).toBe(8);
    expect(index.units.map((u) => u.unitCode).sort()).toEqual([communeA, communeB].sort());
    // Each unit's online share (the map's indicator) adds up to the province's online dossiers.
    const online = index.units.reduce((sum, u) => sum + (u.onlineShare ?? 0) * u.received, 0);
    expect(Math.round(online)).toBe(component(index, 'online_share').numerator);
    const drillB = await get(
      province.cookie,
      `/api/dashboard/service-index/drill?unit=${communeB}&component=on_time&from=2026-04-28&to=2026-05-12`,
    );
    expect(drillB.statusCode).toBe(200);
    expect(drillB.json().items).toEqual([]);

    const commune = await leader(communeA);
    for (const unit of ['66', communeB]) {
      const res = await get(
        commune.cookie,
        `/api/dashboard/service-index?unit=${unit}&from=2026-04-28&to=2026-05-12`,
      );
      expect(res.statusCode).toBe(403);
      const drill = await get(
        commune.cookie,
        `/api/dashboard/service-index/drill?unit=${unit}&component=on_time&from=2026-04-28&to=2026-05-12`,
      );
      expect(drill.statusCode).toBe(403);
    }
    const specialist = await makeOfficer(app, [{ role: 'specialist', unitCode: communeA }]);
    app.clock.set(vn('2026-05-12T09:57:00'));
    const spec = await signInOfficer(app, specialist);
    const denied = await get(
      spec.cookie,
      `/api/dashboard/service-index?unit=${communeA}&from=2026-04-28&to=2026-05-12`,
    );
    expect(denied.statusCode).toBe(403);
    const reversed = await get(
      commune.cookie,
      `/api/dashboard/service-index?from=2026-05-12&to=2026-04-28`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('DASHBOARD_PERIOD_INVALID');
  });
});
