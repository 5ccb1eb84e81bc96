import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { band, dueSoonUntil } from './feedback.deadline';
import type { FeedbackReportRow } from './feedback.tables';

let app: TestApp;
let calendar: CalendarService;
beforeAll(async () => {
  app = await createTestApp();
  const db = app.database.db;
  calendar = new CalendarService({
    db,
    repository: new CalendarRepository(db),
    clock: app.clock,
    policy: app.services.policy,
  });
});
afterAll(async () => {
  await app.close();
});

const dueAt = (iso: string) =>
  ({ state: 'in_progress', due_at: new Date(iso) }) as FeedbackReportRow;

describe('due soon = due within one working day (calendar), not < 24 h', () => {
  it('on Friday 10:00 a report due Monday 17:00 is due soon; one due Tuesday 17:00 is not', async () => {
    const friday10 = new Date('2026-05-08T03:00:00Z'); // Fri 8/5/2026 10:00 in Vietnam
    const until = await dueSoonUntil(calendar, friday10);
    expect(band(dueAt('2026-05-11T10:00:00Z'), friday10, until)).toBe('due_soon'); // Mon 17:00
    expect(band(dueAt('2026-05-12T10:00:00Z'), friday10, until)).toBe('on_time'); // Tue 17:00
    expect(band(dueAt('2026-05-08T02:00:00Z'), friday10, until)).toBe('overdue');
  });

  it('on a Tuesday morning the next working day is Wednesday', async () => {
    const tuesday9 = new Date('2026-05-12T02:00:00Z');
    const until = await dueSoonUntil(calendar, tuesday9);
    expect(band(dueAt('2026-05-13T10:00:00Z'), tuesday9, until)).toBe('due_soon');
    expect(band(dueAt('2026-05-14T10:00:00Z'), tuesday9, until)).toBe('on_time');
  });
});
