import type { CalendarService } from '../calendar/calendar.service';
import type { FeedbackReportRow } from './feedback.tables';

/**
 * "Due soon" = due by the end of the next working day (calendar service), not "< 24 hours":
 * on a Friday morning a report due Monday 17:00 is due soon, since nobody works in between.
 * Returns the last instant that still counts as due soon (inclusive).
 */
export async function dueSoonUntil(calendar: CalendarService, now: Date): Promise<Date> {
  return (await calendar.due(now, 1, 'working_days')).due;
}

/** Deadline band for the inbox: paused, overdue, due soon (see dueSoonUntil), on time, or done. */
export function band(row: FeedbackReportRow, now: Date, dueSoonBy: Date): string {
  if (['resolved', 'rejected', 'closed'].includes(row.state)) return 'done';
  if (row.state === 'info_requested') return 'paused';
  if (!row.due_at) return 'on_time';
  const due = row.due_at.getTime();
  if (due < now.getTime()) return 'overdue';
  if (due <= dueSoonBy.getTime()) return 'due_soon';
  return 'on_time';
}
