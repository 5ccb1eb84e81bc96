import type { Db } from '../../db/client';
import { maskPersonalNumbers } from '../../http/logging';
import type { Clock } from '../../lib/clock';
import {
  type NotificationProvider,
  PermanentSendError,
  type ProviderLogger,
  type ProviderSet,
} from './notifications.providers';
import { renderNotification } from './notifications.render';
import { OutboxRepository } from './notifications.repository';
import type { NotificationChannel, OutboxRow } from './notifications.tables';
import type { RenderContext } from './notifications.templates';

/** Back-off after the 1st, 2nd, … failed attempt; the last value repeats. */
export const DEFAULT_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  providers: ProviderSet;
  render: RenderContext;
  logger: ProviderLogger;
  /** Messages claimed per run. */
  batchSize?: number;
  /** Sends in flight at once within a batch. */
  concurrency?: number;
  /**
   * How long a claim holds. It must outlast a whole batch (batch ÷ concurrency × the providers'
   * 15 s timeout = 150 s by default), or a slow batch is claimed a second time.
   */
  lockMs?: number;
  pollMs?: number;
  /** Sends per message, the first included; then 'failed'. */
  maxAttempts?: number;
  retryDelaysMs?: number[];
  /** Jitter source (tests fix it). */
  random?: () => number;
}

export interface RunSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Delay before the next attempt: the schedule's step for this attempt, ±20 % jitter so that
 * messages failed together by one outage do not all return at the same second.
 */
export function retryDelayMs(attempt: number, delays: number[], random: () => number): number {
  const base = delays[Math.min(Math.max(attempt, 1), delays.length) - 1] ?? 60_000;
  return Math.round(base * (0.8 + 0.4 * random()));
}

const EMAIL_IN_TEXT = /[^\s@<>"']+@[^\s@<>"']+/g;

/** last_error is kept for operators: technical text only, any address or number masked anyway. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  return maskPersonalNumbers(text.replace(EMAIL_IN_TEXT, '[address]')).slice(0, 300);
}

/**
 * Delivers the outbox. Each run claims a batch atomically (see OutboxRepository.claimDue), sends,
 * and records the outcome only while its claim still holds. A message is handed to its provider
 * with the outbox id as idempotency key, so the one case where it may go out twice — a sender
 * that crashed after the provider accepted it — is deduplicated by the provider.
 */
export class OutboxWorker {
  private readonly repository: OutboxRepository;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly lockMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelays: number[];
  private readonly random: () => number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: OutboxWorkerOptions) {
    this.repository = new OutboxRepository(options.db);
    this.batchSize = options.batchSize ?? 50;
    this.concurrency = options.concurrency ?? 5;
    this.lockMs = options.lockMs ?? 10 * 60_000;
    this.pollMs = options.pollMs ?? 5_000;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_RETRY_DELAYS_MS.length + 1;
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.random = options.random ?? Math.random;
  }

  get channels(): NotificationChannel[] {
    return (Object.keys(this.options.providers) as NotificationChannel[]).filter(
      (c) => this.options.providers[c],
    );
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the sends in flight, so their outcome is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    let next = this.pollMs;
    try {
      const summary = await this.runOnce();
      // A full batch suggests a backlog: go again at once.
      if (summary.claimed >= this.batchSize) next = 0;
    } catch (error) {
      this.options.logger.error({ err: describeError(error) }, 'outbox run failed');
    }
    this.schedule(next);
  }

  /** One claim-and-send pass (the tests call it directly). */
  runOnce(): Promise<RunSummary> {
    const run = this.run();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run)).catch(() => {});
    return run;
  }

  private async run(): Promise<RunSummary> {
    const now = this.options.clock.now();
    const rows = await this.repository.claimDue({
      channels: this.channels,
      now,
      lockUntil: new Date(now.getTime() + this.lockMs),
      limit: this.batchSize,
    });
    const summary: RunSummary = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
    let index = 0;
    const lane = async () => {
      while (index < rows.length) {
        const row = rows[index++]!;
        const outcome = await this.deliver(row);
        if (outcome) summary[outcome] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, rows.length) }, lane));
    return summary;
  }

  private async deliver(row: OutboxRow): Promise<'sent' | 'retried' | 'failed' | null> {
    const log = {
      outboxId: row.id,
      channel: row.channel,
      template: row.template,
      attempt: row.attempts,
    };
    const claim = { id: row.id, attempts: row.attempts };
    if (row.attempts > this.maxAttempts) {
      // Only reachable when the last allowed attempt crashed its sender.
      const done = await this.repository.markFailed(claim, 'attempts exhausted (interrupted send)');
      return done ? 'failed' : null;
    }
    const provider = this.options.providers[row.channel] as NotificationProvider;
    let message: ReturnType<typeof renderNotification>;
    try {
      message = renderNotification(row.template, row.payload, this.options.render);
    } catch (error) {
      this.options.logger.error(
        { ...log, err: describeError(error) },
        'notification not renderable',
      );
      const done = await this.repository.markFailed(claim, describeError(error));
      return done ? 'failed' : null;
    }
    const isEmail = row.channel === 'email';
    try {
      const result = await provider.send({
        id: row.id,
        channel: row.channel,
        to: row.recipient,
        template: row.template,
        subject: message.subject,
        text: isEmail ? message.text : message.short,
        ...(isEmail ? { html: message.html } : {}),
      });
      const done = await this.repository.markSent(
        claim,
        this.options.clock.now(),
        result.providerMessageId,
      );
      if (!done) this.options.logger.warn(log, 'notification sent after its claim expired');
      return done ? 'sent' : null;
    } catch (error) {
      const reason = describeError(error);
      if (error instanceof PermanentSendError || row.attempts >= this.maxAttempts) {
        this.options.logger.error({ ...log, err: reason }, 'notification failed');
        const done = await this.repository.markFailed(claim, reason);
        return done ? 'failed' : null;
      }
      const delay = retryDelayMs(row.attempts, this.retryDelays, this.random);
      const nextAt = new Date(this.options.clock.now().getTime() + delay);
      this.options.logger.warn({ ...log, err: reason, retryInMs: delay }, 'notification retry');
      const done = await this.repository.markRetry(claim, nextAt, reason);
      return done ? 'retried' : null;
    }
  }
}
