import type { CommuneMap } from '@cqs/shared';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api';

/** `GET /api/units/map`: simplified boundaries of every commune (rings with fill-rule evenodd). */
export type CommuneMapData = CommuneMap;

/** The commune boundaries change with a law, not during a visit: fetched once per page load. */
export function useCommuneMap() {
  return useQuery({
    queryKey: ['units', 'map'],
    queryFn: ({ signal }) => get<CommuneMapData>('/api/units/map', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
