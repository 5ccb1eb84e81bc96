import type { Clock } from '../../lib/clock';
import type { AssistantRepository } from './assistant.repository';

/** Conversations are kept this long after their last message, then deleted with their messages. */
export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Deletes the conversations past retention; returns how many went. */
export async function purgeConversations(deps: {
  repository: Pick<AssistantRepository, 'deleteOlderThan'>;
  clock: Clock;
  retentionDays: number;
}): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - deps.retentionDays * DAY_MS);
  return deps.repository.deleteOlderThan(before);
}

/** Runs the purge on an interval (started when the server listens, stopped when it closes). */
export class AssistantRetentionWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly deps: {
      repository: Pick<AssistantRepository, 'deleteOlderThan'>;
      clock: Clock;
      retentionDays: number;
      intervalMs: number;
      logger: { error(obj: unknown, msg?: string): void };
    },
  ) {}

  start(): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = purgeConversations(this.deps)
        .catch((error) => this.deps.logger.error({ err: error }, 'assistant retention failed'))
        .finally(() => {
          this.running = null;
        });
    };
    tick();
    this.timer = setInterval(tick, this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
