import type { Db } from '../../db/client';
import { maskPersonalNumbers } from '../../http/logging';
import type { Clock } from '../../lib/clock';
import { NationalSyncRepository, type SyncClaim } from './national-sync.repository';
import type { NationalSyncRow } from './national-sync.tables';

/** Back-off after the 1st, 2nd, … failed attempt (1 min, 5 min, 30 min, 2 h, 6 h); the last repeats. */
export const NATIONAL_SYNC_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];

export interface SyncLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface NationalSyncWorkerOptions {
  db: Db;
  clock: Clock;
  /** The portal's endpoint (or demo's simulator). */
  url: string;
  /** Sent as `Authorization: Bearer …`; null sends no Authorization header. */
  token: string | null;
  logger: SyncLogger;
  /** Sends per record, the first included; then 'failed'. Default 6. */
  maxAttempts?: number;
  retryDelaysMs?: number[];
  pollMs?: number;
  /** Records claimed per run. */
  batchSize?: number;
  /** Per request; the portal's answer after this counts as a network failure. Default 10 s. */
  timeoutMs?: number;
  /** How long a claim holds; must outlast one batch of sends. */
  lockMs?: number;
  /** Jitter source (tests fix it). */
  random?: () => number;
}

export interface SyncRunSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

type Outcome =
  | { kind: 'sent'; status: number }
  | { kind: 'permanent'; status: number; error: string }
  | { kind: 'transient'; status: number | null; error: string; retryAfterMs: number | null };

/** Longest wait a portal's Retry-After may impose (the schedule's last step). */
const MAX_RETRY_AFTER_MS = 21_600_000;

/**
 * Delivers the national sync feed. Each run claims due records atomically (see
 * NationalSyncRepository.claimDue: one record per dossier at a time, in event order), POSTs each
 * one, and records the outcome only while its claim still holds. The record id travels as the
 * Idempotency-Key, so a record re-sent after a crash between the portal's answer and our update
 * is recognised by the portal as the same record.
 */
export class NationalSyncWorker {
  private readonly repository: NationalSyncRepository;
  private readonly maxAttempts: number;
  private readonly retryDelays: number[];
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly lockMs: number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Aborted by stop(): a send in flight ends at once and is recorded as a retry. */
  private shutdown = new AbortController();

  constructor(private readonly options: NationalSyncWorkerOptions) {
    this.repository = new NationalSyncRepository(options.db);
    this.maxAttempts = options.maxAttempts ?? 6;
    this.retryDelays = options.retryDelaysMs ?? NATIONAL_SYNC_RETRY_DELAYS_MS;
    this.pollMs = options.pollMs ?? 10_000;
    this.batchSize = options.batchSize ?? 20;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    // Sends run one after another: a batch takes at most batchSize × timeout.
    this.lockMs = options.lockMs ?? this.batchSize * this.timeoutMs + 60_000;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.shutdown = new AbortController();
    this.schedule(0);
  }

