import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { createOfficer } from './officers.admin';
import { totpUri } from './totp';

export class BootstrapAlreadyDoneError extends Error {
  constructor() {
    super(
      'Quản trị viên đầu tiên đã được tạo; lệnh khởi tạo chỉ dùng được một lần. / The first administrator already exists.',
    );
  }
}

export interface BootstrapResult {
  username: string;
  password: string;
  totpSecret: string;
  totpUri: string;
}

/**
 * Creates the first system administrator, once. The single use is enforced by the database: the
 * `first_admin` row is inserted in the same transaction as the check, so two concurrent runs
 * cannot both succeed. The password is generated and shown once; it is never stored in clear.
 */
export async function bootstrapFirstAdmin(
  db: Db,
  clock: Clock,
  input: { username: string; fullName: string; provinceCode: string },
): Promise<BootstrapResult> {
  const claimed = await db.transaction().execute(async (trx) => {
    const done = await trx
      .insertInto('bootstrap_tokens')
      .values({ purpose: 'first_admin', used_at: clock.now() })
      .onConflict((oc) => oc.column('purpose').doNothing())
      .returning('purpose')
      .executeTakeFirst();
    if (!done) return false;
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from grants where role = 'system_admin'`.execute(trx);
    return rows[0]!.n === 0;
  });
  if (!claimed) throw new BootstrapAlreadyDoneError();
  const password = randomBytes(18).toString('base64url');
  const { totpSecret } = await createOfficer(db, clock, {
    username: input.username,
    fullName: input.fullName,
    password,
    grants: [
      { role: 'system_admin', unitCode: input.provinceCode },
      { role: 'province_admin', unitCode: input.provinceCode },
    ],
  });
  return {
    username: input.username,
    password,
    totpSecret,
    totpUri: totpUri(totpSecret, input.username),
  };
}
