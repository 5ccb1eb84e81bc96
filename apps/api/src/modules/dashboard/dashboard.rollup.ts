/**
 * Two ways to the same numbers: the sink keeps `dashboard_daily` current inside every dossier
 * event's transaction; the raw path folds `dossier_events` again (tests, backfill, benchmark
 * baseline). The property test (dashboard.rollup.test.ts) checks that they agree.
 */
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { IsoDate } from '../calendar/calendar.time';
import type { DossierEventSink } from '../processing/processing.events';
import {
  addCounters,
  type Counters,
  contribution,
  contributionDelta,
  type DossierFacts,
  emptyCounters,
  foldEvent,
} from './dashboard.facts';
import { DashboardRepository, type UnitProcedureTotals } from './dashboard.repository';

/** Dossier-event sink: the dossier's new facts replace its old contribution to the counters. */
export const dashboardRollupSink: DossierEventSink = async (trx, clock, event, dossier) => {
  const repo = new DashboardRepository(trx);
  const before = await repo.findFacts(dossier.id);
  const after = foldEvent(before, event, dossier, await repo.extras(dossier));
  if (
    before &&
    (before.unitCode !== after.unitCode || before.procedureCode !== after.procedureCode)
  ) {
    await repo.applyDelta(before.unitCode, before.procedureCode, contributionDelta(before, null));
    await repo.applyDelta(after.unitCode, after.procedureCode, contributionDelta(null, after));
  } else {
    await repo.applyDelta(after.unitCode, after.procedureCode, contributionDelta(before, after));
  }
  await repo.saveFacts(after, clock.now());
};

/** Facts of every dossier received by these units, folded from all their events. */
export async function rawFacts(db: Db, unitCodes: string[]): Promise<DossierFacts[]> {
  if (unitCodes.length === 0) return [];
  const repo = new DashboardRepository(db);
  const dossiers = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('receiving_unit_code', 'in', unitCodes)
    .orderBy('id')
    .execute();
  const out: DossierFacts[] = [];
  for (const dossier of dossiers) {
    const events = await db
      .selectFrom('dossier_events')
      .select(['type', 'at'])
      .where('dossier_id', '=', dossier.id)
      .orderBy('id')
      .execute();
    if (events.length === 0) continue;
    const extras = await repo.extras(dossier);
    let facts: DossierFacts | null = null;
    for (const e of events)
      facts = foldEvent(facts, { type: e.type, at: new Date(e.at) }, dossier, extras);
    out.push(facts!);
  }
  return out;
}

/** The rollup's answer computed from raw facts: per (unit, procedure) over [from, to]. */
export function totalsFromFacts(
  facts: readonly DossierFacts[],
  from: IsoDate,
  to: IsoDate,
  lastClosed: IsoDate,
): UnitProcedureTotals[] {
  const byKey = new Map<string, UnitProcedureTotals>();
  for (const f of facts) {
    for (const [day, c] of contribution(f)) {
      if (day < from || day > to) continue;
      const key = `${f.unitCode}|${f.procedureCode}`;
      let t = byKey.get(key);
      if (!t) {
        t = { unitCode: f.unitCode, procedureCode: f.procedureCode, counters: emptyCounters() };
        byKey.set(key, t);
      }
      const counted: Counters = day <= lastClosed ? c : { ...c, timely_due_open: 0 };
      addCounters(t.counters, counted);
    }
  }
  return [...byKey.values()];
}

/**
 * Dossiers that have events but no facts yet (received before this module existed): fold their
 * events and add them to the counters, each in its own transaction. Runs only while the facts
 * table is empty (the first start after migration 0017): afterwards the sink sees every event, and
 * an anti-join over millions of dossiers at each start would be wasted.
 */
export async function backfillRollups(db: Db, clock: Clock): Promise<number> {
  const started = await db
    .selectFrom('dashboard_dossier_facts')
    .select('dossier_id')
    .limit(1)
    .executeTakeFirst();
  if (started) return 0;
  const missing = await db
    .selectFrom('dossiers as d')
    .select('d.receiving_unit_code')
    .distinct()
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('dashboard_dossier_facts as f')
            .select('f.dossier_id')
            .whereRef('f.dossier_id', '=', 'd.id'),
        ),
      ),
    )
    .execute();
  if (missing.length === 0) return 0;
  let count = 0;
  const facts = await rawFacts(
    db,
    missing.map((m) => m.receiving_unit_code),
  );
  for (const f of facts) {
    await db.transaction().execute(async (trx) => {
      const repo = new DashboardRepository(trx);
      if (await repo.findFacts(f.dossierId)) return;
      await repo.applyDelta(f.unitCode, f.procedureCode, contributionDelta(null, f));
      await repo.saveFacts(f, clock.now());
      count += 1;
    });
  }
  return count;
}
