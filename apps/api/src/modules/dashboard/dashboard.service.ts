import {
  permissions,
  type ServiceIndex,
  type ServiceIndexDrill,
  type ServiceIndexDrillItem,
  type ServiceIndexDrillQuery,
  type ServiceIndexProcedureRow,
  type ServiceIndexQuery,
  type ServiceIndexUnitRow,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import { addDays, dayNumber, type IsoDate, toLocal } from '../calendar/calendar.time';
import { drillDayColumn, lostPointReasons } from './dashboard.drill';
import { addCounters, emptyCounters } from './dashboard.facts';
import { addFeedbackCounts, emptyFeedbackCounts, type FeedbackCounts } from './dashboard.feedback';
import { DashboardFeedbackRepository } from './dashboard.feedback.repository';
import { computeServiceIndex, totalsOf } from './dashboard.index';
import { DashboardRepository, type UnitProcedureTotals } from './dashboard.repository';
import { scopeTotalsOf, type UnitScopeTotals } from './dashboard.scope';
import { DashboardTotalsRepository } from './dashboard.totals.repository';

export interface DashboardDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  calendar: CalendarService;
}

const READ_ROLES: readonly string[] = permissions['dashboard.read'];
const MAX_PERIOD_DAYS = 5 * 366;
const DRILL_LIMIT = 200;
const DRILL_SCAN = 5000;

/** Where the per-(unit, procedure) counters come from: the rollup, or the raw events (tests). */
export type TotalsSource = (
  unitCodes: string[],
  from: IsoDate,
  to: IsoDate,
  lastClosed: IsoDate,
) => Promise<UnitProcedureTotals[]>;

/**
 * The Decision 766 service index for a unit and everything below it, from the rollup; and the
 * dossiers that lost points on one component. Scoped by `AccessPolicy` ('dashboard.read'): a
 * province grant sees every commune, a commune grant only its commune.
 */
export class DashboardService {
  private readonly repo: DashboardRepository;
  private readonly feedback: DashboardFeedbackRepository;
  private readonly totals: DashboardTotalsRepository;

  constructor(private readonly deps: DashboardDeps) {
    this.repo = new DashboardRepository(deps.db);
    this.totals = new DashboardTotalsRepository(deps.db);
    this.feedback = new DashboardFeedbackRepository(deps.db);
  }

  /** The last Vietnam day whose office hours have closed: open dossiers due then are late. */
  lastClosedDay(): { today: IsoDate; lastClosed: IsoDate } {
    const now = this.deps.clock.now();
    const today = toLocal(now).date;
    const closed = now.getTime() > this.deps.calendar.closingOf(today).getTime();
    return { today, lastClosed: closed ? today : addDays(today, -1) };
  }

  /** The viewed unit and the units below it, after the access check. */
  async scope(
    actor: OfficerActor,
    unit: string | undefined,
  ): Promise<{ unit: string; units: string[] }> {
    const code =
      unit ??
      actor.activeUnitCode ??
      actor.grants.find((g) => READ_ROLES.includes(g.role))?.unitCode;
    if (!code) throw new AppError('DASHBOARD_UNIT_REQUIRED');
    await this.deps.policy.assert(actor, 'dashboard.read', code);
    return { unit: code, units: await this.repo.unitsUnder(code) };
  }

  /** At most five years, `from` on or before `to`. */
  checkPeriod(from: IsoDate, to: IsoDate): void {
    const span = dayNumber(to) - dayNumber(from);
    if (span < 0 || span > MAX_PERIOD_DAYS) throw new AppError('DASHBOARD_PERIOD_INVALID');
  }

