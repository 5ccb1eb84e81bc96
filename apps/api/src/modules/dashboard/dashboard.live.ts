import {
  type DashboardChangeKind,
  type DashboardLiveChanged,
  dashboardChangeKinds,
} from '@cqs/shared';
import type { Clock } from '../../lib/clock';
import type { ChangeRow, LiveChangesRepository } from './dashboard.live.repository';

/** Rows read per table and pass; a burst larger than this is read over the next passes. */
const BATCH = 1000;
/** Passes a skipped id is waited for (its transaction may still commit) before it is dropped. */
const GAP_PASSES = 120;
/** Skipped ids remembered per table at most (a huge rolled-back batch must not grow memory). */
const MAX_GAPS = 5000;

export interface LiveOptions {
  /** How often the one poller of this process reads the change markers. */
  pollMs: number;
  /** At most one `changed` per connection per this interval; changes in between are merged. */
  minGapMs: number;
  logger: { error(obj: unknown, msg?: string): void };
}

type Send = (changed: DashboardLiveChanged) => void;

/**
 * Where one event table was read up to. Ids come from a sequence, so a transaction that took
 * its id earlier may commit after a later one: an id below the cursor that was not there yet is
 * a gap, looked for again on the next passes until it appears (committed) or ages out (rolled
 * back: sequence numbers are never reused).
 */
export class TableCursor {
  private gaps = new Map<bigint, number>();

  constructor(public last: bigint) {}

  pendingGaps(): bigint[] {
    return [...this.gaps.keys()];
  }

  /** Takes one pass's rows (ascending ids); returns those not seen before. */
  advance(rows: ChangeRow[]): ChangeRow[] {
    const fresh: ChangeRow[] = [];
    for (const row of rows) {
      if (this.gaps.delete(row.id)) {
        fresh.push(row);
        continue;
      }
      if (row.id <= this.last) continue;
      for (let id = this.last + 1n; id < row.id && this.gaps.size < MAX_GAPS; id++) {
        this.gaps.set(id, GAP_PASSES);
      }
      this.last = row.id;
      fresh.push(row);
    }
    for (const [id, left] of this.gaps) {
      if (left <= 1) this.gaps.delete(id);
      else this.gaps.set(id, left - 1);
    }
    return fresh;
  }
}

/** One open stream: its scope, and the debounce of its notices. */
class Subscriber {
  private pending: { kinds: Set<DashboardChangeKind>; units: Set<string> } | null = null;
  private cooling: NodeJS.Timeout | null = null;

  constructor(
    readonly scope: ReadonlySet<string>,
    private readonly send: Send,
    private readonly clock: Clock,
    private readonly minGapMs: number,
  ) {}

  offer(kinds: Set<DashboardChangeKind>, units: Set<string>): void {
    this.pending ??= { kinds: new Set(), units: new Set() };
    for (const k of kinds) this.pending.kinds.add(k);
    for (const u of units) this.pending.units.add(u);
    if (!this.cooling) this.flush();
  }

  /** Sends what is pending, then holds further notices for `minGapMs`. */
  private flush(): void {
    this.cooling = null;
    if (!this.pending) return;
    const { kinds, units } = this.pending;
    this.pending = null;
    this.send({
      asOf: this.clock.now().toISOString(),
      kinds: dashboardChangeKinds.filter((k) => kinds.has(k)),
      units: [...units].sort(),
    });
    this.cooling = setTimeout(() => this.flush(), this.minGapMs);
  }

  close(): void {
    if (this.cooling) clearTimeout(this.cooling);
    this.cooling = null;
    this.pending = null;
  }
}

/**
 * Live change notices for the dashboard: ONE poller per process reads the event tables' new ids
 * every `pollMs` while at least one stream is open, and fans the changes out to the streams
 * whose scope they touch. Several API processes on one database each run their own poller, so a
 * change committed through any of them reaches every viewer (docs/DASHBOARD.md, "Live").
 */
export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();
  private cursors: Record<DashboardChangeKind, TableCursor> | null = null;
  private starting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly repo: LiveChangesRepository,
    private readonly clock: Clock,
    private readonly options: LiveOptions,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Starts notices for `scope` (unit codes). Resolves once the poller has its starting point:
   * every change committed after that is announced. Returns the unsubscribe function.
   */
  async subscribe(scope: ReadonlySet<string>, send: Send): Promise<() => void> {
    const sub = new Subscriber(scope, send, this.clock, this.options.minGapMs);
    this.subscribers.add(sub);
    try {
      await this.start();
    } catch (error) {
      this.unsubscribe(sub);
      throw error;
    }
    return () => this.unsubscribe(sub);
  }

  private unsubscribe(sub: Subscriber): void {
    sub.close();
    this.subscribers.delete(sub);
    if (this.subscribers.size === 0) this.stop();
  }

  private start(): Promise<void> {
    if (this.cursors) return Promise.resolve();
    this.starting ??= this.repo
      .markers()
      .then((m) => {
        this.cursors = {
          dossiers: new TableCursor(m.dossiers),
          feedback: new TableCursor(m.feedback),
          tasks: new TableCursor(m.tasks),
        };
        this.schedule();
      })
      .finally(() => {
        this.starting = null;
      });
    return this.starting;
  }

  private schedule(): void {
    if (this.closed || this.timer || !this.cursors || this.subscribers.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = this.pollOnce()
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'dashboard live poll'))
        .finally(() => {
          this.polling = null;
          this.schedule();
        });
    }, this.options.pollMs);
  }

  /** With nobody listening the poller stops; the next stream starts from the newest ids again. */
  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.cursors = null;
  }

  /** One pass: read each table's new events, then tell every stream whose scope they touch. */
  async pollOnce(): Promise<void> {
    const cursors = this.cursors;
    if (!cursors) return;
    const touched = new Map<DashboardChangeKind, Set<string>>();
    for (const kind of dashboardChangeKinds) {
      const cursor = cursors[kind];
      const rows = await this.repo.changes(kind, cursor.last, cursor.pendingGaps(), BATCH);
      const fresh = cursor.advance(rows);
      if (fresh.length === 0) continue;
      const units = touched.get(kind) ?? new Set<string>();
      for (const row of fresh) for (const u of row.units) units.add(u);
      touched.set(kind, units);
    }
    if (touched.size === 0 || this.cursors !== cursors) return;
    for (const sub of this.subscribers) {
      const kinds = new Set<DashboardChangeKind>();
      const units = new Set<string>();
      for (const [kind, changed] of touched) {
        for (const u of changed) {
          if (!sub.scope.has(u)) continue;
          kinds.add(kind);
          units.add(u);
        }
      }
      if (kinds.size) sub.offer(kinds, units);
    }
  }

  /** On shutdown: no more passes; the streams are ended by their routes' own close handling. */
  async close(): Promise<void> {
    this.closed = true;
    for (const sub of this.subscribers) sub.close();
    this.subscribers.clear();
    this.stop();
    await this.polling;
  }
}
