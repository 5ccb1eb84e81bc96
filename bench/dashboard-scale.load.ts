/**
 * Builds the benchmark data set in the benchmark database: draws and plans (dashboard-scale.
 * generate.ts), the app's tables (dashboard-scale.rows.ts, dashboard-scale.feedback.ts), then the
 * rollups by the set-based fold (dashboard-scale.raw-sql.ts) — what the sink would have written
 * had every event gone through it. Secondary indexes and foreign keys of the bulk tables are
 * dropped during the load and rebuilt (and validated) after it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/client';
import type { CalendarService } from '../apps/api/src/modules/calendar/calendar.service';
import { addDays, type IsoDate, toLocal } from '../apps/api/src/modules/calendar/calendar.time';
import { generateFeedback } from './dashboard-scale.feedback';
import {
  type DossierPlanInput,
  drawSql,
  planSql,
  prepareLookups,
} from './dashboard-scale.generate';
import { loadCommunes, loadProcedureMix } from './dashboard-scale.mix';
import { decidedSelect, factsJson, factsSelect, fillDailySql } from './dashboard-scale.raw-sql';
import { dossiersSql, eventsSql, filesSql, paymentsSql, ratingsSql } from './dashboard-scale.rows';

const BULK_TABLES = [
  'dossiers',
  'dossier_events',
  'payments',
  'files',
  'dossier_ratings',
  'feedback_reports',
  'feedback_events',
  'dashboard_dossier_facts',
  'dashboard_daily',
  'dashboard_monthly',
  'dashboard_yearly',
  'dashboard_unit_totals',
  'dashboard_scope_procedures',
  'dashboard_pair_months',
];

/**
 * The rollups kept beside the daily one (monthly and yearly per (unit, procedure); per unit, per
 * procedure under each ancestor, months with fee-bearing dossiers): filled from the daily rollup
 * by the backfill statements of their own migrations, so the bulk path is the migrations' SQL.
 */
function coarserRollups(): [string, string][] {
  const dir = new URL('../apps/api/migrations/', import.meta.url);
  return ['0021_dashboard_rollup_levels.sql', '0023_dashboard_answer_rollups.sql'].flatMap((file) =>
    fs
      .readFileSync(new URL(file, dir), 'utf8')
      .split(/;\s*\n/)
      .map((statement) => statement.replace(/^(\s*--[^\n]*\n)+/, '').trim())
      .filter((statement) => /^insert into/i.test(statement))
      .map((statement): [string, string] => [statement.split(/\s+/)[2]!, statement]),
  );
}

/**
 * The feedback facts of the loaded reports: 0019's own backfill statement (from the report rows
 * and their events), then the counters 0022 keeps, summed set-based with the formula of its
 * dashboard_feedback_apply. The row triggers that keep both as reports change are off during the
 * bulk load and these fills: fired for every report (insert, then close, then each facts row) they
 * took over half an hour here.
 */
function feedbackFactsBackfill(): string {
  const text = fs.readFileSync(
    new URL('../apps/api/migrations/0019_dashboard_feedback.sql', import.meta.url),
    'utf8',
  );
  // After the last function body: a body holds its own "insert into dashboard_feedback_facts".
  const statement = text
    .slice(text.lastIndexOf('$$;') + 3)
    .split(/;\s*\n/)
    .map((s) => s.replace(/^(\s*--[^\n]*\n)+/, '').trim())
    .find((s) => /^insert into dashboard_feedback_facts/i.test(s));
  if (!statement) throw new Error('0019 has no backfill statement for dashboard_feedback_facts');
  return statement;
}

