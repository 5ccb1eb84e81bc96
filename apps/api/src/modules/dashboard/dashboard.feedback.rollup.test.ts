import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { addDays } from '../calendar/calendar.time';
import { communeWithPoint } from '../feedback/feedback.test-support';
import type { FeedbackCounts } from './dashboard.feedback';
import {
  DashboardFeedbackRepository,
  type FeedbackCountsRow,
} from './dashboard.feedback.repository';
import { vn } from './dashboard.test-support';

/**
 * The feedback counters (0022, per day, month and year) equal the same numbers counted report by
 * report from the facts, whatever happens to the reports: answers, rejections, reopenings,
 * pauses, ratings, transfers, escalations, a new category — written straight to feedback_reports
 * so every column can take any value the triggers might meet.
 */
const stepArb = fc.constantFrom(
  'answer',
  'reject',
  'reopen',
  'pause',
  'resume',
  'rate',
  'close',
  'escalate',
  'transfer',
  'recategorise',
  'note',
);
const CATEGORIES = ['giao-thong', 'moi-truong', 'dien-chieu-sang', 'dien-chieu-sang.den-duong'];

const reportArb = fc.record({
  unitIndex: fc.integer({ min: 0, max: 1 }),
  category: fc.constantFrom(...CATEGORIES),
  // From 20/11/2025: the reports straddle months and the turn of the year.
  startDay: fc.integer({ min: 0, max: 100 }),
  hour: fc.integer({ min: 7, max: 17 }),
  dueDays: fc.integer({ min: 1, max: 20 }),
  steps: fc.array(fc.record({ step: stepArb, gapHours: fc.integer({ min: 1, max: 200 }) }), {
    maxLength: 6,
  }),
  rating: fc.integer({ min: 1, max: 5 }),
});
type ReportHistory = typeof reportArb extends fc.Arbitrary<infer T> ? T : never;

const DAY = 86_400_000;
let app: TestApp;
let repo: DashboardFeedbackRepository;
let communes: string[];
let seq = 0;

beforeAll(async () => {
  app = await createTestApp();
  repo = new DashboardFeedbackRepository(app.database.db);
  communes = [(await communeWithPoint(app, 0)).code, (await communeWithPoint(app, 1)).code];
});
afterAll(async () => {
  await app?.close();
});

async function play(h: ReportHistory): Promise<void> {
  const db = app.database.db;
  const id = randomUUID();
  seq += 1;
  let at = new Date(
    vn(`${addDays('2025-11-20', h.startDay)}T00:00:00`).getTime() + h.hour * 3_600_000,
  );
  await db
    .insertInto('feedback_reports')
    .values({
      id,
      reference: `PA-TEST-${String(seq).padStart(6, '0')}`,
      category_code: h.category,
      description: 'Phản ánh thử',
      commune_code: communes[h.unitIndex]!,
      state: 'assigned',
      assigned_unit_code: communes[h.unitIndex]!,
      due_at: new Date(at.getTime() + h.dueDays * DAY),
      moderation_state: 'visible',
      source: 'web',
      created_at: at,
      updated_at: at,
    })
    .execute();
  let escalation = 0;
  for (const { step, gapHours } of h.steps) {
    at = new Date(at.getTime() + gapHours * 3_600_000);
    const set: Record<string, unknown> = { updated_at: at };
    if (step === 'answer' || step === 'reject') {
      Object.assign(set, {
        state: step === 'answer' ? 'resolved' : 'rejected',
        answered_at: at,
        resolved_at: at,
      });
    } else if (step === 'reopen') {
      Object.assign(set, {
        state: 'in_progress',
        resolved_at: null,
        due_at: new Date(at.getTime() + 3 * DAY),
      });
    } else if (step === 'pause') set.state = 'info_requested';
    else if (step === 'resume')
      Object.assign(set, { state: 'in_progress', due_at: new Date(at.getTime() + DAY) });
    else if (step === 'rate')
      Object.assign(set, { state: 'closed', rating: h.rating, closed_at: at });
    else if (step === 'close') Object.assign(set, { state: 'closed', closed_at: at });
    else if (step === 'escalate') {
      escalation += 1;
      Object.assign(set, {
        escalation_level: escalation,
        assigned_unit_code: '66-SXD',
        due_at: new Date(at.getTime() + 5 * DAY),
      });
    } else if (step === 'transfer') set.assigned_unit_code = communes[1 - h.unitIndex]!;
    else if (step === 'recategorise') {
      set.category_code = CATEGORIES[(CATEGORIES.indexOf(h.category) + 1) % CATEGORIES.length]!;
    }
    await db.updateTable('feedback_reports').set(set).where('id', '=', id).execute();
  }
}

const keyed = (rows: FeedbackCountsRow[]) =>
  Object.fromEntries(
    rows
      .filter((r) => Object.values(r.counts).some((n) => n !== 0))
      .map((r) => [`${r.unitCode}|${r.category}`, r.counts]),
  );
function perUnit(rows: FeedbackCountsRow[]): FeedbackCountsRow[] {
  const out = new Map<string, FeedbackCounts>();
  for (const r of rows) {
    const c = out.get(r.unitCode);
    if (!c) out.set(r.unitCode, { ...r.counts });
    else for (const k of Object.keys(c) as (keyof FeedbackCounts)[]) c[k] += r.counts[k];
  }
  return [...out].map(([unitCode, counts]) => ({ unitCode, category: '', counts }));
}

describe('feedback counters', () => {
  it('equal the report-by-report count for random histories, periods and instants', async () => {
    const units = [...communes, '66-SXD'];
    const wide: [string, string][] = [
      ['2025-01-01', '2026-12-31'],
      ['2025-11-01', '2026-02-28'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(reportArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 160 }),
        fc.integer({ min: 0, max: 160 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 200 }),
        async (reports, a, b, pick, nowDay) => {
          for (const h of reports) await play(h);
          const [from, to] =
            pick < 2
              ? wide[pick]!
              : [addDays('2025-11-01', Math.min(a, b)), addDays('2025-11-01', Math.max(a, b))];
          const now = vn(`${addDays('2025-11-20', nowDay)}T12:00:00`);
          const raw = await repo.rawCounts(units, from, to, now);
          const byCategory = await repo.counts(units, from, to, now, { byCategory: true });
          expect(keyed(byCategory)).toEqual(keyed(raw));
          expect(keyed(await repo.counts(units, from, to, now))).toEqual(keyed(perUnit(raw)));
        },
      ),
      { numRuns: 25 },
    );
    const total = await app.database.db
      .selectFrom('dashboard_feedback_facts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBeGreaterThan(12);
  });
});
