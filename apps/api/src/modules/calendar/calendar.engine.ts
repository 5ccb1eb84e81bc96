import type { CalendarListedKind, CalendarYearOrigin, DeadlineUnit } from '@cqs/shared';
import { AppError } from '../../http/errors';
import type { CalendarEntry } from './calendar.defaults';
import { CalendarDateInvalidError, CalendarPauseInvalidError } from './calendar.errors';
import {
  addDays,
  dayNumber,
  fromLocal,
  type IsoDate,
  isValidDate,
  minutes,
  toLocal,
  weekday,
  yearOf,
} from './calendar.time';

/** Office hours of the one-stop centres, local time; change here (or pass to the service). */
export interface OfficeHours {
  /** Opening periods of a working day, in order, as 'HH:MM'. */
  periods: readonly { open: string; close: string }[];
  /** Latest reception time that still makes the reception date day 0 (DOMAIN.md §4). */
  sameDayCutoff: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  periods: [
    { open: '07:30', close: '11:30' },
    { open: '13:30', close: '17:00' },
  ],
  sameDayCutoff: '15:00',
};

/** The special days of one year and whether a person has confirmed them. */
export interface YearCalendar {
  year: number;
  origin: CalendarYearOrigin;
  confirmed: boolean;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  /** false = computed on the fly from the Labour Code; nothing in the database yet. */
  stored: boolean;
  entries: Map<IsoDate, CalendarEntry>;
}

export interface DueComputation {
  countFrom: Date;
  due: Date;
  /** Years consulted whose days off nobody has confirmed yet: callers flag the result. */
  unconfirmedYears: number[];
}

export interface Pause {
  from: Date;
  to: Date;
}

export interface ListedDay {
  date: IsoDate;
  kind: CalendarListedKind;
  name: string;
  working: boolean;
}

const MIN = 60_000;
const WEEKDAY_NAMES = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/**
 * Pure deadline arithmetic over a year lookup. One instance per computation: it records the
 * unconfirmed years it consulted.
 */
export class WorkingCalendar {
  private readonly touched = new Set<number>();
  private readonly periods: { open: number; close: number }[];
  private readonly cutoffMs: number;

  constructor(
    private readonly yearLookup: (year: number) => YearCalendar,
    hours: OfficeHours = DEFAULT_OFFICE_HOURS,
  ) {
    this.periods = hours.periods.map((p) => ({
      open: minutes(p.open) * MIN,
      close: minutes(p.close) * MIN,
    }));
    this.cutoffMs = minutes(hours.sameDayCutoff) * MIN;
  }

  unconfirmedYears(): number[] {
    return [...this.touched].sort((a, b) => a - b);
  }

  private get openingMs(): number {
    return this.periods[0]!.open;
  }

  private get closingMs(): number {
    return this.periods[this.periods.length - 1]!.close;
  }

  entry(date: IsoDate): CalendarEntry | undefined {
    if (!isValidDate(date)) throw new CalendarDateInvalidError(date);
    const year = this.yearLookup(yearOf(date));
    if (!year.confirmed) this.touched.add(year.year);
    return year.entries.get(date);
  }

