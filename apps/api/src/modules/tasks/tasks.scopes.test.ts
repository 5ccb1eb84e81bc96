import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  COMMUNE_A,
  COMMUNE_B,
  COMMUNE_C,
  call,
  createTask,
  type Officer,
  officer,
  PROVINCE,
  uploadPdf,
  vn,
} from './tasks.test-support';

let app: TestApp;
let province: Officer;
let viewer: Officer;
let leaderA: Officer;
let specialistA: Officer;
let leaderB: Officer;
let leaderC: Officer;
let taskId: string;
let assignmentA: string;
let assignmentB: string;
let reportFile: string;

const task = {
  title: 'Tuyên truyền thanh toán trực tuyến',
  description: 'Tổ chức tuyên truyền tại các thôn, tổ dân phố.',
  deadline: '2026-06-05',
};

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(vn('2026-05-20T09:00:00')) });
  province = await officer(app, [{ role: 'unit_leader', unitCode: PROVINCE }]);
  viewer = await officer(app, [{ role: 'dashboard_viewer', unitCode: PROVINCE }]);
  leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  specialistA = await officer(app, [{ role: 'specialist', unitCode: COMMUNE_A }]);
  leaderB = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
  leaderC = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_C }]);
  const res = await createTask(app, province, {
    ...task,
    assigneeUnitCodes: [COMMUNE_A, COMMUNE_B],
  });
  expect(res.statusCode, res.body).toBe(201);
  taskId = res.json().id;
  const byUnit = Object.fromEntries(
    res.json().assignments.map((a: { unit: { code: string }; id: string }) => [a.unit.code, a.id]),
  );
  assignmentA = byUnit[COMMUNE_A];
  assignmentB = byUnit[COMMUNE_B];
  reportFile = await uploadPdf(app, specialistA);
  const report = await call(
    app,
    specialistA,
    'POST',
    `/api/officer/task-assignments/${assignmentA}/progress`,
    {
      percent: 30,
      text: 'Đã tuyên truyền tại 3 thôn',
      attachmentIds: [reportFile],
    },
  );
  expect(report.statusCode, report.body).toBe(200);
});
afterAll(async () => {
  await app.close();
});

const codeOf = (res: { json(): { error: { code: string } } }) => res.json().error.code;

describe('who may assign', () => {
  it('a commune leader cannot assign to the province or to another commune', async () => {
    const up = await createTask(app, leaderA, { ...task, assigneeUnitCodes: [PROVINCE] });
    expect(up.statusCode).toBe(403);
    expect(codeOf(up)).toBe('TASK_ASSIGNEE_OUT_OF_SCOPE');
    const sideways = await createTask(app, leaderA, { ...task, assigneeUnitCodes: [COMMUNE_B] });
    expect(codeOf(sideways)).toBe('TASK_ASSIGNEE_OUT_OF_SCOPE');
    const unknown = await createTask(app, leaderA, { ...task, assigneeUnitCodes: ['99999'] });
    expect(codeOf(unknown)).toBe('TASK_ASSIGNEE_OUT_OF_SCOPE');
    const asProvince = await createTask(app, leaderA, {
      ...task,
      fromUnitCode: PROVINCE,
      assigneeUnitCodes: [COMMUNE_A],
    });
    expect(codeOf(asProvince)).toBe('FORBIDDEN');
  });

  it('a commune leader assigns within the commune; specialists and viewers do not assign', async () => {
    const own = await createTask(app, leaderA, { ...task, assigneeUnitCodes: [COMMUNE_A] });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().fromUnit.code).toBe(COMMUNE_A);
    for (const who of [specialistA, viewer]) {
      const res = await createTask(app, who, { ...task, assigneeUnitCodes: [COMMUNE_A] });
      expect(codeOf(res)).toBe('TASK_ASSIGNER_UNIT_REQUIRED');
      const explicit = await createTask(app, who, {
        ...task,
        fromUnitCode: COMMUNE_A,
        assigneeUnitCodes: [COMMUNE_A],
      });
      expect(codeOf(explicit)).toBe('FORBIDDEN');
    }
  });
});

