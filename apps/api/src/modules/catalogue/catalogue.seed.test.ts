import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../test/test-db';
import { seedCatalogue } from './catalogue.seed';
import { defaultLocalSettings, loadCatalogueRecords } from './catalogue.seed-data';
import './catalogue.tables';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('seedCatalogue', () => {
  it('applies the defaults from the record', () => {
    const records = new Map(loadCatalogueRecords().map((r) => [r.code, r]));
    expect(defaultLocalSettings(records.get('1.001193')!)).toMatchObject({
      offeredOnline: true,
      onlineLevel: null,
      receivingLevel: 'commune',
    });
    // Commune-level by the portal's tag, but a customs office: received elsewhere.
    const customs = records.get('1.000005')!;
    expect(customs.levels).toContain('xa');
    expect(defaultLocalSettings(customs).receivingLevel).toBe('province');
    expect(defaultLocalSettings(records.get('3.000333')!).receivingLevel).toBe('province');
  });

  it('is idempotent, and turns a changed source record into a new version with the same settings', async () => {
    expect(await seedCatalogue(database.db)).toEqual({ inserted: 0, revised: 0, unchanged: 1586 });

    const original = loadCatalogueRecords().find((r) => r.code === '1.004222')!;
    const changed = { ...original, requirements_text: 'Điều kiện mới theo Nghị định sửa đổi.' };
    expect(await seedCatalogue(database.db, { records: [changed] })).toEqual({
      inserted: 0,
      revised: 1,
      unchanged: 0,
    });
    expect(await seedCatalogue(database.db, { records: [changed] })).toEqual({
      inserted: 0,
      revised: 0,
      unchanged: 1,
    });
    const rows = await database.db
      .selectFrom('procedure_versions')
      .select([
        'version',
        'receiving_level',
        'offered_online',
        sql<string | null>`record->>'requirements_text'`.as('requirements'),
      ])
      .where('procedure_code', '=', '1.004222')
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      {
        version: 1,
        receiving_level: 'commune',
        offered_online: true,
        requirements: original.requirements_text,
      },
      {
        version: 2,
        receiving_level: 'commune',
        offered_online: true,
        requirements: changed.requirements_text,
      },
    ]);
  });
});