  /** DOMAIN.md §4: days off = Sat, Sun, statutory, compensatory, swapped, official break days. */
  isWorkingDay(date: IsoDate): boolean {
    const entry = this.entry(date);
    if (entry) {
      switch (entry.kind) {
        // A declared make-up Saturday (làm bù) is a working day for civil servants.
        case 'make_up_working_day':
          return true;
        // A proposed holiday that is not yet law is a working day (pending_law_change).
        case 'proposed_holiday':
          return !isWeekend(date);
        default:
          return false;
      }
    }
    return !isWeekend(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let day = addDays(date, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  previousWorkingDay(date: IsoDate): IsoDate {
    let day = addDays(date, -1);
    while (!this.isWorkingDay(day)) day = addDays(day, -1);
    return day;
  }

  /** The n-th working day after `date` (n < 0: before it); n = 0 returns `date` itself. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let day = date;
    if (!isValidDate(day)) throw new CalendarDateInvalidError(day);
    for (let i = 0; i < Math.abs(n); i += 1) {
      day = n > 0 ? this.nextWorkingDay(day) : this.previousWorkingDay(day);
    }
    return day;
  }

  /**
   * Working days d with from < d ≤ to: the first day is not counted (Civil Code Art. 147), so the
   * answer is the number of working days elapsed from `from` to `to`. Negative when to < from.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }

  /**
   * Day 0 of a period received at `instant` (DOMAIN.md §4 "15:00 rule"): the reception date when
   * it is a working day and reception is at or before 15:00, else the next working day.
   */
  dayZero(instant: Date): IsoDate {
    const { date, ms } = toLocal(instant);
    return this.isWorkingDay(date) && ms <= this.cutoffMs ? date : this.nextWorkingDay(date);
  }

  private opening(date: IsoDate): Date {
    return fromLocal(date, this.openingMs);
  }

  private closing(date: IsoDate): Date {
    return fromLocal(date, this.closingMs);
  }

  due(receivedAt: Date, amount: number, unit: DeadlineUnit): DueComputation {
    return this.dueWithPauses(receivedAt, amount, unit, []);
  }

  /**
   * Due date with the clock stopped during supplement requests (form 02) until resubmission.
   * Each pause is treated as a reception anew:
   * - working days: days used = working days strictly between day 0 and the day the pause starts
   *   (the day of the request itself is not charged); the remaining days count again from the
   *   resubmission with the same 15:00 and first-day rules (resubmission at or before 15:00 on a
   *   working day = new day 0, else the next working day). 5-day limit, request on day 3, so 2
   *   days used → 3 days counted from the resubmission.
   * - calendar days: days used = calendar days strictly between the reception date and the day
   *   the pause starts; the rest count from the resubmission date.
   * - working hours: office time used up to the pause; counting resumes at the resubmission (or
   *   the next opening).
   * A pause that starts after the period has run out changes nothing: the dossier is already late.
   */
  dueWithPauses(
    receivedAt: Date,
    amount: number,
    unit: DeadlineUnit,
    pauses: readonly Pause[],
  ): DueComputation {
    if (!Number.isInteger(amount) || amount < 1) {
      throw new AppError('VALIDATION_FAILED', { messageVi: 'Thời hạn phải là số nguyên dương.' });
    }
    validatePauses(receivedAt, pauses);
    switch (unit) {
      case 'working_days':
        return this.workingDaysDue(receivedAt, amount, pauses);
      case 'calendar_days':
        return this.calendarDaysDue(receivedAt, amount, pauses);
      case 'working_hours':
        return this.workingHoursDue(receivedAt, amount, pauses);
    }
  }

  private workingDaysDue(receivedAt: Date, amount: number, pauses: readonly Pause[]) {
    let day0 = this.dayZero(receivedAt);
    // Civil Code Art. 147: the first day is not counted; day 1 is the working day after day 0.
    const countFrom = this.opening(this.nextWorkingDay(day0));
    let remaining = amount;
    for (const pause of pauses) {
      const pauseDay = toLocal(pause.from).date;
      const used = Math.max(0, this.workingDaysBetween(day0, addDays(pauseDay, -1)));
      if (used >= remaining) break;
      remaining -= used;
      day0 = this.dayZero(pause.to);
    }
    // A limit of N working days ends at the end (office closing) of working day N.
    const dueDay = this.addWorkingDays(day0, remaining);
    return { countFrom, due: this.closing(dueDay), unconfirmedYears: this.unconfirmedYears() };
  }

  private calendarDaysDue(receivedAt: Date, amount: number, pauses: readonly Pause[]) {
    // Calendar days run from the reception date itself, whatever the hour: no 15:00 rule.
    let anchor = toLocal(receivedAt).date;
    const countFrom = this.opening(addDays(anchor, 1));
    let remaining = amount;
    for (const pause of pauses) {
      const pauseDay = toLocal(pause.from).date;
      const used = Math.max(0, dayNumber(pauseDay) - dayNumber(anchor) - 1);
      if (used >= remaining) break;
      remaining -= used;
      anchor = toLocal(pause.to).date;
    }
    let last = addDays(anchor, remaining);
    // Civil Code Art. 148: a period ending on a day off ends at the end of the next working day.
    if (!this.isWorkingDay(last)) last = this.nextWorkingDay(last);
    return { countFrom, due: this.closing(last), unconfirmedYears: this.unconfirmedYears() };
  }

  /**
   * Working hours count office time from the reception instant (or the next opening). The 15:00
   * rule does NOT apply: it exists to give day 0 a meaning, and hours have no day 0 — a dossier
   * received at 16:00 with 2 working hours is due at 08:30 the next working day.
   */
  private workingHoursDue(receivedAt: Date, amount: number, pauses: readonly Pause[]) {
    let remaining = amount * 60 * MIN;
    let start = receivedAt;
    let countFrom: Date | null = null;
    for (const pause of pauses) {
      const run = this.runOffice(start, remaining, pause.from);
      countFrom ??= run.countFrom;
      if (run.due) {
        return { countFrom: countFrom!, due: run.due, unconfirmedYears: this.unconfirmedYears() };
      }
      remaining = run.remaining;
      start = pause.to;
    }
    const run = this.runOffice(start, remaining, null);
    return {
      // Without a stop the run always uses some office time, so both are set.
      countFrom: countFrom ?? run.countFrom!,
      due: run.due!,
      unconfirmedYears: this.unconfirmedYears(),
    };
  }

  /**
   * Consumes office time from `start` until `remainingMs` are used (→ due) or `stopAt` is reached
   * (→ what is left). countFrom = the first office instant used, null if none was.
   */
  private runOffice(
    start: Date,
    remainingMs: number,
    stopAt: Date | null,
  ): { countFrom: Date | null; due: Date | null; remaining: number } {
    let { date, ms } = toLocal(start);
    let remaining = remainingMs;
    let countFrom: Date | null = null;
    const stop = stopAt ? stopAt.getTime() : Number.POSITIVE_INFINITY;
    for (;;) {
      if (this.isWorkingDay(date)) {
        for (const p of this.periods) {
          if (ms >= p.close) continue;
          const begin = fromLocal(date, Math.max(ms, p.open)).getTime();
          if (begin >= stop) return { countFrom, due: null, remaining };
          countFrom ??= new Date(begin);
          const end = Math.min(fromLocal(date, p.close).getTime(), stop);
          if (begin + remaining <= end) {
            return { countFrom, due: new Date(begin + remaining), remaining: 0 };
          }
          remaining -= end - begin;
          if (end >= stop) return { countFrom, due: null, remaining };
          ms = p.close;
        }
      }
      date = addDays(date, 1);
      ms = 0;
      if (fromLocal(date, 0).getTime() >= stop) return { countFrom, due: null, remaining };
    }
  }

  /** Days in [from, to] that are off, plus make-up Saturdays and proposed holidays (working). */
  listDays(from: IsoDate, to: IsoDate): ListedDay[] {
    const items: ListedDay[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const entry = this.entry(day);
      const working = this.isWorkingDay(day);
      if (entry) items.push({ date: day, kind: entry.kind, name: entry.name, working });
      else if (!working) {
        items.push({ date: day, kind: 'weekend', name: WEEKDAY_NAMES[weekday(day)]!, working });
      }
    }
    return items;
  }
}

function validatePauses(receivedAt: Date, pauses: readonly Pause[]): void {
  let after = receivedAt.getTime();
  for (const p of pauses) {
    const from = p.from.getTime();
    const to = p.to.getTime();
    if (Number.isNaN(from) || Number.isNaN(to) || from < after || to <= from) {
      throw new CalendarPauseInvalidError();
    }
    after = to;
  }
}
