import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type {
  FeedbackCategoriesTable,
  FeedbackCategoryRow,
  FeedbackEventRow,
  FeedbackEventsTable,
  FeedbackReportRow,
  FeedbackReportsTable,
  FeedbackRoutingRulesTable,
  FeedbackRuleRow,
} from './feedback.tables';

export interface ReportFilter {
  communeCode?: string | undefined;
  /** A main category also lists its sub-categories. */
  categoryCode?: string | undefined;
  states?: readonly string[] | undefined;
  unitCodes?: readonly string[] | undefined;
  visibleOnly?: boolean;
  /** The resident's own reports (any moderation state: they see their own held reports). */
  reporterUserId?: string | undefined;
  limit: number;
  offset: number;
}

/** The only SQL of the feedback module. Methods taking `trx` run inside the caller's transaction. */
export class FeedbackRepository {
  constructor(private readonly db: Db) {}

  // Categories ---------------------------------------------------------------------------------
  listCategories(db: Db = this.db): Promise<FeedbackCategoryRow[]> {
    return db
      .selectFrom('feedback_categories')
      .selectAll()
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
  }

  findCategory(code: string, db: Db = this.db): Promise<FeedbackCategoryRow | undefined> {
    return db
      .selectFrom('feedback_categories')
      .selectAll()
      .where('code', '=', code)
      .executeTakeFirst();
  }

  async insertCategory(trx: Db, row: Insertable<FeedbackCategoriesTable>): Promise<void> {
    await trx.insertInto('feedback_categories').values(row).execute();
  }

  // Routing rules ------------------------------------------------------------------------------
  listRules(db: Db = this.db): Promise<FeedbackRuleRow[]> {
    return db
      .selectFrom('feedback_routing_rules')
      .selectAll()
      .orderBy('position')
      .orderBy('created_at')
      .execute();
  }

  async replaceRules(trx: Db, rows: Insertable<FeedbackRoutingRulesTable>[]): Promise<void> {
    await trx.deleteFrom('feedback_routing_rules').execute();
    if (rows.length) await trx.insertInto('feedback_routing_rules').values(rows).execute();
  }

  // Reports ------------------------------------------------------------------------------------
  async insertReport(trx: Db, row: Insertable<FeedbackReportsTable>): Promise<void> {
    await trx.insertInto('feedback_reports').values(row).execute();
  }

  findReport(idOrReference: string, db: Db = this.db): Promise<FeedbackReportRow | undefined> {
    const isUuid = /^[0-9a-f-]{36}$/i.test(idOrReference);
    return db
      .selectFrom('feedback_reports')
      .selectAll()
      .where(isUuid ? 'id' : 'reference', '=', idOrReference)
      .executeTakeFirst();
  }

  findByToken(token: string): Promise<FeedbackReportRow | undefined> {
    return this.db
      .selectFrom('feedback_reports')
      .selectAll()
      .where('open311_token', '=', token)
      .executeTakeFirst();
  }

