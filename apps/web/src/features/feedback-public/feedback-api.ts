import type {
  FeedbackCategory,
  FeedbackList as FeedbackListSchema,
  FeedbackPublic,
  FeedbackStats as FeedbackStatsSchema,
  FeedbackUnitStatsList,
} from '@cqs/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, post } from '../../lib/api';

// Types only: importing the shared zod schemas as values would pull them into this chunk.
export type FeedbackReport = FeedbackPublic;
export type FeedbackList = z.infer<typeof FeedbackListSchema>;
export type FeedbackListItem = FeedbackList['items'][number];
export type FeedbackStats = z.infer<typeof FeedbackStatsSchema>;
export type { FeedbackCategory };

export interface ListFilters {
  category?: string | undefined;
  commune?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize?: number;
}

export const feedbackKey = ['feedback-public'] as const;
const path = (ref: string) => `/api/feedback/reports/${encodeURIComponent(ref)}`;

/** `GET /api/feedback/reports`: approved reports only, newest first. */
export function useFeedbackList(filters: ListFilters) {
  return useQuery({
    queryKey: [...feedbackKey, 'list', filters],
    queryFn: ({ signal }) =>
      get<FeedbackList>('/api/feedback/reports', {
        signal,
        query: { ...filters, pageSize: filters.pageSize ?? 20 },
      }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/feedback/reports/:ref`: the public view (answer, public events, photo links). */
export function useFeedbackReport(ref: string) {
  return useQuery({
    queryKey: [...feedbackKey, 'report', ref],
    queryFn: ({ signal }) => get<FeedbackReport>(path(ref), { signal }),
  });
}

/** `GET /api/feedback/categories` (main categories and sub-categories, active only). */
export function useFeedbackCategories() {
  return useQuery({
    queryKey: [...feedbackKey, 'categories'],
    queryFn: ({ signal }) => get<FeedbackCategory[]>('/api/feedback/categories', { signal }),
    staleTime: 30 * 60_000,
  });
}

/** `GET /api/feedback/stats/units`: the on-time table of every unit that holds or held reports. */
export function useUnitStats() {
  return useQuery({
    queryKey: [...feedbackKey, 'stats', 'units'],
    queryFn: ({ signal }) => get<FeedbackUnitStatsList>('/api/feedback/stats/units', { signal }),
    staleTime: 60_000,
  });
}

/**
 * What the signed-in resident may do with one of their own reports, as `GET /api/my/feedback`
 * says (the same rules the API applies to info/rate/reopen). Declared here rather than imported
 * so this page needs only these four fields.
 */
export interface OwnReport {
  reference: string;
  canRate: boolean;
  canReopen: boolean;
  canProvideInfo: boolean;
  actionDeadline: string | null;
}

const MY_PAGE = 50;

/**
 * The resident's own entry for `ref`, or null when they did not send it. The public view does
 * not say who sent a report; "my reports" does, with the actions allowed now.
 */
export function useOwnReport(ref: string, enabled: boolean) {
  return useQuery({
    queryKey: [...feedbackKey, 'mine', ref],
    queryFn: async ({ signal }) => {
      // Newest first: a resident's few reports fit in the first page; look further if needed.
      for (let page = 1; page <= 20; page++) {
        const list = await get<{ items: OwnReport[]; total: number }>('/api/my/feedback', {
          signal,
          query: { page, pageSize: MY_PAGE },
        });
        const own = list.items.find((i) => i.reference === ref);
        if (own) return own;
        if (page * MY_PAGE >= list.total) break;
      }
      return null;
    },
    enabled,
  });
}

/** Report actions re-read the report so status, events and the forms shown follow the API. */
function useReportMutation<T>(send: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKey }),
  });
}

/** `POST …/follow` (204; following twice is harmless). */
export const useFollowReport = (ref: string) =>
  useReportMutation<void>(() => post<void>(`${path(ref)}/follow`));

/** `POST …/info {text}`: the reporter answers a request for more information. */
export const useProvideInfo = (ref: string) =>
  useReportMutation<{ text: string }>((body) => post(`${path(ref)}/info`, body));

/** `POST …/rate {rating, comment?}`: closes the report. */
export const useRateReport = (ref: string) =>
  useReportMutation<{ rating: number; comment?: string }>((body) =>
    post(`${path(ref)}/rate`, body),
  );

/** `POST …/reopen {reason}` within 7 days of the answer. */
export const useReopenReport = (ref: string) =>
  useReportMutation<{ reason: string }>((body) => post(`${path(ref)}/reopen`, body));
