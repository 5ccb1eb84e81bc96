import type { DashboardChangeKind } from '@cqs/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/client';

/** One committed event and the units it concerns. `id` is the event table's bigserial. */
export interface ChangeRow {
  id: bigint;
  units: string[];
}

interface RawRow {
  id: string;
  units: (string | null)[] | null;
}

/**
 * The change markers the live stream polls: the primary keys of the three append-only event
 * tables. "Anything new?" is an index range scan on each primary key that returns nothing most
 * of the time, so one poller per process every second costs three tiny reads.
 */
export class LiveChangesRepository {
  constructor(private readonly db: Db) {}

  /** The newest event id of each table (0 when empty): where a fresh poller starts. */
  async markers(): Promise<Record<DashboardChangeKind, bigint>> {
    const { rows } = await sql<{ dossiers: string; feedback: string; tasks: string }>`
      select
        (select coalesce(max(id), 0) from dossier_events)::text as dossiers,
        (select coalesce(max(id), 0) from feedback_events)::text as feedback,
        (select coalesce(max(id), 0) from task_events)::text as tasks`.execute(this.db);
    const r = rows[0]!;
    return { dossiers: BigInt(r.dossiers), feedback: BigInt(r.feedback), tasks: BigInt(r.tasks) };
  }

  /**
   * Events after `after`, plus the `gaps` (ids skipped earlier because their transaction had not
   * committed yet), oldest first, with the units each touches.
   */
  async changes(
    kind: DashboardChangeKind,
    after: bigint,
    gaps: bigint[],
    limit: number,
  ): Promise<ChangeRow[]> {
    const where = (column: RawBuilder<unknown>) =>
      gaps.length
        ? sql`(${column} > ${after.toString()}::bigint or ${column} in (${sql.join(
            gaps.map((g) => sql`${g.toString()}::bigint`),
          )}))`
        : sql`${column} > ${after.toString()}::bigint`;
    const query = {
      // The unit that acted, the receiving unit (whose index moves) and the unit holding it.
      dossiers: sql<RawRow>`
        select e.id::text as id,
               array[e.unit_code, d.receiving_unit_code, d.handling_unit_code] as units
        from dossier_events e join dossiers d on d.id = e.dossier_id
        where ${where(sql.ref('e.id'))} order by e.id limit ${limit}`,
      feedback: sql<RawRow>`
        select e.id::text as id,
               array[e.unit_code, r.assigned_unit_code, r.commune_code] as units
        from feedback_events e join feedback_reports r on r.id = e.report_id
        where ${where(sql.ref('e.id'))} order by e.id limit ${limit}`,
      // An assignment's event concerns its unit; a task-level one (created, cancelled) every
      // assignee; both concern the assigning unit.
      tasks: sql<RawRow>`
        select e.id::text as id,
               array[e.unit_code, t.from_unit_code] || coalesce((
                 select array_agg(a.unit_code) from task_assignments a
                 where a.task_id = e.task_id
                   and (e.assignment_id is null or a.id = e.assignment_id)
               ), array[]::text[]) as units
        from task_events e join tasks t on t.id = e.task_id
        where ${where(sql.ref('e.id'))} order by e.id limit ${limit}`,
    }[kind];
    const { rows } = await query.execute(this.db);
    return rows.map((r) => ({
      id: BigInt(r.id),
      units: [...new Set((r.units ?? []).filter((u): u is string => !!u))],
    }));
  }
}
