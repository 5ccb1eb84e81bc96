import type { ValueFormat } from './indicators';

// Numbers and times of the dashboard, in Vietnam time whatever the device's zone.

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "14:05:09" (Vietnam time) of an instant. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : clock.format(date);
}

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'vi-VN');

/** A number as the indicator shows it: "87,5 %", "42,3", "1.204"; "—" for no value. */
export function formatValue(value: number | null | undefined, format: ValueFormat, lang: string) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (format === 'percent') {
    return new Intl.NumberFormat(locale(lang), {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(value);
  }
  return new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: format === 'points' ? 2 : 0,
  }).format(value);
}

/** A plain number with up to `digits` decimals. */
export function formatNumber(value: number, lang: string, digits = 1): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}
