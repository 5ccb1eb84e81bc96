import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { FixedClock } from '../../lib/clock';
import { createTestDatabase } from '../../test/test-db';
import type { CalendarService } from './calendar.service';
import { at, calendarOver, vn } from './calendar.test-support';

// Every expected date below is worked out by hand from apps/api/seed-data/holidays (2025–2026
// official decisions; 2027 computed defaults) and the rules of DOMAIN.md §4.

let database: DatabaseHandle;
let calendar: CalendarService;
beforeAll(async () => {
  database = await createTestDatabase();
  calendar = calendarOver(database, new FixedClock(at('2026-03-01 08:00')));
});
afterAll(async () => {
  await database.close();
});

/** [name, received (local), amount, expected countFrom day, expected due day] */
const workingDayCases: [string, string, number, string, string][] = [
  [
    'worked example: Wed 29/4/2026 14:59 + 1 → 30/4, 1/5 holidays, 2–3/5 weekend → Mon 4/5',
    '2026-04-29 14:59',
    1,
    '2026-05-04',
    '2026-05-04',
  ],
  [
    'worked example / 15:00 rule: 15:01 moves day 0 to Mon 4/5 → due Tue 5/5',
    '2026-04-29 15:01',
    1,
    '2026-05-05',
    '2026-05-05',
  ],
  [
    '15:00 rule: exactly 15:00:00 is still the same day',
    '2026-04-29 15:00',
    1,
    '2026-05-04',
    '2026-05-04',
  ],
  [
    '15:00 rule: 15:00:01 is after 15:00, day 0 moves',
    '2026-04-29 15:00:01',
    1,
    '2026-05-05',
    '2026-05-05',
  ],
  [
    '15:00 rule: 00:00 on a working day makes that day day 0',
    '2026-04-29 00:00',
    1,
    '2026-05-04',
    '2026-05-04',
  ],
  [
    'day off: reception on Saturday 7/3/2026 → day 0 Mon 9/3 → due Tue 10/3',
    '2026-03-07 10:00',
    1,
    '2026-03-10',
    '2026-03-10',
  ],
  [
    'day off: reception on Sunday 8/3/2026 morning → day 0 Mon 9/3 → 2 days → Wed 11/3',
    '2026-03-08 08:00',
    2,
    '2026-03-10',
    '2026-03-11',
  ],
  [
    'day off: reception on the holiday 30/4/2026 → day 0 Mon 4/5 → due Tue 5/5',
    '2026-04-30 09:00',
    1,
    '2026-05-05',
    '2026-05-05',
  ],
  [
    'first day not counted: Mon 2/3/2026 09:00 + 5 → Tue 3/3 … Mon 9/3',
    '2026-03-02 09:00',
    5,
    '2026-03-03',
    '2026-03-09',
  ],
  [
    'Tết 2025 break 25/1–2/2 (official_break_day): Fri 24/1 10:00 + 1 → Mon 3/2/2025',
    '2025-01-24 10:00',
    1,
    '2025-02-03',
    '2025-02-03',
  ],
  [
    'Tết 2025 + 15:00 rule: Fri 24/1 15:30 → day 0 Mon 3/2 → due Tue 4/2/2025',
    '2025-01-24 15:30',
    1,
    '2025-02-04',
    '2025-02-04',
  ],
  [
    'Tết 2025: reception during the break (29/1) → day 0 Mon 3/2 → 3 days → Thu 6/2',
    '2025-01-29 09:00',
    3,
    '2025-02-04',
    '2025-02-06',
  ],
  [
    'Tết 2026 (14–22/2 off): Fri 13/2 09:00 + 1 → Mon 23/2/2026',
    '2026-02-13 09:00',
    1,
    '2026-02-23',
    '2026-02-23',
  ],
  [
    'Tết 2026: Thu 12/2 10:00 + 5 → 13/2, 23/2, 24/2, 25/2, 26/2',
    '2026-02-12 10:00',
    5,
    '2026-02-13',
    '2026-02-26',
  ],
  [
    'Giỗ Tổ 2026 on Sunday 26/4 → compensatory Mon 27/4 (Art. 111(3)): Fri 24/4 + 1 → Tue 28/4',
    '2026-04-24 09:00',
    1,
    '2026-04-28',
    '2026-04-28',
  ],
  [
    'Giỗ Tổ then 30/4–1/5 2026: Fri 24/4 + 3 → 28/4, 29/4, Mon 4/5',
    '2026-04-24 09:00',
    3,
    '2026-04-28',
    '2026-05-04',
  ],
  [
    'National Day 2026 (29/8–2/9, 31/8 swapped): Fri 28/8 + 1 → Thu 3/9',
    '2026-08-28 10:00',
    1,
    '2026-09-03',
    '2026-09-03',
  ],
  [
    'make-up Saturday 22/8/2026 is a working day: Fri 21/8 + 1 → Sat 22/8',
    '2026-08-21 10:00',
    1,
    '2026-08-22',
    '2026-08-22',
  ],
  [
    'make-up Saturday as reception day: Sat 22/8/2026 09:00 is day 0 → Mon 24/8',
    '2026-08-22 09:00',
    1,
    '2026-08-24',
    '2026-08-24',
  ],
  [
    'New Year 2026 swap (1/1 holiday, 2/1 swapped, 3–4/1 weekend): Wed 31/12/2025 + 1 → Mon 5/1',
    '2025-12-31 10:00',
    1,
    '2026-01-05',
    '2026-01-05',
  ],
  [
    'make-up Saturday 10/1/2026: Fri 9/1 + 1 → Sat 10/1',
    '2026-01-09 10:00',
    1,
    '2026-01-10',
    '2026-01-10',
  ],
  [
    'Giỗ Tổ 2025 (Mon 7/4 after a weekend): Fri 4/4/2025 + 1 → Tue 8/4',
    '2025-04-04 09:00',
    1,
    '2025-04-08',
    '2025-04-08',
  ],
  [
    '30/4–1/5 2025 with 2/5 swapped: Tue 29/4/2025 + 1 → Mon 5/5',
    '2025-04-29 10:00',
    1,
    '2025-05-05',
    '2025-05-05',
  ],
  [
    'make-up Saturday 26/4/2025: Fri 25/4 + 1 → Sat 26/4',
    '2025-04-25 10:00',
    1,
    '2025-04-26',
    '2025-04-26',
  ],
  [
    'proposed holiday 24/11/2026 (pending law change) is a working day: Mon 23/11 + 1 → Tue 24/11',
    '2026-11-23 10:00',
    1,
    '2026-11-24',
    '2026-11-24',
  ],
];

