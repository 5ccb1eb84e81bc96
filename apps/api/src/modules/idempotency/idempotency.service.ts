import { sql } from 'kysely';
import type { Db } from '../../db/client';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { sha256Hex } from '../../lib/tokens';
import { canonicalJson } from '../audit/audit.hash';
import './idempotency.tables';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
const RETENTION_MS = 24 * 3_600_000;

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
  /** True when this answer is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

export function parseIdempotencyKey(header: unknown): string {
  if (typeof header !== 'string' || !KEY_PATTERN.test(header))
    throw new AppError('IDEMPOTENCY_KEY_INVALID');
  return header;
}

export function requestHash(method: string, route: string, body: unknown): string {
  return sha256Hex(`${method} ${route}\n${canonicalJson(body)}`);
}

/**
 * Runs `work` at most once per (scope, key). The key row is inserted first, inside the same
 * transaction as the work, and completed with the answer before commit. A concurrent duplicate's
 * insert waits on the primary key until the first transaction ends: after a commit it finds the
 * stored answer and replays it; after a rollback its own insert succeeds and it does the work.
 * The same key with another body is refused. (On PGlite transactions are serialised anyway.)
 */
export async function runIdempotent<T>(
  db: Db,
  clock: Clock,
  id: { scope: string; key: string; requestHash: string },
  work: (trx: Db) => Promise<{ statusCode: number; body: T }>,
): Promise<IdempotentResult<T>> {
  return db.transaction().execute(async (trx) => {
    const now = clock.now();
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({
        scope: id.scope,
        key: id.key,
        request_hash: id.requestHash,
        status_code: 0,
        response: 'null',
        created_at: now,
        expires_at: new Date(now.getTime() + RETENTION_MS),
      })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();

    if (!claimed) {
      const existing = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('scope', '=', id.scope)
        .where('key', '=', id.key)
        .executeTakeFirstOrThrow();
      if (existing.request_hash !== id.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { statusCode: existing.status_code, body: existing.response as T, replayed: true };
    }

    const result = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: result.statusCode, response: JSON.stringify(result.body) })
      .where('scope', '=', id.scope)
      .where('key', '=', id.key)
      .execute();
    return { ...result, replayed: false };
  });
}

/**
 * The stored answer for this key, if any, without taking part in a transaction: lets a caller
 * replay before doing preparatory reads that a completed request would now fail (e.g. "already
 * submitted"). `runIdempotent` still decides races.
 */
export async function findStoredAnswer<T>(
  db: Db,
  id: { scope: string; key: string; requestHash: string },
): Promise<IdempotentResult<T> | null> {
  const existing = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', id.scope)
    .where('key', '=', id.key)
    .executeTakeFirst();
  if (!existing || existing.status_code === 0) return null;
  if (existing.request_hash !== id.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { statusCode: existing.status_code, body: existing.response as T, replayed: true };
}

/** Drops answers older than the retention period (run by a periodic job). */
export async function purgeIdempotencyKeys(db: Db, clock: Clock): Promise<number> {
  const result = await sql`delete from idempotency_keys where expires_at <= ${clock.now()}`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}
