import {
  type NationalSyncItem,
  type NationalSyncList,
  type NationalSyncListQuery,
  NationalSyncPayload,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { buildNationalSyncPayload, type NationalSyncInput } from './national-sync.payload';
import { NationalSyncRepository, type SyncListRow } from './national-sync.repository';

export type { NationalSyncInput } from './national-sync.payload';

/**
 * Queues the national-portal record of a dossier event. Call it with the transaction that wrote
 * the event (after the dossier row has its new state), so both commit or neither does. Every
 * event produces exactly one record; calling twice for one event is a no-op. An invalid record
 * throws NATIONAL_SYNC_PAYLOAD_INVALID, which rolls the caller's change back: a state change the
 * portal cannot be told about is not made.
 */
export async function enqueueNationalSync(
  trx: Db,
  clock: Clock,
  input: NationalSyncInput,
): Promise<void> {
  const parsed = NationalSyncPayload.safeParse(buildNationalSyncPayload(input));
  if (!parsed.success) {
    throw new AppError('NATIONAL_SYNC_PAYLOAD_INVALID', {
      fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const repository = new NationalSyncRepository(trx);
  // The event must be this dossier's: a record filed under another dossier would break ordering.
  if ((await repository.dossierOfEvent(input.eventId)) !== input.dossier.id) {
    throw new AppError('NATIONAL_SYNC_PAYLOAD_INVALID');
  }
  await repository.insert({
    dossierId: input.dossier.id,
    eventId: input.eventId,
    eventType: input.eventType,
    statusCode: input.dossier.statusCode,
    payload: parsed.data,
    now: clock.now(),
  });
}

/** Where the worker sends: the real portal, demo's built-in simulator, or nowhere. */
export type NationalSyncTarget = 'portal' | 'simulator' | 'off';

export interface NationalSyncAdminDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  /** Province unit: sync administration is a province-level duty. */
  provinceCode: string;
  target: NationalSyncTarget;
}

/** The administration view: what was sent, what waits, what failed, and retrying failures. */
export class NationalSyncAdmin {
  private readonly repository: NationalSyncRepository;

  constructor(private readonly deps: NationalSyncAdminDeps) {
    this.repository = new NationalSyncRepository(deps.db);
  }

  async list(actor: OfficerActor, query: NationalSyncListQuery): Promise<NationalSyncList> {
    await this.assertAllowed(actor);
    const [counts, rows] = await Promise.all([
      this.repository.counts(),
      this.repository.list({ state: query.state, limit: query.limit + 1, cursor: query.cursor }),
    ]);
    const page = rows.slice(0, query.limit);
    return {
      target: this.deps.target,
      configured: this.deps.target !== 'off',
      counts,
      items: page.map(toItem),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** Failed → pending now, attempts from zero; audited in the same transaction. */
  async retry(actor: OfficerActor, id: number, requestId: string): Promise<{ retried: number }> {
    await this.assertAllowed(actor);
    const existing = await this.repository.find(id);
    if (!existing) throw new AppError('NATIONAL_SYNC_NOT_FOUND');
    const { clock } = this.deps;
    return this.deps.db.transaction().execute(async (trx) => {
      const moved = await new NationalSyncRepository(trx).requeueFailed(clock.now(), id);
      if (moved.length === 0) throw new AppError('NATIONAL_SYNC_NOT_FAILED');
      await appendAudit(trx, clock, {
        actor,
        unitCode: this.deps.provinceCode,
        action: 'national_sync.retry',
        objectType: 'national_sync_record',
        objectId: String(id),
        requestId,
        details: {
          dossierId: existing.dossier_id,
          eventType: existing.event_type,
          attempts: existing.attempts,
          lastStatus: existing.last_status,
        },
      });
      return { retried: 1 };
    });
  }

  /** Every failed record back to pending, with one audit row naming them. */
  async retryAllFailed(actor: OfficerActor, requestId: string): Promise<{ retried: number }> {
    await this.assertAllowed(actor);
    const { clock } = this.deps;
    return this.deps.db.transaction().execute(async (trx) => {
      const moved = await new NationalSyncRepository(trx).requeueFailed(clock.now());
      if (moved.length > 0) {
        await appendAudit(trx, clock, {
          actor,
          unitCode: this.deps.provinceCode,
          action: 'national_sync.retry_all',
          objectType: 'national_sync_record',
          requestId,
          // Ids, not payloads: the audit log must not copy the applicants' personal data.
          details: { count: moved.length, ids: moved.slice(0, 1000) },
        });
      }
      return { retried: moved.length };
    });
  }

  private assertAllowed(actor: OfficerActor): Promise<void> {
    return this.deps.policy.assert(actor, 'sync.manage', this.deps.provinceCode);
  }
}

function toItem(row: SyncListRow): NationalSyncItem {
  return {
    id: row.id,
    state: row.state,
    dossierId: row.dossier_id,
    dossierCode: row.dossier_code,
    dossierReference: row.dossier_reference,
    eventId: row.dossier_event_id,
    eventType: row.event_type,
    statusCode: row.status_code,
    attempts: row.attempts,
    lastError: row.last_error,
    lastStatus: row.last_status,
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at.toISOString() : null,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    blocked: row.blocked,
  };
}
