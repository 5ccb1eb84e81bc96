import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import { call, type Officer, officer, PROVINCE, vn } from './tasks.test-support';

let app: TestApp;
let viewer: Officer;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(vn('2026-05-20T09:00:00')) });
  viewer = await officer(app, [{ role: 'dashboard_viewer', unitCode: PROVINCE }]);
});
afterAll(async () => {
  await app.close();
});

describe('demo tasks', () => {
  it('are labelled, cover the board statuses and are seeded once', async () => {
    expect(await app.services.tasks.seedDemo()).toBe(3);
    expect(await app.services.tasks.seedDemo()).toBe(0);
    const list = await call(app, viewer, 'GET', `/api/officer/tasks?unitCode=${PROVINCE}`);
    const demo = list.json().items.filter((t: { isDemo: boolean }) => t.isDemo);
    expect(demo).toHaveLength(3);
    for (const t of demo) expect(t.title.startsWith('[DEMO]')).toBe(true);
    const board = await call(
      app,
      viewer,
      'GET',
      `/api/officer/task-assignments?unitCode=${PROVINCE}`,
    );
    const statuses = new Set(board.json().items.map((a: { status: string }) => a.status));
    expect([...statuses].sort()).toEqual(['done_on_time', 'in_progress', 'overdue']);
    expect(
      board.json().items.filter((a: { pendingExtension: unknown }) => a.pendingExtension),
    ).toHaveLength(1);
  });
});
