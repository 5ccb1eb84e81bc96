import type { TeamActivityKind, TeamMemberRole, TeamStatus } from '@cqs/shared';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/client';
import '../dossiers/dossiers.tables';
import './teams.tables';
import type { TeamMembersTable, TeamsTable } from './teams.tables';

export interface UnitInfo {
  code: string;
  kind: string;
  name: string;
  fullName: string;
  parentCode: string | null;
}

export interface TeamListRow {
  id: string;
  commune_code: string;
  commune_name: string;
  village: string;
  name: string;
  status: TeamStatus;
  is_demo: boolean;
  member_count: number;
  created_at: Date;
  updated_at: Date;
}

export interface MemberListRow {
  id: string;
  team_id: string;
  team_name: string;
  team_status: TeamStatus;
  commune_code: string;
  full_name: string;
  role: TeamMemberRole;
  phone: string | null;
  village: string | null;
  user_id: string | null;
  status: TeamStatus;
  is_demo: boolean;
}

export interface ActivityListRow {
  id: string;
  member_id: string;
  member_name: string;
  team_id: string;
  team_name: string;
  commune_code: string;
  activity_date: string;
  kind: TeamActivityKind;
  attendees: number | null;
  resident_consent: boolean;
  resident_ref: string | null;
  notes: string | null;
  dossier_id: string | null;
  source: 'manual' | 'import' | 'demo' | 'assisted';
  created_at: Date;
}

export interface NewActivity {
  id: string;
  member_id: string;
  team_id: string;
  commune_code: string;
  activity_date: string;
  kind: TeamActivityKind;
  attendees: number | null;
  resident_consent: boolean;
  resident_ref: string | null;
  notes: string | null;
  dossier_id: string | null;
  source: 'manual' | 'import' | 'demo' | 'assisted';
  import_id: string | null;
  is_demo: boolean;
  created_by: string | null;
  created_at: Date;
}

export interface Page {
  page: number;
  pageSize: number;
}

/** The only SQL of the teams module. Built over the root handle or over a transaction. */
export class TeamsRepository {
  constructor(private readonly db: Db) {}

  async unit(code: string): Promise<UnitInfo | undefined> {
    const row = await this.db
      .selectFrom('units')
      .select(['code', 'kind', 'name', 'full_name', 'parent_code'])
      .where('code', '=', code)
      .executeTakeFirst();
    return (
      row && {
        code: row.code,
        kind: row.kind,
        name: row.name,
        fullName: row.full_name,
        parentCode: row.parent_code,
      }
    );
  }

  /** The communes a unit stands for: itself if a commune, its communes if the province. */
  async communesUnder(unitCode: string): Promise<{ code: string; name: string }[]> {
    return this.db
      .selectFrom('units')
      .select(['code', 'full_name as name'])
      .where('kind', '=', 'commune')
      .where((eb) => eb.or([eb('code', '=', unitCode), eb('parent_code', '=', unitCode)]))
      .orderBy('code')
      .execute();
  }

  async listTeams(
    filter: { communeCodes: string[]; village?: string; status?: TeamStatus; q?: string },
    page: Page,
  ): Promise<{ rows: TeamListRow[]; total: number }> {
    if (filter.communeCodes.length === 0) return { rows: [], total: 0 };
    let query = this.teamsBase().where('t.commune_code', 'in', filter.communeCodes);
    if (filter.village) query = query.where('t.village', '=', filter.village);
    if (filter.status) query = query.where('t.status', '=', filter.status);
    if (filter.q) query = query.where('t.name', 'ilike', `%${escapeLike(filter.q)}%`);
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy('t.commune_code')
      .orderBy('t.village')
      .orderBy('t.name')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return { rows, total: Number(total.n) };
  }

  async findTeam(id: string): Promise<TeamListRow | undefined> {
    return this.teamsBase().where('t.id', '=', id).executeTakeFirst();
  }

