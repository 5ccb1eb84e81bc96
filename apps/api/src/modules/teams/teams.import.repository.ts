import type { TeamStatus } from '@cqs/shared';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/client';
import './teams.tables';
import type { TeamMembersTable, TeamsTable } from './teams.tables';

/** The SQL of bulk imports: the import log, batched inserts and the look-ups for matching rows. */
export class TeamImportRepository {
  constructor(private readonly db: Db) {}

  async committedImportOf(sha256: string): Promise<{ id: string } | undefined> {
    return this.db
      .selectFrom('team_imports')
      .select('id')
      .where('file_sha256', '=', sha256)
      .where('status', '=', 'committed')
      .executeTakeFirst();
  }

  async insertImport(row: {
    id: string;
    unit_code: string;
    actor_id: string | null;
    file_name: string;
    file_sha256: string;
    format: 'csv' | 'xlsx';
    status: 'committed' | 'rejected';
    rows_total: number;
    teams_new: number;
    members_new: number;
    activities_new: number;
    error_count: number;
    created_at: Date;
  }): Promise<void> {
    await this.db.insertInto('team_imports').values(row).execute();
  }

  async insertTeams(rows: Insertable<TeamsTable>[]) {
    for (let i = 0; i < rows.length; i += 1000)
      await this.db
        .insertInto('teams')
        .values(rows.slice(i, i + 1000))
        .execute();
  }

  async insertMembers(rows: Insertable<TeamMembersTable>[]) {
    for (let i = 0; i < rows.length; i += 1000)
      await this.db
        .insertInto('team_members')
        .values(rows.slice(i, i + 1000))
        .execute();
  }

  /** Teams of the given communes, keyed for the import's look-ups. */
  async teamsOf(
    communeCodes: string[],
  ): Promise<{ id: string; commune_code: string; name: string; status: TeamStatus }[]> {
    if (communeCodes.length === 0) return [];
    return this.db
      .selectFrom('teams')
      .select(['id', 'commune_code', 'name', 'status'])
      .where('commune_code', 'in', communeCodes)
      .execute();
  }

  async membersOfTeams(
    teamIds: string[],
  ): Promise<
    { id: string; team_id: string; full_name: string; phone: string | null; status: TeamStatus }[]
  > {
    if (teamIds.length === 0) return [];
    const out = [];
    for (let i = 0; i < teamIds.length; i += 1000) {
      out.push(
        ...(await this.db
          .selectFrom('team_members')
          .select(['id', 'team_id', 'full_name', 'phone', 'status'])
          .where('team_id', 'in', teamIds.slice(i, i + 1000))
          .execute()),
      );
    }
    return out;
  }
}
