import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { fileReport } from '../feedback/feedback.test-support';
import { COMMUNE_A, COMMUNE_B, createTask, officer, PROVINCE } from '../tasks/tasks.test-support';
import { TableCursor } from './dashboard.live';
import { newDossier } from './dashboard.test-support';

interface SseEvent {
  event: string;
  data: string;
}

/** Reads a text/event-stream with fetch, as a browser's EventSource would. */
async function openStream(url: string, cookie?: string) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: cookie ? { cookie } : {},
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let wake: (() => void) | null = null;
  const pump = async () => {
    if (!res.ok || !res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) events.push({ event, data: data.join('\n') });
          wake?.();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  };
  void pump();
  /** The first event (received so far or later) that matches; gives up after 30 s. */
  const waitFor = async (match: (e: SseEvent) => boolean): Promise<SseEvent> => {
    const limit = Date.now() + 30_000;
    for (;;) {
      const found = events.find(match);
      if (found) return found;
      if (Date.now() > limit) throw new Error(`no matching event; got ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  };
  return { res, events, comments, waitFor, close: () => controller.abort() };
}

const changed = (e: SseEvent) => e.event === 'changed';
const parse = (e: SseEvent) => JSON.parse(e.data) as { kinds: string[]; units: string[] };

let app: TestApp;
let base: string;
let procedure: { code: string; version: number };

beforeAll(async () => {
  app = await createTestApp({ env: { DASHBOARD_LIVE_POLL_MS: '50' } });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
  const p = await app.database.db
    .selectFrom('procedures')
    .select(['code', 'current_version'])
    .orderBy('code')
    .executeTakeFirstOrThrow();
  procedure = { code: p.code, version: p.current_version };
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/dashboard/live over a real HTTP connection', () => {
  it('tells each viewer about committed changes in their scope only, and cleans up on close', async () => {
    const leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
    const leaderB = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
    const province = await officer(app, [{ role: 'unit_leader', unitCode: PROVINCE }]);
    const a = await openStream(`${base}/api/dashboard/live?unit=${COMMUNE_A}`, leaderA.cookie);
    const b = await openStream(`${base}/api/dashboard/live`, leaderB.cookie);
    const p = await openStream(`${base}/api/dashboard/live`, province.cookie);
    for (const s of [a, b, p]) {
      expect(s.res.status).toBe(200);
      expect(s.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(s.res.headers.get('x-request-id')).toBeTruthy();
    }
    const ready = JSON.parse((await a.waitFor((e) => e.event === 'ready')).data);
    expect(ready).toEqual({ asOf: app.clock.now().toISOString(), unit: COMMUNE_A });
    expect(JSON.parse((await b.waitFor((e) => e.event === 'ready')).data).unit).toBe(COMMUNE_B);
    await p.waitFor((e) => e.event === 'ready');

    // A dossier event in commune A reaches A and the province…
    await newDossier(app, { unit: COMMUNE_A, procedure, channel: 2, submittedAt: app.clock.now() });
    expect(parse(await a.waitFor(changed))).toEqual({
      asOf: expect.any(String),
      kinds: ['dossiers'],
      units: [COMMUNE_A],
    });
    expect(parse(await p.waitFor(changed)).units).toContain(COMMUNE_A);
    // …and not B: the same pass told every stream, so B's first notice is about its own commune.
    await newDossier(app, { unit: COMMUNE_B, procedure, channel: 1, submittedAt: app.clock.now() });
    const firstOfB = parse(await b.waitFor(changed));
    expect(firstOfB).toMatchObject({ kinds: ['dossiers'], units: [COMMUNE_B] });

    // A directive task assigned to commune A (task events), then a feedback report about A.
    const before = a.events.filter(changed).length;
    const task = await createTask(app, province, {
      title: 'Rà soát hồ sơ quá hạn',
      description: 'Báo cáo kết quả rà soát.',
      workingDays: 5,
      assigneeUnitCodes: [COMMUNE_A],
    });
    expect(task.statusCode, task.body).toBe(201);
    const tasksNotice = await a.waitFor((e) => changed(e) && parse(e).kinds.includes('tasks'));
    expect(parse(tasksNotice).units).toEqual([COMMUNE_A]);
    const report = await fileReport(app, {
      category: 'giao-thong',
      description: 'Ổ gà lớn trước cổng trường tiểu học, xe máy dễ ngã khi trời mưa.',
      communeCode: COMMUNE_A,
    });
    expect(report.statusCode, report.body).toBe(201);
    const feedbackNotice = await a.waitFor(
      (e) => changed(e) && parse(e).kinds.includes('feedback'),
    );
    expect(parse(feedbackNotice).units).toContain(COMMUNE_A);
    expect(a.events.filter(changed).length).toBeGreaterThan(before);
    // B never heard of A's task or report.
    for (const e of b.events.filter(changed)) expect(parse(e).units).toEqual([COMMUNE_B]);

    const hub = app.services.dashboard.ops.live;
    expect(hub.size).toBe(3);
    for (const s of [a, b, p]) s.close();
    const limit = Date.now() + 10_000;
    while (hub.size > 0 && Date.now() < limit) await new Promise((r) => setTimeout(r, 50));
    expect(hub.size).toBe(0);
  }, 120_000);

  it('refuses without a session (401), outside the viewer scope and without dashboard.read (403)', async () => {
    const anonymous = await fetch(`${base}/api/dashboard/live`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');

    const leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
    const foreign = await fetch(`${base}/api/dashboard/live?unit=${COMMUNE_B}`, {
      headers: { cookie: leaderA.cookie },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('content-type')).toContain('application/json');
    const up = await fetch(`${base}/api/dashboard/live?unit=${PROVINCE}`, {
      headers: { cookie: leaderA.cookie },
    });
    expect(up.status).toBe(403);

    const specialist = await makeOfficer(app, [{ role: 'specialist', unitCode: COMMUNE_A }]);
    const signed = await signInOfficer(app, specialist);
    const refused = await fetch(`${base}/api/dashboard/live?unit=${COMMUNE_A}`, {
      headers: { cookie: signed.cookie },
    });
    expect(refused.status).toBe(403);
    expect(app.services.dashboard.ops.live.size).toBe(0);
  });
});

describe('TableCursor', () => {
  const row = (id: number) => ({ id: BigInt(id), units: ['24133'] });

  it('waits for ids committed out of order and forgets the ones that never come', () => {
    const cursor = new TableCursor(10n);
    // 11 and 12 are still in flight when 13 commits.
    expect(cursor.advance([row(13)]).map((r) => r.id)).toEqual([13n]);
    expect(cursor.pendingGaps()).toEqual([11n, 12n]);
    // 12 commits: reported once; 13 is not reported again.
    expect(cursor.advance([row(12), row(13)]).map((r) => r.id)).toEqual([12n]);
    expect(cursor.pendingGaps()).toEqual([11n]);
    // 11 was rolled back: it ages out.
    for (let i = 0; i < 200; i++) cursor.advance([]);
    expect(cursor.pendingGaps()).toEqual([]);
    expect(cursor.last).toBe(13n);
  });
});
