import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './types';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PGlite only: the data directory as a tarball (templates for tests, backups). */
  dumpDataDir(): Promise<Blob>;
  /** Cheap liveness check used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 (bigint) and numeric come back as strings by default; counts and ids in this app fit in a
// JS number, and the audit chain hashes ids as decimal text either way.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));
// Keep DATE columns as 'YYYY-MM-DD' text: a JS Date would shift them by the server's zone.
pg.types.setTypeParser(1082, (v) => v);

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; undefined = in memory. */
  pgliteDir?: string | undefined;
  poolMax?: number;
  /** PostgreSQL schema to use (tests give each file its own). */
  schema?: string;
  /** PGlite: start from this data-directory tarball instead of an empty cluster. */
  pgliteTemplate?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // A lost connection must not crash the process; /readyz reports it and the pool reconnects.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      dumpDataDir: () => Promise.reject(new Error('dumpDataDir is PGlite-only; use pg_dump')),
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  }
  if (options.pgliteDir) fs.mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
    parsers: {
      20: (v: string) => Number.parseInt(v, 10),
      1700: (v: string) => Number.parseFloat(v),
      1082: (v: string) => v,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    dumpDataDir: () => pglite.dumpDataDir('none'),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