const FEEDBACK_COUNTS_FILL = `
  insert into dashboard_feedback_counts (
    unit_code, category_code, grain, period, received, rejected, answered, answered_on_time,
    answered_late, handling_seconds, rated, rating_sum, satisfied
  )
  select f.unit_code, cat.code, g.grain, g.period,
    count(*) filter (where f.outcome <> 'rejected'),
    count(*) filter (where f.outcome = 'rejected'),
    count(*) filter (where f.outcome = 'answered'),
    count(*) filter (where f.outcome = 'answered' and not f.late),
    count(*) filter (where f.outcome = 'answered' and f.late),
    coalesce(sum(round(extract(epoch from f.answered_at - f.received_at))::bigint)
      filter (where f.outcome = 'answered'), 0),
    count(*) filter (where f.outcome <> 'rejected' and f.rating is not null),
    coalesce(sum(f.rating) filter (where f.outcome <> 'rejected'), 0),
    count(*) filter (where f.outcome <> 'rejected' and coalesce(f.rating, 0) >= 4)
  from dashboard_feedback_facts f
  left join feedback_categories k on k.code = f.category_code
  cross join lateral (values (coalesce(k.parent_code, k.code, f.category_code)), ('')) cat(code)
  cross join lateral (values
    ('d', f.received_day),
    ('m', date_trunc('month', f.received_day)::date),
    ('y', date_trunc('year', f.received_day)::date)
  ) g(grain, period)
  group by f.unit_code, cat.code, g.grain, g.period`;

export interface DataSetSpec {
  dossiers: number;
  feedback: number;
  years: number;
  /** The benchmark's "now": the data set ends here and the clock is fixed to it. */
  end: string;
}

export interface LoadReport {
  seconds: number;
  steps: { step: string; seconds: number }[];
}

/** Runs the bulk statements at a lower CPU priority than the other users of the machine. */
async function lowerPriority(db: Db): Promise<void> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  try {
    execFileSync('renice', ['-n', '10', '-p', String(rows[0]!.pid)], { stdio: 'ignore' });
  } catch {
    // Another host or no permission: the load just runs at normal priority.
  }
}

async function withoutSecondaryIndexes(db: Db, run: () => Promise<void>): Promise<void> {
  const { rows: indexes } = await sql<{ name: string; def: string }>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class t on t.oid = i.indrelid
    where t.relname = any(${BULK_TABLES}) and t.relnamespace = current_schema()::regnamespace
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(db);
  const { rows: fks } = await sql<{ tbl: string; name: string; def: string }>`
    select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where c.contype = 'f' and t.relname = any(${BULK_TABLES})
      and t.relnamespace = current_schema()::regnamespace`.execute(db);
  for (const f of fks) await sql.raw(`alter table ${f.tbl} drop constraint ${f.name}`).execute(db);
  for (const i of indexes) await sql.raw(`drop index ${i.name}`).execute(db);
  await run();
  for (const i of indexes) await sql.raw(i.def).execute(db);
  for (const f of fks)
    await sql.raw(`alter table ${f.tbl} add constraint ${f.name} ${f.def}`).execute(db);
}

/** Working days from the calendar service (holidays, make-up days) over [from, to]. */
async function workingDays(calendar: CalendarService, from: IsoDate, to: IsoDate) {
  const off = new Set((await calendar.daysOff(from, to)).map((d) => d.date));
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!off.has(d)) out.push(d);
  return out;
}

