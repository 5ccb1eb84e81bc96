/**
 * Province-scale dossier data for the dashboard benchmark, written by PostgreSQL itself
 * (generate_series, INSERT … SELECT): dossiers with their event logs, payments, component files
 * and ratings over five years.
 *
 * Each dossier gets a plan (random draws; every instant a whole second) and the plan becomes the
 * rows the app would hold at `end`: an event exists when its instant is ≤ end, in workflow order,
 * and the dossier row is the state after its last event. Assumptions (no public volume data
 * exists): online share 15 % → 55 % over the five years for procedures offered online, 2 % by
 * post; 2 % refused at reception, 1 % withdrawn, 0.5 % stopped, 0.3 % left running past their due
 * date; 8 % one supplement request, 1 % two; 6 % finished late (15 % of those with an apology);
 * 3 % refused on the merits; 80 % with an e-result; component files on every online dossier and
 * 60 % of the others; 60 % of fee-bearing online dossiers paid online; 5 % of the online dossiers
 * finished and returned are rated. Due dates: N working days from the acceptance day, closing at
 * 17:00, supplement pauses added in whole working days (an approximation of `dueWithPauses`).
 */
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/client';
import { type MixProcedure, weightedSlots } from './dashboard-scale.mix';

export const BENCH_USER_ID = '00000000-0000-4000-8000-00000000be0c';

export interface DossierPlanInput {
  dossiers: number;
  procedures: MixProcedure[];
  communes: { code: string; population: number }[];
  centreCode: string;
  /** Working days in order (the calendar service's days off removed), window + six months. */
  workdays: string[];
  /** 1-based indexes in `workdays` of the first and the last day a dossier may be submitted. */
  firstIndex: number;
  lastIndex: number;
  end: Date;
}

export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Small lookup tables the statements read (each statement builds its arrays once). */
export async function prepareLookups(db: Db, p: DossierPlanInput): Promise<void> {
  await sql`drop table if exists bench_procs, bench_workdays, bench_slots, bench_communes`.execute(
    db,
  );
  await sql`create unlogged table bench_workdays (n int primary key, day date not null)`.execute(
    db,
  );
  await sql
    .raw(`insert into bench_workdays select i, d::date
      from unnest(array[${p.workdays.map(lit).join(',')}]) with ordinality as t(d, i)`)
    .execute(db);
  await sql`create unlogged table bench_procs (
    i int primary key, code text, version int, at_centre boolean, offered_online boolean,
    limit_amount int, limit_unit text, fee1 int, fee2 int, fee3 int)`.execute(db);
  const rows = p.procedures.map(
    (m, i) =>
      `(${i + 1}, ${lit(m.code)}, ${m.version}, ${m.atCentre}, ${m.offeredOnline}, ${m.limitAmount ?? 'null'}, ${m.limitUnit ? lit(m.limitUnit) : 'null'}, ${m.fees.map((f) => f ?? 'null').join(', ')})`,
  );
  await sql.raw(`insert into bench_procs values ${rows.join(',\n')}`).execute(db);
  // Weighted draws read `slots[1 + floor(random() * size)]`. Arrays are rebuilt by array_agg in
  // each statement: a stored (toasted) array would be decompressed at every subscript, and a text
  // array is searched element by element, so slots hold integers.
  await sql`create unlogged table bench_slots (kind text, s int, v int, primary key (kind, s))`.execute(
    db,
  );
  const procSlots = weightedSlots(
    p.procedures.map((m) => m.weight),
    100_000,
  );
  const communeSlots = weightedSlots(
    p.communes.map((c) => c.population),
    10_000,
  );
  await sql`insert into bench_slots
    select 'procedure', s, v from unnest(${procSlots}::int[]) with ordinality as t(v, s)
    union all
    select 'commune', s, v from unnest(${communeSlots}::int[]) with ordinality as t(v, s)`.execute(
    db,
  );
  await sql`create unlogged table bench_communes (i int primary key, code text not null)`.execute(
    db,
  );
  await sql`insert into bench_communes
    select i, code from unnest(${p.communes.map((c) => c.code)}::text[]) with ordinality as t(code, i)`.execute(
    db,
  );
  await sql`
    insert into users (id, kind, full_name, oidc_issuer, oidc_subject, created_at, updated_at)
    values (${BENCH_USER_ID}, 'resident', 'Cư dân mẫu (benchmark)', 'https://bench.invalid',
      'bench-resident', ${p.end}, ${p.end})
    on conflict (id) do nothing`.execute(db);
}

