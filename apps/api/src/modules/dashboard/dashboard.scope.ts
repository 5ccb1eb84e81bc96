/**
 * Pure helpers for reading the counters of a period cheaply (docs/DASHBOARD.md, "Rollups"):
 * which whole years and months can be read from the coarser rollups instead of day by day, and
 * the per-unit and per-procedure totals the service index needs (what the repository computes in
 * SQL for the rollup, and `scopeTotalsOf` computes from raw rows).
 */
import { addDays, type IsoDate } from '../calendar/calendar.time';
import { addCounters, type Counters, emptyCounters } from './dashboard.facts';
import type { UnitProcedureTotals } from './dashboard.repository';

export interface PeriodCover {
  /** First days of whole years read from dashboard_yearly. */
  years: IsoDate[];
  /** First days of whole months read from dashboard_monthly. */
  months: IsoDate[];
  /** Inclusive day ranges read from dashboard_daily. */
  days: [IsoDate, IsoDate][];
}

const lastDayOfMonth = (first: IsoDate): IsoDate => {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next as IsoDate, -1);
};

/**
 * Splits [from, to] into whole years, whole months and remaining days. A year or month is read
 * whole only if it lies inside the period and does not contain `lastClosed` before its end:
 * open dossiers count as late only on days up to `lastClosed`, which a whole block cannot tell
 * (a block entirely after `lastClosed` is read with its open count left out).
 */
export function periodCover(from: IsoDate, to: IsoDate, lastClosed: IsoDate): PeriodCover {
  const cover: PeriodCover = { years: [], months: [], days: [] };
  const fits = (start: IsoDate, end: IsoDate) =>
    start >= from && end <= to && !(start <= lastClosed && lastClosed < end);
  let day = from;
  while (day <= to) {
    const yearEnd = `${day.slice(0, 4)}-12-31` as IsoDate;
    if (day.endsWith('-01-01') && fits(day, yearEnd)) {
      cover.years.push(day);
      day = addDays(yearEnd, 1);
      continue;
    }
    const monthEnd = lastDayOfMonth(day);
    if (day.endsWith('-01') && fits(day, monthEnd)) {
      cover.months.push(day);
      day = addDays(monthEnd, 1);
      continue;
    }
    const last = cover.days.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else cover.days.push([day, day]);
    day = addDays(day, 1);
  }
  return cover;
}

/** A unit's counters over the period and how many of its procedures had fee-bearing dossiers. */
export interface UnitScopeTotals {
  counters: Counters;
  feeBearingProcedures: number;
  proceduresWithOnlinePayment: number;
}

/**
 * What the service index needs of a scope: per unit (with its procedure counts) and per
 * procedure across the scope. A few hundred rows, where the (unit, procedure) rows behind them
 * are tens of thousands at province scale.
 */
export interface ScopeTotals {
  units: Map<string, UnitScopeTotals>;
  procedures: Map<string, Counters>;
}

/** The same summary from per-(unit, procedure) rows (raw sources, tests). */
export function scopeTotalsOf(rows: readonly UnitProcedureTotals[]): ScopeTotals {
  const pairs = new Map<string, UnitProcedureTotals>();
  for (const r of rows) {
    const key = `${r.unitCode}\u0000${r.procedureCode}`;
    const p = pairs.get(key);
    if (p) addCounters(p.counters, r.counters);
    else pairs.set(key, { ...r, counters: addCounters(emptyCounters(), r.counters) });
  }
  const units = new Map<string, UnitScopeTotals>();
  const procedures = new Map<string, Counters>();
  for (const p of pairs.values()) {
    let u = units.get(p.unitCode);
    if (!u) {
      u = { counters: emptyCounters(), feeBearingProcedures: 0, proceduresWithOnlinePayment: 0 };
      units.set(p.unitCode, u);
    }
    addCounters(u.counters, p.counters);
    if (p.counters.fee_bearing > 0) u.feeBearingProcedures += 1;
    if (p.counters.paid_online > 0) u.proceduresWithOnlinePayment += 1;
    procedures.set(
      p.procedureCode,
      addCounters(procedures.get(p.procedureCode) ?? emptyCounters(), p.counters),
    );
  }
  return { units, procedures };
}
