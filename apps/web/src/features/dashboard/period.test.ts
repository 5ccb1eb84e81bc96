import { describe, expect, it } from 'vitest';
import {
  customRangeProblem,
  isIsoDay,
  periodFromParams,
  periodParams,
  periodSearch,
  presetRange,
} from './period';

const params = (text: string) => new URLSearchParams(text);

describe('dashboard periods', () => {
  it('runs each preset from the first day of the month, quarter or year to today', () => {
    expect(presetRange('month', '2026-05-14')).toEqual({ from: '2026-05-01', to: '2026-05-14' });
    expect(presetRange('quarter', '2026-05-14')).toEqual({ from: '2026-04-01', to: '2026-05-14' });
    expect(presetRange('quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetRange('quarter', '2026-12-01')).toEqual({ from: '2026-10-01', to: '2026-12-01' });
    expect(presetRange('year', '2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-05-14' });
    // The first day of a period is a period of one day.
    expect(presetRange('month', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-07-01' });
  });

  it('reads real calendar days only', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('26-01-01')).toBe(false);
    expect(isIsoDay('')).toBe(false);
  });

  it('checks a custom range as the API does (order, at most five years)', () => {
    expect(customRangeProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(customRangeProblem('2026-02-01', '2026-01-31')).toBe('order');
    expect(customRangeProblem('2021-01-01', '2026-01-05')).toBeNull();
    expect(customRangeProblem('2020-01-01', '2026-01-01')).toBe('too_long');
    expect(customRangeProblem('2026-01-01', '')).toBe('format');
  });

  it('reads the period from the address, falling back to this month', () => {
    const today = '2026-05-14';
    expect(periodFromParams(params(''), today)).toEqual({
      preset: 'month',
      from: '2026-05-01',
      to: today,
    });
    expect(periodFromParams(params('period=year'), today)).toEqual({
      preset: 'year',
      from: '2026-01-01',
      to: today,
    });
    expect(periodFromParams(params('period=custom&from=2025-10-01&to=2025-12-31'), today)).toEqual({
      preset: 'custom',
      from: '2025-10-01',
      to: '2025-12-31',
    });
    // A reversed or half-typed custom range is not sent to the API.
    expect(
      periodFromParams(params('period=custom&from=2025-12-31&to=2025-10-01'), today).preset,
    ).toBe('month');
    expect(periodFromParams(params('period=weekly'), today).preset).toBe('month');
  });

  it('writes the period back into an address that reads the same', () => {
    const today = '2026-05-14';
    for (const text of [
      '',
      'period=quarter',
      'period=year',
      'period=custom&from=2025-01-01&to=2025-06-30',
    ]) {
      const period = periodFromParams(params(text), today);
      expect(periodFromParams(new URLSearchParams(periodParams(period)), today)).toEqual(period);
    }
    expect(periodSearch(periodFromParams(params(''), today))).toBe('');
    expect(
      periodSearch(periodFromParams(params('period=year'), today), { procedure: '1.001' }),
    ).toBe('?period=year&procedure=1.001');
  });
});
