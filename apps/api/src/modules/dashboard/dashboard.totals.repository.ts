import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/client';
import { addDays, type IsoDate } from '../calendar/calendar.time';
import { type Counters, counterKeys, emptyCounters } from './dashboard.facts';
import type { UnitProcedureTotals } from './dashboard.repository';
import { type PeriodCover, periodCover, type ScopeTotals } from './dashboard.scope';
import { monthNumberOf } from './dashboard.upkeep.repository';
import './dashboard.tables';

/** Counter columns other than the open count, which each block reads up to `lastClosed`. */
const plainCounters = counterKeys.filter((k) => k !== 'timely_due_open');
const columns = sql.raw(plainCounters.join(', '));
const sumsOf = (prefix = '') =>
  sql.raw(counterKeys.map((k) => `coalesce(sum(${prefix}${k}), 0) as ${k}`).join(', '));

function countersOf(row: Record<string, unknown>): Counters {
  const c = emptyCounters();
  for (const k of counterKeys) c[k] = Number(row[k]);
  return c;
}

/**
 * Reads of the rollups over a period: whole years, whole months and the remaining days
 * (periodCover) — per (unit, procedure) for the alerts and the checks, and per unit and per
 * procedure for the service index.
 */
export class DashboardTotalsRepository {
  constructor(private readonly db: Db) {}

  /** The counter rows of the period, per (unit, procedure, block), before summing. */
  private periodRows(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
    lastClosed: IsoDate,
  ): RawBuilder<unknown> | null {
    const cover = periodCover(from, to, lastClosed);
    const units = sql.join(unitCodes);
    // A whole block lies either before `lastClosed` or after it (periodCover), so its open count
    // is all late or not yet late.
    const block = (table: string, column: string, keys: string[]) =>
      sql`select unit_code, procedure_code, ${columns},
          case when ${sql.ref(column)} > ${lastClosed}::date then 0 else timely_due_open end as timely_due_open
        from ${sql.table(table)}
        where unit_code in (${units}) and ${sql.ref(column)} = any(${keys}::date[])`;
    const parts: RawBuilder<unknown>[] = [];
    if (cover.years.length) parts.push(block('dashboard_yearly', 'year', cover.years));
    if (cover.months.length) parts.push(block('dashboard_monthly', 'month', cover.months));
    if (cover.days.length) {
      // The edge days as a list: an index scan on the day, where OR-ed ranges led the planner to
      // scan the whole daily table.
      const days = daysOf(cover);
      parts.push(sql`select unit_code, procedure_code, ${columns},
          case when day > ${lastClosed}::date then 0 else timely_due_open end as timely_due_open
        from dashboard_daily where unit_code in (${units}) and day = any(${days}::date[])`);
    }
    return parts.length ? sql.join(parts, sql` union all `) : null;
  }

  /** Sums per (unit, procedure) over [from, to]. */
  async perUnitProcedure(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
    lastClosed: IsoDate,
  ): Promise<UnitProcedureTotals[]> {
    const rows = unitCodes.length ? this.periodRows(unitCodes, from, to, lastClosed) : null;
    if (!rows) return [];
    const result = await sql<
      Record<string, unknown> & { unit_code: string; procedure_code: string }
    >`
      select unit_code, procedure_code, ${sumsOf()} from (${rows}) r
      group by unit_code, procedure_code`.execute(this.db);
    return result.rows.map((r) => ({
      unitCode: r.unit_code,
      procedureCode: r.procedure_code,
      counters: countersOf(r),
    }));
  }

