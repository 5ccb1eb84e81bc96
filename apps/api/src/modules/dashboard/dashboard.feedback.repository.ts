import type { FeedbackDrillFilter } from '@cqs/shared';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import '../feedback/feedback.tables';
import { emptyFeedbackCounts, type FeedbackCounts } from './dashboard.feedback';
import { periodCover } from './dashboard.scope';
import './dashboard.feedback.tables';

/** Counts of one (responsible unit, main category) over a period. */
export interface FeedbackCountsRow {
  unitCode: string;
  category: string;
  counts: FeedbackCounts;
}

/** One report of the drill-down, as read. */
export interface FeedbackDrillRow {
  id: string;
  reference: string;
  state: string;
  categoryCode: string;
  categoryLabel: string;
  unitCode: string;
  receivedAt: Date;
  dueAt: Date | null;
  outcome: 'open' | 'answered' | 'rejected';
  paused: boolean;
  escalated: boolean;
  late: boolean;
  answeredAt: Date | null;
  rating: number | null;
}

/**
 * Open and past due at `now`: an escalation or an earlier late answer decided it already; a
 * report waiting for the reporter has its deadline paused.
 */
const overdueOpen = (now: Date) =>
  sql<SqlBool>`(f.outcome = 'open' and (f.late or (not f.paused and f.due_at < ${now})))`;
const answeredLate = sql<SqlBool>`(f.outcome = 'answered' and f.late)`;

/**
 * The SQL of the feedback indicators. Request-time over `dashboard_feedback_facts` (one row per
 * report, kept by a trigger): docs/DASHBOARD.md says why that is cheap enough.
 */
export class DashboardFeedbackRepository {
  constructor(private readonly db: Db) {}

  /**
   * Per responsible unit, and per main category when `byCategory` (a sub-category counts under
   * its parent; otherwise `category` is ''). The additive counts come from the counters (0022),
   * in whole years and months where the period allows; open and open-past-due from the open
   * reports' facts, judged at `now`.
   */
  async counts(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
    now: Date,
    options: { byCategory?: boolean } = {},
  ): Promise<FeedbackCountsRow[]> {
    if (unitCodes.length === 0) return [];
    const byCategory = options.byCategory === true;
    // Whole years and months inside the period, then days. Passing `to` as the last closed day
    // changes nothing (no whole block may end after `to`): feedback has no day-by-day lateness.
    const blocks = periodCover(from, to, to);
    const inPeriod: Expression<SqlBool>[] = [
      ...blocks.days.map(
        ([a, b]) => sql<SqlBool>`(grain = 'd' and period between ${a}::date and ${b}::date)`,
      ),
      ...(blocks.months.length
        ? [
            sql<SqlBool>`(grain = 'm' and period in (${sql.join(blocks.months.map((m) => sql`${m}::date`))}))`,
          ]
        : []),
      ...(blocks.years.length
        ? [
            sql<SqlBool>`(grain = 'y' and period in (${sql.join(blocks.years.map((y) => sql`${y}::date`))}))`,
          ]
        : []),
    ];
    const sum = (column: string) => sql<string>`coalesce(sum(${sql.ref(column)}), 0)`;
    const counted = await this.db
      .selectFrom('dashboard_feedback_counts')
      .where('unit_code', 'in', unitCodes)
      .where('category_code', byCategory ? '<>' : '=', '')
      .where(sql<SqlBool>`(${sql.join(inPeriod, sql` or `)})`)
      .select([
        'unit_code',
        'category_code',
        sum('received').as('received'),
        sum('rejected').as('rejected'),
        sum('answered').as('answered'),
        sum('answered_on_time').as('on_time'),
        sum('answered_late').as('late'),
        sum('handling_seconds').as('handling_seconds'),
        sum('rated').as('rated'),
        sum('rating_sum').as('rating_sum'),
        sum('satisfied').as('satisfied'),
      ])
      .groupBy(['unit_code', 'category_code'])
      .execute();
    const main = byCategory ? sql<string>`coalesce(c.parent_code, c.code)` : sql<string>`''`;
    const open = await this.db
      .selectFrom('dashboard_feedback_facts as f')
      .innerJoin('feedback_categories as c', 'c.code', 'f.category_code')
      .where('f.outcome', '=', 'open')
      .where('f.unit_code', 'in', unitCodes)
      .where(sql<SqlBool>`f.received_day between ${from}::date and ${to}::date`)
      .select([
        'f.unit_code',
        main.as('category'),
        sql<string>`count(*)`.as('open'),
        sql<string>`count(*) filter (where ${overdueOpen(now)})`.as('open_overdue'),
      ])
      // A constant cannot be grouped on: per unit only unless by category.
      .groupBy(byCategory ? ['f.unit_code', main] : ['f.unit_code'])
      .execute();
    const out = new Map<string, FeedbackCountsRow>();
    const row = (unitCode: string, category: string) => {
      const key = `${unitCode}\u0000${category}`;
      let found = out.get(key);
      if (!found) {
        found = { unitCode, category, counts: emptyFeedbackCounts() };
        out.set(key, found);
      }
      return found.counts;
    };
    for (const r of counted) {
      const c = row(r.unit_code, r.category_code);
      c.received += Number(r.received);
      c.rejected += Number(r.rejected);
      c.answered += Number(r.answered);
      c.answeredOnTime += Number(r.on_time);
      c.answeredLate += Number(r.late);
      c.handlingSeconds += Number(r.handling_seconds);
      c.rated += Number(r.rated);
      c.ratingSum += Number(r.rating_sum);
      c.satisfied += Number(r.satisfied);
    }
    for (const r of open) {
      const c = row(r.unit_code, r.category);
      c.open += Number(r.open);
      c.openOverdue += Number(r.open_overdue);
    }
    // A unit whose reports in the period were all taken back out (moved elsewhere) sums to zero.
    return [...out.values()].filter((r) => Object.values(r.counts).some((n) => n !== 0));
  }

