import type { TeamActivityKind } from '@cqs/shared';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/client';
import '../dossiers/dossiers.tables';
import './teams.tables';

/** The SQL of the teams' indicators: counts grouped by village (in a commune) or by commune. */
export class TeamIndicatorsRepository {
  constructor(private readonly db: Db) {}

  /** Active teams and active members per group ('village' within a commune, or 'commune'). */
  async registryCounts(
    communeCodes: string[],
    by: 'village' | 'commune',
  ): Promise<{ key: string; teams: number; members: number; demo: number }[]> {
    if (communeCodes.length === 0) return [];
    const key = by === 'village' ? sql<string>`t.village` : sql<string>`t.commune_code`;
    const rows = await this.db
      .selectFrom('teams as t')
      .leftJoin('team_members as m', (join) =>
        join.onRef('m.team_id', '=', 't.id').on('m.status', '=', 'active'),
      )
      .where('t.commune_code', 'in', communeCodes)
      .where('t.status', '=', 'active')
      .select([
        key.as('key'),
        sql<number>`count(distinct t.id)`.as('teams'),
        sql<number>`count(m.id)`.as('members'),
        sql<number>`count(distinct t.id) filter (where t.is_demo)`.as('demo'),
      ])
      .groupBy(key)
      .execute();
    return rows.map((r) => ({
      key: r.key,
      teams: Number(r.teams),
      members: Number(r.members),
      demo: Number(r.demo),
    }));
  }

  /** Activities per group and kind, with training attendees, in an optional date range. */
  async activityCounts(
    communeCodes: string[],
    by: 'village' | 'commune',
    range: { from?: string; to?: string },
  ): Promise<{ key: string; kind: TeamActivityKind; n: number; attendees: number }[]> {
    if (communeCodes.length === 0) return [];
    const key = by === 'village' ? sql<string>`t.village` : sql<string>`a.commune_code`;
    return this.db
      .selectFrom('team_activities as a')
      .innerJoin('teams as t', 't.id', 'a.team_id')
      .where('a.commune_code', 'in', communeCodes)
      .where(inRange(range))
      .select((eb) => [
        key.as('key'),
        'a.kind',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.fn.coalesce('a.attendees', sql<number>`0`)).as('attendees'),
      ])
      .groupBy([key, 'a.kind'])
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          key: r.key,
          kind: r.kind,
          n: Number(r.n),
          attendees: Number(r.attendees ?? 0),
        })),
      );
  }

  /**
   * Distinct assisted dossiers per group with their current national status code. A dossier
   * assisted twice (two activities) counts once, under the group of its first activity.
   */
  async assistedDossiers(
    communeCodes: string[],
    by: 'village' | 'commune',
    range: { from?: string; to?: string },
  ): Promise<{ key: string; status_code: number }[]> {
    if (communeCodes.length === 0) return [];
    const key = by === 'village' ? sql<string>`t.village` : sql<string>`a.commune_code`;
    const rows = await this.db
      .selectFrom('team_activities as a')
      .innerJoin('teams as t', 't.id', 'a.team_id')
      .innerJoin('dossiers as d', 'd.id', 'a.dossier_id')
      .where('a.commune_code', 'in', communeCodes)
      .where('a.kind', '=', 'assisted_submission')
      .where(inRange(range))
      .select([key.as('key'), 'd.id', 'd.status_code', 'a.activity_date', 'a.id as activity_id'])
      .orderBy('a.activity_date')
      .orderBy('a.id')
      .execute();
    const seen = new Set<string>();
    const out: { key: string; status_code: number }[] = [];
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ key: r.key, status_code: r.status_code });
    }
    return out;
  }
}

function inRange(range: { from?: string; to?: string }): Expression<SqlBool> {
  const from = range.from ? sql`a.activity_date >= ${range.from}` : sql`true`;
  const to = range.to ? sql`a.activity_date <= ${range.to}` : sql`true`;
  return sql<SqlBool>`(${from} and ${to})`;
}
