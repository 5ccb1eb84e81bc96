import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
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
  uploadPdf,
  vn,
} from './tasks.test-support';

// Wed 22/4/2026 09:00 in Vietnam. Days off ahead: Mon 27/4 (Hùng Kings' day carried over),
// Thu 30/4 and Fri 1/5, and the weekends.
const START = vn('2026-04-22T09:00:00');

let app: TestApp;
let province: Officer;
let leaderA: Officer;
let specialistA: Officer;
let leaderB: Officer;
let everyone: Officer[];

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(START) });
  province = await officer(app, [{ role: 'unit_leader', unitCode: PROVINCE }]);
  leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  specialistA = await officer(app, [{ role: 'specialist', unitCode: COMMUNE_A }]);
  leaderB = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
  everyone = [province, leaderA, specialistA, leaderB];
});
afterAll(async () => {
  await app.close();
});

const base = {
  title: 'Rà soát hồ sơ quá hạn trên địa bàn',
  description: 'Rà soát và xử lý dứt điểm các hồ sơ quá hạn; báo cáo kết quả.',
  priority: 'urgent',
  assigneeUnitCodes: [COMMUNE_A, COMMUNE_B],
};

function code(res: { json(): { error: { code: string } } }) {
  return res.json().error.code;
}

describe('creating a task', () => {
  it('refuses bad input with stable codes', async () => {
    app.clock.set(START);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, deadline: '2026-04-21' }, 'TASK_DEADLINE_IN_PAST'],
      [{ ...base, deadline: '2026-04-25' }, 'TASK_DEADLINE_NOT_WORKING_DAY'], // Saturday
      [{ ...base, deadline: '2026-04-27' }, 'TASK_DEADLINE_NOT_WORKING_DAY'], // day off
      [{ ...base }, 'TASK_DEADLINE_REQUIRED'],
      [{ ...base, deadline: '2026-05-04', workingDays: 3 }, 'TASK_DEADLINE_REQUIRED'],
      [{ ...base, deadline: '2026-05-04', assigneeUnitCodes: [] }, 'TASK_NO_ASSIGNEE'],
      [
        { ...base, deadline: '2026-05-04', assigneeUnitCodes: [COMMUNE_A, COMMUNE_A] },
        'TASK_ASSIGNEE_DUPLICATE',
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await createTask(app, province, body);
      expect(code(res), JSON.stringify(body)).toBe(expected);
    }
    const noKey = await call(app, province, 'POST', '/api/officer/tasks', {
      ...base,
      deadline: '2026-05-04',
    });
    expect(code(noKey)).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('counts working days with the calendar, is idempotent and tells each assignee unit', async () => {
    app.clock.set(START);
    const key = randomUUID();
    const attachment = await uploadPdf(app, province, 'cong-van.pdf');
    const body = { ...base, workingDays: 5, attachmentIds: [attachment] };
    const res = await createTask(app, province, body, key);
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    // Thu 23 (1), Fri 24 (2), Tue 28 (3), Wed 29 (4), Mon 4/5 (5).
    expect(task.deadline).toBe('2026-05-04');
    expect(task.reference).toMatch(/^NV-2026-\d{6}$/);
    expect(task.attachments.map((f: { id: string }) => f.id)).toEqual([attachment]);
    expect(task.canManage).toBe(true);
    expect(
      task.assignments.map((a: { unit: { code: string }; status: string; dueAt: string }) => [
        a.unit.code,
        a.status,
        a.dueAt,
      ]),
    ).toEqual([
      [COMMUNE_B, 'in_progress', '2026-05-04T10:00:00.000Z'],
      [COMMUNE_A, 'in_progress', '2026-05-04T10:00:00.000Z'],
    ]);
    // Official names, as in official correspondence: not the short "Buôn Ma Thuột".
    expect(task.fromUnit.name).toBe('Tỉnh Đắk Lắk');
    expect(
      Object.fromEntries(
        task.assignments.map((a: { unit: { code: string; name: string } }) => [
          a.unit.code,
          a.unit.name,
        ]),
      ),
    ).toEqual({ [COMMUNE_A]: 'Phường Buôn Ma Thuột', [COMMUNE_B]: 'Phường Tuy Hòa' });
    const again = await createTask(app, province, body, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(task.id);
    expect(await outboxCount(app, leaderA.email, 'task.assigned')).toBe(1);
    expect(await outboxCount(app, specialistA.email, 'task.assigned')).toBe(1);
    expect(await outboxCount(app, leaderB.email, 'task.assigned')).toBe(1);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', task.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['task.create']);
  });
});

describe('an assignment from report to done', () => {
  let taskId: string;
  let assignmentA: string;
  let assignmentB: string;

  beforeAll(async () => {
    app.clock.set(START);
    const res = await createTask(app, province, { ...base, deadline: '2026-05-04' });
    expect(res.statusCode, res.body).toBe(201);
    taskId = res.json().id;
    const byUnit = Object.fromEntries(
      res
        .json()
        .assignments.map((a: { unit: { code: string }; id: string }) => [a.unit.code, a.id]),
    );
    assignmentA = byUnit[COMMUNE_A];
    assignmentB = byUnit[COMMUNE_B];
  });

  it('reports progress with a file; percent outside 0–100 is refused', async () => {
    const url = `/api/officer/task-assignments/${assignmentA}/progress`;
    const bad = await call(app, specialistA, 'POST', url, { percent: 140, text: 'Sai' });
    expect(code(bad)).toBe('TASK_PERCENT_OUT_OF_RANGE');
    const negative = await call(app, specialistA, 'POST', url, { percent: -1, text: 'Sai' });
    expect(code(negative)).toBe('TASK_PERCENT_OUT_OF_RANGE');
    const file = await uploadPdf(app, specialistA);
    await travel(app, '2026-04-24T10:00:00', everyone);
    const ok = await call(app, specialistA, 'POST', url, {
      percent: 40,
      text: 'Đã rà soát 6/15 hồ sơ',
      attachmentIds: [file],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = ok.json().assignments.find((a: { id: string }) => a.id === assignmentA);
    expect(mine.percent).toBe(40);
    expect(mine.lastReportAt).toBe(vn('2026-04-24T10:00:00').toISOString());
    const progress = mine.timeline.find((e: { kind: string }) => e.kind === 'progress');
    expect(progress).toMatchObject({ percent: 40, text: 'Đã rà soát 6/15 hồ sơ' });
    expect(progress.files.map((f: { id: string }) => f.id)).toEqual([file]);
    expect(await outboxCount(app, province.email, 'task.reported')).toBeGreaterThanOrEqual(1);
  });

  it('asks for an extension that the assigner decides once', async () => {
    const url = `/api/officer/task-assignments/${assignmentB}/extension`;
    const cases: [Record<string, unknown>, string][] = [
      [{ deadline: '2026-05-09', reason: 'Cần thêm thời gian' }, 'TASK_DEADLINE_NOT_WORKING_DAY'],
      [{ deadline: '2026-04-29', reason: 'Cần thêm thời gian' }, 'TASK_EXTENSION_NOT_LATER'],
    ];
    for (const [body, expected] of cases)
      expect(code(await call(app, leaderB, 'POST', url, body))).toBe(expected);
    const asked = await call(app, leaderB, 'POST', url, {
      deadline: '2026-05-06',
      reason: 'Địa bàn rộng, cần thêm thời gian',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const pending = asked.json().assignments[0].pendingExtension;
    expect(pending).toMatchObject({ deadline: '2026-05-06', previousDeadline: '2026-05-04' });
    const twice = await call(app, leaderB, 'POST', url, {
      deadline: '2026-05-07',
      reason: 'Thêm một lần nữa',
    });
    expect(code(twice)).toBe('TASK_EXTENSION_PENDING');

    const decide = `/api/officer/task-extensions/${pending.id}/decision`;
    // The assignee's own leader cannot decide: the province assigned it.
    expect(code(await call(app, leaderB, 'POST', decide, { decision: 'grant' }))).toBe('FORBIDDEN');
    const granted = await call(app, province, 'POST', decide, {
      decision: 'grant',
      note: 'Đồng ý',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const b = granted.json().assignments.find((a: { id: string }) => a.id === assignmentB);
    expect(b.deadline).toBe('2026-05-06');
    expect(b.pendingExtension).toBeNull();
    expect(b.extensions[0]).toMatchObject({ decision: 'granted', note: 'Đồng ý' });
    const again = await call(app, province, 'POST', decide, { decision: 'refuse' });
    expect(code(again)).toBe('TASK_EXTENSION_ALREADY_DECIDED');
    expect(await outboxCount(app, leaderB.email, 'task.extension_decided')).toBe(1);
  });

  it('derives statuses from the clock: overdue after 17:00 on the deadline, done late or on time', async () => {
    const statuses = async () => {
      const res = await call(app, province, 'GET', `/api/officer/tasks/${taskId}`);
      return Object.fromEntries(
        res
          .json()
          .assignments.map((a: { unit: { code: string }; status: string }) => [
            a.unit.code,
            a.status,
          ]),
      );
    };
    await travel(app, '2026-05-04T17:00:00', everyone);
    expect(await statuses()).toEqual({ [COMMUNE_A]: 'in_progress', [COMMUNE_B]: 'in_progress' });
    await travel(app, '2026-05-04T17:01:00', everyone);
    expect(await statuses()).toEqual({ [COMMUNE_A]: 'overdue', [COMMUNE_B]: 'in_progress' });
    const list = await call(app, province, 'GET', `/api/officer/tasks?unitCode=${PROVINCE}`);
    const row = list.json().items.find((t: { id: string }) => t.id === taskId);
    expect(row.counts).toEqual({
      in_progress: 1,
      overdue: 1,
      done_on_time: 0,
      done_late: 0,
      cancelled: 0,
    });
    const overdueBoard = await call(
      app,
      province,
      'GET',
      `/api/officer/task-assignments?unitCode=${PROVINCE}&status=overdue`,
    );
    expect(overdueBoard.json().items.map((a: { id: string }) => a.id)).toContain(assignmentA);
    expect(overdueBoard.json().items.map((a: { id: string }) => a.id)).not.toContain(assignmentB);

    const doneA = await call(
      app,
      leaderA,
      'POST',
      `/api/officer/task-assignments/${assignmentA}/done`,
      {
        text: 'Đã xử lý xong',
      },
    );
    expect(doneA.statusCode, doneA.body).toBe(200);
    await travel(app, '2026-05-06T16:30:00', everyone);
    const doneB = await call(
      app,
      leaderB,
      'POST',
      `/api/officer/task-assignments/${assignmentB}/done`,
      {
        text: 'Hoàn thành',
      },
    );
    expect(doneB.statusCode, doneB.body).toBe(200);
    expect(await statuses()).toEqual({ [COMMUNE_A]: 'done_late', [COMMUNE_B]: 'done_on_time' });
    const after = await call(
      app,
      leaderA,
      'POST',
      `/api/officer/task-assignments/${assignmentA}/progress`,
      {
        percent: 100,
        text: 'Thêm',
      },
    );
    expect(code(after)).toBe('TASK_CLOSED');
  });

  it('cancels a task once; open assignments become cancelled and are told', async () => {
    await travel(app, '2026-05-07T09:00:00', everyone);
    const created = await createTask(app, province, {
      ...base,
      title: 'Nhiệm vụ sẽ bị hủy',
      deadline: '2026-05-12',
    });
    const id = created.json().id;
    const cancel = await call(app, province, 'POST', `/api/officer/tasks/${id}/cancel`, {
      reason: 'Đã giao trong văn bản khác',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().cancelled).toBe(true);
    expect(cancel.json().assignments.map((a: { status: string }) => a.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(await outboxCount(app, leaderA.email, 'task.cancelled')).toBe(1);
    const twice = await call(app, province, 'POST', `/api/officer/tasks/${id}/cancel`, {
      reason: 'Lần hai',
    });
    expect(code(twice)).toBe('TASK_ALREADY_CANCELLED');
    const report = await call(
      app,
      leaderA,
      'POST',
      `/api/officer/task-assignments/${cancel.json().assignments[1].id}/progress`,
      { percent: 10, text: 'Muộn' },
    );
    expect(code(report)).toBe('TASK_CLOSED');
  });
});