  /**
   * The same counts straight from the facts, one row per report (the raw path the counters are
   * checked against in tests; the drill-down reads these rows).
   */
  async rawCounts(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
    now: Date,
  ): Promise<FeedbackCountsRow[]> {
    if (unitCodes.length === 0) return [];
    const main = sql<string>`coalesce(c.parent_code, c.code)`;
    const counted = sql<SqlBool>`f.outcome <> 'rejected'`;
    const rows = await this.db
      .selectFrom('dashboard_feedback_facts as f')
      .innerJoin('feedback_categories as c', 'c.code', 'f.category_code')
      .where('f.unit_code', 'in', unitCodes)
      .where(sql<SqlBool>`f.received_day between ${from}::date and ${to}::date`)
      .select([
        'f.unit_code',
        main.as('category'),
        sql<string>`count(*) filter (where ${counted})`.as('received'),
        sql<string>`count(*) filter (where f.outcome = 'rejected')`.as('rejected'),
        sql<string>`count(*) filter (where f.outcome = 'answered')`.as('answered'),
        sql<string>`count(*) filter (where f.outcome = 'answered' and not f.late)`.as('on_time'),
        sql<string>`count(*) filter (where ${answeredLate})`.as('late'),
        sql<string>`count(*) filter (where f.outcome = 'open')`.as('open'),
        sql<string>`count(*) filter (where ${overdueOpen(now)})`.as('open_overdue'),
        sql<
          string | null
        >`sum(extract(epoch from f.answered_at - f.received_at)) filter (where f.outcome = 'answered')`.as(
          'handling_seconds',
        ),
        sql<string>`count(f.rating) filter (where ${counted})`.as('rated'),
        sql<string | null>`sum(f.rating) filter (where ${counted})`.as('rating_sum'),
        sql<string>`count(*) filter (where ${counted} and f.rating >= 4)`.as('satisfied'),
      ])
      .groupBy(['f.unit_code', main])
      .execute();
    return rows.map((r) => ({
      unitCode: r.unit_code,
      category: r.category,
      counts: {
        received: Number(r.received),
        rejected: Number(r.rejected),
        answered: Number(r.answered),
        answeredOnTime: Number(r.on_time),
        answeredLate: Number(r.late),
        open: Number(r.open),
        openOverdue: Number(r.open_overdue),
        handlingSeconds: Number(r.handling_seconds ?? 0),
        rated: Number(r.rated),
        ratingSum: Number(r.rating_sum ?? 0),
        satisfied: Number(r.satisfied),
      },
    }));
  }

  /** The reports behind a drill-down filter, at most `limit`, most urgent first. */
  async drill(options: {
    unitCodes: string[];
    from: IsoDate;
    to: IsoDate;
    category?: string | undefined;
    filter: FeedbackDrillFilter;
    now: Date;
    limit: number;
  }): Promise<FeedbackDrillRow[]> {
    const { unitCodes, filter, now } = options;
    if (unitCodes.length === 0) return [];
    const where: Record<FeedbackDrillFilter, Expression<SqlBool>> = {
      overdue: overdueOpen(now),
      late: answeredLate,
      not_on_time: sql<SqlBool>`(${overdueOpen(now)} or ${answeredLate})`,
      unsatisfied: sql<SqlBool>`(f.outcome <> 'rejected' and f.rating <= 3)`,
      all: sql<SqlBool>`true`,
    };
    let q = this.db
      .selectFrom('dashboard_feedback_facts as f')
      .innerJoin('feedback_reports as r', 'r.id', 'f.report_id')
      .innerJoin('feedback_categories as c', 'c.code', 'f.category_code')
      .where('f.unit_code', 'in', unitCodes)
      .where(sql<SqlBool>`f.received_day between ${options.from}::date and ${options.to}::date`)
      .where(where[filter])
      .select([
        'f.report_id as id',
        'r.reference',
        'r.state',
        'f.category_code',
        'c.name_vi',
        'f.unit_code',
        'f.received_at',
        'f.due_at',
        'f.outcome',
        'f.paused',
        'f.escalated',
        'f.late',
        'f.answered_at',
        'f.rating',
      ]);
    if (options.category) {
      const code = options.category;
      q = q.where((eb) => eb.or([eb('c.code', '=', code), eb('c.parent_code', '=', code)]));
    }
    q =
      filter === 'unsatisfied'
        ? q.orderBy('f.rating').orderBy('f.received_at')
        : filter === 'all'
          ? q.orderBy('f.received_at', 'desc')
          : q.orderBy(sql`f.due_at asc nulls last`).orderBy('f.received_at');
    const rows = await q.orderBy('f.report_id').limit(options.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      state: r.state,
      categoryCode: r.category_code,
      categoryLabel: r.name_vi,
      unitCode: r.unit_code,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      outcome: r.outcome,
      paused: r.paused,
      escalated: r.escalated,
      late: r.late,
      answeredAt: r.answered_at,
      rating: r.rating,
    }));
  }

  /** Names and kinds of units (the map draws the communes). */
  async units(codes: string[]): Promise<{ code: string; name: string; kind: string }[]> {
    if (codes.length === 0) return [];
    return this.db
      .selectFrom('units')
      .select(['code', 'full_name as name', 'kind'])
      .where('code', 'in', codes)
      .execute();
  }

  /** Vietnamese names of the categories. */
  async categoryNames(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('feedback_categories')
      .select(['code', 'name_vi'])
      .execute();
    return new Map(rows.map((r) => [r.code, r.name_vi]));
  }
}
