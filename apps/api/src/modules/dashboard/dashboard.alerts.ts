import type {
  AlertIndicatorKey,
  ComputedComponent,
  DashboardAlert,
  DashboardAlertExample,
  DashboardAlerts,
  DashboardAlertsQuery,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { CalendarService } from '../calendar/calendar.service';
import { addDays, type IsoDate, toLocal } from '../calendar/calendar.time';
import { dueSoonUntil } from '../feedback/feedback.deadline';
import { lastClosedDate } from '../tasks/tasks.status';
import { AlertsRepository, type DueKind, type DueRow } from './dashboard.alerts.repository';
import type { AlertSettingsService } from './dashboard.alerts.settings';
import { addCounters, type Counters, emptyCounters } from './dashboard.facts';
import { computeServiceIndex } from './dashboard.index';
import { DashboardRepository } from './dashboard.repository';
import type { DashboardService } from './dashboard.service';

/** Per unit: how many the rate counts and how many of those count for it. */
export type UnitRates = Map<string, { numerator: number; denominator: number }>;

/**
 * Rates an indicator alert can read besides the service-index counters: the feedback on-time
 * rate per unit over [from, to] (wired to the feedback dashboard's indicators when present).
 */
export type ExtraRates = Partial<
  Record<AlertIndicatorKey, (units: string[], from: IsoDate, to: IsoDate) => Promise<UnitRates>>
>;

export interface AlertsDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  dashboard: DashboardService;
  settings: AlertSettingsService;
  extraRates?: ExtraRates;
}

const EXAMPLES = 5;
const LEVEL_ORDER = { overdue: 0, due_soon: 1, below_threshold: 2 } as const;

const NOUNS: Record<DueKind, { noun: string; overdue: string; dueSoon: string }> = {
  dossier: { noun: 'hồ sơ', overdue: 'quá hạn', dueSoon: 'sắp đến hạn' },
  feedback: { noun: 'phản ánh', overdue: 'quá hạn trả lời', dueSoon: 'sắp đến hạn trả lời' },
  task: { noun: 'nhiệm vụ', overdue: 'quá hạn', dueSoon: 'sắp đến hạn' },
};

/** Back-office paths of the records (apps/web routes under /can-bo). */
const PATHS: Record<DueKind, (id: string) => string> = {
  dossier: (id) => `/can-bo/ho-so/${id}`,
  feedback: (id) => `/can-bo/phan-anh/${id}`,
  task: (id) => `/can-bo/nhiem-vu/${id}`,
};

