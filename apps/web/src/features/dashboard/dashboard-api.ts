import type {
  DashboardAlert,
  DashboardAlertLevel,
  DashboardAlerts,
  DashboardTeamRow,
  DashboardTeams,
  DrillableComponent,
  FeedbackDrill,
  FeedbackDrillFilter,
  FeedbackDrillItem,
  FeedbackIndicatorRow,
  FeedbackIndicators,
  ServiceIndex,
  ServiceIndexDrill,
  TaskAssignmentList,
  TaskAssignmentListItem,
  UnitList,
} from '@cqs/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiClientError, get } from '../../lib/api';
import { dashboardKey } from './keys';

// Types only from @cqs/shared: its zod schemas stay out of this chunk.
export type {
  DashboardText,
  DrillableComponent,
  ServiceIndex,
  ServiceIndexComponent,
  ServiceIndexDrill,
  ServiceIndexDrillItem,
  ServiceIndexGroup,
  ServiceIndexUnitRow,
  TaskAssignmentListItem,
  TaskAssignmentStatus,
} from '@cqs/shared';

export { dashboardKey } from './keys';

/** Written out (not imported) so the zod enum stays out of the chunk; checked by `tsc`. */
export const drillable = [
  'on_time',
  'end_to_end_online',
  'paid_online',
  'e_result',
  'digitised',
  'vneid_accounts',
] as const satisfies readonly DrillableComponent[];

export function isDrillable(key: string): key is DrillableComponent {
  return (drillable as readonly string[]).includes(key);
}

/**
 * A route the server does not have yet (the generic 404 of an unknown path, not a domain 404):
 * the page says the view is not available instead of showing made-up numbers.
 */
export function isNotAvailable(error: unknown): boolean {
  return error instanceof ApiClientError && error.status === 404 && error.code === 'NOT_FOUND';
}

export interface PeriodQuery {
  from: string;
  to: string;
  unit: string;
}

// Feedback (§2), community teams (§9) and alerts (§6): shapes from @cqs/shared, renamed here.
export type FeedbackDashboard = FeedbackIndicators;
export type FeedbackRow = FeedbackIndicatorRow;
export type TeamsDashboard = DashboardTeams;
export type TeamValues = DashboardTeamRow;
export type AlertLevel = DashboardAlertLevel;
export type { DashboardAlert, DashboardAlerts, FeedbackDrill, FeedbackDrillItem };

/** Written out so the zod enum stays out of the chunk; checked by `tsc`. */
export const feedbackFilters = [
  'overdue',
  'late',
  'unsatisfied',
  'not_on_time',
  'all',
] as const satisfies readonly FeedbackDrillFilter[];
export type FeedbackFilter = FeedbackDrillFilter;

/** The service index's feedback components drill to the reports behind them. */
export const feedbackComponentFilter: Record<string, FeedbackFilter> = {
  feedback_on_time: 'not_on_time',
  feedback_satisfaction: 'unsatisfied',
};

// ---- Queries ----

const minute = 60_000;

/** `GET /api/dashboard/service-index`: groups, per unit, per procedure. */
export function useServiceIndex(q: PeriodQuery, enabled = true) {
  return useQuery({
    queryKey: [...dashboardKey, 'service-index', q],
    queryFn: ({ signal }) =>
      get<ServiceIndex>('/api/dashboard/service-index', { signal, query: { ...q } }),
    enabled: enabled && Boolean(q.unit),
    placeholderData: keepPreviousData,
    staleTime: minute,
  });
}

export interface DrillQuery extends PeriodQuery {
  component: DrillableComponent;
  procedure?: string | undefined;
}

/** `GET /api/dashboard/service-index/drill`: the dossiers that lost points, with why. */
export function useServiceIndexDrill(q: DrillQuery) {
  return useQuery({
    queryKey: [...dashboardKey, 'service-index-drill', q],
    queryFn: ({ signal }) =>
      get<ServiceIndexDrill>('/api/dashboard/service-index/drill', { signal, query: { ...q } }),
    placeholderData: keepPreviousData,
    staleTime: minute,
  });
}

/** `GET /api/dashboard/feedback`: received, on time, overdue, satisfaction by category and unit. */
export function useFeedbackDashboard(q: PeriodQuery, enabled = true) {
  return useQuery({
    queryKey: [...dashboardKey, 'feedback', q],
    queryFn: ({ signal }) =>
      get<FeedbackDashboard>('/api/dashboard/feedback', { signal, query: { ...q } }),
    enabled: enabled && Boolean(q.unit),
    placeholderData: keepPreviousData,
    staleTime: minute,
  });
}

export interface FeedbackDrillQuery extends PeriodQuery {
  category?: string | undefined;
  filter: FeedbackFilter;
}

/** `GET /api/dashboard/feedback/drill`: the reports behind a number. */
export function useFeedbackDrill(q: FeedbackDrillQuery) {
  return useQuery({
    queryKey: [...dashboardKey, 'feedback-drill', q],
    queryFn: ({ signal }) =>
      get<FeedbackDrill>('/api/dashboard/feedback/drill', { signal, query: { ...q } }),
    placeholderData: keepPreviousData,
    staleTime: minute,
  });
}

/** `GET /api/dashboard/teams`: community digital teams per commune. */
export function useTeamsDashboard(q: PeriodQuery, enabled = true) {
  return useQuery({
    queryKey: [...dashboardKey, 'teams', q],
    queryFn: ({ signal }) =>
      get<TeamsDashboard>('/api/dashboard/teams', { signal, query: { ...q } }),
    enabled: enabled && Boolean(q.unit),
    placeholderData: keepPreviousData,
    staleTime: 5 * minute,
  });
}

/** `GET /api/dashboard/alerts`: due-soon and overdue work, indicators below their threshold. */
export function useAlerts(unit: string) {
  return useQuery({
    queryKey: [...dashboardKey, 'alerts', unit],
    queryFn: ({ signal }) =>
      get<DashboardAlerts>('/api/dashboard/alerts', { signal, query: { unit } }),
    enabled: Boolean(unit),
    staleTime: minute,
  });
}

/** Units directly below a unit (the scope chooser): communes and departments, not external bodies. */
export function useUnitsBelow(unit: string, enabled = true) {
  return useQuery({
    queryKey: ['units', 'children', unit],
    queryFn: ({ signal }) =>
      get<UnitList>('/api/units', { signal, query: { parent: unit, limit: 200 } }),
    select: (list: UnitList) => list.items.filter((u) => u.kind !== 'external'),
    enabled: enabled && Boolean(unit),
    staleTime: 60 * minute,
  });
}

const STEERING_PAGE = 200;
const STEERING_MAX_PAGES = 10;

/**
 * Every assignment to the unit and the units below it (the steering view), read page by page
 * from the tasks API (200 a page, at most 2,000); `complete` is false when there were more.
 */
export function useSteeringAssignments(unit: string) {
  return useQuery({
    queryKey: [...dashboardKey, 'steering', unit],
    queryFn: async ({ signal }) => {
      const items: TaskAssignmentListItem[] = [];
      let total = 0;
      for (let page = 1; page <= STEERING_MAX_PAGES; page += 1) {
        const list = await get<TaskAssignmentList>('/api/officer/task-assignments', {
          signal,
          query: { unitCode: unit, page, pageSize: STEERING_PAGE },
        });
        total = list.total;
        items.push(...list.items);
        if (items.length >= total || list.items.length < STEERING_PAGE) break;
      }
      return { items, total, complete: items.length >= total };
    },
    enabled: Boolean(unit),
    staleTime: minute,
  });
}
