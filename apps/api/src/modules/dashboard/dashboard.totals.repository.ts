import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import { type Counters, counterKeys, emptyCounters } from './dashboard.facts';
import type { UnitProcedureTotals } from './dashboard.repository';
import { periodCover, type ScopeTotals } from './dashboard.scope';
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
 * Reads of the rollup over a period: whole years from dashboard_yearly, whole months from
 * dashboard_monthly, the remaining days from dashboard_daily (periodCover). Five years at the
 * province take some thousand rows per unit instead of one per (procedure, day).
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
      const ranges = sql.join(
        cover.days.map(([a, b]) => sql`day between ${a}::date and ${b}::date`),
        sql` or `,
      );
      parts.push(sql`select unit_code, procedure_code, ${columns},
          case when day > ${lastClosed}::date then 0 else timely_due_open end as timely_due_open
        from dashboard_daily where unit_code in (${units}) and (${ranges})`);
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
   * procedure over [from, to], summed in the database: the service index needs a few hundred
   * rows, not the tens of thousands of (unit, procedure) pairs behind them.
   */
  async scope(
    unitCodes: string[],
    from: IsoDate,
    to: IsoDate,
    lastClosed: IsoDate,
  ): Promise<ScopeTotals> {
    const out: ScopeTotals = { units: new Map(), procedures: new Map() };
    const rows = unitCodes.length ? this.periodRows(unitCodes, from, to, lastClosed) : null;
    if (!rows) return out;
    const result = await sql<
      Record<string, unknown> & {
        kind: 'unit' | 'procedure';
        code: string;
        fee: string;
        paid: string;
      }
    >`
      with pair as (
        select unit_code, procedure_code, ${sumsOf()} from (${rows}) r
        group by unit_code, procedure_code
      )
      select 'unit' as kind, unit_code as code, ${sumsOf('pair.')},
        count(*) filter (where fee_bearing > 0) as fee, count(*) filter (where paid_online > 0) as paid
      from pair group by unit_code
      union all
      select 'procedure', procedure_code, ${sumsOf('pair.')}, 0, 0
      from pair group by procedure_code`.execute(this.db);
    for (const r of result.rows) {
      if (r.kind === 'unit') {
        out.units.set(r.code, {
          counters: countersOf(r),
          feeBearingProcedures: Number(r.fee),
          proceduresWithOnlinePayment: Number(r.paid),
        });
      } else {
        out.procedures.set(r.code, countersOf(r));
      }
    }
    return out;
  }
}
