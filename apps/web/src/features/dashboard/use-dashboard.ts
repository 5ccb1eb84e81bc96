import { type OfficerRole, permissions } from '@cqs/shared';
import { createContext, useCallback, useContext, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../lib/session';
import { type OfficerUnit, unitsOf } from '../officer/officer-layout';
import { vnDay } from '../processing/format';
import { type Period, periodFromParams, periodParams } from './period';

const readRoles: readonly OfficerRole[] = permissions['dashboard.read'];
const assignRoles: readonly OfficerRole[] = permissions['tasks.assign'];

export interface DashboardViewer {
  /** The unit the dashboard opens on: the active unit when it may be read there, else the first. */
  home: OfficerUnit | null;
  /** The active unit's roles allow assigning tasks (to the units below it). */
  mayAssignFrom: OfficerUnit | null;
}

/** Who is looking, and from which unit (the API checks the same grants with AccessPolicy). */
export function useDashboardViewer(): DashboardViewer {
  const { officer } = useSession();
  return useMemo(() => {
    if (!officer) return { home: null, mayAssignFrom: null };
    const units = unitsOf(officer);
    const readable = units.filter((u) => u.roles.some((r) => readRoles.includes(r)));
    const active = units.find((u) => u.unitCode === officer.activeUnitCode) ?? null;
    const home = readable.find((u) => u.unitCode === officer.activeUnitCode) ?? readable[0] ?? null;
    const mayAssignFrom = active?.roles.some((r) => assignRoles.includes(r)) ? active : null;
    return { home, mayAssignFrom };
  }, [officer]);
}

/**
 * May the officer do `action` at one of their units? Links into another screen are offered only
 * then (a dashboard viewer reads numbers, not dossiers); the API checks the unit itself.
 */
export function useMay(action: 'dossiers.read' | 'feedback.handle'): boolean {
  const { officer } = useSession();
  const roles: readonly OfficerRole[] = permissions[action];
  return Boolean(officer?.grants.some((g) => roles.includes(g.role)));
}

/** Today in Vietnam (the periods run to it). */
export function useToday(): string {
  return vnDay(new Date());
}

/** The period in the page's address, and a setter that keeps the other parameters. */
export function usePeriod(): [Period, (next: Period) => void] {
  const [params, setParams] = useSearchParams();
  const today = useToday();
  const period = useMemo(() => periodFromParams(params, today), [params, today]);
  const setPeriod = useCallback(
    (next: Period) => {
      const copy = new URLSearchParams(params);
      for (const key of ['period', 'from', 'to']) copy.delete(key);
      for (const [key, value] of Object.entries(periodParams(next))) copy.set(key, value);
      setParams(copy, { replace: true });
    },
    [params, setParams],
  );
  return [period, setPeriod];
}

/** What the frame shows above every dashboard page: the newest "as of" time reported. */
export interface FrameContext {
  reportAsOf: (iso: string | undefined) => void;
}

export const DashboardFrameContext = createContext<FrameContext>({ reportAsOf: () => {} });

/** A page tells the frame when its numbers were read. */
export function useReportAsOf(iso: string | undefined): void {
  const { reportAsOf } = useContext(DashboardFrameContext);
  useEffect(() => reportAsOf(iso), [iso, reportAsOf]);
}
