import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from './client';

const migrationsDir = new URL('../../migrations/', import.meta.url);

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies the plain-SQL files of apps/api/migrations in name order, each in its own transaction,
 * recording name and checksum. Re-running is a no-op; an edited, already-applied file is refused
 * because the database would silently differ from the code.
 */
export async function migrate(db: Db): Promise<MigrationResult> {
  await sql`create table if not exists schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);

  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const result: MigrationResult = { applied: [], skipped: [] };

  for (const name of files) {
    const text = fs.readFileSync(new URL(name, migrationsDir), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    await db.transaction().execute(async (trx) => {
      // Serialise concurrent migrators (several API processes starting at once on PostgreSQL).
      await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
      const existing = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('name', '=', name)
        .executeTakeFirst();
      if (existing) {
        if (existing.checksum !== checksum) {
          throw new Error(`Migration ${name} was changed after it was applied`);
        }
        result.skipped.push(name);
        return;
      }
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migrations').values({ name, checksum }).execute();
      result.applied.push(name);
    });
  }
  return result;
}
