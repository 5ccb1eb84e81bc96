import type {
  SessionInfo,
  Team,
  TeamActivity,
  TeamActivityCreate,
  TeamDetail,
  TeamImportPreview,
  TeamImportResult,
  TeamIndicators,
  TeamMember,
  TeamMemberCreate,
} from '@cqs/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { i18n } from '../../i18n';
import { ApiClientError, get, post } from '../../lib/api';
import { queryClient } from '../../lib/query-client';
import { sessionQueryKey } from '../../lib/session-key';
import { parseApiResponse } from '../../lib/upload-file';

const base = '/api/officer/teams';

// The API's paged answers (the shared package exports their schemas, not their types).
interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
type TeamList = Paged<Team>;
type TeamActivityList = Paged<TeamActivity>;
type MyTeamMemberships = { items: TeamMember[] };

export function useTeams(q: { unitCode: string; q: string; status: string; page: number }) {
  return useQuery({
    queryKey: ['teams', 'list', q],
    queryFn: ({ signal }) =>
      get<TeamList>(base, {
        signal,
        query: { unitCode: q.unitCode, q: q.q, status: q.status, page: q.page, pageSize: 50 },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: ['teams', 'team', id],
    queryFn: ({ signal }) => get<TeamDetail>(`${base}/${id}`, { signal }),
  });
}

export function useTeamActivities(unitCode: string, teamId: string) {
  return useQuery({
    queryKey: ['teams', 'activities', unitCode, teamId],
    queryFn: ({ signal }) =>
      get<TeamActivityList>(`${base}/activities`, {
        signal,
        query: { unitCode, teamId, pageSize: 20 },
      }),
  });
}

/** The activities one member logged (a member sees only their own anyway), newest first. */
export function useMemberActivities(unitCode: string, memberId: string) {
  return useQuery({
    queryKey: ['teams', 'activities', unitCode, 'member', memberId],
    queryFn: ({ signal }) =>
      get<TeamActivityList>(`${base}/activities`, {
        signal,
        query: { unitCode, memberId, pageSize: 20 },
      }),
    enabled: Boolean(unitCode && memberId),
  });
}

export function useMyMemberships() {
  return useQuery({
    queryKey: ['teams', 'me'],
    queryFn: ({ signal }) => get<MyTeamMemberships>(`${base}/me`, { signal }),
  });
}

export function useIndicators(q: { unitCode: string; from: string; to: string }) {
  return useQuery({
    queryKey: ['teams', 'indicators', q],
    queryFn: ({ signal }) =>
      get<TeamIndicators>(`${base}/indicators`, {
        signal,
        query: { unitCode: q.unitCode, from: q.from, to: q.to },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useAddMember(teamId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamMemberCreate) => post<TeamMember>(`${base}/${teamId}/members`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export function useLogActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamActivityCreate) => post<TeamActivity>(`${base}/activities`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['teams'] }),
  });
}

export const templateUrl = `${base}/import/template.xlsx`;

/**
 * Sends the file for checking (`preview`) or importing (`commit`) with upload progress. A rejected
 * import answers 422 with the same shape as a preview (errors listed, nothing written).
 */
export function sendImport(
  mode: 'preview' | 'commit',
  unitCode: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<TeamImportPreview | TeamImportResult> {
  return queryClient
    .fetchQuery({
      queryKey: sessionQueryKey,
      queryFn: ({ signal }) => get<SessionInfo>('/api/auth/session', { signal }),
    })
    .then(
      (session) =>
        new Promise((resolve, reject) => {
          const xhr = new XMLHttpRequest();
          const form = new FormData();
          form.append('file', file, file.name);
          const path = mode === 'preview' ? `${base}/import/preview` : `${base}/import`;
          xhr.open('POST', `${path}?unitCode=${encodeURIComponent(unitCode)}`);
          xhr.setRequestHeader('accept', 'application/json');
          xhr.setRequestHeader('accept-language', i18n.language === 'en' ? 'en' : 'vi');
          if (session.csrfToken) xhr.setRequestHeader('x-csrf-token', session.csrfToken);
          xhr.upload.onprogress = (e) => {
            if (e.lengthComputable) onProgress(e.loaded / e.total);
          };
          xhr.onload = () => {
            if (xhr.status === 422) {
              try {
                resolve(JSON.parse(xhr.responseText) as TeamImportResult);
                return;
              } catch {
                // fall through to the common error handling
              }
            }
            try {
              resolve(
                parseApiResponse<TeamImportPreview>(
                  xhr.status,
                  xhr.responseText,
                  xhr.getResponseHeader('x-request-id'),
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
          xhr.send(form);
        }),
    );
}
