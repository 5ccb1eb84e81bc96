import { z } from 'zod';

/** Kinds of calendar entries in `calendar_days` (apps/api/seed-data/holidays). */
export const CalendarDayKind = z.enum([
  'statutory',
  'compensatory',
  'weekend_in_break',
  'swapped_day_off',
  'make_up_working_day',
  'official_break_day',
  'proposed_holiday',
]);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

/** A listed day: the data kinds plus 'weekend' for an ordinary Saturday or Sunday. */
export const CalendarListedKind = z.enum([...CalendarDayKind.options, 'weekend']);
export type CalendarListedKind = z.infer<typeof CalendarListedKind>;

export const DeadlineUnit = z.enum(['working_days', 'working_hours', 'calendar_days']);
export type DeadlineUnit = z.infer<typeof DeadlineUnit>;

export const CalendarDate = z.iso.date({
  error: 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-04-29.',
});

/** `GET /api/calendar/due` */
export const DueQuery = z
  .object({
    receivedAt: z.iso.datetime({
      offset: true,
      error:
        'Thời điểm tiếp nhận phải theo ISO 8601 và có múi giờ, ví dụ 2026-04-29T14:59:00+07:00.',
    }),
    amount: z.coerce
      .number({ error: 'Thời hạn phải là một số nguyên từ 1 đến 3650.' })
      .int({ error: 'Thời hạn phải là một số nguyên từ 1 đến 3650.' })
      .min(1, { error: 'Thời hạn phải là một số nguyên từ 1 đến 3650.' })
      .max(3650, { error: 'Thời hạn phải là một số nguyên từ 1 đến 3650.' }),
    unit: DeadlineUnit.default('working_days'),
  })
  .strict();
export type DueQuery = z.infer<typeof DueQuery>;

/**
 * Due date of a time limit. countFrom = day 1 at office opening for day units (the first day is
 * not counted, Civil Code Art. 147), or the instant counting starts for working hours. Both carry
 * the +07:00 offset. A year whose days off are not yet confirmed by an administrator is named in
 * the `x-calendar-unconfirmed` response header, not in the body.
 */
export const DueResult = z.object({
  countFrom: z.string(),
  due: z.string(),
});
export type DueResult = z.infer<typeof DueResult>;

function oneYearAfter(date: string): string {
  const [y, m, d] = date.split('-');
  return `${String(Number(y) + 1).padStart(4, '0')}-${m}-${d}`;
}

/** `GET /api/calendar/working-days`: from ≤ to, at most one year apart (e.g. 1/1 to 1/1 next year). */
export const WorkingDaysQuery = z
  .object({ from: CalendarDate, to: CalendarDate })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from > q.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Ngày kết thúc (to) phải bằng hoặc sau ngày bắt đầu (from).',
      });
    } else if (q.to > oneYearAfter(q.from)) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Khoảng ngày tối đa là 1 năm. Vui lòng chia thành nhiều lần tra cứu.',
      });
    }
  });
export type WorkingDaysQuery = z.infer<typeof WorkingDaysQuery>;

/**
 * One day that differs from an ordinary working day: every day off (kind 'weekend' for an ordinary
 * Saturday/Sunday, else the kind of the official entry), plus the days that stay working although
 * they look special — a make-up Saturday (làm bù) or a holiday proposed but not yet law — with
 * `working: true`.
 */
export const CalendarDayItem = z.object({
  date: z.string(),
  kind: CalendarListedKind,
  name: z.string(),
  working: z.boolean(),
});
export type CalendarDayItem = z.infer<typeof CalendarDayItem>;

export const CalendarDayList = z.object({ items: z.array(CalendarDayItem) });
export type CalendarDayList = z.infer<typeof CalendarDayList>;

export const CalendarYearOrigin = z.enum(['official_data', 'computed']);
export type CalendarYearOrigin = z.infer<typeof CalendarYearOrigin>;

/** A year of the calendar: stored (imported or confirmed) or computed on the fly (stored: false). */
export const CalendarYear = z.object({
  year: z.number().int(),
  origin: CalendarYearOrigin,
  confirmed: z.boolean(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  stored: z.boolean(),
  entries: z.number().int().describe('Special days recorded for the year (holidays, swaps, …)'),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarYearList = z.object({ items: z.array(CalendarYear) });
export type CalendarYearList = z.infer<typeof CalendarYearList>;

export const CalendarYearParams = z
  .object({ year: z.coerce.number().int().min(2021).max(2199) })
  .strict();

/**
 * Body of the confirm route: an optional note kept in the audit row (e.g. the PM's decision).
 * No body at all is fine too (Fastify passes null for an empty POST).
 */
export const ConfirmCalendarYear = z
  .object({ note: z.string().trim().max(500).optional() })
  .strict()
  .nullish();
export type ConfirmCalendarYear = z.infer<typeof ConfirmCalendarYear>;
