/**
 * The server under load, in its own process (forked by load.ts): the real app built as
 * server.ts builds it, on the benchmark's PostgreSQL database or an embedded PGlite in a
 * temporary directory, plus the ceiling server on the same database handle. It seeds what the
 * scenarios need, sends the fixtures to the driver, then answers its requests over IPC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../../apps/api/src/app';
import { loadConfig } from '../../apps/api/src/config';
import { openDatabase } from '../../apps/api/src/db/client';
import { migrate } from '../../apps/api/src/db/migrator';
import { systemClock } from '../../apps/api/src/lib/clock';
import { seedCalendar } from '../../apps/api/src/modules/calendar/calendar.seed';
import { seedCatalogue } from '../../apps/api/src/modules/catalogue/catalogue.seed';
import { seedFeedback } from '../../apps/api/src/modules/feedback/feedback.seed';
import { seedUnits } from '../../apps/api/src/modules/units/units.seed';
import { CEILING_ROWS, startCeiling } from './load.ceiling';
import {
  cloneDrafts,
  makeResidents,
  makeTemplateDrafts,
  PROCEDURE_CODE,
  pointsInsideCommunes,
  signInDashboardViewer,
  submitForTracking,
} from './load.fixtures';
import type { FromServer, RowCounts, ServerOptions, ToServer } from './load.protocol';

const OPEN311_KEY = 'bench-load-open311-key-0123456789';
const TRACKED_DOSSIERS = 100;

const send = (message: FromServer) => process.send?.(message);
const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-load-'));

async function main(): Promise<void> {
  const database = await openDatabase(
    options.databaseUrl
      ? { url: options.databaseUrl, poolMax: options.poolMax }
      : { pgliteDir: path.join(dataDir, 'pglite') },
  );
  await migrate(database.db);
  await seedUnits(database.db);
  await seedCatalogue(database.db);
  await seedCalendar(database.db);
  await seedFeedback(database.db);
  // Every request comes from 127.0.0.1: the per-address limits would refuse the load itself.
  const unlimited = '100000000';
  const config = loadConfig({
    NODE_ENV: 'production',
    APP_MODE: 'demo',
    LOG_LEVEL: options.logLevel,
    DATA_DIR: dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    DATABASE_POOL_MAX: String(options.poolMax),
    RATE_LIMIT_PER_MINUTE: unlimited,
    TRACKING_RATE_LIMIT_PER_MINUTE: unlimited,
    UPLOAD_RATE_LIMIT_PER_MINUTE: unlimited,
    LOGIN_RATE_LIMIT_PER_MINUTE: unlimited,
    OPEN311_DEMO_API_KEY: OPEN311_KEY,
    WEB_DIST_DIR: '/nonexistent',
  });
  const clock = systemClock;
  const app = await buildApp({ config, database, clock });
  const appUrl = await app.server.listen({ port: 0, host: '127.0.0.1' });
  const ceiling = await startCeiling(database.db);

  const db = database.db;
  const residents = await makeResidents(app, db, clock, options.residents);
  const residentIndex = new Map(residents.map((r, i) => [r.id, i]));
  const templates = await makeTemplateDrafts(app, residents);
  const trackingDrafts = await cloneDrafts(db, templates, residentIndex, TRACKED_DOSSIERS);
  const tracking = await submitForTracking(app, residents, trackingDrafts);
  const officerCookie = await signInDashboardViewer(app, db, clock);
  const points = await pointsInsideCommunes(app, db, 20);
  // Built now, as server.ts does at start, not inside the first measured second.
  await app.services.assistant.warmUp();
  await app.server.inject({ url: '/api/procedures?q=khai%20sinh' });
  const today = new Date(clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const yearAgo = new Date(clock.now().getTime() - 364 * 86_400_000).toISOString().slice(0, 10);

  process.on('message', (message: ToServer) => {
    void answer(message).catch((error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  async function answer(message: ToServer): Promise<void> {
    if (message.type === 'drafts') {
      const drafts = await cloneDrafts(db, templates, residentIndex, message.count);
      send({ type: 'drafts', id: message.id, drafts });
    } else if (message.type === 'rss') {
      const memory = process.memoryUsage();
      send({ type: 'rss', id: message.id, rss: memory.rss, heapUsed: memory.heapUsed });
    } else if (message.type === 'counts') {
      send({ type: 'counts', id: message.id, counts: await countRows() });
    } else if (message.type === 'stop') {
      await ceiling.server.close();
      await app.server.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  }
  async function countRows(): Promise<RowCounts> {
    const count = async (table: string) =>
      (await sql.raw<{ n: number }>(`select count(*)::int as n from ${table}`).execute(db)).rows[0]!
        .n;
    return {
      dossiers: await count('dossiers'),
      dossierEvents: await count('dossier_events'),
      auditLog: await count('audit_log'),
      outbox: await count('outbox'),
      feedbackReports: await count('feedback_reports'),
    };
  }

  send({
    type: 'ready',
    fixtures: {
      appUrl,
      ceilingUrl: ceiling.url,
      ceilingRows: CEILING_ROWS,
      database: database.kind,
      residents: residents.map(({ cookie, csrf }) => ({ cookie, csrf })),
      procedureCode: PROCEDURE_CODE,
      tracking,
      officerCookie,
      dashboardQuery: `unit=66&from=${yearAgo}&to=${today}`,
      open311: { apiKey: OPEN311_KEY, serviceCode: 'giao-thong', points },
    },
  });
}

main().catch((error: unknown) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  send({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
