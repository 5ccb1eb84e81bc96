import { defaultLocalSettings, loadCatalogueRecords } from '../catalogue/catalogue.seed-data';
import type { KnowledgeProcedure } from './assistant.knowledge';

/**
 * The shipped catalogue with the default local settings, as version 1 in force since 2025: what
 * a freshly seeded database holds. The evaluation uses it so it needs no database.
 */
export function seedKnowledge(): KnowledgeProcedure[] {
  return loadCatalogueRecords().map((record) => ({
    code: record.code,
    name: record.name,
    field: record.field,
    record,
    versions: [
      { ...defaultLocalSettings(record), version: 1, effectiveFrom: new Date('2025-01-01') },
    ],
  }));
}
