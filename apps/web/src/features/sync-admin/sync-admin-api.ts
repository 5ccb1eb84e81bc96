import type { NationalSyncList, NationalSyncRetryResult, NationalSyncState } from '@cqs/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../lib/api';

export type { NationalSyncItem, NationalSyncList, NationalSyncState } from '@cqs/shared';

const key = ['national-sync'] as const;
const pageSize = 50;

/** `GET /api/admin/national-sync`: one state, newest first, paged by cursor. */
export function useSyncRecords(state: NationalSyncState) {
  return useInfiniteQuery({
    queryKey: [...key, state],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      get<NationalSyncList>('/api/admin/national-sync', {
        query: { state, limit: pageSize, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Retry one failed record (`id`) or every failed record (no id). */
export function useRetry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | null) =>
      post<NationalSyncRetryResult>(
        id === null
          ? '/api/admin/national-sync/retry-failed'
          : `/api/admin/national-sync/${id}/retry`,
      ),
    // Counts and every tab change: refetch them all.
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
