import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import { type AuditFields, auditHash, GENESIS_HASH } from './audit.hash';

export interface AuditEntry {
  actor: Actor;
  /** The role the actor acted in, when one applies. */
  role?: string | null;
  unitCode?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  requestId?: string | null;
  details?: Record<string, unknown>;
}

// Any constant: the chain has one writer at a time, across all API processes.
const AUDIT_CHAIN_LOCK = 727275;

/**
 * Appends one row to the hash-chained audit log. Call it with the transaction that makes the
 * change it records, so both commit or neither does.
 */
export async function appendAudit(trx: Db, clock: Clock, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const head = await trx.selectFrom('audit_head').select(['last_hash']).executeTakeFirst();
  const prevHash = head?.last_hash ?? GENESIS_HASH;
  const { rows } = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('audit_log', 'id'))::int8 as id`.execute(trx);
  const id = Number(rows[0]!.id);
  const actor = entry.actor;
  const fields: AuditFields = {
    id,
    at: clock.now(),
    actorId: actor.kind === 'anonymous' ? null : actor.userId,
    actorKind: actor.kind,
    actorRole: entry.role ?? null,
    unitCode: entry.unitCode ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    outcome: entry.outcome ?? 'success',
    requestId: entry.requestId ?? null,
    details: entry.details ?? {},
  };
  const hash = auditHash(prevHash, fields);
  await trx
    .insertInto('audit_log')
    .values({
      id,
      at: fields.at,
      actor_id: fields.actorId,
      actor_kind: fields.actorKind,
      actor_role: fields.actorRole,
      unit_code: fields.unitCode,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      outcome: fields.outcome as 'success',
      request_id: fields.requestId,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  await trx
    .insertInto('audit_head')
    .values({ singleton: true, last_id: id, last_hash: hash })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ last_id: id, last_hash: hash }))
    .execute();
}
