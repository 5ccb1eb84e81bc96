import type { CalendarDayKind } from '@cqs/shared';
import { lunarToSolar, type SolarDate } from './calendar.lunar';
import { addDays, type IsoDate, isoDate, weekday } from './calendar.time';

/** One special day of the calendar, as stored in `calendar_days`. */
export interface CalendarEntry {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
  applies_to: 'all_employees' | 'civil_servants_public_employees';
  source: string;
  note: string | null;
}

const LABOUR_CODE = 'Bộ luật Lao động 2019 (Luật số 45/2019/QH14), Điều 111 khoản 3 và Điều 112';
const COMPUTED_SOURCE = `${LABOUR_CODE}; ngày âm lịch tính theo thuật toán Hồ Ngọc Đức (UTC+7); đề xuất tự động, chờ xác nhận`;
const CAN_CHI_STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CAN_CHI_BRANCHES = [
  'Tý',
  'Sửu',
  'Dần',
  'Mão',
  'Thìn',
  'Tỵ',
  'Ngọ',
  'Mùi',
  'Thân',
  'Dậu',
  'Tuất',
  'Hợi',
];

/** Name of a lunar year in the sexagenary cycle, e.g. 2026 → "Bính Ngọ". */
export function lunarYearName(year: number): string {
  return `${CAN_CHI_STEMS[(year + 6) % 10]} ${CAN_CHI_BRANCHES[(year + 8) % 12]}`;
}

function solar(d: SolarDate): IsoDate {
  return isoDate(d.year, d.month, d.day);
}

/** First day of the lunar year that starts in the given solar year (mùng 1 Tết). */
export function lunarNewYear(year: number): IsoDate {
  return solar(lunarToSolar({ day: 1, month: 1, year, leap: false })!);
}

/** Giỗ Tổ Hùng Vương, 10/3 of the (non-leap) third lunar month. */
export function hungKingsDay(year: number): IsoDate {
  return solar(lunarToSolar({ day: 10, month: 3, year, leap: false })!);
}

function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/**
 * The second National Day holiday ("2/9 and one adjacent day before or after, fixed each year by
 * the Prime Minister", Labour Code 2019 Art. 112(1)(đ)). Proposal: the adjacent day that joins
 * the break to a weekend, as the decisions of 2021–2026 did (Mon → 3/9, Thu → 3/9, otherwise 1/9;
 * a Sunday 2/9 takes Monday 3/9). An administrator checks it when confirming the year.
 */
function nationalDayAdjacent(year: number): IsoDate {
  const w = weekday(isoDate(year, 9, 2));
  return w === 1 || w === 4 || w === 0 ? isoDate(year, 9, 3) : isoDate(year, 9, 1);
}

/**
 * Default special days of a year for which no official data exists: the statutory holidays of
 * Labour Code 2019 Art. 112 with Art. 111(3) compensation, and the proposed Vietnamese Culture Day
 * (a working day until it is law). No swaps or make-up Saturdays: those exist only by decision.
 */
export function computeYearDefaults(year: number): CalendarEntry[] {
  const statutory: { date: IsoDate; name: string; note: string | null }[] = [];
  // Art. 112(1)(a): 1/1.
  statutory.push({ date: isoDate(year, 1, 1), name: 'Tết Dương lịch', note: null });
  // Art. 112(1)(b): Tết, 5 days — by custom the last day of the lunar year and mùng 1–4.
  const tet = lunarNewYear(year);
  const tetName = `Tết Nguyên đán (${lunarYearName(year)})`;
  for (let i = -1; i <= 3; i += 1) {
    statutory.push({
      date: addDays(tet, i),
      name: tetName,
      note: `mùng 1 = ${tet}; ngày cuối năm âm lịch và mùng 1–4 (Thủ tướng quyết định cụ thể hằng năm)`,
    });
  }
  // Art. 112(1)(c), (d): 30/4, 1/5.
  statutory.push({ date: isoDate(year, 4, 30), name: 'Ngày Chiến thắng 30/4', note: null });
  statutory.push({ date: isoDate(year, 5, 1), name: 'Ngày Quốc tế Lao động 1/5', note: null });
  // Art. 112(1)(đ): 2/9 and one adjacent day.
  statutory.push({ date: isoDate(year, 9, 2), name: 'Quốc khánh 2/9', note: null });
  statutory.push({
    date: nationalDayAdjacent(year),
    name: 'Quốc khánh (ngày liền kề)',
    note: 'ngày liền kề do Thủ tướng quyết định hằng năm; đề xuất tự động',
  });
  // Art. 112(1)(e): Giỗ Tổ Hùng Vương, 10/3 lunar.
  statutory.push({
    date: hungKingsDay(year),
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    note: null,
  });
  statutory.sort((a, b) => a.date.localeCompare(b.date));

  const entries: CalendarEntry[] = statutory.map((s) => ({
    date: s.date,
    kind: 'statutory',
    name: s.name,
    applies_to: 'all_employees',
    source: COMPUTED_SOURCE,
    note: s.note,
  }));
  const taken = new Set(entries.map((e) => e.date));
  // Art. 111(3): a holiday on a weekly rest day (Saturday, Sunday for civil servants) is made up on
  // the next working day, after any holidays that follow it.
  for (const s of statutory) {
    if (!isWeekend(s.date)) continue;
    let day = addDays(s.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    entries.push({
      date: day,
      kind: 'compensatory',
      name: `${s.name.replace(/ \(.*\)$/, '')} – nghỉ bù`,
      applies_to: 'all_employees',
      source: COMPUTED_SOURCE,
      note: `Điều 111 khoản 3: bù cho ${s.date} trùng ngày nghỉ hằng tuần`,
    });
  }
  // Politburo Resolution 80-NQ/TW chose 24/11 as a day off, but the Labour Code is not amended
  // yet (vn_public_holiday_rules.json, pending_changes): listed, and a working day until it is law.
  entries.push({
    date: isoDate(year, 11, 24),
    kind: 'proposed_holiday',
    name: 'Ngày Văn hóa Việt Nam (24/11)',
    applies_to: 'all_employees',
    source: 'Nghị quyết 80-NQ/TW; Nghị quyết 30/NQ-CP (chờ sửa Bộ luật Lao động)',
    note: 'đề xuất, chưa thành luật: vẫn là ngày làm việc',
  });
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}