  async findTeamByName(communeCode: string, name: string): Promise<{ id: string } | undefined> {
    return this.db
      .selectFrom('teams')
      .select('id')
      .where('commune_code', '=', communeCode)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  private teamsBase() {
    return this.db
      .selectFrom('teams as t')
      .innerJoin('units as u', 'u.code', 't.commune_code')
      .select((eb) => [
        't.id',
        't.commune_code',
        'u.full_name as commune_name',
        't.village',
        't.name',
        't.status',
        't.is_demo',
        't.created_at',
        't.updated_at',
        eb
          .selectFrom('team_members as m')
          .select((e) => e.fn.countAll<number>().as('c'))
          .whereRef('m.team_id', '=', 't.id')
          .where('m.status', '=', 'active')
          .$asScalar()
          .as('member_count'),
      ])
      .$narrowType<{ member_count: number }>();
  }

  async insertTeam(row: Insertable<TeamsTable>): Promise<void> {
    await this.db.insertInto('teams').values(row).execute();
  }

  async updateTeam(
    id: string,
    changes: Partial<Pick<TeamsTable, 'village' | 'name'>> & { status?: TeamStatus },
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('teams')
      .set({ ...changes, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async listMembers(
    filter: {
      communeCodes: string[];
      teamId?: string;
      role?: TeamMemberRole;
      status?: TeamStatus;
      q?: string;
      userId?: string;
    },
    page: Page,
  ): Promise<{ rows: MemberListRow[]; total: number }> {
    if (filter.communeCodes.length === 0) return { rows: [], total: 0 };
    let query = this.membersBase().where('t.commune_code', 'in', filter.communeCodes);
    if (filter.teamId) query = query.where('m.team_id', '=', filter.teamId);
    if (filter.role) query = query.where('m.role', '=', filter.role);
    if (filter.status) query = query.where('m.status', '=', filter.status);
    if (filter.userId) query = query.where('m.user_id', '=', filter.userId);
    if (filter.q) query = query.where('m.full_name', 'ilike', `%${escapeLike(filter.q)}%`);
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy('t.commune_code')
      .orderBy('t.name')
      .orderBy('m.full_name')
      .orderBy('m.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return { rows, total: Number(total.n) };
  }

  async membersOfTeam(teamId: string): Promise<MemberListRow[]> {
    return this.membersBase().where('m.team_id', '=', teamId).orderBy('m.full_name').execute();
  }

  async findMember(id: string): Promise<MemberListRow | undefined> {
    return this.membersBase().where('m.id', '=', id).executeTakeFirst();
  }

  /** Memberships linked to an account (a member may serve in more than one team). */
  async membersOfUser(userId: string): Promise<MemberListRow[]> {
    return this.membersBase().where('m.user_id', '=', userId).orderBy('t.name').execute();
  }

  /** Existing member of a team matched on name and phone (the import's natural key). */
  async findMemberByKey(
    teamId: string,
    fullName: string,
    phone: string | null,
  ): Promise<MemberListRow | undefined> {
    let query = this.membersBase()
      .where('m.team_id', '=', teamId)
      .where('m.full_name', '=', fullName);
    if (phone) query = query.where('m.phone', '=', phone);
    return query.orderBy('m.created_at').executeTakeFirst();
  }

  private membersBase() {
    return this.db
      .selectFrom('team_members as m')
      .innerJoin('teams as t', 't.id', 'm.team_id')
      .select([
        'm.id',
        'm.team_id',
        't.name as team_name',
        't.status as team_status',
        't.commune_code',
        'm.full_name',
        'm.role',
        'm.phone',
        'm.village',
        'm.user_id',
        'm.status',
        'm.is_demo',
      ]);
  }

  async insertMember(row: Insertable<TeamMembersTable>): Promise<void> {
    await this.db.insertInto('team_members').values(row).execute();
  }

  async updateMember(
    id: string,
    changes: Partial<
      Pick<TeamMembersTable, 'full_name' | 'role' | 'phone' | 'village' | 'user_id'>
    > & { status?: TeamStatus },
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('team_members')
      .set({ ...changes, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Whether the user is an officer with a given role granted at one of these units. */
  async hasGrant(userId: string, role: string, unitCodes: string[]): Promise<boolean> {
    const row = await this.db
      .selectFrom('grants')
      .select('user_id')
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .where('unit_code', 'in', unitCodes)
      .executeTakeFirst();
    return row !== undefined;
  }

  async dossierUnit(dossierId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('dossiers')
      .select('receiving_unit_code')
      .where('id', '=', dossierId)
      .executeTakeFirst();
    return row?.receiving_unit_code;
  }

  async insertActivities(rows: NewActivity[]): Promise<void> {
    // Batches keep each statement well under PostgreSQL's 65,535 bind parameters.
    for (let i = 0; i < rows.length; i += 1000) {
      await this.db
        .insertInto('team_activities')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  }

  async findActivity(id: string): Promise<ActivityListRow | undefined> {
    return this.activitiesBase().where('a.id', '=', id).executeTakeFirst();
  }

  async listActivities(
    filter: {
      communeCodes: string[];
      teamId?: string;
      memberIds?: string[];
      kind?: TeamActivityKind;
      from?: string;
      to?: string;
    },
    page: Page,
  ): Promise<{ rows: ActivityListRow[]; total: number }> {
    if (filter.communeCodes.length === 0 || filter.memberIds?.length === 0)
      return { rows: [], total: 0 };
    let query = this.activitiesBase().where('a.commune_code', 'in', filter.communeCodes);
    if (filter.teamId) query = query.where('a.team_id', '=', filter.teamId);
    if (filter.memberIds) query = query.where('a.member_id', 'in', filter.memberIds);
    if (filter.kind) query = query.where('a.kind', '=', filter.kind);
    if (filter.from) query = query.where('a.activity_date', '>=', filter.from);
    if (filter.to) query = query.where('a.activity_date', '<=', filter.to);
    const total = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy('a.activity_date', 'desc')
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return { rows, total: Number(total.n) };
  }

  private activitiesBase() {
    return this.db
      .selectFrom('team_activities as a')
      .innerJoin('team_members as m', 'm.id', 'a.member_id')
      .innerJoin('teams as t', 't.id', 'a.team_id')
      .select([
        'a.id',
        'a.member_id',
        'm.full_name as member_name',
        'a.team_id',
        't.name as team_name',
        'a.commune_code',
        'a.activity_date',
        'a.kind',
        'a.attendees',
        'a.resident_consent',
        'a.resident_ref',
        'a.notes',
        'a.dossier_id',
        'a.source',
        'a.created_at',
      ]);
  }

  async demoTeamCount(communeCode: string): Promise<number> {
    const row = await this.db
      .selectFrom('teams')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('commune_code', '=', communeCode)
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
