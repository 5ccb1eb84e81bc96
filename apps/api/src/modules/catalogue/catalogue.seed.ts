import { createHash } from 'node:crypto';
import { type CatalogueRecord, foldVietnamese } from '@cqs/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import { defaultLocalSettings, loadCatalogueRecords } from './catalogue.seed-data';
import './catalogue.tables';

/**
 * Version 1 of the seeded catalogue is in force from the start of the two-tier local government
 * (1 July 2025), the period the crawled records describe; a later date would leave dossiers and
 * tests dated before the seed run without a version in force.
 */
export const INITIAL_EFFECTIVE_FROM = '2025-07-01T00:00:00+07:00';

const BATCH = 100;

function hashRecord(record: CatalogueRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

/**
 * Loads the real catalogue (all 1,586 procedures) as version 1. Idempotent: unchanged records are
 * skipped after one query; a record whose source text changed becomes a new version that keeps
 * the province's local settings of the newest version, because published versions are never
 * edited (a dossier refers to the version in force when it was received).
 */
export async function seedCatalogue(
  db: Db,
  options: { records?: readonly CatalogueRecord[] } = {},
): Promise<{ inserted: number; revised: number; unchanged: number }> {
  const records = options.records ?? loadCatalogueRecords();
  return db.transaction().execute(async (trx) => {
    // One seeder at a time across processes starting together on PostgreSQL.
    await sql`select pg_advisory_xact_lock(727276)`.execute(trx);
    const existing = new Map(
      (
        await trx
          .selectFrom('procedures')
          .select(['code', 'source_hash', 'current_version'])
          .execute()
      ).map((r) => [r.code, r]),
    );
    const fresh: CatalogueRecord[] = [];
    const changed: CatalogueRecord[] = [];
    for (const record of records) {
      const row = existing.get(record.code);
      if (!row) fresh.push(record);
      else if (row.source_hash !== hashRecord(record)) changed.push(record);
    }

    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      await trx
        .insertInto('procedures')
        .values(
          batch.map((r) => ({
            code: r.code,
            name: r.name,
            field: r.field,
            levels: sql<string[]>`${sql.val(r.levels)}::text[]`,
            central_branch: r.central_branch,
            current_version: 1,
            search_name: foldVietnamese(r.name),
            source_hash: hashRecord(r),
          })),
        )
        .execute();
      await trx
        .insertInto('procedure_versions')
        .values(
          batch.map((r) => {
            const local = defaultLocalSettings(r);
            return {
              procedure_code: r.code,
              version: 1,
              record: JSON.stringify(r),
              offered_online: local.offeredOnline,
              online_level: local.onlineLevel,
              receiving_level: local.receivingLevel,
              responsible_unit_code: local.responsibleUnitCode,
              fee_overrides: JSON.stringify(local.feeOverrides),
              local_notes: local.localNotes,
              published_at: sql<Date>`now()`,
              published_by: null,
              effective_from: INITIAL_EFFECTIVE_FROM,
            };
          }),
        )
        .execute();
    }

    for (const record of changed) {
      const current = existing.get(record.code)!.current_version;
      const next = current + 1;
      // Copy the local settings of the newest version; only the catalogue text changes.
      await sql`
        insert into procedure_versions (procedure_code, version, record, offered_online,
          online_level, receiving_level, responsible_unit_code, fee_overrides, local_notes,
          published_at, published_by, effective_from)
        select procedure_code, ${next}, ${JSON.stringify(record)}::jsonb, offered_online,
          online_level, receiving_level, responsible_unit_code, fee_overrides, local_notes,
          now(), null, greatest(now(), effective_from)
        from procedure_versions where procedure_code = ${record.code} and version = ${current}
      `.execute(trx);
      await trx
        .updateTable('procedures')
        .set({
          name: record.name,
          field: record.field,
          levels: sql<string[]>`${sql.val(record.levels)}::text[]`,
          central_branch: record.central_branch,
          current_version: next,
          search_name: foldVietnamese(record.name),
          source_hash: hashRecord(record),
        })
        .where('code', '=', record.code)
        .execute();
    }
    return {
      inserted: fresh.length,
      revised: changed.length,
      unchanged: records.length - fresh.length - changed.length,
    };
  });
}
