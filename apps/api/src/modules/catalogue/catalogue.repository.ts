import type { CatalogueRecord, FeeOverrides, ProcedureLocalSettings } from '@cqs/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import './catalogue.tables';
import type { ProcedureVersionRow } from './catalogue.tables';

/** What the search index needs of one procedure: small text fields, not the whole record. */
export interface IndexSourceRow {
  code: string;
  name: string;
  field: string;
  levels: string[];
  central_branch: boolean;
  documents: CatalogueRecord['documents'];
  results: CatalogueRecord['results'];
}

export interface VersionSettingsRow {
  procedure_code: string;
  version: number;
  effective_from: Date;
  offered_online: boolean;
  receiving_level: 'commune' | 'province';
}

export interface NewVersion extends ProcedureLocalSettings {
  code: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  effectiveFrom: Date;
}

export class CatalogueRepository {
  constructor(private readonly db: Db) {}

  /** Searchable parts of each procedure's newest record (the record text is shared by versions). */
  async listIndexSources(): Promise<IndexSourceRow[]> {
    const rows = await this.db
      .selectFrom('procedures as p')
      .innerJoin('procedure_versions as v', (j) =>
        j.onRef('v.procedure_code', '=', 'p.code').onRef('v.version', '=', 'p.current_version'),
      )
      .select([
        'p.code',
        'p.name',
        'p.field',
        'p.levels',
        'p.central_branch',
        sql<CatalogueRecord['documents']>`v.record -> 'documents'`.as('documents'),
        sql<CatalogueRecord['results']>`v.record -> 'results'`.as('results'),
      ])
      .orderBy('p.code')
      .execute();
    return rows;
  }

  /** The settings that decide listing and ranking, for every version (a few thousand rows). */
  async listVersionSettings(code?: string): Promise<VersionSettingsRow[]> {
    let query = this.db
      .selectFrom('procedure_versions')
      .select(['procedure_code', 'version', 'effective_from', 'offered_online', 'receiving_level'])
      .orderBy('procedure_code')
      .orderBy('version');
    if (code) query = query.where('procedure_code', '=', code);
    return query.execute();
  }

  /** The version in force at `at`: the newest whose effective date has come. */
  async findVersionInForce(
    code: string,
    at: Date,
  ): Promise<(ProcedureVersionRow & { latest_version: number }) | undefined> {
    return this.db
      .selectFrom('procedure_versions as v')
      .innerJoin('procedures as p', 'p.code', 'v.procedure_code')
      .selectAll('v')
      .select('p.current_version as latest_version')
      .where('v.procedure_code', '=', code)
      .where('v.effective_from', '<=', at)
      .orderBy('v.version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async listVersions(code: string): Promise<Omit<ProcedureVersionRow, 'record'>[]> {
    return this.db
      .selectFrom('procedure_versions')
      .select([
        'procedure_code',
        'version',
        'offered_online',
        'online_level',
        'receiving_level',
        'responsible_unit_code',
        'fee_overrides',
        'local_notes',
        'published_at',
        'published_by',
        'effective_from',
      ])
      .where('procedure_code', '=', code)
      .orderBy('version')
      .execute();
  }

  /** Locks the procedure row (concurrent publishers queue here) and returns its newest version. */
  async lockLatest(
    trx: Db,
    code: string,
  ): Promise<{ version: number; effective_from: Date } | undefined> {
    const p = await trx
      .selectFrom('procedures')
      .select('current_version')
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!p) return undefined;
    const v = await trx
      .selectFrom('procedure_versions')
      .select(['version', 'effective_from'])
      .where('procedure_code', '=', code)
      .where('version', '=', p.current_version)
      .executeTakeFirstOrThrow();
    return v;
  }

  /** Inserts version N+1 with the record of version N copied verbatim, and moves the pointer. */
  async insertVersion(trx: Db, v: NewVersion): Promise<void> {
    const fees: FeeOverrides = v.feeOverrides;
    await sql`
      insert into procedure_versions (procedure_code, version, record, offered_online,
        online_level, receiving_level, responsible_unit_code, fee_overrides, local_notes,
        published_at, published_by, effective_from)
      select procedure_code, ${v.version}, record, ${v.offeredOnline}, ${v.onlineLevel},
        ${v.receivingLevel}, ${v.responsibleUnitCode}, ${JSON.stringify(fees)}::jsonb,
        ${v.localNotes}, ${v.publishedAt}, ${v.publishedBy}, ${v.effectiveFrom}
      from procedure_versions where procedure_code = ${v.code} and version = ${v.version - 1}
    `.execute(trx);
    await trx
      .updateTable('procedures')
      .set({ current_version: v.version })
      .where('code', '=', v.code)
      .execute();
  }

  /** The commune a signed-in resident gave, to point them at their own service centre. */
  async findResidentCommune(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('users')
      .select('commune_code')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.commune_code ?? null;
  }

  async countByCentralBranch(): Promise<{
    total: number;
    central: number;
    communeCentral: number;
  }> {
    const row = await this.db
      .selectFrom('procedures')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where central_branch)::int`.as('central'),
        sql<number>`count(*) filter (where central_branch and 'xa' = any(levels))::int`.as(
          'communeCentral',
        ),
      ])
      .executeTakeFirstOrThrow();
    return row;
  }
}
