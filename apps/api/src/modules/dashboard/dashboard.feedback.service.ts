import {
  type FeedbackCategoryRow,
  type FeedbackDrill,
  type FeedbackDrillItem,
  type FeedbackDrillQuery,
  type FeedbackIndicators,
  type FeedbackIndicatorsQuery,
  type FeedbackUnitRow,
  feedbackIndicatorDefinitions,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { CalendarService } from '../calendar/calendar.service';
import type { IsoDate } from '../calendar/calendar.time';
import { type FeedbackState, feedbackStateLabels } from '../feedback/feedback-workflow';
import {
  addFeedbackCounts,
  decidedOf,
  drillReason,
  emptyFeedbackCounts,
  type FeedbackCounts,
  indicatorRow,
} from './dashboard.feedback';
import { DashboardFeedbackRepository } from './dashboard.feedback.repository';
import type { DashboardService } from './dashboard.service';

const DRILL_LIMIT = 200;

export interface DashboardFeedbackDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  /** The same unit defaulting, access check and period rule as the service index. */
  access: Pick<DashboardService, 'scope' | 'checkPeriod'>;
}

/**
 * Feedback indicators of a unit and everything below it (issue 7 §2): received, answered on time
 * or late, open past due, handling time, ratings; per category and per unit; and the reports
 * behind a number, each with why.
 */
export class DashboardFeedbackService {
  private readonly repo: DashboardFeedbackRepository;

  constructor(private readonly deps: DashboardFeedbackDeps) {
    this.repo = new DashboardFeedbackRepository(deps.db);
  }

  /** Counts per responsible unit (categories summed) — also the service index's input. */
  async countsByUnit(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
  ): Promise<Map<string, FeedbackCounts>> {
    const rows = await this.repo.counts(unitCodes, from, to, this.deps.clock.now());
    return sumBy(rows, (r) => r.unitCode);
  }

  /** Answered on time ÷ (answered + open past due) per unit: the alerts' feedback_on_time rate. */
  async onTimeRates(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
  ): Promise<Map<string, { numerator: number; denominator: number }>> {
    const out = new Map<string, { numerator: number; denominator: number }>();
    for (const [code, c] of await this.countsByUnit(unitCodes, from, to)) {
      out.set(code, { numerator: c.answeredOnTime, denominator: decidedOf(c) });
    }
    return out;
  }

  async indicators(
    actor: OfficerActor,
    query: FeedbackIndicatorsQuery,
  ): Promise<FeedbackIndicators> {
    this.deps.access.checkPeriod(query.from, query.to);
    const { unit, units } = await this.deps.access.scope(actor, query.unit);
    const now = this.deps.clock.now();
    const [unitCounts, categoryCounts, unitInfo, categoryNames] = await Promise.all([
      this.repo.counts(units, query.from, query.to, now),
      this.repo.counts(units, query.from, query.to, now, { byCategory: true }),
      this.repo.units(units),
      this.repo.categoryNames(),
    ]);
    const byUnit = sumBy(unitCounts, (r) => r.unitCode);
    const byCategory = sumBy(categoryCounts, (r) => r.category);
    const totals = [...byUnit.values()].reduce(addFeedbackCounts, emptyFeedbackCounts());

    const categories: FeedbackCategoryRow[] = [...byCategory]
      .map(([category, c]) => ({
        category,
        label: categoryNames.get(category) ?? category,
        ...indicatorRow(c),
      }))
      .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'vi'));

    // Every commune in scope (zeros too: the map colours all of them), other units with reports.
    const unitRows: FeedbackUnitRow[] = unitInfo
      .filter((u) => u.kind === 'commune' || byUnit.has(u.code))
      .map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        ...indicatorRow(byUnit.get(u.code) ?? emptyFeedbackCounts()),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

    return {
      unit: { code: unit, name: unitInfo.find((u) => u.code === unit)?.name ?? unit },
      from: query.from,
      to: query.to,
      asOf: now.toISOString(),
      totals: indicatorRow(totals),
      byCategory: categories,
      units: unitRows,
      definitions: feedbackIndicatorDefinitions,
    };
  }

  async drill(actor: OfficerActor, query: FeedbackDrillQuery): Promise<FeedbackDrill> {
    this.deps.access.checkPeriod(query.from, query.to);
    const { unit, units } = await this.deps.access.scope(actor, query.unit);
    const now = this.deps.clock.now();
    const rows = await this.repo.drill({
      unitCodes: units,
      from: query.from,
      to: query.to,
      category: query.category,
      filter: query.filter,
      now,
      limit: DRILL_LIMIT + 1,
    });
    const shown = rows.slice(0, DRILL_LIMIT);
    const names = new Map(
      (await this.repo.units([unit, ...new Set(shown.map((r) => r.unitCode))])).map((u) => [
        u.code,
        u.name,
      ]),
    );
    const between = (a: IsoDate, b: IsoDate) => this.deps.calendar.workingDaysBetween(a, b);
    const items: FeedbackDrillItem[] = [];
    for (const r of shown) {
      items.push({
        id: r.id,
        ref: r.reference,
        category: r.categoryCode,
        categoryLabel: r.categoryLabel,
        unit: { code: r.unitCode, name: names.get(r.unitCode) ?? r.unitCode },
        receivedAt: r.receivedAt.toISOString(),
        dueAt: r.dueAt?.toISOString() ?? null,
        status: r.state,
        statusLabel: feedbackStateLabels[r.state as FeedbackState] ?? { vi: r.state, en: r.state },
        reason: await drillReason(r, query.filter, now, between),
        url: `/can-bo/phan-anh/${r.id}`,
      });
    }
    return {
      unit: { code: unit, name: names.get(unit) ?? unit },
      from: query.from,
      to: query.to,
      filter: query.filter,
      category: query.category ?? null,
      asOf: now.toISOString(),
      items,
      truncated: rows.length > DRILL_LIMIT,
    };
  }
}

function sumBy<T extends { counts: FeedbackCounts }>(
  rows: T[],
  key: (r: T) => string,
): Map<string, FeedbackCounts> {
  const out = new Map<string, FeedbackCounts>();
  for (const r of rows) {
    const k = key(r);
    out.set(k, addFeedbackCounts(out.get(k) ?? emptyFeedbackCounts(), r.counts));
  }
  return out;
}
