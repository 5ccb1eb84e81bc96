import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../test/test-db';
import { seedCalendar } from './calendar.seed';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function counts() {
  const { rows } = await sql<{ days: number; years: number }>`
    select (select count(*)::int from calendar_days) as days,
           (select count(*)::int from calendar_years) as years`.execute(database.db);
  return rows[0]!;
}

describe('holiday data import', () => {
  it('imports 2024–2027: 84 entries, 2024–2026 confirmed official data, 2027 computed', async () => {
    expect(await counts()).toEqual({ days: 84, years: 4 });
    const years = await database.db
      .selectFrom('calendar_years')
      .select(['year', 'origin', 'confirmed'])
      .orderBy('year')
      .execute();
    expect(years).toEqual([
      { year: 2024, origin: 'official_data', confirmed: true },
      { year: 2025, origin: 'official_data', confirmed: true },
      { year: 2026, origin: 'official_data', confirmed: true },
      { year: 2027, origin: 'computed', confirmed: false },
    ]);
  });

  it('is idempotent: a second run changes nothing', async () => {
    expect(await seedCalendar(database.db)).toEqual({ years: 4, replaced: 0 });
    expect(await counts()).toEqual({ days: 84, years: 4 });
  });
});
