import { type CalendarYear, type DeadlineUnit, permissions } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { type CalendarEntry, computeYearDefaults } from './calendar.defaults';
import {
  DEFAULT_OFFICE_HOURS,
  type DueComputation,
  type ListedDay,
  type OfficeHours,
  type Pause,
  WorkingCalendar,
  type YearCalendar,
} from './calendar.engine';
import {
  ApologyAlreadyUsedError,
  ApologyDateInvalidError,
  ApologyTooLateError,
  CalendarDateInvalidError,
  CalendarYearAlreadyConfirmedError,
  CalendarYearOutOfRangeError,
} from './calendar.errors';
import type { CalendarRepository } from './calendar.repository';
import { fromLocal, type IsoDate, isValidDate, minutes, toLocal } from './calendar.time';

const PROVINCE_CODE = '66';
export const FIRST_YEAR = 2021;
export const LAST_YEAR = 2199;

export type Timeliness = 'early' | 'on_time' | 'late' | 'within_time' | 'overdue';

/** A due date and, after an apology (form 04), the new date promised beside it. */
export interface ApologyDeadline {
  /** The original due date: stays the baseline for statistics (DOMAIN.md §4). */
  due: Date;
  apologyDue: Date | null;
}

export interface CalendarServiceDeps {
  db: Db;
  repository: CalendarRepository;
  clock: Clock;
  policy: AccessPolicy;
  hours?: OfficeHours;
}

/**
 * Working days for the one-stop centres. The special days of every year are held in memory (a
 * few dozen a year), loaded once and reloaded after a confirmation; years without data are
 * computed from the Labour Code and flagged as unconfirmed, so deadlines never stop working.
 * Every entry applies to the centres' civil servants, whatever its `applies_to`.
 */
export class CalendarService {
  private stored: Map<number, YearCalendar> | null = null;
  private readonly computed = new Map<number, YearCalendar>();
  private loading: Promise<void> | null = null;

  constructor(private readonly deps: CalendarServiceDeps) {}

  async reload(): Promise<void> {
    const [years, days] = await Promise.all([
      this.deps.repository.listYears(),
      this.deps.repository.listDays(),
    ]);
    const next = new Map<number, YearCalendar>();
    for (const y of years) {
      next.set(y.year, {
        year: y.year,
        origin: y.origin,
        confirmed: y.confirmed,
        confirmedBy: y.confirmed_by,
        confirmedAt: y.confirmed_at ? new Date(y.confirmed_at) : null,
        stored: true,
        entries: new Map(),
      });
    }
    for (const d of days) next.get(Number(d.date.slice(0, 4)))?.entries.set(d.date, d);
    this.stored = next;
    this.computed.clear();
  }

  private async ready(): Promise<void> {
    if (this.stored) return;
    this.loading ??= this.reload().finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private year(year: number): YearCalendar {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new CalendarYearOutOfRangeError(year);
    }
    const stored = this.stored?.get(year);
    if (stored) return stored;
    let computed = this.computed.get(year);
    if (!computed) {
      computed = {
        year,
        origin: 'computed',
        confirmed: false,
        confirmedBy: null,
        confirmedAt: null,
        stored: false,
        entries: new Map(computeYearDefaults(year).map((e) => [e.date, e])),
      };
      this.computed.set(year, computed);
    }
    return computed;
  }

  /** A fresh engine per computation, so each result names the unconfirmed years it used. */
  private async engine(): Promise<WorkingCalendar> {
    await this.ready();
    return new WorkingCalendar((y) => this.year(y), this.deps.hours ?? DEFAULT_OFFICE_HOURS);
  }

  /** The end of office hours on `date` (when a due date on that day ends). */
  closingOf(date: IsoDate): Date {
    const periods = (this.deps.hours ?? DEFAULT_OFFICE_HOURS).periods;
    return fromLocal(date, minutes(periods[periods.length - 1]!.close) * 60_000);
  }

  async isWorkingDay(date: IsoDate): Promise<boolean> {
    return (await this.engine()).isWorkingDay(date);
  }

  async nextWorkingDay(date: IsoDate): Promise<IsoDate> {
    return (await this.engine()).nextWorkingDay(date);
  }

  /** The n-th working day after `date` (before it when n < 0). */
  async addWorkingDays(date: IsoDate, n: number): Promise<IsoDate> {
    return (await this.engine()).addWorkingDays(date, n);
  }

  /** Working days elapsed from `from` to `to`: those in (from, to] (first day not counted). */
  async workingDaysBetween(from: IsoDate, to: IsoDate): Promise<number> {
    return (await this.engine()).workingDaysBetween(from, to);
  }

  async due(receivedAt: Date, amount: number, unit: DeadlineUnit): Promise<DueComputation> {
    return (await this.engine()).due(receivedAt, amount, unit);
  }

  async dueWithPauses(
    receivedAt: Date,
    amount: number,
    unit: DeadlineUnit,
    pauses: readonly Pause[],
  ): Promise<DueComputation> {
    return (await this.engine()).dueWithPauses(receivedAt, amount, unit, pauses);
  }

