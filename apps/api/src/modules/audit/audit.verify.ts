import type { Db } from '../../db/client';
import { auditHash, GENESIS_HASH } from './audit.hash';

export type AuditVerification =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; brokenAtId: number | null; reason: string };

/**
 * Walks the audit chain in id order and reports the first broken link: a row whose content no
 * longer matches its hash (edited), whose prev_hash is not the previous row's hash (a row before
 * it was deleted or inserted), or a head that does not match the last row (newest rows deleted).
 */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of batch) {
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          brokenAtId: row.id,
          reason:
            'prev_hash does not match the previous row (a row was deleted or inserted before this one)',
        };
      }
      const expected = auditHash(row.prev_hash, {
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorKind: row.actor_kind,
        actorRole: row.actor_role,
        unitCode: row.unit_code,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        outcome: row.outcome,
        requestId: row.request_id,
        details: row.details,
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          rows,
          brokenAtId: row.id,
          reason: 'row content does not match its hash (the row was edited)',
        };
      }
      prevHash = row.hash;
      lastId = row.id;
      rows += 1;
    }
    if (batch.length < batchSize) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash'])
    .executeTakeFirst();
  const headHash = head?.last_hash ?? GENESIS_HASH;
  if (headHash !== prevHash) {
    return {
      ok: false,
      rows,
      brokenAtId: head?.last_id ?? null,
      reason: 'the chain head does not match the last row (the newest rows were deleted)',
    };
  }
  return { ok: true, rows, headHash };
}
