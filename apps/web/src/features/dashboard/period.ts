/**
 * Reporting periods of the dashboard (pure, tested): presets are "to date" — from the first day of
 * this month, quarter or year in Vietnam to today — and a custom range is checked the way the API
 * checks it (from ≤ to, at most five years), so the page can say what is wrong before asking.
 */

export const periodPresets = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface Period {
  preset: PeriodPreset;
  from: string;
  to: string;
}

/** The API's limit (DASHBOARD_PERIOD_INVALID beyond it). */
export const MAX_PERIOD_DAYS = 5 * 366;

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDay(value: string): boolean {
  const m = isoDay.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** First day of this month, quarter or year (of `today`) to `today`. */
export function presetRange(
  preset: Exclude<PeriodPreset, 'custom'>,
  today: string,
): { from: string; to: string } {
  const [year = '', month = ''] = today.split('-');
  const m = Number(month);
  const first = preset === 'year' ? 1 : preset === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: today };
}

export type CustomRangeProblem = 'format' | 'order' | 'too_long';

/** Why a custom range cannot be asked for, or null when it can. */
export function customRangeProblem(from: string, to: string): CustomRangeProblem | null {
  if (!isIsoDay(from) || !isIsoDay(to)) return 'format';
  const span = dayNumber(to) - dayNumber(from);
  if (span < 0) return 'order';
  if (span > MAX_PERIOD_DAYS) return 'too_long';
  return null;
}

/**
 * The period a page shows, from its address (`?period=quarter`, or `?period=custom&from=&to=`).
 * Anything missing or invalid falls back to this month, so an old or edited link still works.
 */
export function periodFromParams(params: URLSearchParams, today: string): Period {
  const preset = params.get('period');
  if (preset === 'custom') {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (customRangeProblem(from, to) === null) return { preset, from, to };
  } else if (preset === 'quarter' || preset === 'year') {
    return { preset, ...presetRange(preset, today) };
  }
  return { preset: 'month', ...presetRange('month', today) };
}

/** The address parameters of a period (the inverse of `periodFromParams`). */
export function periodParams(period: Period): Record<string, string> {
  if (period.preset === 'custom') return { period: 'custom', from: period.from, to: period.to };
  return period.preset === 'month' ? {} : { period: period.preset };
}

/** `?period=…` (with a leading "?", or "" for the default) to carry a period across pages. */
export function periodSearch(period: Period, extra: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams(periodParams(period));
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
