import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { addDays } from '../calendar/calendar.time';
import { communesFrom } from '../processing/processing.test-support';
import type { Counters } from './dashboard.facts';
import type { UnitProcedureTotals } from './dashboard.repository';
import { DashboardRepository } from './dashboard.repository';
import { backfillRollups, rawFacts, totalsFromFacts } from './dashboard.rollup';
import { type ScopeTotals, scopeTotalsOf } from './dashboard.scope';
import {
  attachFile,
  event,
  newDossier,
  payOnline,
  proceduresByLevel,
  vn,
} from './dashboard.test-support';
import { DashboardTotalsRepository } from './dashboard.totals.repository';

/** One random step of a dossier's life after acceptance. */
const stepArb = fc.constantFrom(
  'supplement',
  'apologise',
  'finish_with_result',
  'finish_without_result',
  'withdraw',
  'stop',
  'pay',
  'note',
);

const historyArb = fc.record({
  unitIndex: fc.integer({ min: 0, max: 1 }),
  procedureIndex: fc.integer({ min: 0, max: 1 }),
  channel: fc.constantFrom(1 as const, 2 as const, 3 as const),
  fee: fc.boolean(),
  level: fc.constantFrom(null, 1 as const, 2 as const),
  files: fc.boolean(),
  accepted: fc.boolean(),
  startDay: fc.integer({ min: 0, max: 20 }),
  hour: fc.integer({ min: 7, max: 17 }),
  limitDays: fc.integer({ min: 1, max: 6 }),
  gaps: fc.array(fc.integer({ min: 1, max: 4 * 24 }), { minLength: 6, maxLength: 6 }),
  steps: fc.array(stepArb, { maxLength: 5 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const key = (t: UnitProcedureTotals) => `${t.unitCode}|${t.procedureCode}`;
const normalise = (rows: UnitProcedureTotals[]) =>
  Object.fromEntries(
    rows
      .filter((r) => Object.values(r.counters).some((n) => n !== 0))
      .map((r) => [key(r), r.counters]),
  );

const nonZero = (c: Counters) => Object.values(c).some((n) => n !== 0);
const normaliseScope = (s: ScopeTotals) => ({
  units: Object.fromEntries([...s.units].filter(([, u]) => nonZero(u.counters))),
  procedures: Object.fromEntries([...s.procedures].filter(([, c]) => nonZero(c))),
});

/**
 * Rollup = raw (issue 7 acceptance): random dossier histories go through the real sink one event
 * at a time; the daily counters summed over random periods must equal the counters recomputed
 * from `dossier_events` by folding every dossier's events again.
 */
describe('dashboard rollups equal the raw computation', () => {
  let app: TestApp;
  let units: string[];
  let procedures: { code: string; version: number }[];
  let residentId: string;

  beforeAll(async () => {
    app = await createTestApp();
    units = (await communesFrom(app, 70)).slice(0, 2);
    const p = await proceduresByLevel(app);
    procedures = [p.endToEnd, p.inPerson];
    residentId = (await makeResident(app)).id;
  });

  afterAll(async () => {
    await app?.close();
  });

  async function play(h: History): Promise<void> {
    const base = vn(
      `${addDays('2026-04-20', h.startDay)}T${String(h.hour).padStart(2, '0')}:30:00`,
    );
    let at = base.getTime();
    const next = (i: number) => {
      at += (h.gaps[i % h.gaps.length] ?? 1) * 3_600_000;
      return new Date(at);
    };
    const id = await newDossier(app, {
      unit: units[h.unitIndex]!,
      procedure: procedures[h.procedureIndex]!,
      channel: h.channel,
      submittedAt: base,
      feeVnd: h.fee ? 15000 : null,
      assuranceLevel: h.level,
    });
    if (h.files) await attachFile(app, id, residentId, base);
    if (!h.accepted) {
      await event(app, id, 'refuse_to_accept', next(0), { state: 'not_accepted', status_code: 3 });
      return;
    }
    const acceptedAt = next(0);
    await event(app, id, 'accepted', acceptedAt, {
      state: 'processing',
      status_code: 4,
      accepted_at: acceptedAt,
      due_at: new Date(acceptedAt.getTime() + h.limitDays * 86_400_000),
    });
    let requests = 0;
    let paid = false;
    let open = true;
    for (const [i, step] of h.steps.entries()) {
      if (!open) break;
      const when = next(i + 1);
      switch (step) {
        case 'supplement':
          requests += 1;
          await event(app, id, 'request_supplement', when, {
            supplement_requests: requests,
            counted_late: requests >= 2,
          });
          await event(app, id, 'resubmit', next(i + 2), {
            // The pause moves the due date on, as the calendar would.
            due_at: new Date(when.getTime() + h.limitDays * 86_400_000),
          });
          break;
        case 'apologise':
          await event(app, id, 'apologise', when, {
            apology_due_at: new Date(when.getTime() + 3 * 86_400_000),
          });
          break;
        case 'finish_with_result':
        case 'finish_without_result':
          await event(app, id, 'sign', when, {
            state: 'finished',
            status_code: 9,
            finished_at: when,
            outcome: 'approved',
            result_id: step === 'finish_with_result' ? randomUUID() : null,
          });
          open = false;
          break;
        case 'withdraw':
        case 'stop':
          await event(app, id, step === 'withdraw' ? 'accept_withdrawal' : 'stop', when, {
            state: 'stopped',
            status_code: 8,
          });
          open = false;
          break;
        case 'pay':
          if (h.fee && !paid) {
            await payOnline(app, id, residentId, when);
            paid = true;
          }
          break;
        case 'note':
          await event(app, id, 'assign', when);
          break;
      }
    }
  }

  it('backfills dossiers whose events were written before the sink existed', async () => {
    const db = app.database.db;
    const id = randomUUID();
    const at = vn('2026-04-21T09:00:00');
    await db
      .insertInto('dossiers')
      .values({
        id,
        reference: `TN-OLD-${id.slice(0, 8)}`,
        procedure_code: procedures[1]!.code,
        procedure_version: procedures[1]!.version,
        receiving_unit_code: units[0]!,
        handling_unit_code: units[0]!,
        channel: 1,
        status_code: 9,
        state: 'finished',
        answers: '{}',
        applicant_name: 'Hồ sơ cũ',
        payment_state: 'not_required',
        submitted_at: at,
        accepted_at: at,
        due_at: vn('2026-04-22T17:00:00'),
        finished_at: vn('2026-04-22T10:00:00'),
        outcome: 'approved',
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const type of ['submitted', 'accepted', 'sign']) {
      await db
        .insertInto('dossier_events')
        .values({
          dossier_id: id,
          type,
          status_code: 9,
          at,
          actor_kind: 'system',
          public: false,
          data: '{}',
        })
        .execute();
    }
    expect(await backfillRollups(db, app.clock)).toBe(1);
    const [row] = await new DashboardRepository(db).sumDaily(
      [units[0]!],
      '2026-04-21',
      '2026-04-22',
      '2026-04-22',
    );
    expect(row?.counters).toMatchObject({ received: 1, timely_on_time: 1, finished: 1 });
    // Once the sink has facts, later starts leave the counters alone.
    expect(await backfillRollups(db, app.clock)).toBe(0);
  });

  it('for random histories and random periods', async () => {
    const repo = new DashboardRepository(app.database.db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(historyArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 45 }),
        async (histories, a, b, closed) => {
          for (const h of histories) await play(h);
          const from = addDays('2026-04-15', Math.min(a, b));
          const to = addDays('2026-04-15', Math.max(a, b));
          const lastClosed = addDays('2026-04-15', closed);
          const rollup = await repo.sumDaily(units, from, to, lastClosed);
          const raw = totalsFromFacts(await rawFacts(app.database.db, units), from, to, lastClosed);
          expect(normalise(rollup)).toEqual(normalise(raw));
        },
      ),
      { numRuns: 12 },
    );
    // Whole months and years are read from the coarser rollups (dashboard.scope.ts): periods that
    // contain them, with the last closed day after, inside and before them; and the per-unit and
    // per-procedure summary the service index reads.
    const totals = new DashboardTotalsRepository(app.database.db);
    for (const [from, to, lastClosed] of [
      ['2026-01-01', '2026-12-31', '2026-12-31'],
      ['2026-01-01', '2026-12-31', '2026-05-10'],
      ['2026-04-01', '2026-06-30', '2026-04-30'],
      ['2025-12-01', '2027-01-31', '2026-04-20'],
    ] as const) {
      const rollup = await repo.sumDaily(units, from, to, lastClosed);
      const raw = totalsFromFacts(await rawFacts(app.database.db, units), from, to, lastClosed);
      expect(normalise(rollup)).toEqual(normalise(raw));
      // Each commune on its own, and the province over everything below it (per-procedure rows
      // under an ancestor, per-unit rows, the months with fee-bearing and paid-online dossiers).
      for (const unit of units) {
        const own = totalsFromFacts(await rawFacts(app.database.db, [unit]), from, to, lastClosed);
        expect(normaliseScope(await totals.scope(unit, [unit], from, to, lastClosed))).toEqual(
          normaliseScope(scopeTotalsOf(own)),
        );
      }
      const province = await repo.unitsUnder('66');
      expect(province).toEqual(expect.arrayContaining(units));
      expect(normaliseScope(await totals.scope('66', province, from, to, lastClosed))).toEqual(
        normaliseScope(scopeTotalsOf(raw)),
      );
    }
    // The property compared something: the rollup holds counters for these units.
    const everything = await repo.sumDaily(units, '2026-01-01', '2026-12-31', '2026-12-31');
    expect(everything.reduce((s, r) => s + r.counters.received, 0)).toBeGreaterThan(0);
  }, 240_000);
});
