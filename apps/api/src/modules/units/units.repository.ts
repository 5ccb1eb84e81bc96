import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { UnitRow } from '../../db/types';

export type UnitRecord = Omit<UnitRow, 'boundary'>;

export class UnitsRepository {
  constructor(private readonly db: Db) {}

  /** All active units without their boundaries (small: the province, ~100 communes, ~15 bodies). */
  async listAll(): Promise<UnitRecord[]> {
    return this.db
      .selectFrom('units')
      .select([
        'code',
        'kind',
        'name',
        'full_name',
        'type',
        'parent_code',
        'name_en',
        'alt_spellings',
        'area_km2',
        'population',
        'label_lon',
        'label_lat',
        'admin_centre',
        'legal_basis',
        'former_units',
        'identifier',
        'source',
        'search_text',
        'active',
      ])
      .where('active', '=', true)
      .orderBy('code')
      .execute();
  }

  async communeBoundaries(): Promise<{ code: string; boundary: unknown }[]> {
    const rows = await this.db
      .selectFrom('units')
      .select(['code', 'boundary'])
      .where('kind', '=', 'commune')
      .where('boundary', 'is not', null)
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ code: r.code, boundary: r.boundary }));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('units')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }
}
