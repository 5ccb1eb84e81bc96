import type { FeedbackDrillFilter } from '@cqs/shared';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import '../feedback/feedback.tables';
import type { FeedbackCounts } from './dashboard.feedback';
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

  /** Per responsible unit and main category (a sub-category counts under its parent). */
  async counts(
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
