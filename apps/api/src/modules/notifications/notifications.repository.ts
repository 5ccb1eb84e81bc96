import { sql } from 'kysely';
import type { Db } from '../../db/client';
import './notifications.tables';
import type { NotificationChannel, OutboxRow } from './notifications.tables';

export interface NewOutboxMessage {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  payload: unknown;
  dedupeKey: string;
  now: Date;
}

/**
 * The only SQL of the outbox. Constructed over a transaction by enqueue (the business action's
 * own) and over the root handle by the worker.
 */
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** Inserts unless the dedupe key exists; returns the new id, or null for a duplicate. */
  async insert(message: NewOutboxMessage): Promise<string | null> {
    const row = await this.db
      .insertInto('outbox')
      .values({
        id: message.id,
        channel: message.channel,
        recipient: message.recipient,
        template: message.template,
        payload: JSON.stringify(message.payload),
        dedupe_key: message.dedupeKey,
        next_attempt_at: message.now,
        created_at: message.now,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Cancels a message that has not been handed to a worker yet. */
  async cancelPending(dedupeKey: string): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({ state: 'cancelled' })
      .where('dedupe_key', '=', dedupeKey)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Atomically claims up to `limit` due messages: pending ones whose time has come, and 'sending'
   * ones whose claim expired (the sender crashed mid-send). On PostgreSQL, FOR UPDATE SKIP LOCKED
   * lets concurrent workers take disjoint rows, and a row another worker has just claimed no
   * longer matches when its lock is released; PGlite runs the same statement on its single
   * connection, one at a time. The claim counts as an attempt, so a message that crashes its
   * sender every time still ends up 'failed'.
   */
  async claimDue(options: {
    channels: NotificationChannel[];
    now: Date;
    lockUntil: Date;
    limit: number;
  }): Promise<OutboxRow[]> {
    if (options.channels.length === 0) return [];
    const { now } = options;
    const due = this.db
      .selectFrom('outbox')
      .select('id')
      .where('channel', 'in', options.channels)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('state', '=', 'sending'), eb('locked_until', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(options.limit)
      .forUpdate()
      .skipLocked();
    const rows = await this.db
      .updateTable('outbox')
      .set({
        state: 'sending',
        locked_until: options.lockUntil,
        attempts: sql<number>`attempts + 1`,
      })
      .where('id', 'in', due)
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.next_attempt_at.getTime() - b.next_attempt_at.getTime());
  }

  // The three outcomes below apply only while this worker still holds the claim: the attempt
  // number it claimed with is the fencing token. If the claim expired and another worker took the
  // row, the late answer changes nothing.

  async markSent(
    claim: { id: string; attempts: number },
    now: Date,
    providerMessageId: string | null,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({
        state: 'sent',
        sent_at: now,
        locked_until: null,
        last_error: null,
        provider_message_id: providerMessageId,
      })
      .where('id', '=', claim.id)
      .where('state', '=', 'sending')
      .where('attempts', '=', claim.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markRetry(
    claim: { id: string; attempts: number },
    nextAttemptAt: Date,
    error: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({
        state: 'pending',
        next_attempt_at: nextAttemptAt,
        locked_until: null,
        last_error: error,
      })
      .where('id', '=', claim.id)
      .where('state', '=', 'sending')
      .where('attempts', '=', claim.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markFailed(claim: { id: string; attempts: number }, error: string): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({ state: 'failed', locked_until: null, last_error: error })
      .where('id', '=', claim.id)
      .where('state', '=', 'sending')
      .where('attempts', '=', claim.attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findByDedupeKey(dedupeKey: string): Promise<OutboxRow | undefined> {
    return this.db
      .selectFrom('outbox')
      .selectAll()
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirst();
  }
}
