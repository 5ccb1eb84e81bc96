/**
 * The service index's fold written once more as set-based SQL over the raw tables (dossiers,
 * dossier_events, payments, files, procedure_versions): the same rules as `foldEvent`,
 * `timelinessOf` and `contribution` in apps/api/src/modules/dashboard/dashboard.facts.ts.
 *
 * Two uses in the benchmark: (1) the generator fills the rollup tables with it in bulk (the sink
 * would take hours for 5 M dossiers one event at a time), and (2) it is the raw-path baseline a
 * dashboard without rollups would run per request. It is never trusted on its own: the benchmark
 * compares its output with the app's pure path (`rawFacts` + `totalsFromFacts`) on sampled
 * communes, dossier by dossier and period by period, and prints the result.
 *
 * Instants are whole seconds in the generated data, so SQL comparisons match the app's
 * millisecond Dates; Vietnam days are UTC+7 (calendar.time.ts: a fixed offset).
 */
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/client';
import {
  type Counters,
  counterKeys,
  emptyCounters,
} from '../apps/api/src/modules/dashboard/dashboard.facts';
import type { UnitProcedureTotals } from '../apps/api/src/modules/dashboard/dashboard.repository';

/** The Vietnam calendar date of an instant (dayOf). */
const vnDay = (col: string) => `((${col} at time zone 'UTC') + interval '7 hours')::date`;
/** Date.prototype.toISOString of an instant, or null. */
const iso = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One row per dossier that has events, with the facts and the days the index keys them on.
 * `where` filters the dossiers (alias d) before anything is joined.
 */
export function factsSelect(where: string): string {
  return `
  select
    d.id as dossier_id, d.code, d.receiving_unit_code as unit_code, d.procedure_code, d.channel,
    d.accepted_at, d.due_at, d.apology_due_at, d.finished_at, d.outcome, d.counted_late,
    ev.stopped_at, coalesce(ev.withdrawn, false) as withdrawn,
    coalesce(ev.supplements, 0)::int as supplements, ev.second_supplement_at,
    coalesce(v.online_level = 'toan_trinh', false) as end_to_end,
    (coalesce(d.fee_vnd, 0) > 0 or d.payment_state <> 'not_required') as fee_bearing,
    (pay.dossier_id is not null and d.payment_state = 'paid') as paid_online,
    d.result_id is not null as e_result,
    fil.bundle_id is not null as has_files,
    -- Number(level) in the sink: 1 or 2 (a number, a numeric string, or true for 1), else null.
    case
      when jsonb_typeof(ev.level) in ('number', 'string') and ev.level #>> '{}' in ('1', '2')
        then (ev.level #>> '{}')::int
      when ev.level = 'true'::jsonb then 1
    end as assurance_level
  from dossiers d
  left join (
    select dossier_id,
      (array_agg(at order by id) filter (where type in ('accept_withdrawal', 'stop')))[1] as stopped_at,
      bool_or(type = 'accept_withdrawal') as withdrawn,
      count(*) filter (where type = 'request_supplement') as supplements,
      (array_agg(at order by id) filter (where type = 'request_supplement'))[2] as second_supplement_at,
      (array_agg(data->'assuranceLevel' order by id) filter (where type = 'submitted'))[1] as level
    from dossier_events
    where type in ('submitted', 'request_supplement', 'accept_withdrawal', 'stop')
      ${where === 'true' ? '' : `and dossier_id in (select d.id from dossiers d where ${where})`}
    group by dossier_id
  ) ev on ev.dossier_id = d.id
  left join procedure_versions v
    on v.procedure_code = d.procedure_code and v.version = d.procedure_version
  left join (select distinct dossier_id from payments where state = 'paid') pay
    on pay.dossier_id = d.id
  left join (
    select distinct bundle_id from files where bundle_id like 'dossier:%' and deleted_at is null
  ) fil on fil.bundle_id = 'dossier:' || d.id::text
  where (${where})
    and (ev.dossier_id is not null or exists (select 1 from dossier_events e where e.dossier_id = d.id))`;
}

