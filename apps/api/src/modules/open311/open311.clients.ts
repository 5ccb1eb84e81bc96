import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import { randomToken, sha256Hex } from '../../lib/tokens';
import { appendAudit } from '../audit/audit.service';
import type { Open311ClientRow } from './open311.tables';

/** Fixed id: every start of a demo replaces the one demo client's key instead of adding one. */
export const DEMO_CLIENT_ID = '00000000-0000-4311-8000-000000000311';

/** A new API key: 192 random bits, URL-safe, prefixed so a leaked one is recognisable. */
export function newApiKey(): string {
  return `o311_${randomToken(24)}`;
}

/**
 * Demo mode: one client whose key is OPEN311_DEMO_API_KEY (or the random key printed at start).
 * Production: no demo client may work, even in a database that once ran as a demo.
 */
export async function seedOpen311Clients(
  db: Db,
  clock: Clock,
  demoApiKey: string | null,
): Promise<void> {
  if (!demoApiKey) {
    await db
      .updateTable('open311_clients')
      .set({ active: false })
      .where('is_demo', '=', true)
      .execute();
    return;
  }
  await db
    .insertInto('open311_clients')
    .values({
      id: DEMO_CLIENT_ID,
      name: 'Ứng dụng thử nghiệm Open311 (DEMO)',
      api_key_hash: sha256Hex(demoApiKey),
      active: true,
      is_demo: true,
      created_at: clock.now(),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ api_key_hash: sha256Hex(demoApiKey), active: true }),
    )
    .execute();
}

/** Administration of Open311 clients: the key is returned once and only its hash is stored. */
export class Open311Clients {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  list(): Promise<Open311ClientRow[]> {
    return this.deps.db.selectFrom('open311_clients').selectAll().orderBy('created_at').execute();
  }

  async create(
    actor: Actor,
    name: string,
    requestId: string,
  ): Promise<{ id: string; name: string; apiKey: string }> {
    const apiKey = newApiKey();
    const id = randomUUID();
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('open311_clients')
        .values({
          id,
          name,
          api_key_hash: sha256Hex(apiKey),
          active: true,
          is_demo: false,
          created_at: this.deps.clock.now(),
        })
        .execute();
      await appendAudit(trx, this.deps.clock, {
        actor,
        action: 'open311.client.create',
        objectType: 'open311_client',
        objectId: id,
        requestId,
        details: { name },
      });
    });
    return { id, name, apiKey };
  }

  /** Turns a client off; its key stops working at once. Returns false when there is none. */
  async deactivate(actor: Actor, id: string, requestId: string): Promise<boolean> {
    return this.deps.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('open311_clients')
        .set({ active: false })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await appendAudit(trx, this.deps.clock, {
        actor,
        action: 'open311.client.deactivate',
        objectType: 'open311_client',
        objectId: id,
        requestId,
      });
      return true;
    });
  }
}
