import type {
  FeedbackCategory,
  FeedbackClassifyAnswer,
  FeedbackCreated,
  MyFeedbackList,
  SessionInfo,
  UnitSummary,
} from '@cqs/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { i18n } from '../../i18n';
import { ApiClientError, get, post } from '../../lib/api';
import { queryClient } from '../../lib/query-client';
import { sessionQueryKey } from '../../lib/session-key';
import { parseApiResponse } from '../../lib/upload-file';

/** `GET /api/feedback/categories`: active categories and sub-categories. */
export function useFeedbackCategories() {
  return useQuery({
    queryKey: ['feedback', 'categories'],
    queryFn: ({ signal }) => get<FeedbackCategory[]>('/api/feedback/categories', { signal }),
    staleTime: 30 * 60_000,
  });
}

/** `GET /api/units/locate`: the commune containing a pin (422 POINT_OUTSIDE_PROVINCE outside). */
export function useLocate(point: { lat: number; lon: number } | null) {
  // ~1 m of rounding: moving the pin by a pixel does not refetch for nothing.
  const lat = point ? Number(point.lat.toFixed(5)) : null;
  const lon = point ? Number(point.lon.toFixed(5)) : null;
  return useQuery({
    queryKey: ['units', 'locate', lat, lon],
    queryFn: ({ signal }) => get<UnitSummary>('/api/units/locate', { signal, query: { lat, lon } }),
    enabled: lat !== null && lon !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: (count, error) => !(error instanceof ApiClientError && error.status < 500) && count < 2,
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/feedback/classify`: a suggested category for the text (nothing is stored). */
export function useClassify(text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: ['feedback', 'classify', trimmed],
    queryFn: () => post<FeedbackClassifyAnswer>('/api/feedback/classify', { text: trimmed }),
    // Too little text says nothing about the category.
    enabled: trimmed.length >= 15,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export interface SimilarReport {
  reference: string;
  categoryName: string;
  description: string;
  stateLabel: string;
  createdAt: string;
  distanceM: number;
}

/** `GET /api/feedback/similar`: same category within ~100 m in the last 30 days. */
export function useSimilarReports(category: string, point: { lat: number; lng: number } | null) {
  return useQuery({
    queryKey: ['feedback', 'similar', category, point?.lat, point?.lng],
    queryFn: ({ signal }) =>
      get<{ items: SimilarReport[] }>('/api/feedback/similar', {
        signal,
        query: { category, lat: point?.lat, lng: point?.lng },
      }),
    enabled: Boolean(category && point),
    staleTime: 60_000,
  });
}

/** `POST /api/feedback/reports/:ref/follow` (signed in). */
export function followReport(reference: string): Promise<undefined> {
  return post<undefined>(`/api/feedback/reports/${encodeURIComponent(reference)}/follow`);
}

/** `GET /api/my/feedback`: the signed-in resident's reports. */
export function useMyReports(enabled: boolean) {
  return useQuery({
    queryKey: ['my', 'feedback'],
    queryFn: ({ signal }) =>
      get<MyFeedbackList>('/api/my/feedback', { signal, query: { pageSize: 50 } }),
    enabled,
  });
}

async function csrf(): Promise<string | null> {
  const session = await queryClient.fetchQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => get<SessionInfo>('/api/auth/session', { signal }),
  });
  return session.csrfToken ?? null;
}

/** `POST /api/feedback/reports` (multipart: text fields first, then up to 5 `media` photos). */
export async function submitReport(
  fields: Record<string, string>,
  photos: File[],
): Promise<FeedbackCreated> {
  const token = await csrf();
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const photo of photos) form.append('media', photo, photo.name);
  let response: Response;
  try {
    response = await fetch('/api/feedback/reports', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': i18n.language === 'en' ? 'en' : 'vi',
        ...(token ? { 'x-csrf-token': token } : {}),
      },
      body: form,
    });
  } catch {
    throw new ApiClientError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
  }
  return parseApiResponse<FeedbackCreated>(
    response.status,
    await response.text(),
    response.headers.get('x-request-id'),
  );
}
