import { randomUUID } from 'node:crypto';
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
