import type { Db } from '../../db/client';
import type { CalendarEntry } from './calendar.defaults';
import './calendar.tables';
import type { CalendarYearRow } from './calendar.tables';

export class CalendarRepository {
  constructor(private readonly db: Db) {}

  async listYears(): Promise<CalendarYearRow[]> {
    return this.db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  }

  /** Every stored special day: a few dozen a year, so all of them fit in memory. */
  async listDays(): Promise<CalendarEntry[]> {
    return this.db
      .selectFrom('calendar_days')
      .select(['date', 'kind', 'name', 'applies_to', 'source', 'note'])
      .orderBy('date')
      .execute();
  }

  async lockYear(trx: Db, year: number): Promise<CalendarYearRow | undefined> {
    return trx
      .selectFrom('calendar_years')
      .selectAll()
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
  }

  /** Inserts a year row; false when another writer stored the year first. */
  async insertYear(trx: Db, row: CalendarYearRow): Promise<boolean> {
    const inserted = await trx
      .insertInto('calendar_years')
      .values(row)
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async replaceDays(trx: Db, year: number, entries: readonly CalendarEntry[]): Promise<void> {
    await trx
      .deleteFrom('calendar_days')
      .where('date', '>=', `${year}-01-01`)
      .where('date', '<=', `${year}-12-31`)
      .execute();
    if (entries.length)
      await trx
        .insertInto('calendar_days')
        .values([...entries])
        .execute();
  }

  async markConfirmed(trx: Db, year: number, by: string | null, at: Date): Promise<void> {
    await trx
      .updateTable('calendar_years')
      .set({ confirmed: true, confirmed_by: by, confirmed_at: at })
      .where('year', '=', year)
      .execute();
  }

  async updateYear(trx: Db, row: CalendarYearRow): Promise<void> {
    const { year, ...rest } = row;
    await trx.updateTable('calendar_years').set(rest).where('year', '=', year).execute();
  }
}
