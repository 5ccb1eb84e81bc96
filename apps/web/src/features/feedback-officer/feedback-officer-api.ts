import type { FeedbackCategory, FeedbackRule, UnitList, UnitOfficers } from '@cqs/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from '../../lib/api';

// Types only from @cqs/shared: its zod schemas stay out of this chunk.
export type { FeedbackCategory, FeedbackRule } from '@cqs/shared';

const enc = encodeURIComponent;

/** The inbox's deadline band (feedback.queries.ts `band`). */
export type FeedbackBand = 'overdue' | 'due_soon' | 'on_time' | 'paused' | 'done';

/** One row of `GET /api/officer/feedback` (and of the triage queue). */
export interface FeedbackInboxItem {
  id: string;
  reference: string;
  categoryCode: string;
  categoryFlagged: boolean;
  state: string;
  assignedUnitCode: string | null;
  assignedOfficerId: string | null;
  communeCode: string | null;
  description: string;
  dueAt: string | null;
  moderationState: 'visible' | 'pending' | 'hidden';
  escalationLevel: number;
  rowVersion: number;
  band: FeedbackBand;
  createdAt: string;
}

export interface FeedbackInbox {
  items: FeedbackInboxItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface FeedbackEvent {
  id: number;
  type: string;
  state: string;
  at: string;
  actorKind: string;
  unitCode: string | null;
  public: boolean;
  note: string | null;
}

/** `GET /api/officer/feedback/:id`: the public view plus contacts, notes and allowed actions. */
export interface FeedbackReport {
  id: string;
  reference: string;
  categoryCode: string;
  categoryName: string;
  description: string;
  lat: number | null;
  lng: number | null;
  communeCode: string | null;
  communeName: string | null;
  address: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  anonymous: boolean;
  state: string;
  stateLabel: string;
  assignedUnitCode: string | null;
  assignedUnitName: string | null;
  dueAt: string | null;
  publicAnswer: string | null;
  answeredAt: string | null;
  rating: number | null;
  createdAt: string;
  closedAt: string | null;
  photos: { id: string; url: string }[];
  suggestedCategory: string | null;
  classifierConfidence: number | null;
  categoryFlagged: boolean;
  moderationState: 'visible' | 'pending' | 'hidden';
  moderationReasons: string[] | null;
  escalationLevel: number;
  assignedOfficerId: string | null;
  rowVersion: number;
  band: FeedbackBand;
  allowedActions: { name: string; label: string }[];
  internalEvents: FeedbackEvent[];
}

/** `POST /api/officer/feedback/:id/actions` body (FeedbackActionBody). */
export interface FeedbackActionInput {
  action: string;
  expectedRowVersion: number;
  note?: string;
  publicReply?: string;
  categoryCode?: string;
  officerId?: string;
  toUnitCode?: string;
}

export interface RouteTestResult {
  matched: boolean;
  ruleIndex: number | null;
  unitCode: string | null;
  unitName: string | null;
  communeCode: string | null;
}

export interface RouteTestInput {
  rules?: FeedbackRule[];
  categoryCode: string;
  lat?: number;
  lng?: number;
  communeCode?: string;
}

export interface InboxParams {
  unitCode: string;
  state?: string;
  band?: string;
  category?: string;
  page: number;
  pageSize: number;
}

const root = ['officer', 'feedback'] as const;
export const reportKey = (id: string) => [...root, 'report', id] as const;

export function useFeedbackInbox(params: InboxParams) {
  return useQuery({
    queryKey: [...root, 'inbox', params],
    queryFn: ({ signal }) =>
      get<FeedbackInbox>('/api/officer/feedback', { signal, query: { ...params } }),
    enabled: Boolean(params.unitCode),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useTriageQueue(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...root, 'triage', page, pageSize],
    queryFn: ({ signal }) =>
      get<FeedbackInbox>('/api/officer/feedback/triage', { signal, query: { page, pageSize } }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useFeedbackReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: ({ signal }) => get<FeedbackReport>(`/api/officer/feedback/${enc(id)}`, { signal }),
    staleTime: 0,
  });
}

/** One action; the answer is only the new state, so the report is read again. */
export function useFeedbackAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackActionInput) =>
      post<{ state: string; rowVersion: number }>(`/api/officer/feedback/${enc(id)}/actions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

/** Active categories and sub-categories (`GET /api/feedback/categories`). */
export function useFeedbackCategories() {
  return useQuery({
    queryKey: ['feedback', 'categories'],
    queryFn: ({ signal }) => get<FeedbackCategory[]>('/api/feedback/categories', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useAddSubCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      code: string;
      parentCode: string;
      nameVi: string;
      nameEn: string;
      descriptionVi?: string;
      answerDays?: number;
    }) => post<FeedbackCategory>('/api/admin/feedback/categories', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['feedback', 'categories'] }),
  });
}

/** Every unit of the province (about 120): names for codes, and the pickers. */
export function useAllUnits() {
  return useQuery({
    queryKey: ['units', 'all-200'],
    queryFn: ({ signal }) => get<UnitList>('/api/units', { signal, query: { limit: 200 } }),
    staleTime: 60 * 60_000,
  });
}

export function useUnitOfficers(unitCode: string | null) {
  return useQuery({
    queryKey: ['officer', 'unit-officers', unitCode],
    queryFn: ({ signal }) =>
      get<UnitOfficers>(`/api/officer/units/${enc(unitCode ?? '')}/officers`, { signal }),
    enabled: Boolean(unitCode),
    staleTime: 5 * 60_000,
  });
}

const rulesKey = ['admin', 'feedback', 'rules'] as const;

export function useRoutingRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) =>
      get<{ rules: (FeedbackRule & { id: string })[] }>('/api/admin/feedback/rules', { signal }),
    staleTime: 0,
  });
}

export function useSaveRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: FeedbackRule[]) =>
      api<{ rules: (FeedbackRule & { id: string })[] }>('/api/admin/feedback/rules', {
        method: 'PUT',
        body: { rules },
      }),
    onSuccess: (saved) => queryClient.setQueryData(rulesKey, saved),
  });
}

export function useTestRoute() {
  return useMutation({
    mutationFn: (body: RouteTestInput) =>
      post<RouteTestResult>('/api/admin/feedback/rules/test', body),
  });
}
