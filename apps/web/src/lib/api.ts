import type { SessionInfo } from '@cqs/shared';
import { i18n } from '../i18n';
import { ApiClientError, type FieldProblem } from './api-error';
import { queryClient } from './query-client';
import { sessionQueryKey } from './session-key';

export { ApiClientError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  query?: Record<string, string | number | boolean | undefined | null>;
}

const mutating = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

async function csrfToken(): Promise<string | null> {
  const cached = queryClient.getQueryData<SessionInfo>(sessionQueryKey);
  if (cached?.csrfToken) return cached.csrfToken;
  // No session known yet (first request of the page is a mutation): ask for one.
  const fresh = await queryClient.fetchQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => api<SessionInfo>('/api/auth/session', { signal }),
  });
  return fresh.csrfToken;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseFields(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f) =>
    isRecord(f) && typeof f.path === 'string' && typeof f.message === 'string'
      ? [{ path: f.path, message: f.message }]
      : [],
  );
}

function toError(status: number, payload: unknown, headers: Headers): ApiClientError {
  const headerId = headers.get('x-request-id');
  const err = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return new ApiClientError({
      status,
      code: err.code,
      message: err.message,
      requestId: typeof err.requestId === 'string' ? err.requestId : headerId,
      fields: parseFields(err.fields),
    });
  }
  // Not the API's error shape: a proxy page, a crash before the handler, an empty body.
  return new ApiClientError({
    status,
    code: status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    message: i18n.t('errors.unexpected'),
    requestId: headerId,
  });
}

/**
 * Call the API: JSON in and out, cookies of this origin, CSRF header on state-changing methods.
 * Resolves with the parsed body (undefined for 204) or throws an ApiClientError.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  // Server messages follow the language chosen in the app, not the browser's.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language === 'en' ? 'en' : 'vi',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (mutating.has(method)) {
    const token = await csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiClientError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
  }

  const text = response.status === 204 ? '' : await response.text();
  let payload: unknown;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (!response.ok) throw toError(response.status, payload, response.headers);
  if (text && payload === undefined) throw toError(response.status, undefined, response.headers);
  return payload as T;
}

export const get = <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
  api<T>(path, { ...options, method: 'GET' });

export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });
