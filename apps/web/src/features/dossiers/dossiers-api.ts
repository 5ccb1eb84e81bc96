import type {
  DossierDetail as DossierDetailSchema,
  DossierList as DossierListSchema,
  DraftList as DraftListSchema,
  RatingBody as RatingBodySchema,
  ResubmitBody as ResubmitBodySchema,
  TrackingView as TrackingViewSchema,
} from '@cqs/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, post } from '../../lib/api';

// The shapes come from the shared zod schemas, so the web app breaks at compile time when the API
// changes them.
export type TrackingView = z.infer<typeof TrackingViewSchema>;
export type DossierSummary = z.infer<typeof DossierListSchema>['items'][number];
export type DossierDetail = z.infer<typeof DossierDetailSchema>;
export type DraftSummary = z.infer<typeof DraftListSchema>['items'][number];
export type TimelineItem = DossierDetail['timeline'][number];
export type RatingInput = z.infer<typeof RatingBodySchema>;

/**
 * `GET /api/tracking`: a mutation, not a query — the look-up is rate-limited and runs only when the
 * resident presses the button, never again on focus or remount.
 */
export function useTracking() {
  return useMutation({
    mutationFn: (input: { code: string; last4: string }) =>
      get<TrackingView>('/api/tracking', { query: input }),
  });
}

export const myDossiersKey = ['my-dossiers'] as const;

/** `GET /api/my/dossiers` (newest first). */
export function useMyDossiers(enabled: boolean) {
  return useQuery({
    queryKey: myDossiersKey,
    queryFn: ({ signal }) => get<{ items: DossierSummary[] }>('/api/my/dossiers', { signal }),
    enabled,
  });
}

/** `GET /api/drafts`: the resident's unfinished online forms. */
export function useMyDrafts(enabled: boolean) {
  return useQuery({
    queryKey: ['drafts'],
    queryFn: ({ signal }) => get<{ items: DraftSummary[] }>('/api/drafts', { signal }),
    enabled,
  });
}

/** `GET /api/my/dossiers/:id`. */
export function useMyDossier(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...myDossiersKey, id],
    queryFn: ({ signal }) =>
      get<DossierDetail>(`/api/my/dossiers/${encodeURIComponent(id)}`, { signal }),
    enabled,
  });
}

/** `POST /api/my/dossiers/:id/rating`; the detail is re-read so the given rating shows. */
export function useRateDossier(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingInput) =>
      post<{ ok: true }>(`/api/my/dossiers/${encodeURIComponent(id)}/rating`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...myDossiersKey, id] }),
  });
}

export type ResubmitInput = z.infer<typeof ResubmitBodySchema>;

/** `POST /api/my/dossiers/:id/resubmit`: what a supplement request (or guidance) asked for. */
export function useResubmit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResubmitInput) =>
      post<unknown>(`/api/my/dossiers/${encodeURIComponent(id)}/resubmit`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myDossiersKey }),
  });
}

/** `POST /api/my/dossiers/:id/withdraw` (status 7: the office then stops or resumes it). */
export function useWithdraw(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      post<unknown>(`/api/my/dossiers/${encodeURIComponent(id)}/withdraw`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myDossiersKey }),
  });
}

export const resultPath = (id: string) => `/api/my/dossiers/${encodeURIComponent(id)}/result`;
export const residentFormPath = (id: string, form: string) =>
  `/api/my/dossiers/${encodeURIComponent(id)}/forms/${encodeURIComponent(form)}`;
