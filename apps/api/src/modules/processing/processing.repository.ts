import type { Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { DossiersTable } from '../dossiers/dossiers.tables';
import '../dossiers/dossiers.tables';
import '../catalogue/catalogue.tables';
import '../files/files.tables';

export type DossierRow = Selectable<DossiersTable>;
export type DossierPatch = Updateable<DossiersTable>;

export interface NewDossierEvent {
  dossierId: string;
  type: string;
  statusCode: number;
  at: Date;
  actorId: string | null;
  actorKind: string;
  unitCode: string | null;
  public: boolean;
  note: string | null;
  data: Record<string, unknown>;
}

/** Filters of a work queue, already resolved to instants by the service. */
export interface WorkFilter {
  unitCode: string;
  assigneeId: string | null;
  statusCode: number | undefined;
  band: 'all' | 'overdue' | 'due_soon' | 'within' | 'paused';
  now: Date;
  dueSoonBefore: Date;
  search: { text: string; digits: string | null } | null;
}

/** Statuses that still need work from the unit holding the dossier (9 waits for the desk). */
const OPEN_STATUSES = [2, 4, 5, 6, 7, 9];

/** The only SQL of one-stop processing. Construct with the root handle or a transaction. */
export class ProcessingRepository {
  constructor(private readonly db: Db) {}

  findDossier(id: string): Promise<DossierRow | undefined> {
    return this.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Writes the patch when nobody changed the dossier since `expectedRowVersion` was read; null
   * means the row moved on and nothing was written (optimistic concurrency).
   */
  async updateIfUnchanged(
    id: string,
    expectedRowVersion: number,
    patch: DossierPatch,
  ): Promise<DossierRow | null> {
    const row = await this.db
      .updateTable('dossiers')
      .set({ ...patch, row_version: sql<number>`row_version + 1` })
      .where('id', '=', id)
      .where('row_version', '=', expectedRowVersion)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async insertEvent(e: NewDossierEvent): Promise<number> {
    const row = await this.db
      .insertInto('dossier_events')
      .values({
        dossier_id: e.dossierId,
        type: e.type,
        status_code: e.statusCode,
        at: e.at,
        actor_id: e.actorId,
        actor_kind: e.actorKind,
        unit_code: e.unitCode,
        public: e.public,
        note: e.note,
        data: JSON.stringify(e.data),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  events(dossierId: string) {
    return this.db
      .selectFrom('dossier_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .leftJoin('units as un', 'un.code', 'e.unit_code')
      .select([
        'e.id',
        'e.type',
        'e.status_code',
        'e.at',
        'e.actor_kind',
        'e.public',
        'e.note',
        'e.data',
        'u.full_name as actor_name',
        'un.full_name as unit_name',
      ])
      .where('e.dossier_id', '=', dossierId)
      .orderBy('e.id', 'asc')
      .execute();
  }

  /** The newest event of one of `types`, for the request a resident must answer. */
  latestEvent(dossierId: string, types: string[]) {
    return this.db
      .selectFrom('dossier_events')
      .select(['id', 'type', 'at', 'note', 'data'])
      .where('dossier_id', '=', dossierId)
      .where('type', 'in', types)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  findUnit(code: string) {
    return this.db
      .selectFrom('units')
      .select(['code', 'full_name', 'identifier', 'parent_code'])
      .where('code', '=', code)
      .executeTakeFirst();
  }

  findUserName(id: string) {
    return this.db
      .selectFrom('users')
      .select(['id', 'full_name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Officers holding a role directly in the unit, with their roles there. */
  async officersOfUnit(unitCode: string) {
    const rows = await this.db
      .selectFrom('grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select(['u.id', 'u.full_name', 'g.role'])
      .where('g.unit_code', '=', unitCode)
      .where('u.kind', '=', 'officer')
      .where('u.disabled', '=', false)
      .orderBy('u.full_name')
      .execute();
    const byId = new Map<string, { id: string; name: string; roles: string[] }>();
    for (const r of rows) {
      const entry = byId.get(r.id) ?? { id: r.id, name: r.full_name ?? '', roles: [] };
      entry.roles.push(r.role);
      byId.set(r.id, entry);
    }
    return [...byId.values()];
  }

  procedureName(code: string, version: number) {
    return this.db
      .selectFrom('procedure_versions')
      .select(sql<string>`record->>'name'`.as('name'))
      .where('procedure_code', '=', code)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  /** Live files of the dossier, and the result documents drafted for it, oldest first. */
  dossierFiles(dossierId: string) {
    return this.db
      .selectFrom('files')
      .select(['id', 'original_name', 'media_type', 'size_bytes', 'purpose', 'created_at'])
      .where('bundle_id', 'in', [`dossier:${dossierId}`, `result:${dossierId}`])
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  private workQuery(f: WorkFilter) {
    let q = this.db
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
      .leftJoin('users as a', 'a.id', 'd.assigned_officer_id')
      .where('d.handling_unit_code', '=', f.unitCode)
      .where('d.status_code', 'in', f.statusCode ? [f.statusCode] : OPEN_STATUSES);
    if (f.assigneeId) q = q.where('d.assigned_officer_id', '=', f.assigneeId);
    if (f.search) {
      const { text, digits } = f.search;
      const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('d.code', 'ilike', like),
          eb('d.reference', 'ilike', like),
          eb('d.applicant_name', 'ilike', like),
          ...(digits ? [eb('d.applicant_citizen_id', '=', digits)] : []),
        ]),
      );
    }
    return q;
  }

  private bandWhere(f: WorkFilter) {
    return this.workQuery(f).where((eb) => {
      switch (f.band) {
        case 'paused':
          return eb('d.paused_at', 'is not', null);
        case 'overdue':
          return eb.and([eb('d.paused_at', 'is', null), eb('d.due_at', '<', f.now)]);
        case 'due_soon':
          return eb.and([
            eb('d.paused_at', 'is', null),
            eb('d.due_at', '>=', f.now),
            eb('d.due_at', '<', f.dueSoonBefore),
          ]);
        case 'within':
          return eb.and([
            eb('d.paused_at', 'is', null),
            eb.or([eb('d.due_at', 'is', null), eb('d.due_at', '>=', f.dueSoonBefore)]),
          ]);
        default:
          return eb.val(true);
      }
    });
  }

  /** One page of the queue: most urgent first (earliest due date, undated last). */
  listWork(f: WorkFilter, limit: number, offset: number) {
    return this.bandWhere(f)
      .select([
        'd.id',
        'd.code',
        'd.reference',
        'd.procedure_code',
        'p.name as procedure_name',
        'd.applicant_name',
        'd.applicant_citizen_id',
        'd.status_code',
        'd.state',
        'd.step',
        'd.step_due_at',
        'd.due_at',
        'd.paused_at',
        'd.assigned_officer_id',
        'a.full_name as assignee_name',
        'd.handling_unit_code',
        'd.row_version',
      ])
      .orderBy(sql`d.due_at asc nulls last`)
      .orderBy('d.submitted_at', 'asc')
      .orderBy('d.id', 'asc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async countWork(f: WorkFilter): Promise<number> {
    const row = await this.bandWhere(f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Counts per band over the same unit, assignee, status and search (the chips' numbers). */
  async bandCounts(f: WorkFilter) {
    const row = await this.workQuery(f)
      .select([
        sql<string>`count(*) filter (where d.paused_at is null and d.due_at < ${f.now})`.as(
          'overdue',
        ),
        sql<string>`count(*) filter (where d.paused_at is null and d.due_at >= ${f.now} and d.due_at < ${f.dueSoonBefore})`.as(
          'due_soon',
        ),
        sql<string>`count(*) filter (where d.paused_at is null and (d.due_at is null or d.due_at >= ${f.dueSoonBefore}))`.as(
          'within',
        ),
        sql<string>`count(*) filter (where d.paused_at is not null)`.as('paused'),
      ])
      .executeTakeFirstOrThrow();
    return {
      overdue: Number(row.overdue),
      dueSoon: Number(row.due_soon),
      within: Number(row.within),
      paused: Number(row.paused),
    };
  }
}
