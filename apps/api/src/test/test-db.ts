import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client';
import { migrate } from '../db/migrator';
import { seedCalendar } from '../modules/calendar/calendar.seed';
import { seedCatalogue } from '../modules/catalogue/catalogue.seed';
import { seedFeedback } from '../modules/feedback/feedback.seed';
import { seedUnits } from '../modules/units/units.seed';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; on PostgreSQL
 * (DATABASE_URL set, as in CI) a new schema of its own, dropped at close.
 */
export async function createTestDatabase(
  options: { seed?: boolean } = {},
): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ url, poolMax: 1 });
    await sql.raw(`create schema ${schema}`).execute(admin.db);
    await admin.close();
    const inner = await openDatabase({ url, schema, poolMax: 5 });
    handle = {
      ...inner,
      close: async () => {
        await inner.close();
        const cleanup = await openDatabase({ url, poolMax: 1 });
        await sql.raw(`drop schema if exists ${schema} cascade`).execute(cleanup.db);
        await cleanup.close();
      },
    };
  } else {
    const template = inject('pgliteTemplate');
    handle = await openDatabase(
      template ? { pgliteTemplate: new Blob([fs.readFileSync(template)]) } : {},
    );
  }
  await migrate(handle.db);
  if (options.seed !== false) {
    await seedUnits(handle.db);
    // PGlite copies a template that is already seeded; PostgreSQL schemas start empty.
    if (url) {
      await seedCatalogue(handle.db);
      await seedCalendar(handle.db);
      await seedFeedback(handle.db);
    }
  }
  return handle;
}
