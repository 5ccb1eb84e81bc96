import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { TasksRepository } from './tasks.repository';
import { lastClosedDate } from './tasks.status';
import {
  COMMUNE_A,
  COMMUNE_B,
  call,
  createTask,
  type Officer,
  officer,
  outboxCount,
  PROVINCE,
  travel,
  vn,
} from './tasks.test-support';
import { runDueSoon, runEscalation, type TaskWorkerDeps } from './tasks.workers';

// Created Wed 22/4/2026, deadline Mon 4/5/2026. Between them: the weekend 25–26/4, Mon 27/4 off
// (Hùng Kings' day carried over), Thu 30/4 and Fri 1/5 (holidays), the weekend 2–3/5. The last
// working day before the deadline is Wed 29/4.
const START = vn('2026-04-22T09:00:00');

let app: TestApp;
let deps: TaskWorkerDeps;
let province: Officer;
let leaderA: Officer;
let leaderB: Officer;
let everyone: Officer[];
let taskId: string;
let assignmentA: string;
let assignmentB: string;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(START) });
  const db = app.database.db;
  deps = {
    db,
    clock: app.clock,
    units: app.services.units,
    repository: new TasksRepository(db),
    calendar: new CalendarService({
      db,
      repository: new CalendarRepository(db),
      clock: app.clock,
      policy: app.services.policy,
    }),
  };
  province = await officer(app, [{ role: 'unit_leader', unitCode: PROVINCE }]);
  leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  leaderB = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
  everyone = [province, leaderA, leaderB];
  const res = await createTask(app, province, {
    title: 'Báo cáo tiến độ chuyển đổi số tháng 4',
    description: 'Báo cáo theo mẫu.',
    deadline: '2026-05-04',
    assigneeUnitCodes: [COMMUNE_A, COMMUNE_B],
  });
  expect(res.statusCode, res.body).toBe(201);
  taskId = res.json().id;
  const byUnit = Object.fromEntries(
    res.json().assignments.map((a: { unit: { code: string }; id: string }) => [a.unit.code, a.id]),
  );
  assignmentA = byUnit[COMMUNE_A];
  assignmentB = byUnit[COMMUNE_B];
});
afterAll(async () => {
  await app.close();
});

async function status(id: string) {
  const res = await call(app, province, 'GET', `/api/officer/tasks/${taskId}`);
  return res.json().assignments.find((a: { id: string }) => a.id === id);
}

async function events(id: string, kind: string): Promise<number> {
  const rows = await app.database.db
    .selectFrom('task_events')
    .select('id')
    .where('assignment_id', '=', id)
    .where('kind', '=', kind as never)
    .execute();
  return rows.length;
}

describe('lastClosedDate', () => {
  it('is today once office hours closed, else yesterday', () => {
    const closing = (d: string) => vn(`${d}T17:00:00`);
    expect(lastClosedDate(vn('2026-05-04T17:00:00'), closing)).toBe('2026-05-03');
    expect(lastClosedDate(vn('2026-05-04T17:00:01'), closing)).toBe('2026-05-04');
    expect(lastClosedDate(vn('2026-05-04T00:30:00'), closing)).toBe('2026-05-03');
  });
});

describe('task worker with a fixed clock across a weekend and holidays', () => {
  it('reminds once, on the last working day before the deadline', async () => {
    await travel(app, '2026-04-28T09:00:00', everyone); // two working days left (29/4, 4/5)
    expect(await runDueSoon(deps)).toBe(0);
    await travel(app, '2026-04-29T09:00:00', everyone); // one working day left
    expect(await runDueSoon(deps)).toBe(2);
    expect(await runDueSoon(deps)).toBe(0);
    await travel(app, '2026-04-30T09:00:00', everyone); // a holiday: still one left, already told
    expect(await runDueSoon(deps)).toBe(0);
    await travel(app, '2026-05-02T09:00:00', everyone); // Saturday
    expect(await runDueSoon(deps)).toBe(0);
    expect(await outboxCount(app, leaderA.email, 'task.due_soon')).toBe(1);
    expect(await outboxCount(app, leaderB.email, 'task.due_soon')).toBe(1);
    expect(await events(assignmentA, 'due_soon_reminded')).toBe(1);
    expect(await runEscalation(deps)).toBe(0);
  });

  it('escalates overdue assignments one level up after 17:00 on the deadline, once', async () => {
    await travel(app, '2026-05-04T16:59:00', everyone);
    expect(await runEscalation(deps)).toBe(0);
    expect((await status(assignmentA)).status).toBe('in_progress');
    await travel(app, '2026-05-04T17:05:00', everyone);
    expect(await runEscalation(deps)).toBe(2);
    expect(await runEscalation(deps)).toBe(0);
    const a = await status(assignmentA);
    expect(a.status).toBe('overdue');
    expect(a.escalatedTo).toEqual({ code: PROVINCE, name: expect.any(String) });
    expect(a.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'assigned',
      'due_soon_reminded',
      'escalated',
    ]);
    // The late unit hears it is overdue; the leader one level up (who also assigned it) hears
    // once, of the escalation.
    expect(await outboxCount(app, leaderA.email, 'task.overdue')).toBe(1);
    expect(await outboxCount(app, province.email, 'task.escalated')).toBe(2);
    expect(await outboxCount(app, province.email, 'task.overdue')).toBe(0);
    const board = await call(
      app,
      province,
      'GET',
      `/api/officer/task-assignments?unitCode=${PROVINCE}&escalated=true`,
    );
    expect(
      board
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([assignmentA, assignmentB].sort());
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', assignmentA)
      .orderBy('id')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['task.remind_due_soon', 'task.escalate']);
  });

  it('a granted extension lifts the escalation; the new deadline is reminded and escalated again', async () => {
    await travel(app, '2026-05-05T08:00:00', everyone);
    const asked = await call(
      app,
      leaderB,
      'POST',
      `/api/officer/task-assignments/${assignmentB}/extension`,
      { deadline: '2026-05-06', reason: 'Chờ số liệu của các thôn' },
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const extensionId = asked.json().assignments[0].pendingExtension.id;
    const granted = await call(
      app,
      province,
      'POST',
      `/api/officer/task-extensions/${extensionId}/decision`,
      { decision: 'grant' },
    );
    expect(granted.statusCode, granted.body).toBe(200);
    const b = await status(assignmentB);
    expect(b).toMatchObject({ status: 'in_progress', deadline: '2026-05-06', escalatedTo: null });

    await travel(app, '2026-05-05T09:00:00', everyone);
    expect(await runDueSoon(deps)).toBe(1);
    expect(await outboxCount(app, leaderB.email, 'task.due_soon')).toBe(2);
    const done = await call(
      app,
      leaderA,
      'POST',
      `/api/officer/task-assignments/${assignmentA}/done`,
      {
        text: 'Đã nộp báo cáo',
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect((await status(assignmentA)).status).toBe('done_late');

    await travel(app, '2026-05-06T17:30:00', everyone);
    expect(await runEscalation(deps)).toBe(1);
    expect(await events(assignmentB, 'escalated')).toBe(2);
    expect((await status(assignmentB)).status).toBe('overdue');
    expect(await runEscalation(deps)).toBe(0);
  });
});
