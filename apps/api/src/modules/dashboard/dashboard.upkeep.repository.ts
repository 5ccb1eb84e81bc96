import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import { addCounters, type Counters, counterKeys, emptyCounters } from './dashboard.facts';
import './dashboard.tables';

type Grain = 'd' | 'm' | 'y';

const blockOf: Record<Grain, (day: IsoDate) => IsoDate> = {
  d: (day) => day,
  m: (day) => `${day.slice(0, 7)}-01` as IsoDate,
  y: (day) => `${day.slice(0, 4)}-01-01` as IsoDate,
};
const pairTable = {
  d: ['dashboard_daily', 'day'],
  m: ['dashboard_monthly', 'month'],
  y: ['dashboard_yearly', 'year'],
} as const;

/** year × 12 + month − 1 of a monthly rollup row (dashboard_pair_months). */
const monthNumber = sql`(extract(year from month)::int * 12 + extract(month from month)::int - 1)`;

/** The same number for a month's first day. */
export const monthNumberOf = (first: IsoDate) =>
  Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;

const isZero = (c: Counters) => counterKeys.every((k) => c[k] === 0);
const counterColumns = sql.join(counterKeys.map((k) => sql.ref(k)));
const addExcluded = (table: string) =>
  sql.join(
    counterKeys.map(
      (k) => sql`${sql.ref(k)} = ${sql.table(table)}.${sql.ref(k)} + excluded.${sql.ref(k)}`,
    ),
  );
const counterValues = (c: Counters) =>
  sql.join(
    counterKeys.map((k) => (k === 'processing_ms' ? sql`${c[k]}::bigint` : sql`${c[k]}::int`)),
  );

/**
 * Rollup upkeep inside a dossier event's transaction: a dossier's change of contribution (signed
 * counters per Vietnam day) added to every rollup the reads use — per (unit, procedure) by day,
 * month and year (0017, 0021), per unit and per procedure under each ancestor unit (0023), and the
 * months in which a (unit, procedure) had fee-bearing or paid-online dossiers (0023).
 */
export class DashboardUpkeepRepository {
  constructor(private readonly db: Db) {}

  /**
   * Rows are locked in one order in every transaction — per (unit, procedure) days, months,
   * years; then the unit's rows; then the ancestors' rows; each by date — so two events touching
   * the same rows cannot deadlock.
   */
  async applyDelta(
    unitCode: string,
    procedureCode: string,
    delta: Map<IsoDate, Counters>,
  ): Promise<void> {
    const days = [...delta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const entries: { grain: Grain; period: IsoDate; counters: Counters }[] = [];
    for (const grain of ['d', 'm', 'y'] as const) {
      const blocks = new Map<IsoDate, Counters>();
      for (const [day, c] of days) {
        const key = blockOf[grain](day);
        blocks.set(key, addCounters(blocks.get(key) ?? emptyCounters(), c));
      }
      for (const [period, counters] of blocks) {
        if (!isZero(counters)) entries.push({ grain, period, counters });
      }
    }
    if (entries.length === 0) return;

    let feeMonthsChanged = false;
    for (const { grain, period, counters } of entries) {
      const [table, column] = pairTable[grain];
      const { rows } = await sql<{ fee_bearing: number; paid_online: number }>`
        insert into ${sql.table(table)} (unit_code, procedure_code, ${sql.ref(column)}, ${counterColumns})
        values (${unitCode}, ${procedureCode}, ${period}::date, ${counterValues(counters)})
        on conflict (unit_code, procedure_code, ${sql.ref(column)}) do update set ${addExcluded(table)}
        returning fee_bearing, paid_online`.execute(this.db);
      if (grain === 'm') {
        // Did the month start or stop having fee-bearing (or paid-online) dossiers?
        const after = rows[0]!;
        const before = {
          fee: after.fee_bearing - counters.fee_bearing,
          paid: after.paid_online - counters.paid_online,
        };
        if (before.fee > 0 !== after.fee_bearing > 0 || before.paid > 0 !== after.paid_online > 0) {
          feeMonthsChanged = true;
        }
      }
    }

    const values = sql.join(
      entries.map(
        (e) => sql`(${e.grain}::char(1), ${e.period}::date, ${counterValues(e.counters)})`,
      ),
    );
    await sql`
      insert into dashboard_unit_totals (unit_code, grain, period, ${counterColumns})
      select ${unitCode}, v.* from (values ${values}) v
      on conflict (unit_code, grain, period) do update set ${addExcluded('dashboard_unit_totals')}`.execute(
      this.db,
    );
    await sql`
      with recursive above(code) as (
        select parent_code from units where code = ${unitCode} and parent_code is not null
        union all
        select u.parent_code from above a join units u on u.code = a.code where u.parent_code is not null
      )
      insert into dashboard_scope_procedures (scope_code, procedure_code, grain, period, ${counterColumns})
      select a.code, ${procedureCode}, v.* from above a cross join (values ${values}) v
      order by a.code
      on conflict (scope_code, grain, period, procedure_code) do update set ${addExcluded('dashboard_scope_procedures')}`.execute(
      this.db,
    );
    if (feeMonthsChanged) {
      // Rare (a month's first fee-bearing dossier of the procedure, or its last one moved away):
      // the pair's months are read again from the monthly rollup.
      await sql`
        insert into dashboard_pair_months (unit_code, procedure_code, fee_months, paid_online_months)
        select unit_code, procedure_code,
          coalesce(array_agg(${monthNumber} order by month) filter (where fee_bearing > 0), '{}'),
          coalesce(array_agg(${monthNumber} order by month) filter (where paid_online > 0), '{}')
        from dashboard_monthly where unit_code = ${unitCode} and procedure_code = ${procedureCode}
        group by unit_code, procedure_code
        on conflict (unit_code, procedure_code) do update set
          fee_months = excluded.fee_months, paid_online_months = excluded.paid_online_months`.execute(
        this.db,
      );
    }
  }
}
