/**
 * Province-scale dashboard benchmark (issue 7, Performance): five years, ≥ 5 M dossiers with their
 * events and ≥ 1 M feedback reports over the 102 communes, on PostgreSQL. Times the province
 * overview and a commune drill-down through the real routes (fastify inject, signed-in officer)
 * from the rollups, and the same service-index numbers computed from the raw events in the same
 * run (set-based SQL fold, and the app's own fold on the commune); prints p50/p95 and the ratio,
 * and the rollup = raw checks. Results go to docs/BENCHMARKS.md.
 *
 *   npm run bench:dashboard -- [--dossiers=5000000] [--feedback=N] [--runs=30] [--warmup=5]
 *     [--raw-runs=3] [--province-raw-runs=1] [--end=2026-11-28] [--database=bench_dashboard] [--regenerate]
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/); the data lives in
 * its own database (default bench_dashboard), created here, never the `test` database. A finished
 * data set of the same size is reused; `--regenerate` builds it again.
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../apps/api/src/app';
import { loadConfig } from '../apps/api/src/config';
import { type DatabaseHandle, openDatabase } from '../apps/api/src/db/client';
import { migrate } from '../apps/api/src/db/migrator';
import type { OfficerActor } from '../apps/api/src/http/actor';
import { FixedClock } from '../apps/api/src/lib/clock';
import { AccessPolicy } from '../apps/api/src/modules/access/policy';
import { CalendarRepository } from '../apps/api/src/modules/calendar/calendar.repository';
import { seedCalendar } from '../apps/api/src/modules/calendar/calendar.seed';
import { CalendarService } from '../apps/api/src/modules/calendar/calendar.service';
import { addDays, toLocal } from '../apps/api/src/modules/calendar/calendar.time';
import { seedCatalogue } from '../apps/api/src/modules/catalogue/catalogue.seed';
import type { DossierFacts } from '../apps/api/src/modules/dashboard/dashboard.facts';
import type { FeedbackCounts } from '../apps/api/src/modules/dashboard/dashboard.feedback';
import {
  DashboardFeedbackRepository,
  type FeedbackCountsRow,
} from '../apps/api/src/modules/dashboard/dashboard.feedback.repository';
import { totalsFromFacts } from '../apps/api/src/modules/dashboard/dashboard.rollup';
import { DashboardService } from '../apps/api/src/modules/dashboard/dashboard.service';
import { seedFeedback } from '../apps/api/src/modules/feedback/feedback.seed';
import { createOfficer } from '../apps/api/src/modules/identity/officers.admin';
import { totpCode } from '../apps/api/src/modules/identity/totp';
import { UnitsRepository } from '../apps/api/src/modules/units/units.repository';
import { seedUnits } from '../apps/api/src/modules/units/units.seed';
import { UnitsService } from '../apps/api/src/modules/units/units.service';
import { checkUnit, prng, samplePeriods } from './dashboard-scale.check';
import { type DataSetSpec, loadDataSet, storedDataSet } from './dashboard-scale.load';
import { dailyOnlyTotals, rawSqlTotals } from './dashboard-scale.raw-sql';
import { printTable, type Row, timeRuns } from './dashboard-scale.timing';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'];
  }),
);
const int = (k: string, d: number) => (args[k] ? Number.parseInt(args[k]!, 10) : d);
const dossiers = int('dossiers', 5_000_000);
const spec0 = { dossiers, feedback: int('feedback', Math.ceil(dossiers / 5)), years: 5 };
const runs = int('runs', 30);
const warmup = int('warmup', 5);
const rawRuns = int('raw-runs', 3);
/** The raw fold of the whole province reads every event: minutes per run at 5 M dossiers. */
const provinceRawRuns = int('province-raw-runs', 1);
/** Runs of the first design's read (daily rollup only), for the before/after ratio. */
const baselineRuns = int('baseline-runs', 5);
const dbName = args.database ?? 'bench_dashboard';
if (!/^[a-z_][a-z0-9_]*$/.test(dbName) || dbName === 'test') {
  throw new Error(`refusing database name ${dbName}: the benchmark needs its own database`);
}
const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/');
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const log = (line = '') => console.log(line);

async function recreateDatabase(drop: boolean): Promise<void> {
  const admin = await openDatabase({ url: urlOf('postgres'), poolMax: 1 });
  if (drop) await sql.raw(`drop database if exists ${dbName} with (force)`).execute(admin.db);
  const { rows } = await sql`select 1 from pg_database where datname = ${dbName}`.execute(admin.db);
  if (rows.length === 0) await sql.raw(`create database ${dbName}`).execute(admin.db);
  await admin.close();
}

