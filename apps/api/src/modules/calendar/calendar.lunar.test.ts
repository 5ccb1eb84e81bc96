import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeYearDefaults,
  hungKingsDay,
  lunarNewYear,
  lunarYearName,
} from './calendar.defaults';
import { lunarToSolar, solarToLunar } from './calendar.lunar';
import { loadHolidayYears } from './calendar.seed';

const rules = JSON.parse(
  readFileSync(
    new URL('../../../seed-data/holidays/vn_public_holiday_rules.json', import.meta.url),
    'utf8',
  ),
) as {
  lunar_reference_dates: {
    lunar_new_year_day_1: Record<string, string>;
    hung_kings_10_3_lunar: Record<string, string>;
  };
};

describe('Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  const tet = Object.entries(rules.lunar_reference_dates.lunar_new_year_day_1);
  const hung = Object.entries(rules.lunar_reference_dates.hung_kings_10_3_lunar);

  it('checks every reference date of the rules file (not an empty list)', () => {
    expect(tet.length).toBeGreaterThanOrEqual(4);
    expect(hung.length).toBeGreaterThanOrEqual(4);
  });

  it.each(tet)('mùng 1 Tết %s = %s (reference)', (year, date) => {
    expect(lunarNewYear(Number(year))).toBe(date);
  });

  it.each(hung)('Giỗ Tổ 10/3 lunar %s = %s (reference)', (year, date) => {
    expect(hungKingsDay(Number(year))).toBe(date);
  });

  it('Tết 2028 = 26/1/2028 (Mậu Thân)', () => {
    expect(lunarNewYear(2028)).toBe('2028-01-26');
    expect(lunarYearName(2028)).toBe('Mậu Thân');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
  });

  it('Tết 2030 follows UTC+7: 2/2/2030 in Vietnam (3/2 in China at UTC+8)', () => {
    expect(lunarNewYear(2030)).toBe('2030-02-02');
  });

  it('solar → lunar → solar round-trips, including the leap 2nd month of 2023', () => {
    expect(solarToLunar({ day: 17, month: 2, year: 2026 })).toEqual({
      day: 1,
      month: 1,
      year: 2026,
      leap: false,
    });
    expect(solarToLunar({ day: 22, month: 3, year: 2023 })).toEqual({
      day: 1,
      month: 2,
      year: 2023,
      leap: true,
    });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toEqual({
      day: 22,
      month: 3,
      year: 2023,
    });
    // A leap month the year does not have.
    expect(lunarToSolar({ day: 1, month: 5, year: 2026, leap: true })).toBeNull();
  });

  it('the last day of lunar year Giáp Thìn is 28/1/2025 (29 Chạp)', () => {
    expect(solarToLunar({ day: 28, month: 1, year: 2025 })).toMatchObject({
      day: 29,
      month: 12,
      year: 2024,
    });
  });
});

describe('computed defaults of a year without data (Labour Code 2019 Art. 111(3), 112)', () => {
  it('reproduces the holidays and compensatory days of the 2027 data (except the PM-chosen 2/9 neighbour)', () => {
    const data = loadHolidayYears().find((y) => y.year === 2027)!;
    const key = (e: { date: string; kind: string }) => `${e.date} ${e.kind}`;
    const fromData = data.entries.map(key).sort();
    const computed = computeYearDefaults(2027)
      .filter((e) => e.name !== 'Quốc khánh (ngày liền kề)')
      .map(key)
      .sort();
    expect(computed).toEqual(fromData);
  });

  it('Art. 111(3): Tết 2028 Saturday 29/1 is made up on Monday 31/1; 1/1/2028 Saturday on Mon 3/1', () => {
    const days = computeYearDefaults(2028);
    const compensatory = days.filter((d) => d.kind === 'compensatory').map((d) => d.date);
    expect(compensatory).toContain('2028-01-31');
    expect(compensatory).toContain('2028-01-03');
  });

  it('the National Day neighbour joins a weekend: Wed 2/9/2026 → 1/9 (as decided), Thu 2/9/2027 → 3/9', () => {
    expect(computeYearDefaults(2026).some((d) => d.date === '2026-09-01')).toBe(true);
    expect(computeYearDefaults(2027).some((d) => d.date === '2027-09-03')).toBe(true);
  });

  it('24/11 is listed as a proposed holiday, not a statutory one', () => {
    expect(computeYearDefaults(2030).find((d) => d.date === '2030-11-24')?.kind).toBe(
      'proposed_holiday',
    );
  });
});
