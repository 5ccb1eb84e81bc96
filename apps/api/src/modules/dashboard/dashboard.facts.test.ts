import { describe, expect, it } from 'vitest';
import {
  contribution,
  contributionDelta,
  type DossierFacts,
  type DossierSnapshot,
  foldEvent,
  timelinessOf,
} from './dashboard.facts';

const row = (over: Partial<DossierSnapshot> = {}): DossierSnapshot => ({
  id: '00000000-0000-4000-8000-000000000001',
  code: 'X-1',
  receiving_unit_code: '24133',
  procedure_code: '1.001193',
  channel: 2,
  fee_vnd: null,
  payment_state: 'not_required',
  accepted_at: '2026-05-04T02:00:00.000Z',
  due_at: '2026-05-05T10:00:00.000Z',
  apology_due_at: null,
  finished_at: null,
  outcome: null,
  result_id: null,
  counted_late: false,
  ...over,
});
const extras = { endToEndOffered: false, paidOnline: false, hasFiles: false, assuranceLevel: null };
const fold = (events: [string, string][], r: DossierSnapshot): DossierFacts =>
  events.reduce<DossierFacts | null>(
    (f, [type, at]) => foldEvent(f, { type, at: new Date(at) }, r, extras),
    null,
  )!;

describe('dossier facts', () => {
  it('a second supplement request is late on its own day, even while running', () => {
    const f = fold(
      [
        ['accepted', '2026-05-04T02:00:00Z'],
        ['request_supplement', '2026-05-04T03:00:00Z'],
        ['resubmit', '2026-05-04T04:00:00Z'],
        ['request_supplement', '2026-05-04T20:00:00Z'],
      ],
      row({ counted_late: true }),
    );
    expect(f.secondSupplementAt).toBe('2026-05-04T20:00:00.000Z');
    // 20:00 UTC is 03:00 on 5/5 in Vietnam.
    expect(timelinessOf(f)).toMatchObject({
      kind: 'late',
      day: '2026-05-05',
      secondSupplement: true,
    });
  });

  it('a stop ends processing: on time by the due date, on the stop day', () => {
    const f = fold(
      [
        ['accepted', '2026-05-04T02:00:00Z'],
        ['stop', '2026-05-05T09:00:00Z'],
      ],
      row(),
    );
    expect(timelinessOf(f)).toMatchObject({ kind: 'on_time', day: '2026-05-05' });
    expect(contribution(f).get('2026-05-05')?.finished).toBe(0);
  });

  it('finished after the due date is late on the due day; without a due date nothing is decided', () => {
    const late = fold(
      [['sign', '2026-05-07T02:00:00Z']],
      row({ finished_at: '2026-05-07T02:00:00Z', outcome: 'approved' }),
    );
    expect(timelinessOf(late)).toMatchObject({ kind: 'late', day: '2026-05-05' });
    expect(
      timelinessOf(fold([['accepted', '2026-05-04T02:00:00Z']], row({ due_at: null }))),
    ).toBeNull();
  });

  it('a dossier never accepted contributes nothing; an unchanged dossier moves no counter', () => {
    const none = fold([['submitted', '2026-05-04T02:00:00Z']], row({ accepted_at: null }));
    expect(contribution(none).size).toBe(0);
    const f = fold([['accepted', '2026-05-04T02:00:00Z']], row());
    expect(contributionDelta(f, { ...f }).size).toBe(0);
    const finished = { ...f, finishedAt: '2026-05-05T01:00:00.000Z', outcome: 'approved' as const };
    const delta = contributionDelta(f, finished);
    // Open on 5/5 becomes on time on 5/5 (and finished that day): the open count is taken back.
    expect(delta.get('2026-05-05')).toMatchObject({
      timely_due_open: -1,
      timely_on_time: 1,
      finished: 1,
    });
  });
});
