import path from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrator';
import { startLocalIdp } from './idp/local-idp';
import { offsetClock } from './lib/clock';
import { seedCalendar } from './modules/calendar/calendar.seed';
import { seedCatalogue } from './modules/catalogue/catalogue.seed';
import { seedFeedback } from './modules/feedback/feedback.seed';
import { DiskFileStorage } from './modules/files/files.storage';
import { DEMO_PASSWORD, seedDemoOfficers } from './modules/identity/demo-accounts';
import { createNationalSyncWorker } from './modules/national-sync/national-sync.module';
import { createProviders } from './modules/notifications/notifications.providers';
import { OutboxWorker } from './modules/notifications/notifications.worker';
import { seedDemoShowcases } from './modules/showcase/showcase.demo';
import { seedDemoTeams } from './modules/teams/teams.demo';
import { seedUnits } from './modules/units/units.seed';

/** Process entry: configuration, database, reference data, identity provider, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    poolMax: config.databasePoolMax,
  });
  await migrate(database.db);
  await seedUnits(database.db);
  await seedCatalogue(database.db);
  await seedCalendar(database.db);
  await seedFeedback(database.db);

  let idp: Awaited<ReturnType<typeof startLocalIdp>> | null = null;
  if (config.mode === 'demo' && !config.oidc.issuer) {
    // The provider is reached under the same host name as the portal, so a phone on the local
    // network that opens the portal by IP address is also sent to the provider by that address.
    const portalUrl = new URL(config.publicUrl);
    idp = await startLocalIdp({
      port: config.oidc.localIdpPort,
      host: config.host,
      ...(config.oidc.localIdpPort
        ? { issuer: `${portalUrl.protocol}//${portalUrl.hostname}:${config.oidc.localIdpPort}` }
        : {}),
      clients: [
        {
          clientId: config.oidc.clientId,
          clientSecret: config.oidc.clientSecret,
          redirectUris: [`${config.publicUrl}/api/auth/oidc/callback`],
        },
      ],
    });
    config.oidc.issuer = idp.issuer;
  }
  const clock = offsetClock(config.clockOffsetMs);
  const demoOfficers = config.mode === 'demo' ? await seedDemoOfficers(database.db, clock) : [];
  // Labelled demo teams for the 102 communes; one member is linked to the demo officer demo.eakar.
  if (config.mode === 'demo')
    await seedDemoTeams(database.db, clock, { linkUsername: 'demo.eakar' });

  // Labelled demo commune showcases with drawn placeholder pictures, before listening like the
  // teams: a test that starts once the server is ready finds them.
  if (config.mode === 'demo') {
    await seedDemoShowcases({
      db: database.db,
      clock,
      storage: new DiskFileStorage(path.join(config.dataDir, 'files'), {
        forbiddenRoots: [config.webDistDir],
      }),
    });
  }
  const app = await buildApp({ config, database, clock });
  const listeningAt = await app.server.listen({ port: config.port, host: config.host });
  const outbox = new OutboxWorker({
    db: database.db,
    clock,
    providers: createProviders(config.notifications, config.mode, app.server.log),
    render: {
      publicUrl: config.publicUrl,
      portalName: `Chính quyền số tỉnh ${config.province.name}`,
    },
    logger: app.server.log,
    pollMs: config.notifications.pollMs,
  });
  outbox.start();
  // Feed to the national portal; null in production without NATIONAL_SYNC_URL (records wait).
  const nationalSync = createNationalSyncWorker({
    db: database.db,
    clock,
    config,
    logger: app.server.log,
    listeningAt,
  });
  nationalSync?.start();
  // Community feedback: escalation when overdue, auto-close 7 days after the answer, due-soon notices.
  const feedbackWorker = app.services.feedback.createWorker({
    intervalMs: 60_000,
    logger: app.server.log,
  });
  feedbackWorker.start();
  // Directive tasks: labelled demo tasks (demo mode, once), reminders and escalation.
  if (config.mode === 'demo') await app.services.tasks.seedDemo();
  const taskWorker = app.services.tasks.createWorker({
    intervalMs: 60_000,
    logger: app.server.log,
  });
  taskWorker.start();
  // Operations dashboard: the leaders' daily digest of alerts (from DASHBOARD_DIGEST_HOUR).
  const digestWorker = app.services.dashboard.ops.createDigestWorker({
    intervalMs: 60_000,
    logger: app.server.log,
  });
  digestWorker.start();
  // The assistant's index and the feedback classifier are built now, not on a first question.
  setTimeout(() => {
    app.services.assistant
      .warmUp()
      .catch((error) => app.server.log.error({ err: error }, 'assistant warm-up failed'));
  }, 0);

  const lines = [
    '',
    `Chính quyền số đang chạy / is running: ${config.publicUrl}`,
    `  API docs: ${config.publicUrl}/api/docs`,
    `  Database: ${database.kind === 'pglite' ? `PGlite (${path.join(config.dataDir, 'pglite')})` : 'PostgreSQL'}`,
  ];
  if (config.clockOffsetMs) {
    lines.push(`  Đồng hồ DEMO (DEMO_CLOCK_OFFSET_MS): ${clock.now().toISOString()}`);
  }
  if (idp)
    lines.push(
      `  Nhà cung cấp định danh thử nghiệm (development identity provider): ${idp.issuer}`,
    );
  if (demoOfficers.length) {
    lines.push(
      '',
      `  Tài khoản cán bộ DEMO (mật khẩu chung / password: ${DEMO_PASSWORD}; mã TOTP: npm run demo:totp -- <tên>)`,
    );
    for (const o of demoOfficers) {
      lines.push(
        `    ${o.username.padEnd(24)} ${o.grants.map((g) => `${g.role}@${g.unitCode}`).join(', ')}`,
      );
    }
    lines.push('  Công dân: bấm "Đăng nhập" trên cổng và chọn một công dân mẫu.');
  }
  if (config.open311.demoApiKey) {
    lines.push(
      '',
      `  Open311 GeoReport v2: ${config.publicUrl}/open311/v2/discovery.json`,
      `    api_key DEMO (OPEN311_DEMO_API_KEY): ${config.open311.demoApiKey}`,
    );
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.server.log.info({ signal }, 'shutting down');
    // The sync send in flight is cut short (recorded as a retry) while its target still answers.
    await nationalSync?.stop();
    await feedbackWorker.stop();
    await taskWorker.stop();
    await digestWorker.stop();
    await app.server.close();
    // Sends in flight record their outcome before the database goes away.
    await outbox.stop();
    await idp?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
