import type { PublicResult as PublicResultSchema, VerifyResultAnswer } from '@cqs/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { i18n } from '../../i18n';
import { ApiClientError, get, post } from '../../lib/api';

export type PublicResult = z.infer<typeof PublicResultSchema>;
export type VerifyAnswer = z.infer<typeof VerifyResultAnswer>;

/** `GET /api/results/:id` — the public record; no retry on 404 (a wrong QR code stays wrong). */
export function usePublicResult(id: string | undefined) {
  return useQuery({
    queryKey: ['result', id],
    queryFn: ({ signal }) =>
      get<PublicResult>(`/api/results/${encodeURIComponent(id!)}`, { signal }),
    enabled: Boolean(id),
    retry: (count, error) => !(error instanceof ApiClientError && error.status < 500) && count < 2,
    // The answer is checked anew on the server each time; no need to refetch on focus.
    refetchOnWindowFocus: false,
  });
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The file is hashed in the browser and only its hash is sent: nothing of the person's file
 * leaves the phone, and a 5 MB PDF costs 100 bytes on a slow connection. Browsers without
 * WebCrypto (plain HTTP outside localhost) upload the file instead; the server hashes it and
 * keeps nothing. That upload goes without cookies: the route is public, so no session (and no
 * CSRF token) is involved.
 */
async function verifyFile(input: { file: File; resultId?: string }): Promise<VerifyAnswer> {
  if (globalThis.crypto?.subtle) {
    return post<VerifyAnswer>('/api/results/verify', {
      sha256: await sha256Hex(input.file),
      ...(input.resultId ? { resultId: input.resultId } : {}),
    });
  }
  const form = new FormData();
  if (input.resultId) form.append('resultId', input.resultId);
  form.append('file', input.file);
  let response: Response;
  try {
    response = await fetch('/api/results/verify', {
      method: 'POST',
      body: form,
      credentials: 'omit',
      headers: {
        accept: 'application/json',
        'accept-language': i18n.language === 'en' ? 'en' : 'vi',
      },
    });
  } catch {
    throw new ApiClientError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
  }
  const payload = (await response.json().catch(() => null)) as
    | (VerifyAnswer & { error?: { code: string; message: string; requestId?: string } })
    | null;
  if (!response.ok || !payload || payload.error) {
    throw new ApiClientError({
      status: response.status,
      code: payload?.error?.code ?? 'BAD_RESPONSE',
      message: payload?.error?.message ?? i18n.t('errors.unexpected'),
      requestId: payload?.error?.requestId ?? response.headers.get('x-request-id'),
    });
  }
  return payload;
}

/** `POST /api/results/verify`: runs only when the person presses the button. */
export function useVerifyFile() {
  return useMutation({ mutationFn: verifyFile });
}
