import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  Fixtures,
  FromServer,
  ReadyDraft,
  RowCounts,
  ServerOptions,
  ToServer,
} from './load.protocol';

/**
 * The server under load as a child process: its own event loop and heap, so the load generator
 * never competes with it inside one process, and its RSS is the server's alone.
 */
export class ServerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (message: FromServer) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly fixtures: Fixtures,
  ) {
    child.on('message', (message: FromServer) => {
      if ('id' in message) {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      } else if (message.type === 'failed') {
        console.error(`server process: ${message.message}`);
      }
    });
  }

  static async start(options: ServerOptions): Promise<ServerProcess> {
    const entry = fileURLToPath(new URL('./load.server.ts', import.meta.url));
    const child = fork(entry, [JSON.stringify(options)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const fixtures = await new Promise<Fixtures>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the server process exited (${code}) before it was ready`));
      child.once('exit', onExit);
      child.on('message', (message: FromServer) => {
        if (message.type === 'ready') {
          child.off('exit', onExit);
          resolve(message.fixtures);
        } else if (message.type === 'failed') {
          reject(new Error(`the server process failed to start:\n${message.message}`));
        }
      });
    });
    return new ServerProcess(child, fixtures);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  private ask<T extends FromServer>(message: ToServer & { id: number }): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.set(message.id, (answer) => resolve(answer as T));
      this.child.send(message);
    });
  }

  async drafts(count: number): Promise<ReadyDraft[]> {
    const answer = await this.ask<Extract<FromServer, { type: 'drafts' }>>({
      type: 'drafts',
      id: this.nextId++,
      count,
    });
    return answer.drafts;
  }

  async memory(): Promise<{ rss: number; heapUsed: number }> {
    return this.ask<Extract<FromServer, { type: 'rss' }>>({ type: 'rss', id: this.nextId++ });
  }

  async counts(): Promise<RowCounts> {
    const answer = await this.ask<Extract<FromServer, { type: 'counts' }>>({
      type: 'counts',
      id: this.nextId++,
    });
    return answer.counts;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies ToServer);
    await exited;
  }
}
