import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { dashboardKey } from './keys';

/**
 * Live numbers (issue 7 §5): an EventSource on `GET /api/dashboard/live?unit=` that marks the
 * dashboard's queries stale on `changed`, so TanStack Query refetches what is on screen — no page
 * reload. The browser reconnects by itself after a dropped connection; when the server refuses the
 * stream (an error answer, or no such route yet) the browser gives up, and this hook tries again,
 * waiting longer each time.
 */

export type LiveState = 'connecting' | 'live' | 'offline' | 'unavailable';

export interface LiveChange {
  asOf: string;
  kinds: string[];
  units: string[];
}

/** Which cached dashboard queries a change makes stale (the second element of their key). */
const affected: Record<string, readonly string[]> = {
  dossiers: ['service-index', 'service-index-drill', 'alerts'],
  feedback: ['feedback', 'feedback-drill', 'alerts'],
  tasks: ['steering', 'alerts'],
};

export function parseChange(data: string): LiveChange | null {
  try {
    const value = JSON.parse(data) as Partial<LiveChange>;
    return {
      asOf: typeof value.asOf === 'string' ? value.asOf : new Date().toISOString(),
      kinds: Array.isArray(value.kinds) ? value.kinds.map(String) : [],
      units: Array.isArray(value.units) ? value.units.map(String) : [],
    };
  } catch {
    return null;
  }
}

/** Marks stale the dashboard queries a change affects (all of them when the kinds are unknown). */
export function invalidateFor(queryClient: QueryClient, change: LiveChange): Promise<void> {
  const parts = new Set(change.kinds.flatMap((k) => affected[k] ?? []));
  const all = parts.size === 0;
  const work = [
    queryClient.invalidateQueries({
      queryKey: dashboardKey,
      predicate: (q) => all || parts.has(String(q.queryKey[1])),
    }),
  ];
  // The tasks screens keep their own cache (features/tasks).
  if (all || change.kinds.includes('tasks')) {
    work.push(queryClient.invalidateQueries({ queryKey: ['officer', 'tasks'] }));
  }
  return Promise.all(work).then(() => undefined);
}

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;

/** Is the live route missing on this server (404 of an unknown path)? Asked once after a refusal. */
async function routeMissing(url: string): Promise<boolean> {
  const controller = new AbortController();
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      signal: controller.signal,
    });
    if (response.status !== 404) return false;
    const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
    return body?.error?.code === 'NOT_FOUND';
  } catch {
    return false;
  } finally {
    // A stream that did answer is not read: it is closed at once.
    controller.abort();
  }
}

export function useDashboardLive(
  unit: string | null,
  onChange: (change: LiveChange) => void,
): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (!unit || typeof EventSource === 'undefined') return;
    const url = `/api/dashboard/live?unit=${encodeURIComponent(unit)}`;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const retryLater = (missing: boolean) => {
      if (stopped) return;
      setState(missing ? 'unavailable' : 'offline');
      const wait = missing ? MAX_RETRY_MS : Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
      attempt += 1;
      timer = setTimeout(open, wait);
    };

    function open() {
      if (stopped) return;
      setState((s) => (s === 'unavailable' ? s : 'connecting'));
      const es = new EventSource(url, { withCredentials: true });
      source = es;
      const connected = () => {
        attempt = 0;
        setState('live');
      };
      es.addEventListener('open', connected);
      es.addEventListener('ready', connected);
      es.addEventListener('changed', (event) => {
        const change = parseChange((event as MessageEvent<string>).data);
        if (!change) return;
        void invalidateFor(queryClient, change);
        latest.current(change);
      });
      es.addEventListener('error', () => {
        if (es.readyState === EventSource.CONNECTING) {
          // Dropped: the browser reconnects by itself.
          setState('offline');
          return;
        }
        es.close();
        void routeMissing(url).then(retryLater);
      });
    }

    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [unit, queryClient]);

  return state;
}
