import { sql } from 'kysely';
import type { Db } from '../../db/client';
import '../dossiers/dossiers.tables';
import '../files/files.tables';
import '../payments/payments.tables';
import './national-sync.tables';
import type { NationalSyncRow, NationalSyncState } from './national-sync.tables';

export interface NewNationalSyncRecord {
  dossierId: string;
  eventId: number;
  eventType: string;
  statusCode: number;
  payload: unknown;
  now: Date;
}

/** The claim a worker holds on a record: the attempt number is the fencing token. */
export interface SyncClaim {
  id: number;
  attempts: number;
}

export interface SyncListRow {
  id: number;
  state: NationalSyncState;
  dossier_id: string;
  dossier_code: string | null;
  dossier_reference: string;
  dossier_event_id: number;
  event_type: string;
  status_code: number;
  attempts: number;
  last_error: string | null;
  last_status: number | null;
  created_at: Date;
  next_attempt_at: Date;
  sent_at: Date | null;
  blocked: boolean;
}

const OPEN_STATES: NationalSyncState[] = ['pending', 'failed'];

/**
 * The only SQL of the national sync feed. Constructed over the business transaction by enqueue
 * and by the retry actions, and over the root handle by the worker and the list.
 */
export class NationalSyncRepository {
  constructor(private readonly db: Db) {}

  async dossierOfEvent(eventId: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('dossier_events')
      .select('dossier_id')
      .where('id', '=', eventId)
      .executeTakeFirst();
    return row?.dossier_id;
  }

  /**
   * What the dossier row does not hold but the portal record needs, read through the caller's
   * transaction: the receiving unit's identifier, an online payment, attached component files,
   * and the VNeID assurance level recorded in the submission event's data.
   */
  async dossierFacts(dossier: {
    id: string;
    receivingUnitCode: string;
    bundleId: string;
  }): Promise<{
    unitIdentifier: string | null;
    paidOnline: boolean;
    hasFiles: boolean;
    assuranceLevel: number | null;
  }> {
    const unit = await this.db
      .selectFrom('units')
      .select('identifier')
      .where('code', '=', dossier.receivingUnitCode)
      .executeTakeFirst();
    const paid = await this.db
      .selectFrom('payments')
      .select('id')
      .where('dossier_id', '=', dossier.id)
      .where('state', '=', 'paid')
      .limit(1)
      .executeTakeFirst();
    const file = await this.db
      .selectFrom('files')
      .select('id')
      .where('bundle_id', '=', dossier.bundleId)
      .where('deleted_at', 'is', null)
      .limit(1)
      .executeTakeFirst();
    const submitted = await this.db
      .selectFrom('dossier_events')
      .select(sql<unknown>`data->'assuranceLevel'`.as('level'))
      .where('dossier_id', '=', dossier.id)
      .where('type', '=', 'submitted')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    const level = Number(submitted?.level);
    return {
      unitIdentifier: unit?.identifier ?? null,
      paidOnline: paid !== undefined,
      hasFiles: file !== undefined,
      assuranceLevel: level === 1 || level === 2 ? level : null,
    };
  }

  /** Inserts unless the event already has its record; returns the new id, or null. */
  async insert(record: NewNationalSyncRecord): Promise<number | null> {
    const row = await this.db
      .insertInto('national_sync_outbox')
      .values({
        dossier_id: record.dossierId,
        dossier_event_id: record.eventId,
        event_type: record.eventType,
        status_code: record.statusCode,
        payload: JSON.stringify(record.payload),
        next_attempt_at: record.now,
        created_at: record.now,
      })
      .onConflict((oc) => oc.column('dossier_event_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? Number(row.id) : null;
  }

  /**
   * Atomically claims up to `limit` due records. A record is due when it is pending, its time has
   * come, no live claim holds it, and no earlier record of the same dossier is still pending or
   * failed — the portal sees a dossier's events in order, one at a time. On PostgreSQL
   * FOR UPDATE SKIP LOCKED lets several workers take disjoint records; PGlite runs the statement
   * on its single connection. The claim counts as an attempt.
   */
  async claimDue(options: {
    now: Date;
    lockUntil: Date;
    limit: number;
  }): Promise<NationalSyncRow[]> {
    const { now } = options;
    const due = this.db
      .selectFrom('national_sync_outbox as o')
      .select('o.id')
      .where('o.state', '=', 'pending')
      .where('o.next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('o.locked_until', 'is', null), eb('o.locked_until', '<=', now)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('national_sync_outbox as e')
              .select(sql`1`.as('one'))
              .whereRef('e.dossier_id', '=', 'o.dossier_id')
              .whereRef('e.id', '<', 'o.id')
              .where('e.state', 'in', OPEN_STATES),
          ),
        ),
      )
      .orderBy('o.id')
      .limit(options.limit)
      .forUpdate()
      .skipLocked();
    const rows = await this.db
      .updateTable('national_sync_outbox')
      .set({ locked_until: options.lockUntil, attempts: sql<number>`attempts + 1` })
      .where('id', 'in', due)
      .returningAll()
      .execute();
    return rows.map(normaliseIds).sort((a, b) => a.id - b.id);
  }

