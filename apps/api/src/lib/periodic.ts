/**
 * Runs `pass` every `intervalMs` (first after a second), never two at once: the next pass is
 * scheduled when the previous one ends, so a slow pass delays the next instead of piling up.
 * `stop()` waits for a pass in progress. Used by the feedback and task workers.
 */
export class PeriodicRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly options: {
      name: string;
      intervalMs: number;
      pass: () => Promise<unknown>;
      logger: { error(obj: unknown, msg?: string): void };
    },
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.options
        .pass()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error({ err: error }, this.options.name))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 1000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
