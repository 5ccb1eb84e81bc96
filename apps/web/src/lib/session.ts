import type { SessionInfo, SessionUser } from '@cqs/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from './api';
import { sessionQueryKey } from './session-key';

export { sessionQueryKey } from './session-key';

export type ResidentUser = Extract<SessionUser, { kind: 'resident' }>;
export type OfficerUser = Extract<SessionUser, { kind: 'officer' }>;

export const sessionQuery = {
  queryKey: sessionQueryKey,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    get<SessionInfo>('/api/auth/session', { signal }),
  staleTime: 5 * 60_000,
  refetchOnWindowFocus: true,
};

/** Who is signed in (`GET /api/auth/session`), shared by every component through the cache. */
export function useSession() {
  const query = useQuery(sessionQuery);
  const user = query.data?.authenticated ? (query.data.user ?? null) : null;
  return {
    ...query,
    user,
    resident: user?.kind === 'resident' ? user : null,
    officer: user?.kind === 'officer' ? user : null,
  };
}

/** Put a session returned by login / unit switch into the cache without another round trip. */
export function useSetSession() {
  const queryClient = useQueryClient();
  return (session: SessionInfo) => queryClient.setQueryData(sessionQueryKey, session);
}

/** `POST /api/auth/logout`, then forget everything cached for the old user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<unknown>('/api/auth/logout'),
    onSettled: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
      await queryClient.refetchQueries({ queryKey: sessionQueryKey });
    },
  });
}

/** Where the resident sign-in (VNeID via OIDC) starts: a full page navigation, not a fetch. */
export function residentSignInUrl(returnTo: string): string {
  return `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;
}
