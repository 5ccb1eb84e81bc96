import type { Db } from '../../db/client';
import './dashboard.ops.tables';

export interface DigestRecipient {
  id: string;
  email: string;
  fullName: string;
  /** Units where the officer holds a digest role. */
  unitCodes: string[];
}

/** SQL of the daily digest: who gets it, and whether today's run has finished. */
export class DigestRepository {
  constructor(private readonly db: Db) {}

  /** Enabled officers with an e-mail who hold one of `roles` somewhere, with those units. */
  async recipients(roles: readonly string[]): Promise<DigestRecipient[]> {
    const rows = await this.db
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .select(['users.id', 'users.email', 'users.full_name', 'grants.unit_code'])
      .where('grants.role', 'in', [...roles])
      .where('users.disabled', '=', false)
      .where('users.email', 'is not', null)
      .orderBy('users.id')
      .orderBy('grants.unit_code')
      .execute();
    const out = new Map<string, DigestRecipient>();
    for (const r of rows) {
      const entry = out.get(r.id) ?? {
        id: r.id,
        email: r.email!,
        fullName: r.full_name,
        unitCodes: [],
      };
      if (!entry.unitCodes.includes(r.unit_code)) entry.unitCodes.push(r.unit_code);
      out.set(r.id, entry);
    }
    return [...out.values()];
  }

  async dayDone(day: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('dashboard_digest_days')
      .select('day')
      .where('day', '=', day)
      .executeTakeFirst();
    return !!row;
  }

  async markDone(day: string, recipients: number, queued: number, at: Date): Promise<void> {
    await this.db
      .insertInto('dashboard_digest_days')
      .values({ day, recipients, queued, finished_at: at })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
  }
}
