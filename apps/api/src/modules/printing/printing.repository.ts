import type { CatalogueRecord } from '@cqs/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { PrintEvent } from './control-sheet';
import '../catalogue/catalogue.tables';
import '../dossiers/dossiers.tables';
import '../files/files.tables';

/** Chunk size for `in (…)` lists, well under PostgreSQL's parameter limit. */
const CHUNK = 1000;

function toPrintEvent(row: {
  id: number;
  type: string;
  at: Date | string;
  actor_id: string | null;
  unit_code: string | null;
  note: string | null;
  data: unknown;
}): PrintEvent & { dossierId?: string } {
  return {
    id: Number(row.id),
    type: row.type,
    at: new Date(row.at),
    actorId: row.actor_id,
    unitCode: row.unit_code,
    note: row.note,
    data: (row.data as Record<string, unknown> | null) ?? {},
  };
}

/** The only SQL of the printing module: it reads, never writes. */
export class PrintingRepository {
  constructor(private readonly db: Db) {}

  async findDossier(id: string) {
    return this.db
      .selectFrom('dossiers')
      .select([
        'id',
        'code',
        'reference',
        'procedure_code',
        'procedure_version',
        'applicant_user_id',
        'applicant_name',
        'applicant_phone',
        'applicant_email',
        'receiving_unit_code',
        'handling_unit_code',
        'channel',
        'status_code',
        'accepted_at',
        'due_at',
        'apology_due_at',
        'time_limit_amount',
        'time_limit_unit',
        'return_channel',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async events(dossierId: string): Promise<PrintEvent[]> {
    const rows = await this.db
      .selectFrom('dossier_events')
      .select(['id', 'type', 'at', 'actor_id', 'unit_code', 'note', 'data'])
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
    return rows.map(toPrintEvent);
  }

  /** Events of the given types for many dossiers, grouped by dossier and in order. */
  async eventsOf(dossierIds: string[], types: string[]): Promise<Map<string, PrintEvent[]>> {
    const out = new Map<string, PrintEvent[]>();
    for (let i = 0; i < dossierIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('dossier_events')
        .select(['id', 'dossier_id', 'type', 'at', 'actor_id', 'unit_code', 'note', 'data'])
        .where('dossier_id', 'in', dossierIds.slice(i, i + CHUNK))
        .where('type', 'in', types)
        .orderBy('id')
        .execute();
      for (const row of rows) {
        const list = out.get(row.dossier_id) ?? [];
        list.push(toPrintEvent(row));
        out.set(row.dossier_id, list);
      }
    }
    return out;
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'full_name'])
      .where('id', 'in', unique)
      .execute();
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }

  async userAddress(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('users')
      .select(['address'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.address ?? null;
  }

  /** The name of the version in force for the dossier, else the procedure's current name. */
  async procedure(code: string, version: number) {
    const row = await this.db
      .selectFrom('procedures as p')
      .leftJoin('procedure_versions as v', (join) =>
        join.onRef('v.procedure_code', '=', 'p.code').on('v.version', '=', version),
      )
      .select(['p.name', 'v.record'])
      .where('p.code', '=', code)
      .executeTakeFirst();
    const record = (row?.record as CatalogueRecord | null | undefined) ?? null;
    return { name: record?.name ?? row?.name ?? code, record };
  }

  /** Document ids (file purposes) of the files attached to the dossier, one entry per file. */
  async filePurposes(dossierId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('files')
      .select(['purpose'])
      .where('bundle_id', '=', `dossier:${dossierId}`)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.purpose);
  }

  /** Form 06: dossiers the unit accepted in [from, to), oldest first, with what the logbook shows. */
  async logbook(unitCode: string, from: Date, to: Date) {
    // accepted_at is the projection; dossiers accepted before it was filled fall back to the
    // time of their `accepted` event.
    const acceptedAt = sql<Date>`coalesce(d.accepted_at, (select min(e.at) from dossier_events e
      where e.dossier_id = d.id and e.type = 'accepted'))`;
    return this.db
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
      .leftJoin('users as u', 'u.id', 'd.applicant_user_id')
      .select([
        'd.id',
        'd.code',
        'd.procedure_code',
        'p.name as procedure_name',
        'd.applicant_name',
        'd.applicant_phone',
        'u.address as applicant_address',
        'd.handling_unit_code',
        'd.status_code',
        acceptedAt.as('accepted_at'),
        'd.due_at',
        'd.apology_due_at',
        'd.finished_at',
        'd.returned_at',
        'd.supplement_requests',
        'd.outcome',
      ])
      .where('d.receiving_unit_code', '=', unitCode)
      .where('d.code', 'is not', null)
      .where(acceptedAt, '>=', from)
      .where(acceptedAt, '<', to)
      .orderBy(acceptedAt)
      .orderBy('d.code')
      .execute();
  }
}
