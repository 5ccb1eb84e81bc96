import autocannon from 'autocannon';

/** What one autocannon run measured. Latencies are of 2xx answers, in milliseconds. */
export interface Measured {
  seconds: number;
  ok: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Socket errors and timeouts (no answer at all). */
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** The first few non-2xx answers, to say why. */
  samples: string[];
  /** Why the run was cut short, if it was (e.g. the draft pool ran out). */
  stoppedEarly: string | null;
}

export interface RunSpec {
  url: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections (steady load); unset = as fast as answered. */
  overallRate?: number;
}

/** Lets a request builder stop its run (a draft pool that ran out must not send replays). */
export interface RunControl {
  stop(reason: string): void;
}

/**
 * autocannon drops its sockets when the time is up, but the server finishes the requests it was
 * handling: wait for them before counting rows or stopping the server.
 */
export const settle = (ms = 1_500) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One autocannon run. p95 is not among autocannon's percentiles, so every 2xx latency is kept
 * and the percentiles are read from the sorted list.
 */
export function run(
  spec: RunSpec,
  build: (control: RunControl) => autocannon.Request[],
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const samples: string[] = [];
    let stoppedEarly: string | null = null;
    let instance: autocannon.Instance | null = null;
    const control: RunControl = {
      stop(reason) {
        if (stoppedEarly) return;
        stoppedEarly = reason;
        instance?.stop();
      },
    };
    const keepSample = (status: number, body: string) => {
      if (status >= 300 && samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`);
    };
    const requests = build(control).map((r) => ({ ...r, onResponse: keepSample }));
    instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.seconds,
        requests,
        ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const sorted = Float64Array.from(latencies).sort();
        const ok = result['2xx'];
        resolve({
          seconds: result.duration,
          ok,
          rps: ok / result.duration,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          errors: result.errors,
          non2xx: result.non2xx,
          statuses,
          samples,
          stoppedEarly,
        });
      },
    );
    // The tracker emits (client, statusCode, bytes, ms); @types/autocannon omits the client.
    const onResponse = (_client: unknown, status: number, _bytes: number, ms: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) latencies.push(ms);
    };
    instance.on('response', onResponse as never);
  });
}