  // The outcomes apply only while the claim holds (same attempt number, still pending): a late
  // answer after the claim expired and another worker took the record changes nothing.

  async markSent(claim: SyncClaim, now: Date, status: number): Promise<boolean> {
    return this.settle(claim, {
      state: 'sent',
      sent_at: now,
      last_status: status,
      last_error: null,
    });
  }

  async markRetry(
    claim: SyncClaim,
    nextAttemptAt: Date,
    status: number | null,
    error: string,
  ): Promise<boolean> {
    return this.settle(claim, {
      next_attempt_at: nextAttemptAt,
      last_status: status,
      last_error: error,
    });
  }

  async markFailed(claim: SyncClaim, status: number | null, error: string): Promise<boolean> {
    return this.settle(claim, { state: 'failed', last_status: status, last_error: error });
  }

  private async settle(
    claim: SyncClaim,
    changes: {
      state?: NationalSyncState;
      sent_at?: Date;
      next_attempt_at?: Date;
      last_status: number | null;
      last_error: string | null;
    },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('national_sync_outbox')
      .set({ ...changes, locked_until: null })
      .where('id', '=', claim.id)
      .where('state', '=', 'pending')
      .where('attempts', '=', claim.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Gives an unsent claim back (worker stopping): not an attempt, due again at once. */
  async release(claim: SyncClaim): Promise<void> {
    await this.db
      .updateTable('national_sync_outbox')
      .set({ locked_until: null, attempts: sql<number>`attempts - 1` })
      .where('id', '=', claim.id)
      .where('state', '=', 'pending')
      .where('attempts', '=', claim.attempts)
      .execute();
  }

  async counts(): Promise<Record<NationalSyncState, number>> {
    const rows = await this.db
      .selectFrom('national_sync_outbox')
      .select(['state', sql<string>`count(*)`.as('n')])
      .groupBy('state')
      .execute();
    const counts: Record<NationalSyncState, number> = { pending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.state] = Number(row.n);
    return counts;
  }

  /** One page of records in a state, newest first, with the dossier's code and reference. */
  async list(options: {
    state: NationalSyncState;
    limit: number;
    cursor?: number | undefined;
  }): Promise<SyncListRow[]> {
    let query = this.db
      .selectFrom('national_sync_outbox as o')
      .innerJoin('dossiers as d', 'd.id', 'o.dossier_id')
      .select((eb) => [
        'o.id',
        'o.state',
        'o.dossier_id',
        'd.code as dossier_code',
        'd.reference as dossier_reference',
        'o.dossier_event_id',
        'o.event_type',
        'o.status_code',
        'o.attempts',
        'o.last_error',
        'o.last_status',
        'o.created_at',
        'o.next_attempt_at',
        'o.sent_at',
        eb
          .exists(
            eb
              .selectFrom('national_sync_outbox as e')
              .select(sql`1`.as('one'))
              .whereRef('e.dossier_id', '=', 'o.dossier_id')
              .whereRef('e.id', '<', 'o.id')
              .where('e.state', 'in', OPEN_STATES),
          )
          .as('blocked'),
      ])
      .where('o.state', '=', options.state)
      .orderBy('o.id', 'desc')
      .limit(options.limit);
    if (options.cursor !== undefined) query = query.where('o.id', '<', options.cursor);
    const rows = await query.execute();
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      dossier_event_id: Number(row.dossier_event_id),
      blocked: row.state === 'pending' && Boolean(row.blocked),
    }));
  }

  async find(id: number): Promise<NationalSyncRow | undefined> {
    const row = await this.db
      .selectFrom('national_sync_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? normaliseIds(row) : undefined;
  }

  /** Failed → pending, attempts from zero, due now. Returns the ids it moved. */
  async requeueFailed(now: Date, id?: number): Promise<number[]> {
    let query = this.db
      .updateTable('national_sync_outbox')
      .set({ state: 'pending', attempts: 0, next_attempt_at: now, locked_until: null })
      .where('state', '=', 'failed');
    if (id !== undefined) query = query.where('id', '=', id);
    const rows = await query.returning('id').execute();
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }
}

/** bigserial/bigint columns come back as strings from node-postgres. */
function normaliseIds(row: NationalSyncRow): NationalSyncRow {
  return { ...row, id: Number(row.id), dossier_event_id: Number(row.dossier_event_id) };
}