/** 0.855 → "85,5 %" */
export function percentVi(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`;
}

/**
 * Alerts of a unit and the units below it: records due soon (by the end of the next working day,
 * the calendar service's rule shared with the feedback inbox) and overdue — dossiers, feedback
 * reports, task assignments — and indicators below their configured threshold.
 */
export class AlertsService {
  private readonly repo: AlertsRepository;
  private readonly dashboardRepo: DashboardRepository;

  constructor(private readonly deps: AlertsDeps) {
    this.repo = new AlertsRepository(deps.db);
    this.dashboardRepo = new DashboardRepository(deps.db);
  }

  async alerts(actor: OfficerActor, query: DashboardAlertsQuery): Promise<DashboardAlerts> {
    const { unit, units } = await this.deps.dashboard.scope(actor, query.unit);
    return this.forScope(unit, units);
  }

  /** Without an access check: the caller decided the viewer may see `units` (route, digest). */
  async forScope(unit: string, units: string[]): Promise<DashboardAlerts> {
    const { clock, calendar } = this.deps;
    const now = clock.now();
    const soon = await dueSoonUntil(calendar, now);
    const window = {
      units,
      now,
      dueSoonUntil: soon,
      lastClosed: lastClosedDate(now, (d) => calendar.closingOf(d)),
      dueSoonDay: toLocal(soon).date,
    };
    const due: { kind: DueKind; rows: DueRow[] }[] = [];
    for (const kind of ['dossier', 'feedback', 'task'] as const) {
      due.push({ kind, rows: await this.repo.due(kind, window) });
    }
    const indicators = await this.indicatorAlerts(units);
    const codes = new Set([unit, ...due.flatMap((d) => d.rows.map((r) => r.unit_code))]);
    for (const i of indicators) codes.add(i.unitCode);
    const names = await this.dashboardRepo.unitNames([...codes]);
    const ref = (code: string) => ({ code, name: names.get(code) ?? code });

    const items: DashboardAlert[] = [];
    for (const { kind, rows } of due) {
      const groups = new Map<string, DueRow[]>();
      for (const r of rows) {
        const key = `${r.unit_code}|${r.level}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      for (const group of groups.values()) {
        const first = group[0]!;
        const words = NOUNS[kind];
        items.push({
          kind,
          level: first.level,
          unit: ref(first.unit_code),
          count: first.count,
          label: `${first.count} ${words.noun} ${first.level === 'overdue' ? words.overdue : words.dueSoon}`,
          examples: group.slice(0, EXAMPLES).map(
            (r): DashboardAlertExample => ({
              ref: r.ref,
              title: r.title,
              dueAt: r.due_at
                ? r.due_at.toISOString()
                : r.due_day
                  ? calendar.closingOf(r.due_day).toISOString()
                  : null,
              url: PATHS[kind](r.id),
            }),
          ),
        });
      }
    }
    for (const i of indicators) {
      items.push({
        kind: 'indicator',
        level: 'below_threshold',
        unit: ref(i.unitCode),
        count: 1,
        label: `${i.label} ${percentVi(i.value)}, dưới ngưỡng ${percentVi(i.threshold)}`,
        examples: [],
        indicator: {
          key: i.key,
          value: i.value,
          threshold: i.threshold,
          from: i.from,
          to: i.to,
          denominator: i.denominator,
        },
      });
    }
    items.sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        b.count - a.count ||
        a.kind.localeCompare(b.kind) ||
        a.unit.name.localeCompare(b.unit.name, 'vi'),
    );
    return { asOf: now.toISOString(), unit: ref(unit), items };
  }

  /** Each enabled indicator, per unit with enough cases in its period, below its threshold. */
  private async indicatorAlerts(units: string[]) {
    const { items } = await this.deps.settings.list();
    const enabled = items.filter((s) => s.enabled);
    const out: {
      key: AlertIndicatorKey;
      label: string;
      unitCode: string;
      value: number;
      threshold: number;
      from: IsoDate;
      to: IsoDate;
      denominator: number;
    }[] = [];
    if (!enabled.length || !units.length) return out;
    const { today, lastClosed } = this.deps.dashboard.lastClosedDay();
    const indexRates = new Map<number, Map<string, ComputedComponent[]>>();
    for (const s of enabled) {
      const from = addDays(today, -(s.periodDays - 1));
      let rates: UnitRates | null = null;
      const extra = this.deps.extraRates?.[s.key];
      if (extra) {
        rates = await extra(units, from, today);
      } else if (s.key !== 'feedback_on_time') {
        let perUnit = indexRates.get(s.periodDays);
        if (!perUnit) {
          perUnit = await this.componentsPerUnit(units, from, today, lastClosed);
          indexRates.set(s.periodDays, perUnit);
        }
        rates = new Map();
        for (const [code, components] of perUnit) {
          const c = components.find((x) => x.key === s.key);
          if (c?.numerator != null && c.denominator != null) {
            rates.set(code, { numerator: c.numerator, denominator: c.denominator });
          }
        }
      }
      if (!rates) continue;
      for (const [unitCode, r] of rates) {
        if (r.denominator < s.minCount) continue;
        const value = r.numerator / r.denominator;
        if (value >= s.threshold) continue;
        out.push({
          key: s.key,
          label: s.label,
          unitCode,
          value: Math.round(value * 10_000) / 10_000,
          threshold: s.threshold,
          from,
          to: today,
          denominator: r.denominator,
        });
      }
    }
    return out;
  }

  /** The service-index components of each unit, from the same rollup and formulas as the index. */
  private async componentsPerUnit(
    units: string[],
    from: IsoDate,
    to: IsoDate,
    lastClosed: IsoDate,
  ): Promise<Map<string, ComputedComponent[]>> {
    const rows = await this.dashboardRepo.sumDaily(units, from, to, lastClosed);
    const catalogue = await this.dashboardRepo.catalogueCoverage();
    const totals = new Map<string, Counters>();
    for (const r of rows) {
      totals.set(r.unitCode, addCounters(totals.get(r.unitCode) ?? emptyCounters(), r.counters));
    }
    const out = new Map<string, ComputedComponent[]>();
    for (const [code, t] of totals) {
      // Only components read from the counters alone are alertable (dashboard-ops schema).
      const groups = computeServiceIndex({
        totals: t,
        feeBearingProcedures: 0,
        proceduresWithOnlinePayment: 0,
        catalogue,
        negativeRatings: 0,
      });
      out.set(
        code,
        groups.flatMap((g) =>
          g.components.filter((c): c is ComputedComponent => c.status === 'computed'),
        ),
      );
    }
    return out;
  }
}
