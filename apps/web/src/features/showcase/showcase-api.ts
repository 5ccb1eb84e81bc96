import type { ShowcaseList, ShowcaseView } from '@cqs/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiClientError, get } from '../../lib/api';

/** `GET /api/showcase`: communes with a published page. */
export function useShowcaseList() {
  return useQuery({
    queryKey: ['showcase', 'list'],
    queryFn: ({ signal }) => get<ShowcaseList>('/api/showcase', { signal }),
    staleTime: 60_000,
  });
}

/** `GET /api/showcase/:code`: the published page (404 SHOWCASE_NOT_PUBLISHED when none). */
export function usePublishedShowcase(code: string) {
  return useQuery({
    queryKey: ['showcase', 'page', code],
    queryFn: ({ signal }) =>
      get<ShowcaseView>(`/api/showcase/${encodeURIComponent(code)}`, { signal }),
    staleTime: 60_000,
    retry: (count, error) =>
      count < 2 && !(error instanceof ApiClientError && error.status === 404),
  });
}