  /**
   * Per unit (with its numbers of fee-bearing procedures and of procedures paid online) and per
   * procedure, over [from, to], for `root` and the units below it (`unitCodes`): from the
   * rollups kept at that grain (0023), so the cost does not grow with the number of (unit,
   * procedure) pairs or the length of the period.
   */
  async scope(
    root: string,
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
    lastClosed: IsoDate,
  ): Promise<ScopeTotals> {
    const out: ScopeTotals = { units: new Map(), procedures: new Map() };
    const cover = periodCover(from, to, lastClosed);
    if (unitCodes.length === 0) return out;
    const units = sql.join(unitCodes);
    const days = daysOf(cover);
    // One branch per grain (an index range each; OR-ed grains were read by a sequential scan).
    const grains = (
      [
        ['y', cover.years],
        ['m', cover.months],
        ['d', days],
      ] as const
    ).filter(([, periods]) => periods.length > 0);
    if (grains.length === 0) return out;
    const byGrain = (table: string, where: RawBuilder<unknown>) =>
      sql.join(
        grains.map(
          ([grain, periods]) => sql`select * from ${sql.table(table)}
            where grain = ${grain} and period = any(${periods}::date[]) and ${where}`,
        ),
        sql` union all `,
      );
    // A block lies wholly before or after `lastClosed` (periodCover).
    const dueOpen = sql`coalesce(sum(timely_due_open) filter (where period <= ${lastClosed}::date), 0) as timely_due_open`;
    const sums = sql.raw(plainCounters.map((k) => `coalesce(sum(${k}), 0) as ${k}`).join(', '));
    // Months wholly inside the period (years and months), as dashboard_pair_months numbers.
    const months = [
      ...cover.years.flatMap((y) => Array.from({ length: 12 }, (_, i) => monthNumberOf(y) + i)),
      ...cover.months.map(monthNumberOf),
    ];
    const ownRows = this.periodRows([root], from, to, lastClosed);
    const [perUnit, perProcedure, distinct] = await Promise.all([
      sql<Record<string, unknown> & { unit_code: string }>`
        select unit_code, ${sums}, ${dueOpen}
        from (${byGrain('dashboard_unit_totals', sql`unit_code in (${units})`)}) r
        group by unit_code`.execute(this.db),
      // Across the units below the root, plus the root's own dossiers.
      sql<Record<string, unknown> & { procedure_code: string }>`
        select procedure_code, ${sumsOf()} from (
          select procedure_code, ${columns},
            case when period > ${lastClosed}::date then 0 else timely_due_open end as timely_due_open
          from (${byGrain('dashboard_scope_procedures', sql`scope_code = ${root}`)}) s
          ${ownRows ? sql`union all select procedure_code, ${columns}, timely_due_open from (${ownRows}) own` : sql``}
        ) r group by procedure_code`.execute(this.db),
      // Whole months from each pair's months; the edge days from the daily rollup's partial
      // indexes on fee-bearing and paid-online rows.
      sql<{ unit_code: string; fee: string; paid: string }>`
        select unit_code, count(*) filter (where fee) as fee, count(*) filter (where paid) as paid
        from (
          select unit_code, procedure_code, bool_or(fee) as fee, bool_or(paid) as paid from (
            select unit_code, procedure_code, fee_months && ${months}::int[] as fee,
              paid_online_months && ${months}::int[] as paid
            from dashboard_pair_months
            where unit_code in (${units})
              and (fee_months && ${months}::int[] or paid_online_months && ${months}::int[])
            union all
            select unit_code, procedure_code, true, false from dashboard_daily
            where day = any(${days}::date[]) and fee_bearing > 0 and unit_code in (${units})
            union all
            select unit_code, procedure_code, false, true from dashboard_daily
            where day = any(${days}::date[]) and paid_online > 0 and unit_code in (${units})
          ) x group by unit_code, procedure_code
        ) y group by unit_code`.execute(this.db),
    ]);
    const counts = new Map(distinct.rows.map((r) => [r.unit_code, r]));
    for (const r of perUnit.rows) {
      const c = counts.get(r.unit_code);
      out.units.set(r.unit_code, {
        counters: countersOf(r),
        feeBearingProcedures: Number(c?.fee ?? 0),
        proceduresWithOnlinePayment: Number(c?.paid ?? 0),
      });
    }
    for (const r of perProcedure.rows) out.procedures.set(r.procedure_code, countersOf(r));
    return out;
  }
}

/** The single days of a cover (at most three partial months). */
function daysOf(cover: PeriodCover): IsoDate[] {
  const days: IsoDate[] = [];
  for (const [a, b] of cover.days) for (let d = a; d <= b; d = addDays(d, 1)) days.push(d);
  return days;
}
