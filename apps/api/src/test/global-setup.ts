import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrator';
import { seedCalendar } from '../modules/calendar/calendar.seed';
import { seedCatalogue } from '../modules/catalogue/catalogue.seed';
import { seedFeedback } from '../modules/feedback/feedback.seed';
import { seedUnits } from '../modules/units/units.seed';

/**
 * PGlite's initdb costs seconds per instance. Build one migrated, seeded database per test run
 * and let each test file start from a copy of its data directory (PGlite's dump/load), instead of
 * running initdb, the migrations and the seed again in every file.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => {};
  const handle = await openDatabase({});
  await migrate(handle.db);
  await seedUnits(handle.db);
  await seedCatalogue(handle.db);
  await seedCalendar(handle.db);
  await seedFeedback(handle.db);
  const dump = await handle.dumpDataDir();
  await handle.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-pglite-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
