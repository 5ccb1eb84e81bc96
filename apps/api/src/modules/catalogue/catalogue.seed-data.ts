import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CatalogueRecord, type ProcedureLocalSettings } from '@cqs/shared';
import { z } from 'zod';

const FILES = ['tthc_commune_level.json.gz', 'tthc_province_level.json.gz'] as const;

const CatalogueFile = z.object({ procedures: z.array(CatalogueRecord) });

let cached: CatalogueRecord[] | null = null;

/**
 * The real catalogue (apps/api/seed-data/procedures, PROVENANCE.md section 2): 573 commune-level
 * and 1,013 province-level procedures of the National Public Service Portal, validated against
 * the shared record schema so that a changed source file fails loudly instead of half-loading.
 */
export function loadCatalogueRecords(): CatalogueRecord[] {
  if (cached) return cached;
  const records: CatalogueRecord[] = [];
  for (const file of FILES) {
    const url = new URL(`../../../seed-data/procedures/${file}`, import.meta.url);
    const parsed = CatalogueFile.parse(JSON.parse(gunzipSync(readFileSync(url)).toString('utf8')));
    records.push(...parsed.procedures);
  }
  cached = records;
  return records;
}

/**
 * Local settings of a procedure before the province has decided anything:
 * - offered online when the portal lists an online channel (the source never says whether it is
 *   toàn trình or một phần, so the level stays unset: DOMAIN.md §2);
 * - received at the commune centre when the procedure is a commune-level one handled by the
 *   commune (levels include "xa" and not a deconcentrated central agency), else at the province.
 */
export function defaultLocalSettings(record: CatalogueRecord): ProcedureLocalSettings {
  return {
    offeredOnline: record.online_submission_available,
    onlineLevel: null,
    receivingLevel: record.levels.includes('xa') && !record.central_branch ? 'commune' : 'province',
    responsibleUnitCode: null,
    feeOverrides: {},
    localNotes: null,
  };
}
