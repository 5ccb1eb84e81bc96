import type {
  DashboardAlerts,
  FeedbackDashboard,
  ServiceIndex,
  TeamsDashboard,
} from './dashboard-api';
import type { Direction, ScaleKind } from './scale';

/**
 * The indicators a leader can colour the commune map by (pure, tested). Each reads one per-unit
 * number from one of the dashboard's sources; a source that is not available yet leaves its
 * indicators out of the chooser rather than showing zeros.
 */

export const indicatorKeys = [
  'index_points',
  'on_time_rate',
  'online_share',
  'received',
  'feedback_on_time',
  'feedback_satisfaction',
  'feedback_overdue',
  'dossiers_overdue',
  'residents_helped',
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

export type Source = 'index' | 'feedback' | 'teams' | 'alerts';
export type ValueFormat = 'points' | 'percent' | 'count';

export interface IndicatorSpec {
  key: IndicatorKey;
  source: Source;
  kind: ScaleKind;
  direction: Direction;
  format: ValueFormat;
  /** The glossary entry that defines it (a service-index component key, or the indicator key). */
  glossary: string;
}

const spec = (
  key: IndicatorKey,
  source: Source,
  format: ValueFormat,
  direction: Direction,
  glossary: string = key,
): IndicatorSpec => ({
  key,
  source,
  kind: format === 'percent' ? 'rate' : 'quantity',
  direction,
  format,
  glossary,
});

export const indicators: Record<IndicatorKey, IndicatorSpec> = {
  index_points: spec('index_points', 'index', 'points', 'higher_better'),
  on_time_rate: spec('on_time_rate', 'index', 'percent', 'higher_better', 'on_time'),
  online_share: spec('online_share', 'index', 'percent', 'higher_better', 'online_share'),
  received: spec('received', 'index', 'count', 'neutral'),
  feedback_on_time: spec(
    'feedback_on_time',
    'feedback',
    'percent',
    'higher_better',
    'feedback-onTimeRate',
  ),
  feedback_satisfaction: spec(
    'feedback_satisfaction',
    'feedback',
    'percent',
    'higher_better',
    'feedback-satisfiedShare',
  ),
  feedback_overdue: spec(
    'feedback_overdue',
    'feedback',
    'count',
    'lower_better',
    'feedback-openOverdue',
  ),
  dossiers_overdue: spec('dossiers_overdue', 'alerts', 'count', 'lower_better'),
  residents_helped: spec(
    'residents_helped',
    'teams',
    'count',
    'higher_better',
    'teams-residentsHelped',
  ),
};

export function isIndicatorKey(value: string | null): value is IndicatorKey {
  return (indicatorKeys as readonly string[]).includes(value ?? '');
}

export interface Sources {
  index?: ServiceIndex | undefined;
  feedback?: FeedbackDashboard | undefined;
  teams?: TeamsDashboard | undefined;
  alerts?: DashboardAlerts | undefined;
}

export interface UnitValue {
  code: string;
  name: string;
  /** null: nothing to measure in the period (e.g. no dossier decided). */
  value: number | null;
}

/** Alerts about dossiers: the API names the kind 'dossiers' (as the live stream does). */
const isDossierKind = (kind: string) => kind === 'dossiers' || kind === 'dossier';

/**
 * Per-unit values of an indicator, or null when its source is missing. Units in `scope` that a
 * source does not list get 0 for counts (nothing received, nothing overdue) and null for rates
 * and points (nothing to score).
 */
export function unitValues(
  key: IndicatorKey,
  sources: Sources,
  scope: readonly { code: string; name: string }[],
): UnitValue[] | null {
  const found = new Map<string, { name: string; value: number | null }>();
  switch (indicators[key].source) {
    case 'index': {
      if (!sources.index) return null;
      for (const u of sources.index.units) {
        const value =
          key === 'index_points'
            ? u.points
            : key === 'on_time_rate'
              ? u.onTimeRate
              : key === 'online_share'
                ? (u.onlineShare ?? null)
                : u.received;
        found.set(u.unitCode, { name: u.unitName, value });
      }
      break;
    }
    case 'feedback': {
      if (!sources.feedback) return null;
      for (const u of sources.feedback.units) {
        const value =
          key === 'feedback_on_time'
            ? u.onTimeRate
            : key === 'feedback_satisfaction'
              ? u.satisfiedShare
              : u.openOverdue;
        found.set(u.code, { name: u.name, value });
      }
      break;
    }
    case 'teams': {
      if (!sources.teams) return null;
      for (const u of sources.teams.units) {
        found.set(u.code, { name: u.name, value: u.residentsHelped });
      }
      break;
    }
    case 'alerts': {
      if (!sources.alerts) return null;
      for (const a of sources.alerts.items) {
        if (!isDossierKind(a.kind) || a.level !== 'overdue') continue;
        const before = found.get(a.unit.code)?.value ?? 0;
        found.set(a.unit.code, { name: a.unit.name, value: before + a.count });
      }
      break;
    }
  }
  const countLike = indicators[key].format === 'count';
  const rows: UnitValue[] = scope.map((u) => ({
    code: u.code,
    name: found.get(u.code)?.name ?? u.name,
    value: found.get(u.code)?.value ?? (countLike ? 0 : null),
  }));
  // Units the sources list beyond the given scope (e.g. departments) are kept too.
  const known = new Set(scope.map((u) => u.code));
  for (const [code, row] of found) if (!known.has(code)) rows.push({ code, ...row });
  return rows;
}

/**
 * Table order (pure, tested): by a column's value — units without a value last, whatever the
 * direction — or by name in Vietnamese order when `valueFor` is null.
 */
export function sortUnits<T extends { name: string }>(
  rows: readonly T[],
  valueFor: ((row: T) => number | null) | null,
  descending: boolean,
): T[] {
  const sign = descending ? -1 : 1;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'vi');
  if (!valueFor) return [...rows].sort((a, b) => sign * byName(a, b));
  return [...rows].sort((a, b) => {
    const va = valueFor(a);
    const vb = valueFor(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return va !== vb ? sign * (va - vb) : byName(a, b);
  });
}
