/** The knobs of `npm run bench:load -- [--name=value …]`, with the defaults of a full run. */
export interface LoadOptions {
  /** Seconds measured per scenario (and per ceiling). */
  duration: number;
  /** Seconds of unrecorded load before each measured run (JIT, pool, caches). */
  warmup: number;
  connections: number;
  /** The app's PostgreSQL pool (DATABASE_POOL_MAX), shared with the ceiling server. */
  pool: number;
  /** Scenario ids to run; null = all. `--only=none` runs no scenario (e.g. with --memory). */
  only: string[] | null;
  memory: boolean;
  memorySeconds: number;
  sampleSeconds: number;
  /** Submissions + Open311 reports per second beside the read mix in --memory. */
  memoryWriteRate: number;
  pglite: boolean;
  /** Drafts cloned per second of submission load: an upper bound on the submission rate. */
  draftsPerSecond: number;
  residents: number;
  database: string;
  logLevel: string;
}

export function parseArgs(argv: string[]): LoadOptions {
  const args = new Map(
    argv.map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k!, v ?? 'true'] as const;
    }),
  );
  const int = (k: string, d: number) => {
    const v = args.get(k);
    if (v === undefined) return d;
    const n = Number.parseInt(v, 10);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k}=${v}: expected a whole number`);
    return n;
  };
  const only = args.get('only');
  const database = args.get('database') ?? 'bench_load';
  if (!/^[a-z_][a-z0-9_]*$/.test(database) || database === 'test') {
    throw new Error(`refusing database name ${database}: the benchmark needs its own database`);
  }
  return {
    duration: int('duration', 20),
    warmup: int('warmup', 3),
    connections: int('connections', 50),
    pool: int('pool', 10),
    only: only === undefined ? null : only === 'none' ? [] : only.split(','),
    memory: args.has('memory'),
    memorySeconds: int('memory-duration', 600),
    sampleSeconds: int('sample-every', 5),
    memoryWriteRate: int('memory-write-rate', 20),
    pglite: args.has('pglite'),
    draftsPerSecond: int('drafts-per-second', 600),
    residents: int('residents', 100),
    database,
    logLevel: args.get('log-level') ?? 'warn',
  };
}
