import type {
  TaskAssignmentList,
  TaskAssignmentStatus,
  TaskCreate,
  TaskDetail,
  TaskExtensionDecision,
  TaskExtensionRequest,
  TaskList,
  TaskPriority,
  TaskProgressReport,
  UnitList,
} from '@cqs/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../lib/api';
import { postWithHeaders } from '../../lib/upload-file';

// Types only from @cqs/shared: its zod schemas stay out of this chunk.
export type {
  TaskAssignmentDetail,
  TaskAssignmentListItem,
  TaskAssignmentStatus,
  TaskDetail,
  TaskEvent,
  TaskExtension,
  TaskPriority,
  TaskSummary,
  UnitSummary,
} from '@cqs/shared';

// Written out (not imported from @cqs/shared) so the zod enums stay out of this chunk.
export const priorities: TaskPriority[] = ['normal', 'high', 'urgent'];
export const statuses: TaskAssignmentStatus[] = [
  'in_progress',
  'overdue',
  'done_on_time',
  'done_late',
  'cancelled',
];

const enc = encodeURIComponent;
const root = ['officer', 'tasks'] as const;
export const taskKey = (id: string) => [...root, 'task', id] as const;

export interface BoardParams {
  unitCode: string;
  status?: TaskAssignmentStatus | undefined;
  priority?: TaskPriority | undefined;
  escalated?: 'true' | undefined;
  page: number;
  pageSize: number;
}

/** `GET /api/officer/task-assignments`: what the unit (and the units below it) must do. */
export function useTaskBoard(params: BoardParams) {
  return useQuery({
    queryKey: [...root, 'board', params],
    queryFn: ({ signal }) =>
      get<TaskAssignmentList>('/api/officer/task-assignments', { signal, query: { ...params } }),
    enabled: Boolean(params.unitCode),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export interface AssignedParams {
  unitCode: string;
  state?: 'active' | 'cancelled' | undefined;
  priority?: TaskPriority | undefined;
  page: number;
  pageSize: number;
}

/** `GET /api/officer/tasks`: what the unit (and the units below it) assigned. */
export function useAssignedTasks(params: AssignedParams) {
  return useQuery({
    queryKey: [...root, 'assigned', params],
    queryFn: ({ signal }) => get<TaskList>('/api/officer/tasks', { signal, query: { ...params } }),
    enabled: Boolean(params.unitCode),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKey(id),
    queryFn: ({ signal }) => get<TaskDetail>(`/api/officer/tasks/${enc(id)}`, { signal }),
    staleTime: 0,
  });
}

/** Units directly below the assigning unit: the communes and departments it may assign to. */
export function useUnitsBelow(unitCode: string) {
  return useQuery({
    queryKey: ['units', 'children', unitCode],
    queryFn: ({ signal }) =>
      get<UnitList>('/api/units', { signal, query: { parent: unitCode, limit: 200 } }),
    // External bodies (e.g. the power company) take feedback, not the province's directives.
    select: (list: UnitList) => list.items.filter((u) => u.kind !== 'external'),
    enabled: Boolean(unitCode),
    staleTime: 60 * 60_000,
  });
}

/** `POST /api/officer/tasks` with the form's Idempotency-Key: a retry never assigns twice. */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: TaskCreate; key: string }) =>
      postWithHeaders<TaskDetail>('/api/officer/tasks', body, { 'idempotency-key': key }),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKey(task.id), task);
      void queryClient.invalidateQueries({ queryKey: [...root, 'assigned'] });
    },
  });
}

export type TaskAction =
  | { kind: 'progress'; assignmentId: string; body: TaskProgressReport }
  | { kind: 'extension'; assignmentId: string; body: TaskExtensionRequest }
  | { kind: 'done'; assignmentId: string; body: { text: string; attachmentIds: string[] } }
  | { kind: 'decide'; extensionId: string; body: TaskExtensionDecision }
  | { kind: 'cancel'; body: { reason: string } };

function actionPath(taskId: string, a: TaskAction): string {
  switch (a.kind) {
    case 'decide':
      return `/api/officer/task-extensions/${enc(a.extensionId)}/decision`;
    case 'cancel':
      return `/api/officer/tasks/${enc(taskId)}/cancel`;
    default:
      return `/api/officer/task-assignments/${enc(a.assignmentId)}/${a.kind}`;
  }
}

/** Every action answers the task as the viewer sees it now: it replaces the cached one. */
export function useTaskAction(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TaskAction) => post<TaskDetail>(actionPath(taskId, action), action.body),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKey(taskId), task);
      void queryClient.invalidateQueries({
        queryKey: root,
        predicate: (q) => q.queryKey[2] !== 'task',
      });
    },
  });
}