describe('who sees what', () => {
  it("a commune leader sees the task with their own assignment only, never another commune's", async () => {
    const res = await call(app, leaderA, 'GET', `/api/officer/tasks/${taskId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().assignments.map((a: { id: string }) => a.id)).toEqual([assignmentA]);
    expect(res.json().canManage).toBe(false);
    const b = await call(app, leaderB, 'GET', `/api/officer/tasks/${taskId}`);
    expect(b.json().assignments.map((a: { id: string }) => a.id)).toEqual([assignmentB]);
    // A commune with no assignment does not learn the task exists.
    expect((await call(app, leaderC, 'GET', `/api/officer/tasks/${taskId}`)).statusCode).toBe(404);
  });

  it("a commune's board holds its own assignments; another commune's board is forbidden", async () => {
    const own = await call(app, leaderA, 'GET', '/api/officer/task-assignments');
    expect(own.statusCode).toBe(200);
    const units = new Set(own.json().items.map((a: { unit: { code: string } }) => a.unit.code));
    expect([...units]).toEqual([COMMUNE_A]);
    expect(own.json().items.map((a: { id: string }) => a.id)).toContain(assignmentA);
    const other = await call(
      app,
      leaderA,
      'GET',
      `/api/officer/task-assignments?unitCode=${COMMUNE_B}`,
    );
    expect(other.statusCode).toBe(403);
    const province66 = await call(
      app,
      leaderA,
      'GET',
      `/api/officer/task-assignments?unitCode=${PROVINCE}`,
    );
    expect(province66.statusCode).toBe(403);
  });

  it('the province leader and the steering committee see every assignment and task', async () => {
    for (const who of [province, viewer]) {
      const board = await call(
        app,
        who,
        'GET',
        `/api/officer/task-assignments?unitCode=${PROVINCE}`,
      );
      const ids = board.json().items.map((a: { id: string }) => a.id);
      expect(ids).toEqual(expect.arrayContaining([assignmentA, assignmentB]));
      const list = await call(app, who, 'GET', `/api/officer/tasks?unitCode=${PROVINCE}`);
      const row = list.json().items.find((t: { id: string }) => t.id === taskId);
      expect(row).toMatchObject({ assignmentCount: 2, counts: { in_progress: 2 } });
      // The commune's own task is in the steering view too (assigned below the province).
      expect(
        list
          .json()
          .items.some((t: { fromUnit: { code: string } }) => t.fromUnit.code === COMMUNE_A),
      ).toBe(true);
    }
    const byA = await call(app, leaderA, 'GET', '/api/officer/tasks');
    expect(byA.json().items.map((t: { id: string }) => t.id)).not.toContain(taskId);
  });

  it('report files are read by the assigner and that commune, not by another commune', async () => {
    const url = `/api/files/${reportFile}`;
    expect((await call(app, province, 'GET', url)).statusCode).toBe(200);
    expect((await call(app, leaderA, 'GET', url)).statusCode).toBe(200);
    expect((await call(app, leaderB, 'GET', url)).statusCode).toBe(404);
  });
});

describe('who may act', () => {
  it("a commune cannot report on, extend or finish another commune's assignment, nor cancel the task", async () => {
    const base = `/api/officer/task-assignments/${assignmentB}`;
    const progress = await call(app, leaderA, 'POST', `${base}/progress`, {
      percent: 10,
      text: 'x',
    });
    expect(codeOf(progress)).toBe('TASK_ASSIGNMENT_NOT_FOUND');
    const done = await call(app, leaderA, 'POST', `${base}/done`, { text: 'x' });
    expect(codeOf(done)).toBe('TASK_ASSIGNMENT_NOT_FOUND');
    const cancel = await call(app, leaderA, 'POST', `/api/officer/tasks/${taskId}/cancel`, {
      reason: 'Không muốn làm',
    });
    expect(codeOf(cancel)).toBe('FORBIDDEN');
    const cancelC = await call(app, leaderC, 'POST', `/api/officer/tasks/${taskId}/cancel`, {
      reason: 'Không muốn làm',
    });
    expect(codeOf(cancelC)).toBe('TASK_NOT_FOUND');
  });

  it('the steering committee reads but does not report', async () => {
    const res = await call(
      app,
      viewer,
      'POST',
      `/api/officer/task-assignments/${assignmentA}/progress`,
      {
        percent: 50,
        text: 'x',
      },
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});