describe('working days: day 0, the 15:00 rule, first day not counted', () => {
  it.each(workingDayCases)('%s', async (_name, received, amount, countFrom, due) => {
    const result = await calendar.due(at(received), amount, 'working_days');
    expect(vn(result.countFrom)).toBe(`${countFrom}T07:30:00+07:00`);
    // A limit of N working days ends at the end of working day N: office closing.
    expect(vn(result.due)).toBe(`${due}T17:00:00+07:00`);
    expect(result.unconfirmedYears).toEqual([]);
  });
});

describe('unconfirmed and computed years', () => {
  it('2027 unconfirmed flag: Wed 30/12/2026 + 3 → 31/12, (1/1/2027 holiday, weekend) Mon 4/1, Tue 5/1', async () => {
    const result = await calendar.due(at('2026-12-30 10:00'), 3, 'working_days');
    expect(vn(result.due)).toBe('2027-01-05T17:00:00+07:00');
    expect(result.unconfirmedYears).toEqual([2027]);
  });

  it('2027 computed Tết (5/2–9/2 + compensatory 10–11/2): Thu 4/2/2027 + 1 → Fri 12/2', async () => {
    const result = await calendar.due(at('2027-02-04 10:00'), 1, 'working_days');
    expect(vn(result.due)).toBe('2027-02-12T17:00:00+07:00');
    expect(result.unconfirmedYears).toEqual([2027]);
  });

  it('computed year 2028 (no data): Tết from the lunar conversion, mùng 1 = Wed 26/1/2028', async () => {
    // 25/1–29/1 Tết; Sat 29/1 is compensated on Mon 31/1 (Art. 111(3)); so Mon 24/1 + 1 → Tue 1/2.
    const off = await calendar.daysOff('2028-01-24', '2028-02-01');
    expect(off.filter((d) => d.kind === 'statutory').map((d) => d.date)).toEqual([
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-29',
    ]);
    expect(off.find((d) => d.date === '2028-01-31')?.kind).toBe('compensatory');
    const result = await calendar.due(at('2028-01-24 10:00'), 1, 'working_days');
    expect(vn(result.due)).toBe('2028-02-01T17:00:00+07:00');
    expect(result.unconfirmedYears).toEqual([2028]);
  });

  it('year range: a date outside 2021–2199 is refused with CALENDAR_YEAR_OUT_OF_RANGE', async () => {
    await expect(calendar.due(at('2019-05-02 10:00'), 1, 'working_days')).rejects.toMatchObject({
      code: 'CALENDAR_YEAR_OUT_OF_RANGE',
    });
  });
});

