import type { DatabaseHandle } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AccessPolicy } from '../access/policy';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { formatVn } from './calendar.time';

/** A local (UTC+7) instant written as 'YYYY-MM-DD HH:MM[:SS]'. */
export function at(local: string): Date {
  const [date, time = '00:00'] = local.split(' ');
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+07:00`);
}

export function vn(instant: Date): string {
  return formatVn(instant);
}

/** The calendar service over a test database (seeded with the real holiday data). */
export function calendarOver(database: DatabaseHandle, clock: Clock): CalendarService {
  return new CalendarService({
    db: database.db,
    repository: new CalendarRepository(database.db),
    clock,
    policy: new AccessPolicy({ lineage: async () => [] }),
  });
}
