import type { UnitDetail, UnitList } from '@cqs/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from './api';

/** `GET /api/units?q=&kind=commune&limit=200`: all 102 communes fit in one page. */
export function useCommunes(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['units', 'commune', text],
    queryFn: ({ signal }) =>
      get<UnitList>('/api/units', { signal, query: { q: text, kind: 'commune', limit: 200 } }),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

/** `GET /api/units/:code`. */
export function useUnit(code: string) {
  return useQuery({
    queryKey: ['unit', code],
    queryFn: ({ signal }) => get<UnitDetail>(`/api/units/${encodeURIComponent(code)}`, { signal }),
    staleTime: 10 * 60_000,
  });
}

const typeKeys: Record<string, 'commune' | 'ward' | 'specialZone' | 'province'> = {
  xã: 'commune',
  phường: 'ward',
  'đặc khu': 'specialZone',
  tỉnh: 'province',
};

/** i18n key for a unit type as the API spells it ("xã", "phường", "đặc khu" …). */
export function unitTypeKey(type: string) {
  const key = typeKeys[type.normalize('NFC').toLowerCase()];
  return key ? (`unit.types.${key}` as const) : ('unit.types.other' as const);
}