/** The instant of working day `k` (index into wd) at `secs` seconds after local midnight. */
const at = (k: string, secs: string) =>
  `(((wd[${k}]::timestamp + make_interval(secs => ${secs})) - interval '7 hours') at time zone 'UTC')`;

/** Step 1: the draws, one row per dossier (each random() used once). */
export function drawSql(p: DossierPlanInput): string {
  const span = p.lastIndex - p.firstIndex + 1;
  return `
  create unlogged table bench_draw as
  select q.n, q.id, q.k_sub, pr.i as pi,
    case when pr.at_centre then ${lit(p.centreCode)}
      else cn[cs[1 + floor(q.u_unit * array_length(cs, 1))::int]] end as unit,
    (case when q.u_ch < 0.02 then 3
      when pr.offered_online and q.u_ch < 0.17 + 0.40 * (q.k_sub - ${p.firstIndex}) / ${span}.0 then 2
      else 1 end)::smallint as channel,
    q.kind, q.sups, q.p1, q.p2, q.late, q.fin_frac, q.fin_secs, q.acc_secs, q.sub_secs, q.apology,
    q.refused, q.e_result, q.files_u, q.paid_u, q.rated, q.stars, q.ret_days, q.level_u
  from (
    select g as n, gen_random_uuid() as id,
      ps[1 + floor(random() * array_length(ps, 1))::int] as pi,
      ${p.firstIndex} + floor(random() * ${span})::int as k_sub,
      random() as u_unit, random() as u_ch,
      -- 0 normal, 1 refused at reception, 2 withdrawn, 3 stopped, 4 left running
      ((width_bucket(random(), array[0.02, 0.03, 0.035, 0.038]::float8[]) + 1) % 5)::smallint as kind,
      (2 - width_bucket(random(), array[0.01, 0.09]::float8[]))::smallint as sups,
      (1 + floor(random() * 4))::int as p1,
      (1 + floor(random() * 3))::int as p2,
      random() < 0.06 as late,
      random() as fin_frac,
      (28800 + floor(random() * 28740))::int as fin_secs,
      (27000 + floor(random() * 10800))::int as acc_secs,
      floor(random() * 86400)::int as sub_secs,
      random() < 0.15 as apology,
      random() < 0.03 as refused,
      random() < 0.8 as e_result,
      random() as files_u, random() as paid_u,
      random() < 0.05 as rated,
      (1 + width_bucket(random(), array[0.03, 0.07, 0.15, 0.40]::float8[]))::smallint as stars,
      floor(random() * 3)::int as ret_days,
      random() as level_u
    from generate_series(1, ${p.dossiers}) g,
      (select array_agg(v order by s) as ps from bench_slots where kind = 'procedure') a
  ) q
  join bench_procs pr on pr.i = q.pi,
  (select array_agg(v order by s) as cs from bench_slots where kind = 'commune') c,
  (select array_agg(code order by i) as cn from bench_communes) n`;
}

