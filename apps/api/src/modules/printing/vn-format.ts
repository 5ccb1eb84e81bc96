import { toLocal } from '../calendar/calendar.time';

/**
 * Vietnamese administrative date style (Decree 30/2020/NĐ-CP, Appendix I): days below 10 and the
 * months 1 and 2 take a leading zero, other months do not ("ngày 04 tháng 5", "04/02/2026"), so
 * that a digit cannot be added later. All in Asia/Ho_Chi_Minh.
 */
function parts(instant: Date): {
  day: string;
  month: string;
  year: string;
  hh: string;
  mm: string;
} {
  const { date, ms } = toLocal(instant);
  const month = Number(date.slice(5, 7));
  const minutesOfDay = Math.floor(ms / 60_000);
  return {
    day: date.slice(8, 10),
    month: month <= 2 ? date.slice(5, 7) : String(month),
    year: date.slice(0, 4),
    hh: String(Math.floor(minutesOfDay / 60)).padStart(2, '0'),
    mm: String(minutesOfDay % 60).padStart(2, '0'),
  };
}

/** "04/5/2026" */
export function vnDate(instant: Date): string {
  const p = parts(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "15 giờ 00 phút, ngày 04/5/2026" */
export function vnDateTime(instant: Date): string {
  const p = parts(instant);
  return `${p.hh} giờ ${p.mm} phút, ngày ${p.day}/${p.month}/${p.year}`;
}

/** "ngày 04 tháng 5 năm 2026" */
export function vnDateWords(instant: Date): string {
  const p = parts(instant);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** The place-and-date line under the national motto: "Buôn Ma Thuột, ngày 04 tháng 5 năm 2026". */
export function vnPlaceDate(place: string, instant: Date): string {
  return `${place}, ${vnDateWords(instant)}`;
}

export type TimeLimitUnit = 'working_days' | 'working_hours' | 'calendar_days';

/** "1 ngày làm việc", "8 giờ làm việc", "15 ngày". */
export function vnTimeLimit(amount: number, unit: TimeLimitUnit): string {
  switch (unit) {
    case 'working_days':
      return `${amount} ngày làm việc`;
    case 'working_hours':
      return `${amount} giờ làm việc`;
    case 'calendar_days':
      return `${amount} ngày`;
  }
}

/** Uppercase with Vietnamese letters intact ("Phường Buôn Ma Thuột" → "PHƯỜNG BUÔN MA THUỘT"). */
export function vnUpper(text: string): string {
  return text.toLocaleUpperCase('vi-VN');
}
