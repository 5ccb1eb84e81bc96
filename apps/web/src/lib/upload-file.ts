import type { SessionInfo, StoredFile } from '@cqs/shared';
import { i18n } from '../i18n';
import { ApiClientError, get } from './api';
import { queryClient } from './query-client';
import { sessionQueryKey } from './session-key';

// Requests lib/api cannot make: an upload with progress (XMLHttpRequest) and a POST with extra
// headers (Idempotency-Key). Both answer with the API's error shape, parsed the same way.

async function csrf(): Promise<string | null> {
  const session = await queryClient.fetchQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => get<SessionInfo>('/api/auth/session', { signal }),
  });
  return session.csrfToken ?? null;
}

/** The API's answer, or an ApiClientError with its Vietnamese message. */
export function parseApiResponse<T>(status: number, text: string, requestId: string | null): T {
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (status >= 200 && status < 300 && payload !== undefined) return payload as T;
  const err = (payload as { error?: Record<string, unknown> } | undefined)?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    const fields = Array.isArray(err.fields)
      ? (err.fields as { path: unknown; message: unknown }[]).flatMap((f) =>
          typeof f.path === 'string' && typeof f.message === 'string'
            ? [{ path: f.path, message: f.message }]
            : [],
        )
      : [];
    throw new ApiClientError({
      status,
      code: err.code,
      message: err.message,
      requestId: typeof err.requestId === 'string' ? err.requestId : requestId,
      fields,
    });
  }
  // A proxy in front of the API may refuse a large upload with its own page.
  if (status === 413) {
    throw new ApiClientError({
      status,
      code: 'FILE_TOO_LARGE',
      message: i18n.t('submit.upload.tooLarge'),
      requestId,
    });
  }
  throw new ApiClientError({
    status,
    code: status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    message: i18n.t('errors.unexpected'),
    requestId,
  });
}

/**
 * `POST /api/files` (multipart: bundleId, purpose, file) with upload progress; `abort` cancels it.
 * The bundle ties the file to what it is for, e.g. `supplement:<dossierId>` or `intake:<uuid>`.
 */
export function uploadFile(
  bundleId: string,
  purpose: string,
  file: File,
  onProgress: (fraction: number) => void,
): { promise: Promise<StoredFile>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = csrf().then(
    (token) =>
      new Promise<StoredFile>((resolve, reject) => {
        const form = new FormData();
        // Text fields first: the server reads parts in order and needs them with the file.
        form.append('bundleId', bundleId);
        form.append('purpose', purpose);
        form.append('file', file, file.name);
        xhr.open('POST', '/api/files');
        xhr.setRequestHeader('accept', 'application/json');
        xhr.setRequestHeader('accept-language', i18n.language === 'en' ? 'en' : 'vi');
        if (token) xhr.setRequestHeader('x-csrf-token', token);
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) onProgress(e.loaded / e.total);
        };
        xhr.onload = () => {
          try {
            resolve(
              parseApiResponse<StoredFile>(
                xhr.status,
                xhr.responseText,
                xhr.getResponseHeader('x-request-id'),
              ),
            );
          } catch (error) {
            reject(error);
          }
        };
        xhr.onerror = () =>
          reject(
            new ApiClientError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') }),
          );
        xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
        xhr.send(form);
      }),
  );
  return { promise, abort: () => xhr.abort() };
}

/** A JSON POST with extra headers (e.g. `idempotency-key`), CSRF included. */
export async function postWithHeaders<T>(
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<T> {
  const token = await csrf();
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': i18n.language === 'en' ? 'en' : 'vi',
        'content-type': 'application/json',
        ...headers,
        ...(token ? { 'x-csrf-token': token } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiClientError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
  }
  return parseApiResponse<T>(
    response.status,
    await response.text(),
    response.headers.get('x-request-id'),
  );
}
