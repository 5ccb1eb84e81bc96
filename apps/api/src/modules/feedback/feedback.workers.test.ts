import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { act, communeWithPoint, fileReport, officerOf, rowVersion } from './feedback.test-support';
import {
  type FeedbackWorkerDeps,
  runAutoClose,
  runDueSoon,
  runEscalation,
} from './feedback.workers';

// Wed 22/4/2026, 09:00 in Vietnam. The category gets 5 working days for the test: day 0 is Wed
// 22/4; Thu 23 (1), Fri 24 (2), weekend 25–26, Mon 27/4 off (Hùng Kings' day carried over),
// Tue 28 (3), Wed 29 (4), Thu 30/4 and Fri 1/5 holidays, weekend 2–3/5, Mon 4/5 (5):
// due Mon 4/5/2026 at 17:00 (10:00Z).
const START = new Date('2026-04-22T02:00:00Z');
const DUE = new Date('2026-05-04T10:00:00Z');
const TEXT = 'Rác thải đổ bừa bãi cạnh chợ, bốc mùi hôi thối, đề nghị thu gom';

let app: TestApp;
let deps: FeedbackWorkerDeps;
let place: Awaited<ReturnType<typeof communeWithPoint>>;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(START) });
  place = await communeWithPoint(app);
  await app.database.db
    .updateTable('feedback_categories')
    .set({ answer_days: 5 })
    .where('code', '=', 'moi-truong')
    .execute();
  const db = app.database.db;
  const m = app.services.feedback;
  deps = {
    db,
    clock: app.clock,
    repository: m.repository,
    units: app.services.units,
    calendar: new CalendarService({
      db,
      repository: new CalendarRepository(db),
      clock: app.clock,
      policy: app.services.policy,
    }),
    actions: m.actions,
  };
});
afterAll(async () => {
  await app.close();
});

async function report(): Promise<{ id: string; reference: string; dueAt: string }> {
  const res = await fileReport(app, {
    category: 'moi-truong',
    description: TEXT,
    lat: String(place.lat),
    lng: String(place.lng),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function unitOf(id: string) {
  return app.database.db
    .selectFrom('feedback_reports')
    .select(['assigned_unit_code', 'escalation_level', 'due_at', 'state', 'overdue_at_close'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('feedback workers (fixed clock)', () => {
  it('escalates commune → department of the category → Provincial People’s Committee, across the weekend and 30/4–1/5', async () => {
    await officerOf(app, place.code, 'specialist', 'xa@example.vn');
    await officerOf(app, '66-SNNMT', 'specialist', 'so@example.vn');
    app.clock.set(START);
    const r = await report();
    expect(r.dueAt).toBe(DUE.toISOString());

    // Sunday 3/5 and Monday 4/5 16:59: not overdue yet, nothing moves.
    app.clock.set(new Date('2026-05-03T05:00:00Z'));
    expect(await runEscalation(deps)).toBe(0);
    app.clock.set(new Date(DUE.getTime() - 60_000));
    expect(await runEscalation(deps)).toBe(0);
    // Due soon: one message per officer, once.
    expect(await runDueSoon(deps)).toBeGreaterThanOrEqual(1);
    await runDueSoon(deps);
    const soon = await app.database.db
      .selectFrom('outbox')
      .select('recipient')
      .where('template', '=', 'feedback.unit_due_soon')
      .execute();
    expect(soon.map((s) => s.recipient)).toEqual(['xa@example.vn']);

    // One minute after the deadline: to the Department of Agriculture and Environment.
    app.clock.set(new Date(DUE.getTime() + 60_000));
    expect(await runEscalation(deps)).toBe(1);
    const first = await unitOf(r.id);
    expect(first).toMatchObject({ assigned_unit_code: '66-SNNMT', escalation_level: 1 });
    // It gets 5 working days from Mon 4/5 17:01 (day 0 is Tue 5/5): Tue 12/5 17:00.
    expect(first.due_at?.toISOString()).toBe('2026-05-12T10:00:00.000Z');
    const messages = await app.database.db
      .selectFrom('outbox')
      .select(['template', 'recipient'])
      .where('template', 'in', ['feedback.unit_overdue', 'feedback.unit_new'])
      .where('recipient', 'in', ['xa@example.vn', 'so@example.vn'])
      .orderBy('template')
      .orderBy('recipient')
      .execute();
    // The commune heard of the new report at filing, then of its lateness; the department of it.
    expect(messages).toEqual([
      { template: 'feedback.unit_new', recipient: 'so@example.vn' },
      { template: 'feedback.unit_new', recipient: 'xa@example.vn' },
      { template: 'feedback.unit_overdue', recipient: 'xa@example.vn' },
    ]);
    const page = (await app.server.inject({ url: `/api/feedback/reports/${r.reference}` })).json();
    expect(page.events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'escalate']);

    // Overdue again at the department: to the Provincial People's Committee, then no further.
    app.clock.set(new Date('2026-05-12T10:01:00Z'));
    expect(await runEscalation(deps)).toBe(1);
    expect(await unitOf(r.id)).toMatchObject({
      assigned_unit_code: '66-UBND',
      escalation_level: 2,
    });
    app.clock.set(new Date('2026-06-30T10:00:00Z'));
    expect(await runEscalation(deps)).toBe(0);
  });

  it('does not escalate a report paused for the resident’s answer', async () => {
    app.clock.set(START);
    const officer = await officerOf(app, place.code);
    const r = await report();
    const asked = await act(app, officer, r.id, {
      action: 'request_info',
      expectedRowVersion: await rowVersion(app, r.id),
      publicReply: 'Đề nghị chụp thêm ảnh',
    });
    expect(asked.statusCode).toBe(200);
    app.clock.set(new Date(DUE.getTime() + 86_400_000));
    expect(await runEscalation(deps)).toBe(0);
    expect((await unitOf(r.id)).assigned_unit_code).toBe(place.code);
  });

  it('closes answered reports 7 days after the answer, with the overdue flag frozen', async () => {
    app.clock.set(START);
    const officer = await officerOf(app, place.code);
    const r = await report();
    const done = await act(app, officer, r.id, {
      action: 'resolve',
      expectedRowVersion: await rowVersion(app, r.id),
      publicReply: 'Đã thu gom rác',
    });
    expect(done.statusCode).toBe(200);
    app.clock.set(new Date(START.getTime() + 6 * 86_400_000));
    expect(await runAutoClose(deps)).toBe(0);
    app.clock.set(new Date(START.getTime() + 7 * 86_400_000 + 60_000));
    expect(await runAutoClose(deps)).toBe(1);
    expect(await unitOf(r.id)).toMatchObject({ state: 'closed', overdue_at_close: false });
  });
});
