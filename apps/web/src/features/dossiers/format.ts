import type { Language } from '../../i18n';

// Dossier times are shown in Vietnam time whatever the device's zone (DOMAIN.md §4: all times in
// Asia/Ho_Chi_Minh), in the dd/mm/yyyy hh:mm form printed on the receipt slip.
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function pick(iso: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const map = Object.fromEntries(parts.formatToParts(date).map((p) => [p.type, p.value]));
  return map as Record<'day' | 'month' | 'year' | 'hour' | 'minute', string>;
}

/** "08/10/2026 14:05" in Vietnam time. */
export function formatDateTime(iso: string): string {
  const p = pick(iso);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : iso;
}

/** "08/10/2026" in Vietnam time. */
export function formatDate(iso: string): string {
  const p = pick(iso);
  return p ? `${p.day}/${p.month}/${p.year}` : iso;
}

// English names of the portal's status codes (DOMAIN.md §3; same as dossierStatusLabels in
// @cqs/shared). Not imported from there: that module also holds the submit flow's zod schemas, and
// importing it makes this chunk pull the ~26 KB (gzip) schemas chunk onto the tracking page.
const statusEn: Record<number, string> = {
  1: 'Newly registered',
  2: 'Accepted',
  3: 'Not accepted',
  4: 'Processing',
  5: 'Supplement requested',
  6: 'Financial obligation requested',
  7: 'Withdrawal requested',
  8: 'Stopped',
  9: 'Processed',
  10: 'Result returned',
};

/** The status in the reader's language: the API's own label is the Vietnamese one. */
export function statusText(statusCode: number, apiLabel: string, lang: Language): string {
  return lang === 'en' ? (statusEn[statusCode] ?? apiLabel) : apiLabel;
}

export type StatusTone = 'action' | 'progress' | 'done' | 'stopped';

/** Colour family of a status; the label always says the same thing in words. */
export function statusTone(statusCode: number): StatusTone {
  if (statusCode === 5 || statusCode === 6) return 'action';
  if (statusCode === 9 || statusCode === 10) return 'done';
  if (statusCode === 3 || statusCode === 7 || statusCode === 8) return 'stopped';
  return 'progress';
}

/**
 * What a resident types as a dossier code: the official code (H15.50.05.13-261008-0975) or the
 * temporary reference (TN-261008-ABC234). Spaces and case do not matter; the API normalises too.
 */
export function normaliseCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

// Lenient on purpose: unit identifiers are set by administrators, so only the alphabet is checked.
export const dossierCodeAlphabet = /^[0-9A-Z.-]+$/;
