import type {
  DraftView,
  FormSchema,
  PaymentStatus,
  PaymentView,
  ProcedureDetail,
  StoredFile,
  SubmitResult,
  UnitList,
} from '@cqs/shared';
import { useQuery } from '@tanstack/react-query';
import { i18n } from '../../i18n';
import { ApiClientError, api, get } from '../../lib/api';
import { queryClient } from '../../lib/query-client';
import { sessionQueryKey } from '../../lib/session-key';

export type DraftSummary = Omit<DraftView, 'answers' | 'uploads'>;
export type Upload = DraftView['uploads'][number];

/** What the payments module answers (shared schemas): the full code, then small status polls. */
export type { PaymentStatus, PaymentView };

const enc = encodeURIComponent;

export const draftKey = (id: string) => ['draft', id] as const;

/** `GET /api/procedures/:code` with the catalogue's real shape (fees per channel, local settings). */
export function useProcedureDetail(code: string | undefined, commune?: string | null) {
  return useQuery({
    queryKey: ['procedure-detail', code, commune ?? null],
    // With the resident's commune the answer names their own commune centre as the receiver.
    queryFn: ({ signal }) =>
      get<ProcedureDetail>(`/api/procedures/${enc(code ?? '')}`, {
        signal,
        query: { commune: commune ?? undefined },
      }),
    enabled: Boolean(code),
    staleTime: 10 * 60_000,
  });
}

export function useFormSchema(code: string | undefined) {
  return useQuery({
    queryKey: ['procedure-form', code],
    queryFn: ({ signal }) => get<FormSchema>(`/api/procedures/${enc(code ?? '')}/form`, { signal }),
    enabled: Boolean(code),
    staleTime: 10 * 60_000,
  });
}

export function useMyDrafts(enabled: boolean) {
  return useQuery({
    queryKey: ['drafts'],
    queryFn: ({ signal }) => get<{ items: DraftSummary[] }>('/api/drafts', { signal }),
    enabled,
    staleTime: 0,
  });
}

export function useDraft(id: string) {
  return useQuery({
    queryKey: draftKey(id),
    queryFn: ({ signal }) => get<DraftView>(`/api/drafts/${enc(id)}`, { signal }),
    // The page holds the answers being typed; a background refetch must not overwrite them.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** All communes of the province, for `unit` fields and the receiving-unit choice. */
export function useAllCommunes() {
  return useQuery({
    queryKey: ['units', 'commune', 'all'],
    queryFn: ({ signal }) =>
      get<UnitList>('/api/units', { signal, query: { kind: 'commune', limit: 200 } }),
    staleTime: 60 * 60_000,
  });
}

export const createDraft = (procedureCode: string) =>
  api<DraftView>('/api/drafts', { method: 'POST', body: { procedureCode } });

export const saveDraft = (id: string, answers: Record<string, unknown>, currentStep: string) =>
  api<DraftView>(`/api/drafts/${enc(id)}`, { method: 'PUT', body: { answers, currentStep } });

export const deleteDraft = (id: string) =>
  api<void>(`/api/drafts/${enc(id)}`, { method: 'DELETE' });

export const deleteFile = (id: string) => api<void>(`/api/files/${enc(id)}`, { method: 'DELETE' });

export const getMyDossier = (id: string) =>
  get<{ id: string; reference: string; receivingUnitName: string; submittedAt: string }>(
    `/api/my/dossiers/${enc(id)}`,
  );

export const startPayment = (draftId: string) =>
  api<PaymentView>(`/api/drafts/${enc(draftId)}/payment`, { method: 'POST', body: {} });

export const getPayment = (paymentId: string) =>
  get<PaymentStatus>(`/api/payments/${enc(paymentId)}`);

export const simulatePayment = (paymentId: string) =>
  api<PaymentStatus>(`/api/payments/simulator/${enc(paymentId)}/pay`, { method: 'POST', body: {} });

async function csrf(): Promise<string | null> {
  const session = await queryClient.fetchQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => get<{ csrfToken?: string | null }>('/api/auth/session', { signal }),
  });
  return session.csrfToken ?? null;
}

/**
 * `POST /api/drafts/:id/submit`. lib/api has no custom headers, so this is a fetch of its own; the
 * same Idempotency-Key is sent again on a retry so that a lost answer never makes a second dossier.
 */
export async function submitDraft(
  draftId: string,
  body: { receivingUnitCode?: string },
  idempotencyKey: string,
): Promise<SubmitResult> {
  const token = await csrf();
  let response: Response;
  try {
    response = await fetch(`/api/drafts/${enc(draftId)}/submit`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        ...(token ? { 'x-csrf-token': token } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiClientError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
  }
  return parseResponse<SubmitResult>(response.status, await response.text(), response.headers);
}

function parseResponse<T>(status: number, text: string, headers: Headers): T {
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
      requestId: typeof err.requestId === 'string' ? err.requestId : headers.get('x-request-id'),
      fields,
    });
  }
  if (status === 413) {
    throw new ApiClientError({
      status,
      code: 'FILE_TOO_LARGE',
      message: i18n.t('submit.upload.tooLarge'),
    });
  }
  throw new ApiClientError({
    status,
    code: status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    message: i18n.t('errors.unexpected'),
    requestId: headers.get('x-request-id'),
  });
}

/**
 * `POST /api/files` with upload progress: fetch cannot report it, XMLHttpRequest can. The file is
 * bound to the draft's bundle and to the document it stands for.
 */
export function uploadFile(
  draftId: string,
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
        form.append('bundleId', `draft:${draftId}`);
        form.append('purpose', purpose);
        form.append('file', file, file.name);
        xhr.open('POST', '/api/files');
        xhr.setRequestHeader('accept', 'application/json');
        if (token) xhr.setRequestHeader('x-csrf-token', token);
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) onProgress(e.loaded / e.total);
        };
        xhr.onload = () => {
          try {
            resolve(
              parseResponse<StoredFile>(
                xhr.status,
                xhr.responseText,
                new Headers({ 'x-request-id': xhr.getResponseHeader('x-request-id') ?? '' }),
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
