import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrate } from './migrator';

/** Runs against an EMPTY database: PGlite from initdb, or a new PostgreSQL schema in CI. */
async function emptyDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) return { handle: await openDatabase({}), drop: async () => {} };
  const schema = `mig_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ url, poolMax: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  return {
    handle: await openDatabase({ url, schema, poolMax: 2 }),
    drop: async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(admin.db);
      await admin.close();
    },
  };
}

describe('migrations', () => {
  it('apply from empty, then re-running is a no-op', async () => {
    const { handle, drop } = await emptyDatabase();
    try {
      const first = await migrate(handle.db);
      expect(first.applied.length).toBeGreaterThan(0);
      expect(first.applied[0]).toBe('0001_foundation.sql');
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = current_schema()`.execute(
        handle.db,
      );
      expect(tables.rows.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['units', 'users', 'grants', 'sessions', 'audit_log', 'audit_head']),
      );
      const second = await migrate(handle.db);
      expect(second).toEqual({ applied: [], skipped: first.applied });
    } finally {
      await handle.close();
      await drop();
    }
  }, 60_000);

  it('refuses to run when an applied migration was edited', async () => {
    const { handle, drop } = await emptyDatabase();
    try {
      await migrate(handle.db);
      await sql`update schema_migrations set checksum = 'changed' where name = '0001_foundation.sql'`.execute(
        handle.db,
      );
      await expect(migrate(handle.db)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await handle.close();
      await drop();
    }
  }, 60_000);
});
