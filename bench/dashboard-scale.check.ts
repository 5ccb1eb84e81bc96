/**
 * Rollup = raw, checked in the benchmark itself on sampled communes: the app's pure raw path
 * (`rawFacts`: every dossier's events folded by `foldEvent`; `totalsFromFacts`) against what the
 * rollup tables hold — each dossier's stored facts document, and the summed daily counters for
 * random periods and "last closed day" values. The rollups were filled by the set-based fold, so
 * this is also the check that the SQL fold and the app's functions agree.
 */
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/client';
import { addDays, type IsoDate } from '../apps/api/src/modules/calendar/calendar.time';
import type { DossierFacts } from '../apps/api/src/modules/dashboard/dashboard.facts';
import {
  DashboardRepository,
  type UnitProcedureTotals,
} from '../apps/api/src/modules/dashboard/dashboard.repository';
import { rawFacts, totalsFromFacts } from '../apps/api/src/modules/dashboard/dashboard.rollup';

/** A small seeded PRNG, so a run's sample can be repeated. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
  lastClosed: IsoDate;
}

/** Single days, short and long spans, the last year and five years; some end after today. */
export function samplePeriods(random: () => number, start: IsoDate, today: IsoDate): Period[] {
  const days = Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000);
  const day = (n: number) => addDays(start, Math.min(days, Math.max(0, Math.floor(n))));
  const out: Period[] = [];
  const lastClosed = addDays(today, -1);
  for (let i = 0; i < 4; i += 1) {
    const d = day(random() * days);
    out.push({ from: d, to: d, lastClosed });
  }
  for (let i = 0; i < 4; i += 1) {
    const from = day(random() * days);
    out.push({ from, to: addDays(from, 1 + Math.floor(random() * 90)), lastClosed });
  }
  out.push({ from: addDays(today, -364), to: today, lastClosed });
  out.push({ from: start, to: today, lastClosed });
  // Due dates still ahead: open dossiers are not late until their day has closed.
  out.push({ from: addDays(today, -30), to: addDays(today, 60), lastClosed });
  out.push({ from: addDays(today, -60), to: addDays(today, 60), lastClosed: addDays(today, -20) });
  return out;
}

const byProcedure = (rows: UnitProcedureTotals[]) =>
  new Map(
    rows
      .filter((r) => Object.values(r.counters).some((n) => n !== 0))
      .map((r) => [`${r.unitCode}|${r.procedureCode}`, r.counters]),
  );

export interface UnitCheck {
  unit: string;
  dossiers: number;
  factsEqual: number;
  /** Facts rows the rollup holds for the unit. */
  storedFacts: number;
  firstMismatch: string | null;
  periodsEqual: number;
  periods: number;
  rawFactsMs: number;
  /** The raw facts (the benchmark times the rest of the app's raw path on them). */
  facts: DossierFacts[];
}

export async function checkUnit(db: Db, unit: string, periods: Period[]): Promise<UnitCheck> {
  const t0 = performance.now();
  const raw = await rawFacts(db, [unit]);
  const rawFactsMs = performance.now() - t0;
  const { rows } = await sql<{ dossier_id: string; facts: DossierFacts }>`
    select dossier_id, facts from dashboard_dossier_facts where unit_code = ${unit}`.execute(db);
  const stored = new Map(rows.map((r) => [r.dossier_id, r.facts]));
  let factsEqual = 0;
  let firstMismatch: string | null = null;
  for (const f of raw) {
    const s = stored.get(f.dossierId);
    if (s && isDeepStrictEqual(JSON.parse(JSON.stringify(f)), s)) factsEqual += 1;
    else if (!firstMismatch) {
      const keys = s
        ? Object.keys(f).filter(
            (k) => !isDeepStrictEqual(f[k as keyof DossierFacts], s[k as keyof DossierFacts]),
          )
        : ['(no stored facts)'];
      firstMismatch = `${f.dossierId}: ${keys
        .map(
          (k) =>
            `${k} raw=${JSON.stringify(f[k as keyof DossierFacts])} rollup=${JSON.stringify(s?.[k as keyof DossierFacts])}`,
        )
        .join(', ')}`;
    }
  }
  const repo = new DashboardRepository(db);
  let periodsEqual = 0;
  for (const p of periods) {
    const rollup = await repo.sumDaily([unit], p.from, p.to, p.lastClosed);
    const fromRaw = totalsFromFacts(raw, p.from, p.to, p.lastClosed);
    if (isDeepStrictEqual(byProcedure(rollup), byProcedure(fromRaw))) periodsEqual += 1;
    else if (!firstMismatch) firstMismatch = `counters differ for ${p.from}…${p.to}`;
  }
  return {
    unit,
    dossiers: raw.length,
    factsEqual,
    storedFacts: rows.length,
    firstMismatch,
    periodsEqual,
    periods: periods.length,
    rawFactsMs,
    facts: raw,
  };
}