export async function loadDataSet(
  db: Db,
  calendar: CalendarService,
  spec: DataSetSpec,
  log: (line: string) => void,
): Promise<LoadReport> {
  await lowerPriority(db);
  await sql`set synchronous_commit = off`.execute(db);
  await sql`set work_mem = '256MB'`.execute(db);
  await sql`set maintenance_work_mem = '1GB'`.execute(db);
  const end = new Date(spec.end);
  const endDay = toLocal(end).date;
  const startDay = `${Number(endDay.slice(0, 4)) - spec.years}${endDay.slice(4)}` as IsoDate;
  const workdays = await workingDays(calendar, addDays(startDay, -10), addDays(endDay, 200));
  const firstIndex = workdays.findIndex((d) => d >= startDay) + 1;
  const lastIndex = workdays.findLastIndex((d) => d < endDay) + 1;
  const centre = await db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'service_centre')
    .executeTakeFirstOrThrow();
  const input: DossierPlanInput = {
    dossiers: spec.dossiers,
    procedures: await loadProcedureMix(db),
    communes: await loadCommunes(db),
    centreCode: centre.code,
    workdays,
    firstIndex,
    lastIndex,
    end,
  };
  log(
    `data window ${startDay} → ${endDay} (${lastIndex - firstIndex + 1} working days); ` +
      `${input.procedures.length} procedures in the mix, ${input.communes.length} communes`,
  );
  await prepareLookups(db, input);

  const steps: LoadReport['steps'] = [];
  const started = performance.now();
  const step = async (name: string, statement: string) => {
    const t0 = performance.now();
    await sql.raw(statement).execute(db);
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s`);
  };
  await sql`alter table feedback_reports disable trigger dashboard_feedback_facts_fold`.execute(db);
  await sql`alter table dashboard_feedback_facts disable trigger dashboard_feedback_counts_apply`.execute(
    db,
  );
  await withoutSecondaryIndexes(db, async () => {
    await step('draws', drawSql(input));
    await step('plan', planSql(input));
    await step('dossiers', dossiersSql(end));
    await step('dossier events', eventsSql(end));
    await step('payments', paymentsSql(end));
    await step('component files', filesSql());
    await step('ratings', ratingsSql(end));
    const t0 = performance.now();
    await generateFeedback(db, {
      reports: spec.feedback,
      communes: input.communes,
      firstIndex,
      lastIndex,
      end,
    });
    steps.push({ step: 'feedback', seconds: (performance.now() - t0) / 1000 });
    log(
      `  ${'feedback reports + events'.padEnd(34)} ${steps.at(-1)!.seconds.toFixed(1).padStart(7)} s`,
    );
    await step('analyze', 'analyze dossiers, dossier_events, payments, files');
    await step(
      'fold facts (set-based)',
      `create unlogged table bench_decided as ${decidedSelect(factsSelect('true'))}`,
    );
    await step(
      'rollup: dashboard_dossier_facts',
      `insert into dashboard_dossier_facts (dossier_id, unit_code, procedure_code, accepted_day,
        timely_day, finished_day, facts, updated_at)
      select x.dossier_id, x.unit_code, x.procedure_code, x.accepted_day, x.timely_day,
        case when x.is_finished then x.finished_day end, ${factsJson},
        '${end.toISOString()}'::timestamptz
      from bench_decided x`,
    );
    await step('rollup: dashboard_daily', fillDailySql('bench_decided'));
    for (const [name, statement] of coarserRollups()) await step(`rollup: ${name}`, statement);
  });
  steps.push({ step: 'indexes + foreign keys', seconds: 0 });
  await sql`drop table if exists bench_decided, bench_plan, bench_draw, bench_procs, bench_slots, bench_communes, bench_workdays`.execute(
    db,
  );
  await sql`analyze`.execute(db);
  const indexed = (performance.now() - started) / 1000;
  steps.at(-1)!.seconds = indexed - steps.slice(0, -1).reduce((s, x) => s + x.seconds, 0);
  log(
    `  ${'indexes, foreign keys, analyze'.padEnd(34)} ${steps.at(-1)!.seconds.toFixed(1).padStart(7)} s`,
  );
  // After the indexes: the backfill looks up each report's escalation and last answer events.
  await step('rollup: dashboard_feedback_facts', feedbackFactsBackfill());
  await step('rollup: dashboard_feedback_counts', FEEDBACK_COUNTS_FILL);
  await sql`alter table feedback_reports enable trigger dashboard_feedback_facts_fold`.execute(db);
  await sql`alter table dashboard_feedback_facts enable trigger dashboard_feedback_counts_apply`.execute(
    db,
  );
  await sql`analyze dashboard_feedback_facts, dashboard_feedback_counts`.execute(db);
  const seconds = (performance.now() - started) / 1000;
  await sql`create table if not exists bench_meta (key text primary key, value jsonb not null)`.execute(
    db,
  );
  await sql`insert into bench_meta values ('dataset', ${JSON.stringify({ ...spec, seconds, steps })})
    on conflict (key) do update set value = excluded.value`.execute(db);
  return { seconds, steps };
}

/** The data set already in the database, if a load finished. */
export async function storedDataSet(db: Db): Promise<(DataSetSpec & LoadReport) | null> {
  const { rows } = await sql<{ value: DataSetSpec & LoadReport }>`
    select value from bench_meta where key = 'dataset'`
    .execute(db)
    .catch(() => ({ rows: [] as { value: DataSetSpec & LoadReport }[] }));
  return rows[0]?.value ?? null;
}
