import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { FixedClock } from '../../lib/clock';
import { createTestDatabase } from '../../test/test-db';
import type { CalendarService } from './calendar.service';
import { at, calendarOver, vn } from './calendar.test-support';

let database: DatabaseHandle;
let clock: FixedClock;
let calendar: CalendarService;
beforeAll(async () => {
  database = await createTestDatabase();
  clock = new FixedClock(at('2026-03-01 08:00'));
  calendar = calendarOver(database, clock);
});
afterAll(async () => {
  await database.close();
});

/** [name, received (local), hours, expected countFrom (local), expected due (local)] */
const hourCases: [string, string, number, string, string][] = [
  [
    'working hours across lunch: Mon 2/3/2026 10:30 + 2 h → 11:30, then 13:30–14:30',
    '2026-03-02 10:30',
    2,
    '2026-03-02T10:30:00',
    '2026-03-02T14:30:00',
  ],
  [
    'working hours across a weekend: Fri 6/3/2026 16:00 + 2 h → 1 h Friday, Mon 9/3 08:30',
    '2026-03-06 16:00',
    2,
    '2026-03-06T16:00:00',
    '2026-03-09T08:30:00',
  ],
  [
    'working hours before opening: Mon 2/3 06:00 + 1 h counts from 07:30 → 08:30',
    '2026-03-02 06:00',
    1,
    '2026-03-02T07:30:00',
    '2026-03-02T08:30:00',
  ],
  [
    'working hours during lunch: Mon 2/3 12:00 + 1 h counts from 13:30 → 14:30',
    '2026-03-02 12:00',
    1,
    '2026-03-02T13:30:00',
    '2026-03-02T14:30:00',
  ],
  [
    'working hours ignore the 15:00 rule: Mon 2/3 15:30 + 1 h → 16:30 the same day',
    '2026-03-02 15:30',
    1,
    '2026-03-02T15:30:00',
    '2026-03-02T16:30:00',
  ],
  [
    'working hours ending exactly at the lunch break: 07:30 + 4 h → 11:30, not 13:30',
    '2026-03-02 07:30',
    4,
    '2026-03-02T07:30:00',
    '2026-03-02T11:30:00',
  ],
  [
    'working hours across Tết 2026: Fri 13/2 16:00 + 8 h → 1 h, then Mon 23/2 4 h + 3 h → 16:30',
    '2026-02-13 16:00',
    8,
    '2026-02-13T16:00:00',
    '2026-02-23T16:30:00',
  ],
  [
    'working hours received on a Saturday: Sat 7/3 09:00 + 1 h → Mon 9/3 07:30–08:30',
    '2026-03-07 09:00',
    1,
    '2026-03-09T07:30:00',
    '2026-03-09T08:30:00',
  ],
  [
    'working hours over 30/4–1/5 2026: Wed 29/4 16:00 + 2 h → 1 h, then Mon 4/5 08:30',
    '2026-04-29 16:00',
    2,
    '2026-04-29T16:00:00',
    '2026-05-04T08:30:00',
  ],
];

describe('working hours (office hours 07:30–11:30, 13:30–17:00)', () => {
  it.each(hourCases)('%s', async (_name, received, hours, countFrom, due) => {
    const result = await calendar.due(at(received), hours, 'working_hours');
    expect(vn(result.countFrom)).toBe(`${countFrom}+07:00`);
    expect(vn(result.due)).toBe(`${due}+07:00`);
  });
});

