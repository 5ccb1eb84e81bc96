import { readFileSync } from 'node:fs';
import { CalendarDayKind } from '@cqs/shared';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { CalendarEntry } from './calendar.defaults';
import { CalendarRepository } from './calendar.repository';

const HolidayRow = z.object({
  date: z.iso.date(),
  year: z.number().int(),
  holiday: z.string().min(1),
  kind: CalendarDayKind,
  applies_to: z.enum(['all_employees', 'civil_servants_public_employees']),
  status: z.enum(['official', 'computed_statutory_default', 'pending_law_change']),
  source: z.string().min(1),
  note: z.string().nullable(),
});
type HolidayRow = z.infer<typeof HolidayRow>;

export interface HolidayYear {
  year: number;
  /** Official when every entry is official or a proposal; computed defaults await confirmation. */
  official: boolean;
  entries: CalendarEntry[];
}

/**
 * The holiday data (apps/api/seed-data/holidays, PROVENANCE.md): official decisions for
 * 2024–2026, computed statutory defaults for 2027. Validated so a changed file fails loudly.
 */
export function loadHolidayYears(): HolidayYear[] {
  const url = new URL('../../../seed-data/holidays/vn_holidays_2024_2027.json', import.meta.url);
  const rows = z.array(HolidayRow).parse(JSON.parse(readFileSync(url, 'utf8')));
  const byYear = new Map<number, HolidayRow[]>();
  for (const row of rows) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => ({
      year,
      official: list.every((r) => r.status !== 'computed_statutory_default'),
      entries: list.map((r) => ({
        date: r.date,
        kind: r.kind,
        name: r.holiday,
        applies_to: r.applies_to,
        source: r.source,
        note: r.note,
      })),
    }));
}

/**
 * Imports the holiday data. A year already stored is left alone (an administrator may have
 * confirmed it) unless it is still unconfirmed and the file now has the official decision for
 * it, which then replaces the computed days.
 */
export async function seedCalendar(db: Db): Promise<{ years: number; replaced: number }> {
  const repository = new CalendarRepository(db);
  const years = loadHolidayYears();
  let replaced = 0;
  await db.transaction().execute(async (trx) => {
    // One seeder at a time across processes starting together on PostgreSQL.
    await sql`select pg_advisory_xact_lock(727277)`.execute(trx);
    for (const y of years) {
      const existing = await repository.lockYear(trx, y.year);
      const row = {
        year: y.year,
        origin: y.official ? ('official_data' as const) : ('computed' as const),
        // The published decisions are the confirmation for official years.
        confirmed: y.official,
        confirmed_by: null,
        confirmed_at: null,
      };
      if (!existing) {
        await repository.insertYear(trx, row);
        await repository.replaceDays(trx, y.year, y.entries);
      } else if (!existing.confirmed && y.official) {
        await repository.updateYear(trx, row);
        await repository.replaceDays(trx, y.year, y.entries);
        replaced += 1;
      }
    }
  });
  return { years: years.length, replaced };
}