async function openSeeded(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: urlOf(dbName), poolMax: 4 });
  await migrate(handle.db);
  await seedUnits(handle.db);
  await seedCatalogue(handle.db);
  await seedCalendar(handle.db);
  await seedFeedback(handle.db);
  return handle;
}

function calendarOf(handle: DatabaseHandle, clock: FixedClock): CalendarService {
  const policy = new AccessPolicy(new UnitsService(new UnitsRepository(handle.db)));
  return new CalendarService({
    db: handle.db,
    repository: new CalendarRepository(handle.db),
    clock,
    policy,
  });
}

async function main(): Promise<void> {
  await recreateDatabase(false);
  let handle = await openSeeded();
  const stored = await storedDataSet(handle.db);
  const defaultEnd = `${new Date().toISOString().slice(0, 10)}T10:00:00+07:00`;
  const spec: DataSetSpec = {
    ...spec0,
    end: args.end ? `${args.end}T10:00:00+07:00` : (stored?.end ?? defaultEnd),
  };
  const reuse =
    !args.regenerate &&
    stored !== null &&
    (['dossiers', 'feedback', 'years', 'end'] as const).every((k) => stored[k] === spec[k]);
  const clock = new FixedClock(new Date(spec.end));
  log(
    `Dashboard at province scale — ${(await sql<{ v: string }>`select version() as v`.execute(handle.db)).rows[0]!.v.split(' on ')[0]}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`,
  );
  let load = stored;
  if (!reuse) {
    // From an empty database every time: an interrupted load leaves indexes dropped.
    await handle.close();
    await recreateDatabase(true);
    handle = await openSeeded();
    log(
      `generating ${spec.dossiers.toLocaleString('en')} dossiers, ${spec.feedback.toLocaleString('en')} feedback reports (${dbName})…`,
    );
    const loader = await openDatabase({ url: urlOf(dbName), poolMax: 1 });
    const report = await loadDataSet(loader.db, calendarOf(handle, clock), spec, log);
    await loader.close();
    load = { ...spec, ...report };
  }
  // A live database has autovacuum's statistics and visibility maps; tables a migration has just
  // filled (or rebuilt) have neither until it runs.
  await sql`vacuum analyze`.execute(handle.db);
  await printDataSet(handle, load!);

  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    RATE_LIMIT_PER_MINUTE: '10000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    TRACKING_RATE_LIMIT_PER_MINUTE: '100000',
    WEB_DIST_DIR: '/nonexistent',
  });
  const app = await buildApp({ config, database: handle, clock });
  const calendar = calendarOf(handle, clock);
  const dashboard = new DashboardService({
    db: handle.db,
    clock,
    policy: app.services.policy,
    calendar,
  });
  const officer = { username: `bench.viewer.${Date.now()}`, password: 'Bench-dashboard-2026!' };
  const { id, totpSecret } = await createOfficer(handle.db, clock, {
    ...officer,
    fullName: 'Cán bộ xem bảng điều hành (benchmark)',
    grants: [{ role: 'dashboard_viewer', unitCode: '66' }],
  });
  const login = await app.server.inject({
    method: 'POST',
    url: '/api/auth/officer/login',
    payload: { ...officer, totp: totpCode(totpSecret, clock.now()) },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const actor: OfficerActor = {
    kind: 'officer',
    userId: id,
    sessionIdHash: '',
    csrfToken: '',
    grants: [{ role: 'dashboard_viewer', unitCode: '66' }],
    activeUnitCode: null,
  };
  const get = async (url: string) => {
    const r = await app.server.inject({ method: 'GET', url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return r;
  };

  const today = toLocal(clock.now()).date;
  const year = { from: addDays(today, -364), to: today, label: '1 year' };
  const five = {
    from: addDays(`${Number(today.slice(0, 4)) - 5}${today.slice(4)}`, 1),
    to: today,
    label: '5 years',
  };
  const busiest = await sql<{ unit_code: string; n: string }>`
    select unit_code, sum(received) as n from dashboard_daily d join units u on u.code = d.unit_code
    where u.kind = 'commune' group by unit_code order by n desc limit 1`.execute(handle.db);
  const commune = busiest.rows[0]!.unit_code;

  // Rollup = raw on sampled communes (facts per dossier, counters per random period).
  const random = prng(20261128);
  const communes = (
    await handle.db
      .selectFrom('units')
      .select('code')
      .where('kind', '=', 'commune')
      .orderBy('code')
      .execute()
  ).map((u) => u.code);
  const sample = [commune, communes[Math.floor(random() * communes.length)]!];
  const periods = samplePeriods(random, five.from, today);
  log('\nrollup = raw, app fold (rawFacts + totalsFromFacts) against the rollup tables:');
  const foldMs = new Map<string, number>();
  let communeFacts: DossierFacts[] = [];
  for (const unit of sample) {
    const c = await checkUnit(handle.db, unit, periods);
    foldMs.set(unit, c.rawFactsMs);
    if (unit === commune) communeFacts = c.facts;
    log(
      `  commune ${unit}: facts equal ${c.factsEqual.toLocaleString('en')}/${c.dossiers.toLocaleString('en')} dossiers (rollup holds ${c.storedFacts.toLocaleString('en')}); counters equal ${c.periodsEqual}/${c.periods} periods${c.firstMismatch ? ` — FIRST MISMATCH ${c.firstMismatch}` : ''}`,
    );
  }

  // The feedback counters (filled set-based at load, kept by triggers in the app) against the
  // same numbers counted report by report from the facts.
  log('\nfeedback counters = report-by-report count from the facts:');
  const feedbackRepo = new DashboardFeedbackRepository(handle.db);
  const now = clock.now();
  for (const unit of sample) {
    let equal = 0;
    let mismatch: string | null = null;
    for (const p of periods) {
      const counted = await feedbackRepo.counts([unit], p.from, p.to, now);
      const raw = await feedbackRepo.rawCounts([unit], p.from, p.to, now);
      if (isDeepStrictEqual(sumCounts(counted), sumCounts(raw))) equal++;
      else mismatch ??= `${p.from}…${p.to}`;
    }
    log(
      `  commune ${unit}: equal ${equal}/${periods.length} periods${mismatch ? ` — FIRST MISMATCH ${mismatch}` : ''}`,
    );
  }

  const rows: Row[] = [];
  for (const p of [year, five]) {
    const counters = await timeRuns(
      () => feedbackRepo.counts([commune], p.from, p.to, now),
      warmup,
      runs,
    );
    const raw = await timeRuns(() => feedbackRepo.rawCounts([commune], p.from, p.to, now), 1, 5);
    const scenario = `feedback counts, commune ${commune}, ${p.label}`;
    rows.push({ scenario, path: 'counters (0022), repository', ms: counters.ms });
    rows.push({ scenario, path: 'facts, report by report', ms: raw.ms, ratioTo: counters.ms });
  }
  const rawSql = rawSqlTotals(handle.db);
  const dailyOnly = dailyOnlyTotals(handle.db);
  const indexUrl = (unit: string, p: { from: string; to: string }) =>
    `/api/dashboard/service-index?unit=${unit}&from=${p.from}&to=${p.to}`;
  const equalLines: string[] = [];
  for (const [unit, label, raws] of [
    ['66', 'province 66 overview', provinceRawRuns],
    [commune, `commune ${commune} drill-down`, rawRuns],
  ] as const) {
    for (const p of [year, five]) {
      const scenario = `${label}, ${p.label}`;
      const http = await timeRuns(() => get(indexUrl(unit, p)), warmup, runs);
      const service = await timeRuns(
        () => dashboard.serviceIndex(actor, { unit, ...p }),
        warmup,
        runs,
      );
      const raw = await timeRuns(
        () => dashboard.serviceIndex(actor, { unit, ...p }, rawSql),
        0,
        raws,
      );
      const before = await timeRuns(
        () => dashboard.serviceIndex(actor, { unit, ...p }, dailyOnly),
        1,
        baselineRuns,
      );
      rows.push({ scenario, path: 'rollup, HTTP route', ms: http.ms });
      rows.push({ scenario, path: 'rollup, service', ms: service.ms });
      rows.push({ scenario, path: 'daily rollup only (0017)', ms: before.ms, ratioTo: service.ms });
      rows.push({ scenario, path: 'raw events, SQL fold', ms: raw.ms, ratioTo: service.ms });
      equalLines.push(
        `  ${scenario}: rollup ${isDeepStrictEqual(service.last, raw.last) ? '=' : '≠'} raw SQL fold, ${isDeepStrictEqual(service.last, before.last) ? '=' : '≠'} daily rollup only`,
      );
    }
  }
  // The app's own raw path (every dossier's events read and folded in JS) on the commune: the
  // fold timed once in the check above (it reads all the commune's dossiers whatever the period),
  // plus the totals and the index from its facts.
  for (const p of [year, five]) {
    const fromFacts = async (_units: string[], from: string, to: string, lastClosed: string) =>
      totalsFromFacts(communeFacts, from, to, lastClosed);
    const r = await timeRuns(
      () => dashboard.serviceIndex(actor, { unit: commune, ...p }, fromFacts),
      0,
      1,
    );
    const base = rows.find(
      (x) =>
        x.scenario === `commune ${commune} drill-down, ${p.label}` && x.path === 'rollup, service',
    );
    rows.push({
      scenario: `commune ${commune} drill-down, ${p.label}`,
      path: 'raw events, app fold (JS)',
      ms: r.ms.map((ms) => ms + foldMs.get(commune)!),
      ratioTo: base?.ms,
    });
  }
  const drillUrl = (unit: string, component: string) =>
    `/api/dashboard/service-index/drill?unit=${unit}&component=${component}&from=${year.from}&to=${year.to}`;
  for (const component of ['on_time', 'e_result']) {
    const d = await timeRuns(() => get(drillUrl(commune, component)), warmup, runs);
    rows.push({
      scenario: `commune ${commune} drill list (${component}), 1 year`,
      path: 'rollup, HTTP route',
      ms: d.ms,
    });
  }
  const pd = await timeRuns(() => get(drillUrl('66', 'on_time')), warmup, runs);
  rows.push({
    scenario: 'province 66 drill list (on_time), 1 year',
    path: 'rollup, HTTP route',
    ms: pd.ms,
  });
  const feedbackUrl = (unit: string, p: { from: string; to: string }) =>
    `/api/dashboard/feedback?unit=${unit}&from=${p.from}&to=${p.to}`;
  const probe = await app.server.inject({
    method: 'GET',
    url: feedbackUrl('66', year),
    headers: { cookie },
  });
  if (probe.statusCode === 200) {
    for (const [unit, label] of [
      ['66', 'province 66'],
      [commune, `commune ${commune}`],
    ] as const) {
      for (const p of [year, five]) {
        const f = await timeRuns(() => get(feedbackUrl(unit, p)), warmup, runs);
        rows.push({
          scenario: `feedback indicators, ${label}, ${p.label}`,
          path: 'HTTP route',
          ms: f.ms,
        });
      }
    }
  } else {
    log(
      `\nGET /api/dashboard/feedback answered ${probe.statusCode}: feedback indicators not timed`,
    );
  }

  log('\nrollup = raw on the timed periods (whole service-index answer compared):');
  for (const l of equalLines) log(l);
  log(
    `\ntimings (rollup: ${warmup} warm-up + ${runs} runs; raw SQL fold: ${provinceRawRuns} run(s) for the province, ${rawRuns} for the commune; daily rollup only: 1 warm-up + ${baselineRuns}; app fold: 1 run, the fold of the commune's dossiers timed once) — ms`,
  );
  printTable(rows, log);
  await app.server.close();
  await handle.close();
}

/** One unit's counters over every category row (the two paths group categories differently). */
function sumCounts(rows: FeedbackCountsRow[]): FeedbackCounts | null {
  let total: FeedbackCounts | null = null;
  for (const r of rows) {
    if (!total) total = { ...r.counts };
    else for (const k of Object.keys(total) as (keyof FeedbackCounts)[]) total[k] += r.counts[k];
  }
  return total;
}

async function printDataSet(handle: DatabaseHandle, load: DataSetSpec & { seconds: number }) {
  const count = async (table: string) =>
    Number(
      (await sql.raw<{ n: string }>(`select count(*) as n from ${table}`).execute(handle.db))
        .rows[0]!.n,
    );
  const n = (x: number) => x.toLocaleString('en');
  const [d, e, pay, files, ratings, fb, fbe, facts, daily] = await Promise.all(
    [
      'dossiers',
      'dossier_events',
      'payments',
      'files',
      'dossier_ratings',
      'feedback_reports',
      'feedback_events',
      'dashboard_dossier_facts',
      'dashboard_daily',
    ].map(count),
  );
  const size = (
    await sql<{
      s: string;
    }>`select pg_size_pretty(pg_database_size(current_database())) as s`.execute(handle.db)
  ).rows[0]!.s;
  log(
    `data set (${dbName}, ${size}, generated in ${Math.round(load.seconds)} s): ${load.years} years to ${load.end}`,
  );
  log(
    `  ${n(d!)} dossiers, ${n(e!)} dossier events, ${n(pay!)} online payments, ${n(files!)} component files, ${n(ratings!)} ratings`,
  );
  log(`  ${n(fb!)} feedback reports, ${n(fbe!)} feedback events`);
  const [monthly, yearly] = await Promise.all(['dashboard_monthly', 'dashboard_yearly'].map(count));
  log(
    `  rollups: dashboard_dossier_facts ${n(facts!)} rows, dashboard_daily ${n(daily!)}, dashboard_monthly ${n(monthly!)}, dashboard_yearly ${n(yearly!)}`,
  );
}

await main();