describe('pauses (supplement request, form 02, until resubmission)', () => {
  const pause = (from: string, to: string) => ({ from: at(from), to: at(to) });

  it('pause: 5-day limit, 2 days used (request on day 3), resubmitted Tue 10/3 10:00 → 3 days → Fri 13/3', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 5, 'working_days', [
      pause('2026-03-05 09:00', '2026-03-10 10:00'),
    ]);
    expect(vn(result.countFrom)).toBe('2026-03-03T07:30:00+07:00');
    expect(vn(result.due)).toBe('2026-03-13T17:00:00+07:00');
  });

  it('pause + 15:00 rule: resubmitted Tue 10/3 16:00 → day 0 Wed 11/3 → 12, 13, Mon 16/3', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 5, 'working_days', [
      pause('2026-03-05 09:00', '2026-03-10 16:00'),
    ]);
    expect(vn(result.due)).toBe('2026-03-16T17:00:00+07:00');
  });

  it('pause: resubmitted on Saturday 7/3 → day 0 Mon 9/3 → 3 days → Thu 12/3', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 5, 'working_days', [
      pause('2026-03-05 09:00', '2026-03-07 10:00'),
    ]);
    expect(vn(result.due)).toBe('2026-03-12T17:00:00+07:00');
  });

  it('pause across Tết 2026: 1 day used, resubmitted Mon 23/2 08:00 → 4 days → Fri 27/2', async () => {
    const result = await calendar.dueWithPauses(at('2026-02-09 09:00'), 5, 'working_days', [
      pause('2026-02-11 09:00', '2026-02-23 08:00'),
    ]);
    expect(vn(result.due)).toBe('2026-02-27T17:00:00+07:00');
  });

  it('two pauses: 1 day used, then 2 more, resubmitted Wed 11/3 14:00 → 2 days → Fri 13/3', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 5, 'working_days', [
      pause('2026-03-04 09:00', '2026-03-05 09:00'),
      pause('2026-03-10 09:00', '2026-03-11 14:00'),
    ]);
    expect(vn(result.due)).toBe('2026-03-13T17:00:00+07:00');
  });

  it('pause on the due day itself leaves 1 day after resubmission: due Wed 4/3 → Mon 9/3', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 2, 'working_days', [
      pause('2026-03-04 09:00', '2026-03-06 09:00'),
    ]);
    expect(vn(result.due)).toBe('2026-03-09T17:00:00+07:00');
  });

  it('pause after the due date changes nothing: the dossier is already late (due Wed 4/3)', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 2, 'working_days', [
      pause('2026-03-05 09:00', '2026-03-09 09:00'),
    ]);
    expect(vn(result.due)).toBe('2026-03-04T17:00:00+07:00');
  });

  it('pause in working hours: Mon 2/3 09:00 + 4 h, paused 10:00–14:00 → 1 h used, 3 h → 17:00', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 4, 'working_hours', [
      pause('2026-03-02 10:00', '2026-03-02 14:00'),
    ]);
    expect(vn(result.countFrom)).toBe('2026-03-02T09:00:00+07:00');
    expect(vn(result.due)).toBe('2026-03-02T17:00:00+07:00');
  });

  it('pause in calendar days: Mon 2/3 + 10, paused Fri 6/3 (3 days used) to Wed 11/3 → +7 → Wed 18/3', async () => {
    const result = await calendar.dueWithPauses(at('2026-03-02 09:00'), 10, 'calendar_days', [
      pause('2026-03-06 09:00', '2026-03-11 09:00'),
    ]);
    expect(vn(result.due)).toBe('2026-03-18T17:00:00+07:00');
  });

  it.each([
    ['ends before it starts', [pause('2026-03-05 09:00', '2026-03-04 09:00')]],
    ['starts before reception', [pause('2026-03-01 09:00', '2026-03-04 09:00')]],
    [
      'overlaps the previous one',
      [
        pause('2026-03-04 09:00', '2026-03-06 09:00'),
        pause('2026-03-05 09:00', '2026-03-09 09:00'),
      ],
    ],
  ])('invalid pause (%s) is refused with CALENDAR_PAUSE_INVALID', async (_name, pauses) => {
    await expect(
      calendar.dueWithPauses(at('2026-03-02 09:00'), 5, 'working_days', pauses),
    ).rejects.toMatchObject({ code: 'CALENDAR_PAUSE_INVALID' });
  });
});

describe('apology (form 04): once, before the due date, original due kept as the baseline', () => {
  const due = at('2026-03-09 17:00');

  it('apology keeps the original due date and stores the new one beside it', () => {
    clock.set(at('2026-03-09 10:00'));
    const result = calendar.applyApology({ due, apologyDue: null }, at('2026-03-12 17:00'));
    expect(result.due).toEqual(due);
    expect(result.apologyDue).toEqual(at('2026-03-12 17:00'));
  });

  it('apology a second time is refused (CALENDAR_APOLOGY_ALREADY_USED)', () => {
    clock.set(at('2026-03-09 10:00'));
    expect(() =>
      calendar.applyApology({ due, apologyDue: at('2026-03-12 17:00') }, at('2026-03-13 17:00')),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR_APOLOGY_ALREADY_USED' }));
  });

  it('apology after the due date is refused (CALENDAR_APOLOGY_TOO_LATE)', () => {
    clock.set(at('2026-03-09 17:00:01'));
    expect(() => calendar.applyApology({ due, apologyDue: null }, at('2026-03-12 17:00'))).toThrow(
      expect.objectContaining({ code: 'CALENDAR_APOLOGY_TOO_LATE' }),
    );
  });

  it('apology with a new date not after the original is refused (CALENDAR_APOLOGY_DATE_INVALID)', () => {
    clock.set(at('2026-03-05 10:00'));
    expect(() => calendar.applyApology({ due, apologyDue: null }, due)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_APOLOGY_DATE_INVALID' }),
    );
  });
});

describe('timeliness against the due date', () => {
  const due = at('2026-03-09 17:00');

  it.each([
    ['finished early: on an earlier day than the due date', at('2026-03-06 16:00'), 'early'],
    ['finished on time: on the due day before closing', at('2026-03-09 09:00'), 'on_time'],
    ['finished on time: exactly at the due instant', at('2026-03-09 17:00'), 'on_time'],
    ['finished late: after the due instant', at('2026-03-09 17:00:01'), 'late'],
    ['finished late: a day later', at('2026-03-10 08:00'), 'late'],
  ] as const)('%s', (_name, finishedAt, expected) => {
    expect(calendar.timeliness(due, finishedAt, at('2026-03-20 10:00'))).toBe(expected);
  });

  it('running: within time up to the due instant, overdue after it', () => {
    expect(calendar.timeliness(due, null, at('2026-03-09 17:00'))).toBe('within_time');
    expect(calendar.timeliness(due, null, at('2026-03-09 17:01'))).toBe('overdue');
  });

  it('running: "now" defaults to the injected clock', () => {
    clock.set(at('2026-03-10 08:00'));
    expect(calendar.timeliness(due, null)).toBe('overdue');
    clock.set(at('2026-03-02 08:00'));
    expect(calendar.timeliness(due, null)).toBe('within_time');
  });
});