  /** Stops polling, cuts the send in flight short and waits until its outcome is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.shutdown.abort();
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
      // A full batch suggests a backlog; a send that unblocked a dossier's next record too.
      if (summary.claimed >= this.batchSize || summary.sent > 0) next = 0;
    } catch (error) {
      this.options.logger.error({ err: describe(error) }, 'national sync run failed');
    }
    this.schedule(next);
  }

  /** One claim-and-send pass (the tests call it directly). */
  runOnce(): Promise<SyncRunSummary> {
    const run = this.run();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run)).catch(() => {});
    return run;
  }

  private async run(): Promise<SyncRunSummary> {
    const now = this.options.clock.now();
    const rows = await this.repository.claimDue({
      now,
      lockUntil: new Date(now.getTime() + this.lockMs),
      limit: this.batchSize,
    });
    const summary: SyncRunSummary = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
    // One at a time: the portal is one shared national service, and a claimed batch never holds
    // two records of one dossier anyway.
    for (const row of rows) {
      // After stop() the rest of the batch is handed back unsent, its attempt not counted.
      if (this.shutdown.signal.aborted) {
        await this.repository.release({ id: row.id, attempts: row.attempts });
        continue;
      }
      const result = await this.deliver(row);
      if (result) summary[result] += 1;
    }
    return summary;
  }

  private async deliver(row: NationalSyncRow): Promise<'sent' | 'retried' | 'failed' | null> {
    const claim: SyncClaim = { id: row.id, attempts: row.attempts };
    const log = { syncId: row.id, eventType: row.event_type, attempt: row.attempts };
    if (row.attempts > this.maxAttempts) {
      // Only reachable when the last allowed attempt crashed its sender.
      const done = await this.repository.markFailed(
        claim,
        null,
        'attempts exhausted (interrupted send)',
      );
      return done ? 'failed' : null;
    }
    const outcome = await this.send(row);
    const { clock, logger } = this.options;
    if (outcome.kind === 'sent') {
      const done = await this.repository.markSent(claim, clock.now(), outcome.status);
      if (!done) logger.warn(log, 'national sync record sent after its claim expired');
      return done ? 'sent' : null;
    }
    if (outcome.kind === 'permanent' || row.attempts >= this.maxAttempts) {
      logger.error({ ...log, status: outcome.status, err: outcome.error }, 'national sync failed');
      const done = await this.repository.markFailed(claim, outcome.status, outcome.error);
      return done ? 'failed' : null;
    }
    const delay = Math.max(
      retryDelayMs(row.attempts, this.retryDelays, this.random),
      outcome.retryAfterMs ?? 0,
    );
    const nextAt = new Date(clock.now().getTime() + delay);
    logger.warn(
      { ...log, status: outcome.status, err: outcome.error, retryInMs: delay },
      'national sync retry',
    );
    const done = await this.repository.markRetry(claim, nextAt, outcome.status, outcome.error);
    return done ? 'retried' : null;
  }

  private async send(row: NationalSyncRow): Promise<Outcome> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'idempotency-key': String(row.id),
    };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    let response: Response;
    let body: string;
    // One controller with its own timer: a signal from AbortSignal.any() over
    // AbortSignal.timeout() can be garbage-collected on Node 20 and never fire (a CI run waited
    // for the portal's late answer), and a request without a deadline would hold the claim.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('The portal did not answer in time', 'TimeoutError')),
      this.timeoutMs,
    );
    const onShutdown = () => controller.abort(this.shutdown.signal.reason);
    this.shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(row.payload),
        signal: controller.signal,
        // A redirect is answered as what it is (3xx, permanent), never followed with the token.
        redirect: 'manual',
      });
      body = await response.text();
    } catch (error) {
      return { kind: 'transient', status: null, error: describe(error), retryAfterMs: null };
    } finally {
      clearTimeout(timer);
      this.shutdown.signal.removeEventListener('abort', onShutdown);
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { kind: 'sent', status };
    const error = `HTTP ${status}${body ? `: ${excerpt(body)}` : ''}`;
    if (status === 429 || status >= 500) {
      return { kind: 'transient', status, error, retryAfterMs: retryAfter(response.headers) };
    }
    // Any other answer (400, 401, 403, 404, 409, 422 …, and 3xx since redirects are not followed) will
    // not change by itself: an administrator looks at it and retries after fixing the cause.
    return { kind: 'permanent', status, error };
  }
}

/** The schedule's step for this attempt, ±10 % jitter so one outage's backlog does not return at once. */
export function retryDelayMs(attempt: number, delays: number[], random: () => number): number {
  const base = delays[Math.min(Math.max(attempt, 1), delays.length) - 1] ?? 60_000;
  return Math.round(base * (0.9 + 0.2 * random()));
}

/** Retry-After in seconds or as an HTTP date; capped so a portal cannot park the feed for days. */
function retryAfter(headers: Headers): number | null {
  const value = headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : null;
}

/** A short, single-line excerpt of the portal's answer; personal numbers masked anyway. */
function excerpt(body: string): string {
  return maskPersonalNumbers(body.replace(/\s+/g, ' ').trim()).slice(0, 300);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return maskPersonalNumbers(`${error.name}: ${error.message}${cause}`).slice(0, 300);
}
