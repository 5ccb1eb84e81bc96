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
import { api, get } from '../../lib/api';
import { postWithHeaders, uploadFile as uploadToBundle } from '../../lib/upload-file';

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

/**
 * `POST /api/drafts/:id/submit`. The same Idempotency-Key is sent again on a retry so that a lost
 * answer never makes a second dossier.
 */
export function submitDraft(
  draftId: string,
  body: { receivingUnitCode?: string },
  idempotencyKey: string,
): Promise<SubmitResult> {
  return postWithHeaders<SubmitResult>(`/api/drafts/${enc(draftId)}/submit`, body, {
    'idempotency-key': idempotencyKey,
  });
}

/** `POST /api/files` with upload progress, bound to the draft and the document it stands for. */
export function uploadFile(
  draftId: string,
  purpose: string,
  file: File,
  onProgress: (fraction: number) => void,
): { promise: Promise<StoredFile>; abort: () => void } {
  return uploadToBundle(`draft:${draftId}`, purpose, file, onProgress);
}
