import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/client';
import type { IsoDate } from '../calendar/calendar.time';
import './dashboard.ops.tables';
import type { DashboardAlertSettingsTable } from './dashboard.ops.tables';

export type DueKind = 'dossier' | 'feedback' | 'task';

/** One of the (≤ 5) most urgent records of a (unit, level) group, with the group's count. */
export interface DueRow {
  unit_code: string;
  level: 'due_soon' | 'overdue';
  count: number;
  id: string;
  ref: string;
  title: string;
  /** Dossiers and feedback: the deadline instant; tasks: null (see due_day). */
  due_at: Date | null;
  /** Tasks: the deadline date (it runs out when office hours close that day). */
  due_day: string | null;
}

export interface DueWindow {
  units: string[];
  now: Date;
  /** Due at or before this instant (and not yet overdue) = due soon. */
  dueSoonUntil: Date;
  /** Tasks: deadlines on or before this date have run out (tasks.status.ts lastClosedDate). */
  lastClosed: IsoDate;
  /** Tasks: deadlines on or before this date are due soon. */
  dueSoonDay: IsoDate;
}

/** Dossier statuses whose legal time limit is running (2 accepted, 4 processing, 6, 7). */
const RUNNING_STATUSES = [2, 4, 6, 7];
const OPEN_FEEDBACK = ['submitted', 'triage', 'assigned', 'in_progress'];

/** SQL of the alerts: due-soon and overdue records per unit, and the threshold settings. */
export class AlertsRepository {
  constructor(private readonly db: Db) {}

  async due(kind: DueKind, w: DueWindow): Promise<DueRow[]> {
    if (w.units.length === 0) return [];
    const inScope = (column: string | RawBuilder<unknown>) =>
      sql`${typeof column === 'string' ? sql.ref(column) : column} in (${sql.join(
        w.units.map((u) => sql`${u}`),
      )})`;
    const inner = {
      // A dossier counts for the unit holding it when that unit is in scope, else for the
      // receiving unit (whose service index it counts in). Paused dossiers (supplement
      // requested) have no running deadline.
      dossier: sql`
        select case when ${inScope('d.handling_unit_code')} then d.handling_unit_code
                    else d.receiving_unit_code end as unit_code,
               case when d.due_at < ${w.now} then 'overdue' else 'due_soon' end as level,
               d.id::text as id, coalesce(d.code, d.reference) as ref, p.name as title,
               d.due_at, null::text as due_day
        from dossiers d join procedures p on p.code = d.procedure_code
        where (${inScope('d.handling_unit_code')} or ${inScope('d.receiving_unit_code')})
          and d.status_code in (${sql.join(RUNNING_STATUSES)})
          and d.paused_at is null and d.finished_at is null
          and d.due_at <= ${w.dueSoonUntil}`,
      // Reports waiting for information (info_requested) are paused, like the inbox shows them.
      feedback: sql`
        select coalesce(r.assigned_unit_code, r.commune_code) as unit_code,
               case when r.due_at < ${w.now} then 'overdue' else 'due_soon' end as level,
               r.id::text as id, r.reference as ref,
               c.name_vi || ': ' || left(r.description, 80) as title,
               r.due_at, null::text as due_day
        from feedback_reports r join feedback_categories c on c.code = r.category_code
        where ${inScope(sql`coalesce(r.assigned_unit_code, r.commune_code)`)}
          and r.state in (${sql.join(OPEN_FEEDBACK)})
          and r.due_at <= ${w.dueSoonUntil}`,
      task: sql`
        select a.unit_code,
               case when a.deadline <= ${w.lastClosed}::date then 'overdue' else 'due_soon' end as level,
               t.id::text as id, t.reference as ref, t.title,
               null::timestamptz as due_at, a.deadline::text as due_day
        from task_assignments a join tasks t on t.id = a.task_id
        where ${inScope('a.unit_code')} and a.state = 'open' and t.state = 'active'
          and a.deadline <= ${w.dueSoonDay}::date`,
    }[kind];
    const { rows } = await sql<DueRow & { count: string | number }>`
      select unit_code, level, n as count, id, ref, title, due_at, due_day from (
        select x.*,
               row_number() over (partition by unit_code, level order by due_at, due_day, ref) as rn,
               count(*) over (partition by unit_code, level) as n
        from (${inner}) x
      ) y
      where rn <= 5
      order by unit_code, level, rn`.execute(this.db);
    return rows.map((r) => ({
      ...r,
      count: Number(r.count),
      due_at: r.due_at ? new Date(r.due_at) : null,
    }));
  }

  listSettings() {
    return this.db
      .selectFrom('dashboard_alert_settings as s')
      .leftJoin('users as u', 'u.id', 's.updated_by')
      .select([
        's.indicator',
        's.threshold',
        's.enabled',
        's.period_days',
        's.min_count',
        's.updated_at',
        'u.full_name as updated_by_name',
      ])
      .execute();
  }

  async upsertSetting(
    trx: Db,
    row: Omit<DashboardAlertSettingsTable, 'updated_at'> & { updated_at: Date },
  ): Promise<void> {
    await trx
      .insertInto('dashboard_alert_settings')
      .values(row)
      .onConflict((oc) =>
        oc.column('indicator').doUpdateSet({
          threshold: row.threshold,
          enabled: row.enabled,
          period_days: row.period_days,
          min_count: row.min_count,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }),
      )
      .execute();
  }
}
