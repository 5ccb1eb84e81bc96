import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import { dossierBundle } from '../dossiers/drafts.service';
import {
  type Counters,
  type DossierExtras,
  type DossierFacts,
  type DossierSnapshot,
  dayOf,
  isFinished,
  timelinessOf,
} from './dashboard.facts';
import './dashboard.tables';
import { DashboardTotalsRepository } from './dashboard.totals.repository';
import { DashboardUpkeepRepository } from './dashboard.upkeep.repository';

/** Counters of one (unit, procedure) over a period. */
export interface UnitProcedureTotals {
  unitCode: string;
  procedureCode: string;
  counters: Counters;
}

/** Procedure versions never change (trigger), so whether one is toàn trình can be remembered. */
const endToEndByVersion = new Map<string, boolean>();

/** The only SQL of the dashboard: rollup upkeep in the event's transaction, and the reads. */
export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /** The facts beside the row, read through the caller's transaction (or the root handle). */
  async extras(row: DossierSnapshot & { procedure_version: number }): Promise<DossierExtras> {
    const versionKey = `${row.procedure_code}@${row.procedure_version}`;
    let endToEnd = endToEndByVersion.get(versionKey);
    if (endToEnd === undefined) {
      const v = await this.db
        .selectFrom('procedure_versions')
        .select('online_level')
        .where('procedure_code', '=', row.procedure_code)
        .where('version', '=', row.procedure_version)
        .executeTakeFirst();
      endToEnd = v?.online_level === 'toan_trinh';
      if (v) endToEndByVersion.set(versionKey, endToEnd);
    }
    const { rows } = await sql<{ paid: boolean; files: boolean; level: unknown }>`
      select
        exists(select 1 from payments where dossier_id = ${row.id} and state = 'paid') as paid,
        exists(select 1 from files where bundle_id = ${dossierBundle(row.id)} and deleted_at is null) as files,
        (select data->'assuranceLevel' from dossier_events
          where dossier_id = ${row.id} and type = 'submitted' order by id limit 1) as level`.execute(
      this.db,
    );
    const r = rows[0]!;
    const level = Number(r.level);
    return {
      endToEndOffered: endToEnd,
      paidOnline: r.paid === true,
      hasFiles: r.files === true,
      assuranceLevel: level === 1 || level === 2 ? level : null,
    };
  }

  async findFacts(dossierId: string): Promise<DossierFacts | null> {
    const row = await this.db
      .selectFrom('dashboard_dossier_facts')
      .select('facts')
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst();
    return row?.facts ?? null;
  }

  async saveFacts(facts: DossierFacts, now: Date): Promise<void> {
    const timely = timelinessOf(facts);
    const values = {
      unit_code: facts.unitCode,
      procedure_code: facts.procedureCode,
      accepted_day: facts.acceptedAt ? dayOf(facts.acceptedAt) : null,
      timely_day: timely?.day ?? null,
      finished_day: isFinished(facts) ? dayOf(facts.finishedAt!) : null,
      facts: JSON.stringify(facts),
      updated_at: now,
    };
    await this.db
      .insertInto('dashboard_dossier_facts')
      .values({ dossier_id: facts.dossierId, ...values })
      .onConflict((oc) => oc.column('dossier_id').doUpdateSet(values))
      .execute();
  }

  /**
   * Adds a dossier's signed change of contribution (per Vietnam day) to the rollups: daily, and
   * the coarser ones long periods are read from (DashboardUpkeepRepository).
   */
  async applyDelta(
    unitCode: string,
    procedureCode: string,
    delta: Map<IsoDate, Counters>,
  ): Promise<void> {
    await new DashboardUpkeepRepository(this.db).applyDelta(unitCode, procedureCode, delta);
  }

  /**
   * Sums per (unit, procedure) over [from, to]. Open dossiers count as late only on due days that
   * have closed (`lastClosed`): a due date later today is not late yet. Whole years and months
   * are read from the coarser rollups (DashboardTotalsRepository).
   */
  async sumDaily(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
    lastClosed: IsoDate,
  ): Promise<UnitProcedureTotals[]> {
    return new DashboardTotalsRepository(this.db).perUnitProcedure(unitCodes, from, to, lastClosed);
  }

  /** Dossiers accepted in the period, per unit, that the resident rated 1 or 2 stars. */
  async negativeRatings(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
  ): Promise<Map<string, number>> {
    if (unitCodes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('dashboard_dossier_facts as f')
      .innerJoin('dossier_ratings as r', 'r.dossier_id', 'f.dossier_id')
      .select(['f.unit_code', sql<string>`count(*)`.as('n')])
      .where('f.unit_code', 'in', unitCodes)
      .where('r.stars', '<=', 2)
      .where('f.accepted_day', '>=', sql<string>`${from}::date`)
      .where('f.accepted_day', '<=', sql<string>`${to}::date`)
      .groupBy('f.unit_code')
      .execute();
    return new Map(rows.map((r) => [r.unit_code, Number(r.n)]));
  }

  /** Current catalogue versions offered online, and all of them. */
  async catalogueCoverage(): Promise<{ offeredOnline: number; all: number }> {
    const { rows } = await sql<{ online: string; all: string }>`
      select count(*) filter (where v.offered_online) as online, count(*) as all
      from procedures p
      join procedure_versions v on v.procedure_code = p.code and v.version = p.current_version`.execute(
      this.db,
    );
    return { offeredOnline: Number(rows[0]?.online ?? 0), all: Number(rows[0]?.all ?? 0) };
  }

  /** Facts of the dossiers whose `dayColumn` falls in the period (the drill-down's candidates). */
  async factsInPeriod(options: {
    unitCodes: string[];
    procedureCode?: string | undefined;
    dayColumn: 'accepted_day' | 'timely_day' | 'finished_day';
    from: IsoDate;
    to: IsoDate;
    limit: number;
  }): Promise<DossierFacts[]> {
    if (options.unitCodes.length === 0) return [];
    let q = this.db
      .selectFrom('dashboard_dossier_facts')
      .select('facts')
      .where('unit_code', 'in', options.unitCodes)
      .where(options.dayColumn, '>=', sql<string>`${options.from}::date`)
      .where(options.dayColumn, '<=', sql<string>`${options.to}::date`);
    if (options.procedureCode) q = q.where('procedure_code', '=', options.procedureCode);
    const rows = await q
      .orderBy(options.dayColumn)
      .orderBy('dossier_id')
      .limit(options.limit)
      .execute();
    return rows.map((r) => r.facts);
  }

  /** Units below (and including) a unit, from the hierarchy. */
  async unitsUnder(unitCode: string): Promise<string[]> {
    const { rows } = await sql<{ code: string }>`
      with recursive sub(code) as (
        select code from units where code = ${unitCode}
        union all
        select u.code from units u join sub on u.parent_code = sub.code
      )
      select code from sub`.execute(this.db);
    return rows.map((r) => r.code);
  }

  /** Catalogue names by procedure code, for the drill tables (a code alone says little). */
  async procedureNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'name'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async unitNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('units')
      .select(['code', 'full_name'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.full_name]));
  }
}
