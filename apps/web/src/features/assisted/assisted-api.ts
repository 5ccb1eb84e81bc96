import type {
  AssistedDemoMessages as AssistedDemoMessagesSchema,
  AssistedList as AssistedListSchema,
  AssistedView as AssistedViewSchema,
  SubmitResult,
} from '@cqs/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, get } from '../../lib/api';
import { postWithHeaders } from '../../lib/upload-file';

// Shapes from the shared zod schemas: the page breaks at compile time when the API changes them.
export type AssistedView = z.infer<typeof AssistedViewSchema>;
export type AssistedList = z.infer<typeof AssistedListSchema>;
export type AssistedItem = AssistedList['items'][number];
export type DemoMessages = z.infer<typeof AssistedDemoMessagesSchema>;

const enc = encodeURIComponent;
const base = '/api/officer/teams/assist';
export const assistedKey = (id: string) => ['assisted', id] as const;

/** `GET /api/officer/teams/assist`: the member's own records, newest first. */
export function useAssistedList() {
  return useQuery({
    queryKey: ['assisted', 'list'],
    queryFn: ({ signal }) => get<AssistedList>(base, { signal, query: { pageSize: 50 } }),
  });
}

export function useAssisted(id: string) {
  return useQuery({
    queryKey: assistedKey(id),
    queryFn: ({ signal }) => get<AssistedView>(`${base}/${enc(id)}`, { signal }),
    // The page holds the answers being typed; a background refetch must not overwrite them.
    refetchOnWindowFocus: false,
  });
}

/** Keeps the cached record in step with the server's latest answer. */
export function useSetAssisted() {
  const queryClient = useQueryClient();
  return (view: AssistedView) => {
    queryClient.setQueryData(assistedKey(view.id), view);
    void queryClient.invalidateQueries({ queryKey: ['assisted', 'list'] });
  };
}

export const startAssisted = (body: {
  procedureCode: string;
  resident: { fullName: string; phone: string; citizenId?: string };
}) => api<AssistedView>(base, { method: 'POST', body });

export const saveAssisted = (id: string, answers: Record<string, unknown>, currentStep: string) =>
  api<AssistedView>(`${base}/${enc(id)}`, { method: 'PUT', body: { answers, currentStep } });

export const cancelAssisted = (id: string) =>
  api<AssistedView>(`${base}/${enc(id)}/cancel`, { method: 'POST', body: {} });

export const sendCode = (id: string) =>
  api<AssistedView>(`${base}/${enc(id)}/consent/code`, { method: 'POST', body: {} });

export const verifyCode = (id: string, code: string) =>
  api<AssistedView>(`${base}/${enc(id)}/consent/code/verify`, { method: 'POST', body: { code } });

/** A full-page navigation: the identity provider is another site. */
export const signInConsentUrl = (id: string) => `${base}/${enc(id)}/consent/sign-in`;

/** Retried with the same key, a lost answer never submits twice. */
export const submitAssisted = (id: string, idempotencyKey: string) =>
  postWithHeaders<SubmitResult>(
    `${base}/${enc(id)}/submit`,
    {},
    {
      'idempotency-key': idempotencyKey,
    },
  );

/** Demo mode only (404 in production): the texts queued for the resident's phone. */
export function useDemoMessages(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['assisted', id, 'demo-messages'],
    queryFn: ({ signal }) => get<DemoMessages>(`${base}/${enc(id)}/demo-messages`, { signal }),
    enabled,
    retry: false,
  });
}

/** Online procedures matching the words the resident uses (the catalogue's search). */
export function useOnlineProcedures(q: string) {
  return useQuery({
    queryKey: ['assisted', 'procedures', q],
    queryFn: ({ signal }) =>
      get<{ items: { code: string; name: string; field: string }[]; total: number }>(
        '/api/procedures',
        { signal, query: { q, online: 'true', limit: 10 } },
      ),
    enabled: q.trim().length >= 2,
    staleTime: 10 * 60_000,
  });
}

/** Web paths of these screens (the API sends the sign-in consent back to `…/:id/dong-y`). */
export const ASSISTED_HOME = '/can-bo/to-cong-nghe/ho-tro';
export const assistedPath = (id: string, step?: string) =>
  `${ASSISTED_HOME}/${enc(id)}${step ? `/${enc(step)}` : ''}`;
