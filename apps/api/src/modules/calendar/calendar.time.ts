/**
 * Dates and instants in Asia/Ho_Chi_Minh. Vietnam has used UTC+7 without daylight saving since
 * 1975, so a fixed offset is exact and needs no time-zone database.
 */

export const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** A calendar date as 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date; throws on an impossible date (e.g. 2026-02-30). */
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCDate() !== Number(m[3]) || back.getUTCMonth() !== Number(m[2]) - 1) {
    throw new RangeError(`not a date: ${date}`);
  }
  return Math.round(ms / DAY_MS);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function isValidDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local (UTC+7) date and the milliseconds since local midnight of an instant. */
export function toLocal(instant: Date): { date: IsoDate; ms: number } {
  const local = instant.getTime() + VN_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { date: fromDayNumber(day), ms: local - day * DAY_MS };
}

/** The instant of a local (UTC+7) date and time of day. */
export function fromLocal(date: IsoDate, msOfDay: number): Date {
  return new Date(dayNumber(date) * DAY_MS + msOfDay - VN_OFFSET_MS);
}

export function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** ISO 8601 with the +07:00 offset, as printed on form 01 and returned by the API. */
export function formatVn(instant: Date): string {
  const local = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  const ms = local.slice(19, 23);
  return `${local.slice(0, 19)}${ms === '.000' ? '' : ms}+07:00`;
}
