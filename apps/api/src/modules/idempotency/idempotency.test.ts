import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { FixedClock } from '../../lib/clock';
import { createTestDatabase } from '../../test/test-db';
import { parseIdempotencyKey, requestHash, runIdempotent } from './idempotency.service';

const clock = new FixedClock(new Date('2026-05-04T02:00:00Z'));
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await sql`create table side_effects (id serial primary key, note text not null)`.execute(
    database.db,
  );
});
afterAll(async () => {
  await database.close();
});

async function effectCount(note: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from side_effects where note = ${note}`.execute(database.db);
  return rows[0]!.n;
}

function doWork(note: string) {
  return async (trx: typeof database.db) => {
    const { rows } = await sql<{
      id: number;
    }>`insert into side_effects (note) values (${note}) returning id`.execute(trx);
    return { statusCode: 201, body: { id: rows[0]!.id, note } };
  };
}

describe('runIdempotent', () => {
  it('replays the first answer for the same key and body', async () => {
    const id = {
      scope: 'user-1',
      key: 'khoa-12345678',
      requestHash: requestHash('POST', '/x', { a: 1 }),
    };
    const first = await runIdempotent(database.db, clock, id, doWork('same'));
    const second = await runIdempotent(database.db, clock, id, doWork('same'));
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await effectCount('same')).toBe(1);
  });

  it('refuses the same key with another body, and changes nothing', async () => {
    const key = 'khoa-khac-noi-dung';
    await runIdempotent(
      database.db,
      clock,
      { scope: 'user-1', key, requestHash: requestHash('POST', '/x', { a: 1 }) },
      doWork('body-a'),
    );
    await expect(
      runIdempotent(
        database.db,
        clock,
        { scope: 'user-1', key, requestHash: requestHash('POST', '/x', { a: 2 }) },
        doWork('body-b'),
      ),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await effectCount('body-b')).toBe(0);
  });

  it('keeps keys apart per scope (two users may pick the same key)', async () => {
    const hash = requestHash('POST', '/x', {});
    await runIdempotent(
      database.db,
      clock,
      { scope: 'user-a', key: 'trung-khoa-01', requestHash: hash },
      doWork('scope'),
    );
    await runIdempotent(
      database.db,
      clock,
      { scope: 'user-b', key: 'trung-khoa-01', requestHash: hash },
      doWork('scope'),
    );
    expect(await effectCount('scope')).toBe(2);
  });

  it('executes exactly once under 20 concurrent duplicates', async () => {
    const id = {
      scope: 'user-2',
      key: 'dong-thoi-0001',
      requestHash: requestHash('POST', '/x', { n: 20 }),
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => runIdempotent(database.db, clock, id, doWork('concurrent'))),
    );
    expect(await effectCount('concurrent')).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it('lets a retry do the work when the first attempt failed and rolled back', async () => {
    const id = { scope: 'user-3', key: 'that-bai-01', requestHash: requestHash('POST', '/x', {}) };
    await expect(
      runIdempotent(database.db, clock, id, async (trx) => {
        await doWork('rolled-back')(trx);
        throw new Error('database hiccup');
      }),
    ).rejects.toThrow('database hiccup');
    expect(await effectCount('rolled-back')).toBe(0);
    const retry = await runIdempotent(database.db, clock, id, doWork('rolled-back'));
    expect(retry.replayed).toBe(false);
    expect(await effectCount('rolled-back')).toBe(1);
  });

  it('validates the key format', () => {
    expect(() => parseIdempotencyKey('ngan')).toThrow();
    expect(() => parseIdempotencyKey(undefined)).toThrow();
    expect(() => parseIdempotencyKey('a'.repeat(129))).toThrow();
    expect(parseIdempotencyKey('0b0f8e3c-5d1e-4a7a-9f7e-2b1c3d4e5f60')).toBe(
      '0b0f8e3c-5d1e-4a7a-9f7e-2b1c3d4e5f60',
    );
  });
});