/** [name, received (local), days, expected due day] */
const calendarDayCases: [string, string, number, string][] = [
  [
    'calendar days (Art. 148): Sat 25/4/2026 + 5 = Thu 30/4 holiday → next working day Mon 4/5',
    '2026-04-25 10:30',
    5,
    '2026-05-04',
  ],
  [
    'calendar days: no 15:00 rule — Mon 2/3/2026 16:00 + 10 = Thu 12/3',
    '2026-03-02 16:00',
    10,
    '2026-03-12',
  ],
  [
    'calendar days landing in Tết 2026: Mon 9/2 + 7 = Mon 16/2 → Mon 23/2',
    '2026-02-09 09:00',
    7,
    '2026-02-23',
  ],
  [
    'calendar days landing on a Sunday: Mon 2/3/2026 + 6 = Sun 8/3 → Mon 9/3',
    '2026-03-02 09:00',
    6,
    '2026-03-09',
  ],
  [
    'calendar days landing on the make-up Saturday 22/8/2026: Sat 15/8 + 7 → Sat 22/8 itself',
    '2026-08-15 09:00',
    7,
    '2026-08-22',
  ],
];

describe('calendar days', () => {
  it.each(calendarDayCases)('%s', async (_name, received, days, due) => {
    const result = await calendar.due(at(received), days, 'calendar_days');
    expect(vn(result.due)).toBe(`${due}T17:00:00+07:00`);
  });
});

describe('service helpers', () => {
  it('isWorkingDay: make-up Saturday yes, proposed holiday yes, swapped day and plain Saturday no', async () => {
    expect(await calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(await calendar.isWorkingDay('2026-11-24')).toBe(true);
    expect(await calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(await calendar.isWorkingDay('2026-03-07')).toBe(false);
    expect(await calendar.isWorkingDay('2026-03-09')).toBe(true);
  });

  it('nextWorkingDay jumps the whole Tết 2026 break: Fri 13/2 → Mon 23/2', async () => {
    expect(await calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
  });

  it('addWorkingDays counts forwards and backwards over 30/4–1/5 2026', async () => {
    expect(await calendar.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
    expect(await calendar.addWorkingDays('2026-05-04', -1)).toBe('2026-04-29');
    expect(await calendar.addWorkingDays('2026-04-29', 0)).toBe('2026-04-29');
  });

  it('workingDaysBetween excludes the first day: 13/2→23/2/2026 = 1, 29/4→5/5/2026 = 2', async () => {
    expect(await calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(await calendar.workingDaysBetween('2026-04-29', '2026-05-05')).toBe(2);
    expect(await calendar.workingDaysBetween('2026-05-05', '2026-04-29')).toBe(-2);
  });

  it('daysOff lists Giỗ Tổ and 30/4–1/5 2026 with their kinds', async () => {
    expect(await calendar.daysOff('2026-04-24', '2026-05-04')).toEqual([
      { date: '2026-04-25', kind: 'weekend_in_break', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2026-04-26', kind: 'statutory', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2026-04-27', kind: 'compensatory', name: 'Giỗ Tổ Hùng Vương – nghỉ bù' },
      { date: '2026-04-30', kind: 'statutory', name: 'Ngày Chiến thắng 30/4' },
      { date: '2026-05-01', kind: 'statutory', name: 'Ngày Quốc tế Lao động 1/5' },
      { date: '2026-05-02', kind: 'weekend_in_break', name: 'Dịp 30/4–1/5' },
      { date: '2026-05-03', kind: 'weekend_in_break', name: 'Dịp 30/4–1/5' },
    ]);
  });

  it('daysOff names an ordinary weekend "weekend" and leaves out the make-up Saturday', async () => {
    const off = await calendar.daysOff('2026-08-22', '2026-08-23');
    expect(off).toEqual([{ date: '2026-08-23', kind: 'weekend', name: 'Chủ nhật' }]);
  });

  it('an impossible date is refused with CALENDAR_DATE_INVALID', async () => {
    await expect(calendar.isWorkingDay('2026-02-30')).rejects.toMatchObject({
      code: 'CALENDAR_DATE_INVALID',
    });
  });
});
