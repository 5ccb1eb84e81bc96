import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { openDatabase } from '../../db/client';
import { migrate } from '../../db/migrator';
import { FixedClock } from '../../lib/clock';
import { createTestDatabase } from '../../test/test-db';
import { appendAudit } from './audit.service';
import { verifyAuditChain } from './audit.verify';

const clock = new FixedClock(new Date('2026-03-02T02:00:00Z'));
let database: DatabaseHandle;

async function append(n: number, prefix = 'test.action') {
  for (let i = 0; i < n; i++) {
    clock.advance(1_000);
    await database.db.transaction().execute((trx) =>
      appendAudit(trx, clock, {
        actor: { kind: 'anonymous' },
        action: `${prefix}.${i}`,
        unitCode: '24133',
        objectType: 'thing',
        objectId: String(i),
        details: { b: 2, a: { z: 1, y: [1, 'hai'] }, note: 'Ghi chú tiếng Việt' },
      }),
    );
  }
}

/** Starts a case from an empty log (bypassing the guards, as only a test may). */
async function resetLog() {
  await sql
    .raw(
      'alter table audit_log disable trigger user; delete from audit_log; delete from audit_head; alter table audit_log enable trigger user',
    )
    .execute(database.db);
}

/** Tampering needs the append-only trigger out of the way, as an attacker with DB access would. */
async function tamper(statement: string) {
  await sql
    .raw(
      `alter table audit_log disable trigger audit_log_no_update; ${statement}; alter table audit_log enable trigger audit_log_no_update`,
    )
    .execute(database.db);
}

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.close();
});

describe('hash-chained audit log', () => {
  it('verifies a clean log', async () => {
    await append(5);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, rows: 5 });
  });

  it('is append-only: updates, deletes and truncation are refused by the database', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('rolls back with the change it records', async () => {
    const before = await verifyAuditChain(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendAudit(trx, clock, { actor: { kind: 'anonymous' }, action: 'doomed' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await verifyAuditChain(database.db);
    expect(after).toEqual(before);
  });

  it('detects an edited row and names it', async () => {
    await resetLog();
    {
      await append(4);
      const third = await database.db
        .selectFrom('audit_log')
        .select('id')
        .orderBy('id')
        .offset(2)
        .limit(1)
        .executeTakeFirstOrThrow();
      await tamper(`update audit_log set outcome = 'failure' where id = ${third.id}`);
      const result = await verifyAuditChain(database.db);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.brokenAtId).toBe(third.id);
        expect(result.reason).toMatch(/edited/);
      }
    }
  });

  it('detects a deleted row in the middle and a deleted newest row', async () => {
    await resetLog();
    {
      await append(4);
      const ids = (
        await database.db.selectFrom('audit_log').select('id').orderBy('id').execute()
      ).map((r) => r.id);
      await tamper(`delete from audit_log where id = ${ids[1]}`);
      const middle = await verifyAuditChain(database.db);
      expect(middle).toMatchObject({ ok: false, brokenAtId: ids[2] });

      await resetLog();
      await append(3);
      await tamper('delete from audit_log where id = (select max(id) from audit_log)');
      const result = await verifyAuditChain(database.db);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/newest rows were deleted/);
    }
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on a clean log and 1 with the broken row on a tampered one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-audit-'));
    const url = process.env.DATABASE_URL;
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    let schema: string | undefined;
    if (url) {
      schema = `audit_cli_${Date.now()}`;
      const admin = await openDatabase({ url });
      await sql.raw(`create schema ${schema}`).execute(admin.db);
      await admin.close();
      // libpq's options parameter in the URL selects the schema for the CLI process.
      env.DATABASE_URL = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    }
    const target = await openDatabase({
      url: env.DATABASE_URL ?? undefined,
      pgliteDir: url ? undefined : path.join(dataDir, 'pglite'),
    });
    await migrate(target.db);
    const saved = database;
    database = target;
    await append(3);
    database = saved;
    await target.close();

    const run = promisify(execFile);
    const cli = path.resolve(__dirname, '../../cli/audit-verify.ts');
    const tsx = path.resolve(__dirname, '../../../../../node_modules/.bin/tsx');
    const ok = await run(tsx, [cli], { env });
    expect(ok.stdout).toMatch(/intact: 3 rows/);

    const again = await openDatabase({
      url: env.DATABASE_URL ?? undefined,
      pgliteDir: url ? undefined : path.join(dataDir, 'pglite'),
    });
    await sql
      .raw(
        `alter table audit_log disable trigger audit_log_no_update; update audit_log set action = 'sửa' where id = (select min(id) from audit_log)`,
      )
      .execute(again.db);
    await again.close();
    const broken = await run(tsx, [cli], { env }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at row \d+/);

    if (url && schema) {
      const admin = await openDatabase({ url });
      await sql.raw(`drop schema ${schema} cascade`).execute(admin.db);
      await admin.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
