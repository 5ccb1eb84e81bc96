import type {
  AcceptDossierResult,
  BulkAssignBody,
  BulkAssignResult,
  CalendarDayList,
  DossierActionBody,
  DossierWorkspace,
  FormSchema,
  IntakeBody,
  IntakeResult,
  ReceptionQueue,
  UnitList,
  UnitOfficers,
  WorkQueue,
} from '@cqs/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../lib/api';
import { postWithHeaders } from '../../lib/upload-file';

// Types only from @cqs/shared: its zod schemas stay out of this chunk.
export type {
  ActionField,
  AllowedAction,
  BulkAssignResult,
  DossierActionBody,
  DossierWorkspace,
  IntakeBody,
  IntakeResult,
  ReceptionQueueItem,
  WorkQueue,
  WorkQueueItem,
} from '@cqs/shared';

const enc = encodeURIComponent;

export type Scope = 'mine' | 'unit';
export type BandFilter = 'all' | 'overdue' | 'due_soon' | 'within' | 'paused';

export interface WorkQueueParams {
  unitCode: string;
  scope: Scope;
  band: BandFilter;
  statusCode?: number;
  q?: string;
  limit: number;
  offset: number;
}

export const workQueueKey = ['officer', 'work'] as const;
export const receptionKey = ['officer', 'reception'] as const;
export const workspaceKey = (id: string) => ['officer', 'dossier', id] as const;

/** `GET /api/officer/work`: the unit's (or my) dossiers with counts per band. */
export function useWorkQueue(params: WorkQueueParams) {
  return useQuery({
    queryKey: [...workQueueKey, params],
    queryFn: ({ signal }) => get<WorkQueue>('/api/officer/work', { signal, query: { ...params } }),
    enabled: Boolean(params.unitCode),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** `GET /api/officer/reception`: online dossiers waiting to be received, oldest first. */
export function useReceptionQueue(unitCode: string) {
  return useQuery({
    queryKey: [...receptionKey, unitCode],
    queryFn: ({ signal }) =>
      get<ReceptionQueue>('/api/officer/reception', { signal, query: { unitCode } }),
    enabled: Boolean(unitCode),
    staleTime: 15_000,
  });
}

/** `POST /api/officer/dossiers/:id/accept` (status 1 → 2, issues the official code). */
export function useAccept() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; expectedRowVersion: number }) =>
      post<AcceptDossierResult>(`/api/officer/dossiers/${enc(input.id)}/accept`, {
        expectedRowVersion: input.expectedRowVersion,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['officer'] }),
  });
}

/** `GET /api/officer/dossiers/:id`: everything the officer needs to act on one dossier. */
export function useWorkspace(id: string) {
  return useQuery({
    queryKey: workspaceKey(id),
    queryFn: ({ signal }) => get<DossierWorkspace>(`/api/officer/dossiers/${enc(id)}`, { signal }),
    staleTime: 0,
  });
}

/** `POST /api/officer/dossiers/:id/actions`: the answer is the new workspace. */
export function useDossierAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: DossierActionBody) => {
      // "accept" issues the official code and has its own route (reception module).
      if (body.action === 'accept') {
        await post<AcceptDossierResult>(`/api/officer/dossiers/${enc(id)}/accept`, {
          expectedRowVersion: body.expectedRowVersion,
        });
        return get<DossierWorkspace>(`/api/officer/dossiers/${enc(id)}`);
      }
      return post<DossierWorkspace>(`/api/officer/dossiers/${enc(id)}/actions`, body);
    },
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceKey(id), workspace);
      void queryClient.invalidateQueries({ queryKey: workQueueKey });
      void queryClient.invalidateQueries({ queryKey: receptionKey });
    },
  });
}

/** `POST /api/officer/dossiers/assign`: one answer per dossier (ok, or why not). */
export function useBulkAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAssignBody) =>
      post<BulkAssignResult>('/api/officer/dossiers/assign', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workQueueKey }),
  });
}

/** `GET /api/officer/units/:code/officers`: the assignee picker. */
export function useUnitOfficers(unitCode: string | null | undefined) {
  return useQuery({
    queryKey: ['officer', 'unit-officers', unitCode],
    queryFn: ({ signal }) =>
      get<UnitOfficers>(`/api/officer/units/${enc(unitCode ?? '')}/officers`, { signal }),
    enabled: Boolean(unitCode),
    staleTime: 5 * 60_000,
  });
}

/** `GET /api/units?q=`: the transfer target picker (any kind of unit). */
export function useUnitSearch(q: string, enabled: boolean) {
  const text = q.trim();
  return useQuery({
    queryKey: ['units', 'any', text],
    queryFn: ({ signal }) => get<UnitList>('/api/units', { signal, query: { q: text, limit: 20 } }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

/** `GET /api/procedures?q=`: the intake procedure picker. */
export function useProcedurePicker(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['procedures', 'picker', text],
    queryFn: ({ signal }) =>
      get<{ items: { code: string; name: string; field: string }[]; total: number }>(
        '/api/procedures',
        { signal, query: { q: text, limit: 10 } },
      ),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

/** `GET /api/procedures/:code/form`: labels and option names for the answers and documents. */
export function useProcedureForm(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['procedure-form', code],
    queryFn: ({ signal }) => get<FormSchema>(`/api/procedures/${enc(code)}/form`, { signal }),
    enabled,
    staleTime: 60 * 60_000,
    retry: false,
  });
}

/**
 * `POST /api/officer/intake` with one Idempotency-Key per intake form: a double click or a retry
 * after a lost answer replays the first dossier instead of making a second one.
 */
export function submitIntake(body: IntakeBody, idempotencyKey: string): Promise<IntakeResult> {
  return postWithHeaders<IntakeResult>('/api/officer/intake', body, {
    'idempotency-key': idempotencyKey,
  });
}

/**
 * Days off between two dates (`GET /api/calendar/working-days`), to say "còn 2 ngày làm việc":
 * the queue gives due dates, not the working days left.
 */
export function useDaysOff(from: string, to: string | null) {
  return useQuery({
    queryKey: ['calendar', 'days-off', from, to],
    queryFn: ({ signal }) =>
      get<CalendarDayList>('/api/calendar/working-days', { signal, query: { from, to } }),
    enabled: Boolean(to) && (to ?? '') >= from,
    staleTime: 60 * 60_000,
  });
}

export const formPath = (dossierId: string, form: string) =>
  `/api/officer/dossiers/${enc(dossierId)}/forms/${enc(form)}`;
export const filePath = (fileId: string) => `/api/files/${enc(fileId)}`;
export const officerResultPath = (dossierId: string) =>
  `/api/officer/dossiers/${enc(dossierId)}/result`;
