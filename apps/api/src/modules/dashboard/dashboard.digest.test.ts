import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { makeOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { createProviders } from '../notifications/notifications.providers';
import { silentLogger, startSmtp } from '../notifications/notifications.test-support';
import { OutboxWorker } from '../notifications/notifications.worker';
import { COMMUNE_A, COMMUNE_B, type Officer, officer, PROVINCE } from '../tasks/tasks.test-support';
import { type DigestDeps, runDigest } from './dashboard.digest';
import { event, newDossier, vn } from './dashboard.test-support';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let outbox: OutboxWorker;
let deps: DigestDeps;
let leaderA: Officer;
let leaderB: Officer;
let viewer: Officer;
let dossierCode: string;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await createTestApp({
    clock: new FixedClock(vn('2026-05-04T09:00:00')),
    env: { PUBLIC_URL: 'https://dvc.daklak.example', SMTP_URL: smtp.url },
  });
  const db = app.database.db;
  outbox = new OutboxWorker({
    db,
    clock: app.clock,
    providers: createProviders(app.config.notifications, 'production', silentLogger),
    render: { publicUrl: app.config.publicUrl, portalName: 'Chính quyền số tỉnh Đắk Lắk' },
    logger: silentLogger,
  });
  deps = {
    db,
    clock: app.clock,
    calendar: new CalendarService({
      db,
      repository: new CalendarRepository(db),
      clock: app.clock,
      policy: app.services.policy,
    }),
    alerts: app.services.dashboard.ops.alerts,
    hour: app.config.dashboard.digestHour,
  };
  leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  leaderB = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
  // The steering committee: a viewer at the province who also holds a commune grant (one e-mail).
  viewer = await officer(app, [
    { role: 'dashboard_viewer', unitCode: PROVINCE },
    { role: 'dashboard_viewer', unitCode: COMMUNE_A },
  ]);
  // No e-mail, or not a leader: no digest.
  await makeOfficer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  await officer(app, [{ role: 'specialist', unitCode: COMMUNE_A }]);

  // One dossier of commune A due Wed 6/5 17:00 and still running: overdue from then on.
  const p = await db
    .selectFrom('procedures')
    .select(['code', 'current_version'])
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const id = await newDossier(app, {
    unit: COMMUNE_A,
    procedure: { code: p.code, version: p.current_version },
    channel: 2,
    submittedAt: vn('2026-05-04T08:00:00'),
  });
  await event(app, id, 'accepted', vn('2026-05-04T09:00:00'), {
    state: 'accepted',
    status_code: 2,
    accepted_at: vn('2026-05-04T09:00:00'),
    time_limit_amount: 3,
    time_limit_unit: 'working_days',
    due_at: vn('2026-05-06T17:00:00'),
  });
  dossierCode = (
    await db.selectFrom('dossiers').select('code').where('id', '=', id).executeTakeFirstOrThrow()
  ).code!;
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const unitName = async (code: string) =>
  (
    await app.database.db
      .selectFrom('units')
      .select('full_name')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).full_name;

describe('daily digest to leaders', () => {
  it('waits for the configured hour (07:00 Vietnam time by default)', async () => {
    expect(app.config.dashboard.digestHour).toBe(7);
    app.clock.set(vn('2026-05-07T06:59:00'));
    expect(await runDigest(deps)).toEqual({ ran: false, reason: 'before_hour' });
  });

  it('queues one Vietnamese e-mail per leader with alerts, delivered over SMTP; once a day', async () => {
    app.clock.set(vn('2026-05-07T07:00:00'));
    const outcome = await runDigest(deps);
    // Recipients: leaders A and B, the viewer, and the leader without e-mail is not one.
    expect(outcome).toEqual({ ran: true, day: '2026-05-07', recipients: 3, queued: 2 });
    expect(await outbox.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    const to = (o: Officer) => smtp.received.filter((m) => m.envelopeTo.includes(o.email));
    expect(to(leaderB)).toHaveLength(0);

    const [mailA] = to(leaderA);
    const nameA = await unitName(COMMUNE_A);
    expect(mailA!.parsed.subject).toBe(`Tóm tắt cảnh báo ngày 07/05/2026 – ${nameA}`);
    const text = mailA!.parsed.text ?? '';
    expect(text).toContain(`Bảng điều hành tóm tắt những việc cần chú ý của ${nameA}`);
    expect(text).toContain('- Hồ sơ quá hạn: 1\n');
    expect(text).toContain('- Nhiệm vụ quá hạn: 0\n');
    expect(text).toContain(`1. ${nameA}: 1 hồ sơ quá hạn (${dossierCode})`);
    expect(text).toContain('Mở bảng điều hành: https://dvc.daklak.example/can-bo/dieu-hanh');

    const [mailViewer] = to(viewer);
    expect(mailViewer!.parsed.subject).toBe(
      `Tóm tắt cảnh báo ngày 07/05/2026 – ${await unitName(PROVINCE)}`,
    );
    expect(mailViewer!.parsed.text).toContain(`1. ${nameA}: 1 hồ sơ quá hạn`);
    // Both grants of the viewer are covered by the province one: the dossier is listed once.
    expect(mailViewer!.parsed.text?.match(/hồ sơ quá hạn \(/g)).toHaveLength(1);

    // Later passes the same day send nothing; nor would a pass whose day marker was lost.
    app.clock.set(vn('2026-05-07T15:00:00'));
    expect(await runDigest(deps)).toEqual({ ran: false, reason: 'done' });
    await app.database.db.deleteFrom('dashboard_digest_days').execute();
    expect(await runDigest(deps)).toMatchObject({ ran: true, queued: 0 });
    expect(await outbox.runOnce()).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('skips days off and sends again the next working day', async () => {
    app.clock.set(vn('2026-05-10T08:00:00')); // Sunday
    expect(await runDigest(deps)).toEqual({ ran: false, reason: 'day_off' });
    app.clock.set(vn('2026-05-11T07:30:00'));
    expect(await runDigest(deps)).toMatchObject({ ran: true, day: '2026-05-11', queued: 2 });
    const keys = await app.database.db
      .selectFrom('outbox')
      .select('dedupe_key')
      .where('template', '=', 'dashboard.digest')
      .orderBy('dedupe_key')
      .execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual(
      [
        `dashboard.digest:2026-05-07:${leaderA.id}`,
        `dashboard.digest:2026-05-07:${viewer.id}`,
        `dashboard.digest:2026-05-11:${leaderA.id}`,
        `dashboard.digest:2026-05-11:${viewer.id}`,
      ].sort(),
    );
  });
});