  /** Days off in [from, to] with their kind (ordinary Saturdays and Sundays as 'weekend'). */
  async daysOff(
    from: IsoDate,
    to: IsoDate,
  ): Promise<{ date: IsoDate; kind: ListedDay['kind']; name: string }[]> {
    const { items } = await this.listDays(from, to);
    return items.filter((d) => !d.working).map(({ date, kind, name }) => ({ date, kind, name }));
  }

  /** Days off plus the special days that stay working (make-up Saturdays, proposed holidays). */
  async listDays(
    from: IsoDate,
    to: IsoDate,
  ): Promise<{ items: ListedDay[]; unconfirmedYears: number[] }> {
    for (const d of [from, to]) if (!isValidDate(d)) throw new CalendarDateInvalidError(d);
    const engine = await this.engine();
    const items = engine.listDays(from, to);
    return { items, unconfirmedYears: engine.unconfirmedYears() };
  }

  /**
   * DOMAIN.md §4 results: finished early (on an earlier day than the due date), on time (on the
   * due date, by the due instant) or late; running: within time or overdue at `now`.
   */
  timeliness(due: Date, finishedAt: Date | null, now: Date = this.deps.clock.now()): Timeliness {
    if (finishedAt) {
      if (finishedAt.getTime() > due.getTime()) return 'late';
      return toLocal(finishedAt).date < toLocal(due).date ? 'early' : 'on_time';
    }
    return now.getTime() > due.getTime() ? 'overdue' : 'within_time';
  }

  /**
   * Apology and new appointment (form 04): at most once, issued before the due date, for a later
   * date (DOMAIN.md §4). The original due date stays the baseline; the new one is kept beside it.
   */
  applyApology(original: ApologyDeadline, newDue: Date): ApologyDeadline {
    if (original.apologyDue) throw new ApologyAlreadyUsedError();
    if (this.deps.clock.now().getTime() > original.due.getTime()) throw new ApologyTooLateError();
    if (newDue.getTime() <= original.due.getTime()) throw new ApologyDateInvalidError();
    return { due: original.due, apologyDue: newDue };
  }

  /** Stored years, plus this year and next year when only computed. */
  async listYears(): Promise<CalendarYear[]> {
    await this.ready();
    const thisYear = Number(toLocal(this.deps.clock.now()).date.slice(0, 4));
    const years = new Set(this.stored?.keys());
    for (const y of [thisYear, thisYear + 1]) {
      if (y >= FIRST_YEAR && y <= LAST_YEAR) years.add(y);
    }
    return [...years].sort((a, b) => a - b).map((y) => toView(this.year(y)));
  }

  /**
   * Confirms a year's days off (calendar.confirm on the province). A computed year that is not
   * stored yet is stored with its computed days. One transaction with the audit row.
   */
  async confirmYear(
    actor: OfficerActor,
    year: number,
    note: string | undefined,
    requestId: string,
  ): Promise<CalendarYear> {
    const { db, repository, clock, policy } = this.deps;
    await policy.assert(actor, 'calendar.confirm', PROVINCE_CODE);
    if (year < FIRST_YEAR || year > LAST_YEAR) throw new CalendarYearOutOfRangeError(year);
    const allowed: readonly string[] = permissions['calendar.confirm'];
    const role = actor.grants.find(
      (g) => allowed.includes(g.role) && g.unitCode === PROVINCE_CODE,
    )?.role;
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const existing = await repository.lockYear(trx, year);
      if (existing?.confirmed) throw new CalendarYearAlreadyConfirmedError(year);
      let entries: CalendarEntry[] | null = null;
      if (existing) {
        await repository.markConfirmed(trx, year, actor.userId, now);
      } else {
        entries = computeYearDefaults(year);
        const row = {
          year,
          origin: 'computed' as const,
          confirmed: true,
          confirmed_by: actor.userId,
          confirmed_at: now,
        };
        // Another confirmation stored the year between our read and this write.
        if (!(await repository.insertYear(trx, row))) {
          throw new CalendarYearAlreadyConfirmedError(year);
        }
        await repository.replaceDays(trx, year, entries);
      }
      await appendAudit(trx, clock, {
        actor,
        role: role ?? null,
        unitCode: PROVINCE_CODE,
        action: 'calendar.confirm',
        objectType: 'calendar_year',
        objectId: String(year),
        requestId,
        details: {
          origin: existing?.origin ?? 'computed',
          storedNow: entries !== null,
          ...(entries ? { days: entries.map((e) => `${e.date} ${e.kind}`) } : {}),
          ...(note ? { note } : {}),
        },
      });
    });
    await this.reload();
    return toView(this.year(year));
  }
}

function toView(y: YearCalendar): CalendarYear {
  return {
    year: y.year,
    origin: y.origin,
    confirmed: y.confirmed,
    confirmedBy: y.confirmedBy,
    confirmedAt: y.confirmedAt ? y.confirmedAt.toISOString() : null,
    stored: y.stored,
    entries: y.entries.size,
  };
}
