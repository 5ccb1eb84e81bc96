// Dates are read and shown in Vietnam time whatever the device's zone (DOMAIN.md §4).
const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-05-04": the calendar day of an instant in Vietnam. */
export function vnDay(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  return dayParts.format(date);
}

const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "08/10/2026 14:05" in Vietnam time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(timeParts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "04/05/2026" from "2026-05-04". */
export function dayToText(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

function addDays(isoDay: string, n: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/**
 * Working days from tomorrow to the due day, both counted (the due day is worked in full):
 * due tomorrow = 1, due today = 0. `offDays` lists every day off in the range, weekends included
 * (`/api/calendar/working-days`), so a make-up Saturday counts as it should.
 */
export function workingDaysLeft(today: string, dueDay: string, offDays: ReadonlySet<string>) {
  let count = 0;
  for (let day = addDays(today, 1); day <= dueDay; day = addDays(day, 1)) {
    if (!offDays.has(day)) count += 1;
  }
  return count;
}

const sizeUnits = ['B', 'KB', 'MB'] as const;
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1).replace('.', ',')} ${sizeUnits[unit]}`;
}

/** An answer of the e-form as one line of text (objects and lists flattened, booleans in words). */
export function answerText(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.map((v) => answerText(v, yes, no)).join('; ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${answerText(v, yes, no)}`)
      .join(', ');
  }
  return String(value);
}