/** Adds timeliness and finish to the facts rows of `facts` (a relation with factsSelect's columns). */
export function decidedSelect(facts: string): string {
  const finishAt = 'coalesce(f.finished_at, f.stopped_at)';
  return `
  select f.*,
    ${vnDay('f.accepted_at')} as accepted_day,
    case
      when f.accepted_at is null or f.due_at is null then null
      when f.counted_late then 'late'
      when ${finishAt} is not null and ${finishAt} <= f.due_at then 'on_time'
      when ${finishAt} is not null then 'late'
      else 'due_open'
    end as timely_kind,
    case
      when f.accepted_at is null or f.due_at is null then null
      when f.counted_late then ${vnDay('coalesce(f.second_supplement_at, f.due_at)')}
      when ${finishAt} is not null and ${finishAt} <= f.due_at then ${vnDay(finishAt)}
      else ${vnDay('f.due_at')}
    end as timely_day,
    (f.finished_at is not null and f.outcome is not null) as is_finished,
    ${vnDay('f.finished_at')} as finished_day
  from (${facts}) f`;
}

/** The facts document the sink stores (DossierFacts), from a decidedSelect row aliased `x`. */
export const factsJson = `jsonb_build_object(
    'dossierId', x.dossier_id, 'code', x.code, 'unitCode', x.unit_code,
    'procedureCode', x.procedure_code, 'channel', x.channel,
    'acceptedAt', ${iso('x.accepted_at')}, 'dueAt', ${iso('x.due_at')},
    'apologyDueAt', ${iso('x.apology_due_at')}, 'finishedAt', ${iso('x.finished_at')},
    'outcome', x.outcome, 'stoppedAt', ${iso('x.stopped_at')}, 'withdrawn', x.withdrawn,
    'supplementRequests', x.supplements, 'secondSupplementAt', ${iso('x.second_supplement_at')},
    'countedLate', x.counted_late, 'endToEndOffered', x.end_to_end, 'feeBearing', x.fee_bearing,
    'paidOnline', x.paid_online, 'eResult', x.e_result, 'hasFiles', x.has_files,
    'assuranceLevel', x.assurance_level)`;

/**
 * Per (unit, procedure, day) counters of a decidedSelect relation aliased `x` (contribution):
 * volume on the acceptance day, timeliness on its day, results on the finish day.
 */
export function contributionsSelect(decided: string, materialize: boolean): string {
  const accepted = {
    received: '1',
    online: '(x.channel = 2)::int',
    online_vneid: '(x.channel = 2 and x.assurance_level = 2)::int',
    e2e_eligible: 'x.end_to_end::int',
    e2e_online: '(x.end_to_end and x.channel = 2)::int',
    fee_bearing: 'x.fee_bearing::int',
    paid_online: '(x.fee_bearing and x.paid_online)::int',
  };
  const timely = {
    timely_on_time: "(x.timely_kind = 'on_time')::int",
    timely_late: "(x.timely_kind = 'late')::int",
    timely_due_open: "(x.timely_kind = 'due_open')::int",
  };
  const finished = {
    finished: '1',
    e_result: 'x.e_result::int',
    digitised: '(x.e_result and x.has_files)::int',
    processing_ms:
      'greatest(0, round((extract(epoch from x.finished_at) - extract(epoch from x.accepted_at)) * 1000))',
  };
  // Every branch of the union lists all counters in the same order (0 where it adds nothing).
  const part = (day: string, cols: Record<string, string>, where: string) => `
    select x.unit_code, x.procedure_code, ${day} as day,
      ${counterKeys.map((k) => `(${cols[k] ?? '0'})::bigint as ${k}`).join(', ')}
    from x where ${where}`;
  // A subquery is folded once (materialized); a table is read three times instead of copied.
  return `
  with x as ${materialize ? 'materialized' : 'not materialized'} (${decided})
  ${part('x.accepted_day', accepted, 'x.accepted_at is not null')}
  union all
  ${part('x.timely_day', timely, 'x.accepted_at is not null and x.timely_kind is not null')}
  union all
  ${part('x.finished_day', finished, 'x.accepted_at is not null and x.is_finished')}`;
}