/** Step 2: every planned instant (null where the step does not happen), from the draws. */
export function planSql(p: DossierPlanInput): string {
  const maxK = p.workdays.length;
  // Working days the time limit spans (calendar days: the working days that usually fit).
  const nEff = `case pr.limit_unit when 'working_hours' then ceil(pr.limit_amount / 8.0)::int
      when 'calendar_days' then floor(pr.limit_amount * 5 / 7.0)::int else pr.limit_amount end`;
  const dueAfter = (pause: string) => `case
      when pr.limit_unit is null then null
      when pr.limit_unit = 'calendar_days' then
        (((wd[b.k_acc] + pr.limit_amount + ${pause})::timestamp + interval '10 hours') at time zone 'UTC')
      else ${at(`least(b.k_acc + ${nEff} + ${pause}, ${maxK})`, '61200')} end`;
  return `
  create unlogged table bench_plan as
  select c.*,
    case when c.kind = 0 and c.k_fin is not null then
      greatest(${at('c.k_fin', 'c.fin_secs')}, coalesce(c.res2_at, c.res1_at, c.acc_at) + interval '30 minutes')
    end as fin_at,
    case when c.kind = 0 and c.late and c.apology and c.limit_unit = 'working_days'
      and c.k_due > c.k_start then ${at('c.k_due', '32400')} end as apology_at,
    case when c.kind = 0 and c.late and c.apology and c.limit_unit = 'working_days'
      and c.k_due > c.k_start then ${at(`least(c.k_due + 5, ${maxK})`, '61200')} end as apology_due
  from (
    select b.*, pr.code, pr.version, pr.limit_amount, pr.limit_unit,
      case b.channel when 1 then pr.fee1 when 2 then pr.fee2 else pr.fee3 end as fee,
      ${dueAfter('0')} as due0,
      ${dueAfter('b.p1')} as due1,
      ${dueAfter('b.p1 + b.p2')} as due2,
      case when b.sups_eff >= 1 then ${at('b.k_acc + 1', '36000')} end as sup1_at,
      case when b.sups_eff >= 1 then ${at('b.k_acc + 1 + b.p1', '32400')} end as res1_at,
      case when b.sups_eff = 2 then ${at('b.k_acc + 2 + b.p1', '36000')} end as sup2_at,
      case when b.sups_eff = 2 then ${at('b.k_acc + 2 + b.p1 + b.p2', '32400')} end as res2_at,
      case when b.kind = 2 then ${at('b.k_acc + 1', '32400')} end as wreq_at,
      case when b.kind = 2 then ${at('b.k_acc + 1', '50400')}
        when b.kind = 3 then ${at('b.k_acc + 1', '36000')} end as end_at,
      b.k_acc + ${nEff} + b.pause as k_due,
      b.k_acc + b.pause + b.sups_eff as k_start,
      case when b.kind <> 0 then null
        when pr.limit_unit is null then b.k_acc + b.pause + b.sups_eff + floor(b.fin_frac * 3)::int
        when b.late then least(b.k_acc + ${nEff} + b.pause + 1 + floor(b.fin_frac * 8)::int, ${maxK})
        else b.k_acc + b.pause + b.sups_eff + floor(b.fin_frac
          * greatest(${nEff} - b.sups_eff + 1, 1))::int
      end as k_fin
    from (
      select d.*, pr0.i,
        case when d.kind = 0 then d.sups else 0 end as sups_eff,
        case when d.kind <> 0 or d.sups = 0 then 0 when d.sups = 1 then d.p1
          else d.p1 + d.p2 end as pause,
        case d.channel when 1 then d.k_sub else d.k_sub + 1 end as k_acc,
        case d.channel when 1 then ${at('d.k_sub', '27000 + (d.sub_secs / 86400.0 * 30600)::int')}
          else ${at('d.k_sub', 'd.sub_secs')} end as sub_at,
        case d.channel when 1 then ${at('d.k_sub', '27000 + (d.sub_secs / 86400.0 * 30600)::int')} + interval '5 minutes'
          else ${at('d.k_sub + 1', 'd.acc_secs')} end as acc_at
      from bench_draw d join bench_procs pr0 on pr0.i = d.pi,
        (select array_agg(day order by n) as wd from bench_workdays) w0
    ) b
    join bench_procs pr on pr.i = b.pi,
    (select array_agg(day order by n) as wd from bench_workdays) w
  ) c,
  (select array_agg(day order by n) as wd from bench_workdays) w`;
}