  async serviceIndex(
    actor: OfficerActor,
    query: ServiceIndexQuery,
    source?: TotalsSource,
  ): Promise<ServiceIndex> {
    this.checkPeriod(query.from, query.to);
    const { unit, units } = await this.scope(actor, query.unit);
    const { lastClosed } = this.lastClosedDay();
    // Per unit and per procedure, summed in the database from the rollups (a raw source's
    // per-(unit, procedure) rows are summed here instead).
    const totals = source
      ? scopeTotalsOf(await source(units, query.from, query.to, lastClosed))
      : await this.totals.scope(unit, units, query.from, query.to, lastClosed);
    const [ratings, catalogue, feedbackRows] = await Promise.all([
      this.repo.negativeRatings(units, query.from, query.to),
      this.repo.catalogueCoverage(),
      this.feedback.counts(units, query.from, query.to, this.deps.clock.now()),
    ]);
    // Feedback components of the satisfaction group: the feedback dashboard's own counts.
    const feedbackByUnit = new Map<string, FeedbackCounts>();
    for (const r of feedbackRows) {
      feedbackByUnit.set(
        r.unitCode,
        addFeedbackCounts(feedbackByUnit.get(r.unitCode) ?? emptyFeedbackCounts(), r.counts),
      );
    }
    const unitCodes = new Set([...totals.units.keys(), ...feedbackByUnit.keys()]);
    const names = await this.repo.unitNames([unit, ...unitCodes]);
    const indexOf = (part: UnitScopeTotals, negativeRatings: number, feedback: FeedbackCounts) => ({
      totals: part.counters,
      groups: computeServiceIndex({
        totals: part.counters,
        feeBearingProcedures: part.feeBearingProcedures,
        proceduresWithOnlinePayment: part.proceduresWithOnlinePayment,
        catalogue,
        negativeRatings,
        feedback,
      }),
    });
    const perProcedure = [...totals.procedures.values()];
    const all = indexOf(
      {
        counters: [...totals.units.values()].reduce(
          (acc, u) => addCounters(acc, u.counters),
          emptyCounters(),
        ),
        feeBearingProcedures: perProcedure.filter((c) => c.fee_bearing > 0).length,
        proceduresWithOnlinePayment: perProcedure.filter((c) => c.paid_online > 0).length,
      },
      [...ratings.values()].reduce((s, n) => s + n, 0),
      [...feedbackByUnit.values()].reduce(addFeedbackCounts, emptyFeedbackCounts()),
    );

    const unitRows: ServiceIndexUnitRow[] = [];
    for (const code of unitCodes) {
      const part = indexOf(
        totals.units.get(code) ?? {
          counters: emptyCounters(),
          feeBearingProcedures: 0,
          proceduresWithOnlinePayment: 0,
        },
        ratings.get(code) ?? 0,
        feedbackByUnit.get(code) ?? emptyFeedbackCounts(),
      );
      const t = part.totals;
      const decided = t.timely_on_time + t.timely_late + t.timely_due_open;
      unitRows.push({
        unitCode: code,
        unitName: names.get(code) ?? code,
        ...pick(totalsOf(part.groups)),
        received: t.received,
        onTimeRate: decided ? t.timely_on_time / decided : null,
        onlineShare: t.received ? t.online / t.received : null,
      });
    }
    unitRows.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));

    const procedureNames = await this.repo.procedureNames([...totals.procedures.keys()]);
    const procedures: ServiceIndexProcedureRow[] = [...totals.procedures]
      .map(([procedureCode, c]) => ({
        procedureCode,
        procedureName: procedureNames.get(procedureCode) ?? procedureCode,
        received: c.received,
        decided: c.timely_on_time + c.timely_late + c.timely_due_open,
        onTime: c.timely_on_time,
        late: c.timely_late + c.timely_due_open,
        finished: c.finished,
        averageProcessingDays: c.finished
          ? Math.round((c.processing_ms / c.finished / 86_400_000) * 100) / 100
          : null,
      }))
      .sort((a, b) => b.received - a.received || a.procedureCode.localeCompare(b.procedureCode));

    return {
      unit: { code: unit, name: names.get(unit) ?? unit },
      from: query.from,
      to: query.to,
      asOf: this.deps.clock.now().toISOString(),
      ...totalsOf(all.groups),
      groups: all.groups,
      units: unitRows,
      procedures,
    };
  }

  async drill(actor: OfficerActor, query: ServiceIndexDrillQuery): Promise<ServiceIndexDrill> {
    this.checkPeriod(query.from, query.to);
    const { unit, units } = await this.scope(actor, query.unit);
    const { today, lastClosed } = this.lastClosedDay();
    const candidates = await this.repo.factsInPeriod({
      unitCodes: units,
      procedureCode: query.procedure,
      dayColumn: drillDayColumn[query.component],
      from: query.from,
      to: query.to,
      limit: DRILL_SCAN,
    });
    const between = (a: IsoDate, b: IsoDate) => this.deps.calendar.workingDaysBetween(a, b);
    const items: Omit<ServiceIndexDrillItem, 'procedureName'>[] = [];
    let truncated = candidates.length === DRILL_SCAN;
    for (const f of candidates) {
      const reasons = await lostPointReasons(f, query.component, today, lastClosed, between);
      if (reasons.length === 0) continue;
      if (items.length === DRILL_LIMIT) {
        truncated = true;
        break;
      }
      items.push({
        dossierId: f.dossierId,
        code: f.code,
        unitCode: f.unitCode,
        procedureCode: f.procedureCode,
        acceptedAt: f.acceptedAt,
        dueAt: f.dueAt,
        finishedAt: f.finishedAt ?? f.stoppedAt,
        reasons,
      });
    }
    const [names, procedureNames] = await Promise.all([
      this.repo.unitNames([unit]),
      this.repo.procedureNames([...new Set(items.map((i) => i.procedureCode))]),
    ]);
    return {
      unit: { code: unit, name: names.get(unit) ?? unit },
      procedure: query.procedure ?? null,
      component: query.component,
      from: query.from,
      to: query.to,
      items: items.map((i) => ({
        ...i,
        procedureName: procedureNames.get(i.procedureCode) ?? i.procedureCode,
      })),
      truncated,
    };
  }
}

const pick = (t: { points: number; computedMaxPoints: number }) => ({
  points: t.points,
  computedMaxPoints: t.computedMaxPoints,
});