const sumsOf = (dueOpenUpTo: string | null) =>
  counterKeys
    .map((k) =>
      k === 'timely_due_open' && dueOpenUpTo
        ? `coalesce(sum(c.${k}) filter (where c.day <= ${dueOpenUpTo}), 0) as ${k}`
        : `coalesce(sum(c.${k}), 0) as ${k}`,
    )
    .join(', ');

/** Fills dashboard_daily from the raw tables of every dossier (the generator's bulk path). */
export function fillDailySql(decidedTable: string): string {
  return `
  insert into dashboard_daily (unit_code, procedure_code, day, ${counterKeys.join(', ')})
  select c.unit_code, c.procedure_code, c.day, ${sumsOf(null)}
  from (${contributionsSelect(`select * from ${decidedTable}`, false)}) c
  group by c.unit_code, c.procedure_code, c.day`;
}

const literalList = (codes: readonly string[]) =>
  codes.map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
const isoDay = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a date: ${d}`);
  return `'${d}'::date`;
};

/**
 * The raw-path baseline as a TotalsSource for DashboardService.serviceIndex: every dossier of the
 * units folded from its events on each request, counters summed over [from, to].
 */
export function rawSqlTotals(db: Db) {
  return async (
    unitCodes: string[],
    from: string,
    to: string,
    lastClosed: string,
  ): Promise<UnitProcedureTotals[]> => {
    if (unitCodes.length === 0) return [];
    const where = `d.receiving_unit_code in (${literalList(unitCodes)})`;
    const { rows } = await sql
      .raw<Record<string, string | number>>(`
      select c.unit_code, c.procedure_code, ${sumsOf(isoDay(lastClosed))}
      from (${contributionsSelect(decidedSelect(factsSelect(where)), true)}) c
      where c.day between ${isoDay(from)} and ${isoDay(to)}
      group by c.unit_code, c.procedure_code`)
      .execute(db);
    return rows.map((r) => {
      const counters: Counters = emptyCounters();
      for (const k of counterKeys) counters[k] = Number(r[k]);
      return { unitCode: String(r.unit_code), procedureCode: String(r.procedure_code), counters };
    });
  };
}

/**
 * The first design's read (migration 0017 alone), kept as a baseline: per (unit, procedure)
 * sums over the daily rollup, which the service then summed per unit and per procedure in Node.
 */
export function dailyOnlyTotals(db: Db) {
  return async (
    unitCodes: string[],
    from: string,
    to: string,
    lastClosed: string,
  ): Promise<UnitProcedureTotals[]> => {
    if (unitCodes.length === 0) return [];
    const sums = counterKeys
      .map((k) =>
        k === 'timely_due_open'
          ? `coalesce(sum(${k}) filter (where day <= ${isoDay(lastClosed)}), 0) as ${k}`
          : `coalesce(sum(${k}), 0) as ${k}`,
      )
      .join(', ');
    const { rows } = await sql
      .raw<Record<string, string | number>>(`
      select unit_code, procedure_code, ${sums} from dashboard_daily
      where unit_code in (${literalList(unitCodes)})
        and day between ${isoDay(from)} and ${isoDay(to)}
      group by unit_code, procedure_code`)
      .execute(db);
    return rows.map((r) => {
      const counters: Counters = emptyCounters();
      for (const k of counterKeys) counters[k] = Number(r[k]);
      return { unitCode: String(r.unit_code), procedureCode: String(r.procedure_code), counters };
    });
  };
}
