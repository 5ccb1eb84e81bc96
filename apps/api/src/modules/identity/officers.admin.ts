import { createHash, randomUUID } from 'node:crypto';
import type { OfficerRole } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../audit/audit.service';
import { hashPassword } from './passwords';
import { newTotpSecret } from './totp';
import { UsersRepository } from './users.repository';

export interface NewOfficer {
  username: string;
  fullName: string;
  password: string;
  totpSecret?: string;
  grants: { role: OfficerRole; unitCode: string }[];
  isDemo?: boolean;
}

/** Creates an officer with its grants and the audit row, in one transaction. */
export async function createOfficer(
  db: Db,
  clock: Clock,
  officer: NewOfficer,
): Promise<{ id: string; totpSecret: string }> {
  const id = randomUUID();
  const totpSecret = officer.totpSecret ?? newTotpSecret();
  const passwordHash = await hashPassword(officer.password);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const users = new UsersRepository(trx);
    await users.insert({
      id,
      kind: 'officer',
      full_name: officer.fullName,
      username: officer.username,
      password_hash: passwordHash,
      totp_secret: totpSecret,
      is_demo: officer.isDemo ?? false,
      created_at: now,
      updated_at: now,
    });
    for (const g of officer.grants) await users.addGrant(id, g.role, g.unitCode, now);
    await appendAudit(trx, clock, {
      actor: { kind: 'anonymous' },
      action: 'officer.create',
      objectType: 'user',
      objectId: id,
      unitCode: officer.grants[0]?.unitCode ?? null,
      details: {
        username: officer.username,
        grants: officer.grants,
        demo: officer.isDemo ?? false,
      },
    });
  });
  return { id, totpSecret };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Demo accounts' TOTP secrets are derived from the username so that anyone running the demo can
 * compute the codes (`npm run demo:totp -- <username>`). Demo accounts exist only in demo mode.
 */
export function demoTotpSecret(username: string): string {
  const bytes = createHash('sha256').update(`cqs-demo-totp:${username}`).digest().subarray(0, 20);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5)
    out += BASE32[Number.parseInt(bits.slice(i, i + 5), 2)];
  return out;
}