  /** Row lock for an action: the caller compares row_version itself. */
  lockReport(trx: Db, id: string): Promise<FeedbackReportRow | undefined> {
    return trx
      .selectFrom('feedback_reports')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Writes the change and bumps row_version; false when someone else changed it first. */
  async updateReport(
    trx: Db,
    id: string,
    expectedRowVersion: number,
    change: Updateable<FeedbackReportsTable>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('feedback_reports')
      .set({ ...change, row_version: expectedRowVersion + 1 })
      .where('id', '=', id)
      .where('row_version', '=', expectedRowVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listReports(filter: ReportFilter): Promise<{ rows: FeedbackReportRow[]; total: number }> {
    let q = this.db.selectFrom('feedback_reports');
    if (filter.visibleOnly) q = q.where('moderation_state', '=', 'visible');
    if (filter.reporterUserId) q = q.where('reporter_user_id', '=', filter.reporterUserId);
    if (filter.communeCode) q = q.where('commune_code', '=', filter.communeCode);
    if (filter.categoryCode) {
      const code = filter.categoryCode;
      q = q.where((eb) =>
        eb.or([eb('category_code', '=', code), eb('category_code', 'like', `${code}.%`)]),
      );
    }
    if (filter.states?.length) q = q.where('state', 'in', filter.states);
    if (filter.unitCodes) {
      if (!filter.unitCodes.length) return { rows: [], total: 0 };
      q = q.where('assigned_unit_code', 'in', filter.unitCodes);
    }
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /** Same category (or its main category's family), inside a lat/lng box, since a date. */
  similarCandidates(input: {
    categoryCode: string;
    since: Date;
    box: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  }): Promise<FeedbackReportRow[]> {
    return this.db
      .selectFrom('feedback_reports')
      .selectAll()
      .where('category_code', '=', input.categoryCode)
      .where('created_at', '>=', input.since)
      .where('moderation_state', '=', 'visible')
      .where('lat', '>=', input.box.minLat)
      .where('lat', '<=', input.box.maxLat)
      .where('lng', '>=', input.box.minLng)
      .where('lng', '<=', input.box.maxLng)
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
  }

  async addFollower(trx: Db, reportId: string, userId: string, now: Date): Promise<boolean> {
    const result = await trx
      .insertInto('feedback_followers')
      .values({ report_id: reportId, user_id: userId, created_at: now })
      .onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Followers other than the reporter (who hears through their own messages), still active. */
  followerContacts(
    trx: Db,
    reportId: string,
    reporterUserId: string | null,
  ): Promise<{ id: string; email: string | null; phone: string | null }[]> {
    let q = trx
      .selectFrom('feedback_followers as f')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select(['u.id', 'u.email', 'u.phone'])
      .where('f.report_id', '=', reportId)
      .where('u.disabled', '=', false);
    if (reporterUserId) q = q.where('u.id', '!=', reporterUserId);
    return q.orderBy('f.created_at').execute();
  }

  // Workers ------------------------------------------------------------------------------------
  /** Open, unpaused reports whose deadline passed before `now`. */
  overdueOpen(now: Date, limit = 200): Promise<FeedbackReportRow[]> {
    return this.db
      .selectFrom('feedback_reports')
      .selectAll()
      .where('state', 'in', ['submitted', 'triage', 'assigned', 'in_progress'])
      .where('due_at', '<', now)
      .orderBy('due_at')
      .limit(limit)
      .execute();
  }

  dueBetween(from: Date, to: Date, limit = 500): Promise<FeedbackReportRow[]> {
    return this.db
      .selectFrom('feedback_reports')
      .selectAll()
      .where('state', 'in', ['submitted', 'triage', 'assigned', 'in_progress'])
      .where('due_at', '>=', from)
      .where('due_at', '<', to)
      .limit(limit)
      .execute();
  }

  answeredBefore(before: Date, limit = 500): Promise<FeedbackReportRow[]> {
    return this.db
      .selectFrom('feedback_reports')
      .selectAll()
      .where('state', 'in', ['resolved', 'rejected'])
      .where('resolved_at', '<', before)
      .limit(limit)
      .execute();
  }

  async unitStats(unitCode: string, now: Date) {
    return this.db
      .selectFrom('feedback_reports')
      .where('assigned_unit_code', '=', unitCode)
      .select(statsColumns(now))
      .executeTakeFirstOrThrow();
  }

  /** The same counts for every unit that holds or held a report. */
  async statsByUnit(now: Date) {
    return this.db
      .selectFrom('feedback_reports')
      .where('assigned_unit_code', 'is not', null)
      .groupBy('assigned_unit_code')
      .select('assigned_unit_code as unit_code')
      .select(statsColumns(now))
      .orderBy('assigned_unit_code')
      .execute();
  }

  // Events -------------------------------------------------------------------------------------
  async insertEvent(trx: Db, row: Insertable<FeedbackEventsTable>): Promise<number> {
    const inserted = await trx
      .insertInto('feedback_events')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  listEvents(reportId: string, options: { publicOnly: boolean }): Promise<FeedbackEventRow[]> {
    let q = this.db.selectFrom('feedback_events').selectAll().where('report_id', '=', reportId);
    if (options.publicOnly) q = q.where('public', '=', true);
    return q.orderBy('id').execute();
  }

  /** Officers of a unit with an e-mail, for "new report" and "due soon" messages. */
  unitOfficerEmails(
    trx: Db,
    unitCode: string,
    roles: readonly string[],
  ): Promise<{ email: string | null; id: string }[]> {
    return trx
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .select(['users.id', 'users.email'])
      .where('grants.unit_code', '=', unitCode)
      .where('grants.role', 'in', roles)
      .where('users.disabled', '=', false)
      .distinct()
      .execute();
  }

  /** Takes uploaded photos back out when the report that carried them did not commit. */
  async discardFiles(ids: string[], now: Date): Promise<void> {
    if (!ids.length) return;
    await this.db.updateTable('files').set({ deleted_at: now }).where('id', 'in', ids).execute();
  }
}

/** Closed on time / late (frozen at close), open, open past the deadline, average rating. */
function statsColumns(now: Date) {
  return [
    sql<string>`count(*) filter (where state = 'closed')`.as('closed'),
    sql<string>`count(*) filter (where state = 'closed' and overdue_at_close = false)`.as(
      'on_time',
    ),
    sql<string>`count(*) filter (where state = 'closed' and overdue_at_close = true)`.as('overdue'),
    sql<string>`count(*) filter (where state <> 'closed')`.as('open'),
    sql<string>`count(*) filter (where state in ('submitted','triage','assigned','in_progress') and due_at < ${now})`.as(
      'open_overdue',
    ),
    sql<string | null>`avg(rating)`.as('avg_rating'),
  ] as const;
}
