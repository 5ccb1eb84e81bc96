import { randomUUID } from 'node:crypto';
import {
  type Action,
  permissions,
  type Team,
  type TeamActivity,
  type TeamActivityCreate,
  type TeamActivityListQuery,
  type TeamCreate,
  type TeamDetail,
  type TeamListQuery,
  type TeamMember,
  type TeamMemberCreate,
  type TeamMemberListQuery,
  type TeamMemberUpdate,
  type TeamUpdate,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { toLocal } from '../calendar/calendar.time';
import { toActivity, toMember, toTeam } from './teams.mappers';
import { type MemberListRow, TeamsRepository } from './teams.repository';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Roles that read every activity of a unit; a member who holds only their own role sees theirs. */
const READ_ALL_ROLES: readonly string[] = permissions['teams.read'].filter(
  (r) => r !== 'community_team_member',
);

/**
 * The teams registry (DOMAIN.md §8): commune officers manage their commune's teams and members,
 * the province sees and manages all, a member with an account logs their own help.
 */
export class TeamsService {
  private readonly repo: TeamsRepository;

  constructor(private readonly deps: { db: Db; clock: Clock; policy: AccessPolicy }) {
    this.repo = new TeamsRepository(deps.db);
  }

  /** The communes `unitCode` stands for, after checking the actor's permission there. */
  async scope(actor: OfficerActor, action: Action, unitCode: string): Promise<string[]> {
    await this.deps.policy.assert(actor, action, unitCode);
    return (await this.repo.communesUnder(unitCode)).map((c) => c.code);
  }

  async listTeams(actor: OfficerActor, q: TeamListQuery): Promise<Paged<Team>> {
    const communeCodes = await this.scope(actor, 'teams.read', q.unitCode);
    const { rows, total } = await this.repo.listTeams(
      { communeCodes, village: q.village, status: q.status, q: q.q },
      q,
    );
    return { items: rows.map(toTeam), total, page: q.page, pageSize: q.pageSize };
  }

  async getTeam(actor: OfficerActor, id: string): Promise<TeamDetail> {
    const team = await this.repo.findTeam(id);
    if (!team || !(await this.deps.policy.can(actor, 'teams.read', team.commune_code)))
      throw new AppError('TEAM_NOT_FOUND');
    const members = await this.repo.membersOfTeam(id);
    return { ...toTeam(team), members: members.map(toMember) };
  }

  async createTeam(actor: OfficerActor, input: TeamCreate, requestId: string): Promise<Team> {
    await this.deps.policy.assert(actor, 'teams.manage', input.communeCode);
    const unit = await this.repo.unit(input.communeCode);
    if (unit?.kind !== 'commune') throw new AppError('TEAM_UNIT_NOT_COMMUNE');
    if (await this.repo.findTeamByName(input.communeCode, input.name))
      throw new AppError('TEAM_NAME_TAKEN');
    const id = randomUUID();
    const now = this.deps.clock.now();
    await this.deps.db.transaction().execute(async (trx) => {
      await new TeamsRepository(trx).insertTeam({
        id,
        commune_code: input.communeCode,
        village: input.village,
        name: input.name,
        status: input.status,
        is_demo: false,
        import_id: null,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, this.deps.clock, {
        actor,
        unitCode: input.communeCode,
        action: 'teams.create',
        objectType: 'team',
        objectId: id,
        requestId,
        details: { name: input.name, village: input.village, status: input.status },
      });
    });
    return toTeam((await this.repo.findTeam(id))!);
  }

  async updateTeam(
    actor: OfficerActor,
    id: string,
    input: TeamUpdate,
    requestId: string,
  ): Promise<Team> {
    const team = await this.manageableTeam(actor, id);
    if (input.name && input.name !== team.name) {
      if (await this.repo.findTeamByName(team.commune_code, input.name))
        throw new AppError('TEAM_NAME_TAKEN');
    }
    await this.deps.db.transaction().execute(async (trx) => {
      await new TeamsRepository(trx).updateTeam(id, input, this.deps.clock.now());
      await appendAudit(trx, this.deps.clock, {
        actor,
        unitCode: team.commune_code,
        action: 'teams.update',
        objectType: 'team',
        objectId: id,
        requestId,
        details: { changes: input },
      });
    });
    return toTeam((await this.repo.findTeam(id))!);
  }

  async listMembers(actor: OfficerActor, q: TeamMemberListQuery): Promise<Paged<TeamMember>> {
    const communeCodes = await this.scope(actor, 'teams.read', q.unitCode);
    const { rows, total } = await this.repo.listMembers(
      { communeCodes, teamId: q.teamId, role: q.role, status: q.status, q: q.q },
      q,
    );
    return { items: rows.map(toMember), total, page: q.page, pageSize: q.pageSize };
  }

  async myMemberships(actor: OfficerActor): Promise<TeamMember[]> {
    return (await this.repo.membersOfUser(actor.userId)).map(toMember);
  }

  async addMember(
    actor: OfficerActor,
    teamId: string,
    input: TeamMemberCreate,
    requestId: string,
  ): Promise<TeamMember> {
    const team = await this.manageableTeam(actor, teamId);
    if (input.userId) await this.assertLinkableUser(input.userId, team.commune_code);
    const id = randomUUID();
    const now = this.deps.clock.now();
    await this.deps.db.transaction().execute(async (trx) => {
      await new TeamsRepository(trx).insertMember({
        id,
        team_id: teamId,
        full_name: input.fullName,
        role: input.role,
        phone: input.phone,
        village: input.village,
        user_id: input.userId,
        status: input.status,
        is_demo: false,
        import_id: null,
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, this.deps.clock, {
        actor,
        unitCode: team.commune_code,
        action: 'teams.member_create',
        objectType: 'team_member',
        objectId: id,
        requestId,
        // The phone number stays out of the audit details (personal data, DOMAIN.md §7).
        details: { teamId, role: input.role, linkedAccount: input.userId !== null },
      });
    });
    return toMember((await this.repo.findMember(id))!);
  }

  async updateMember(
    actor: OfficerActor,
    memberId: string,
    input: TeamMemberUpdate,
    requestId: string,
  ): Promise<TeamMember> {
    const member = await this.repo.findMember(memberId);
    if (!member || !(await this.deps.policy.can(actor, 'teams.manage', member.commune_code)))
      throw new AppError('TEAM_MEMBER_NOT_FOUND');
    if (input.userId) await this.assertLinkableUser(input.userId, member.commune_code);
    await this.deps.db.transaction().execute(async (trx) => {
      await new TeamsRepository(trx).updateMember(
        memberId,
        {
          full_name: input.fullName,
          role: input.role,
          phone: input.phone,
          village: input.village,
          user_id: input.userId,
          status: input.status,
        },
        this.deps.clock.now(),
      );
      await appendAudit(trx, this.deps.clock, {
        actor,
        unitCode: member.commune_code,
        action: 'teams.member_update',
        objectType: 'team_member',
        objectId: memberId,
        requestId,
        details: { changed: Object.keys(input) },
      });
    });
    return toMember((await this.repo.findMember(memberId))!);
  }

  async logActivity(
    actor: OfficerActor,
    input: TeamActivityCreate,
    requestId: string,
  ): Promise<TeamActivity> {
    const member = await this.memberActingFor(actor, input.memberId);
    if (member.status !== 'active' || member.team_status !== 'active')
      throw new AppError('TEAM_MEMBER_INACTIVE');
    const today = toLocal(this.deps.clock.now()).date;
    if (input.date > today)
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'date', message: 'Ngày hoạt động không được sau hôm nay' }],
      });
    if (input.dossierId && !(await this.repo.dossierUnit(input.dossierId)))
      throw new AppError('TEAM_DOSSIER_NOT_FOUND');
    const id = randomUUID();
    await this.deps.db.transaction().execute(async (trx) => {
      await new TeamsRepository(trx).insertActivities([
        {
          id,
          member_id: member.id,
          team_id: member.team_id,
          commune_code: member.commune_code,
          activity_date: input.date,
          kind: input.kind,
          attendees: input.attendees,
          resident_consent: input.residentConsent,
          resident_ref: input.residentConsent ? input.residentRef : null,
          notes: input.notes || null,
          dossier_id: input.dossierId,
          source: 'manual',
          import_id: null,
          is_demo: false,
          created_by: actor.userId,
          created_at: this.deps.clock.now(),
        },
      ]);
      await appendAudit(trx, this.deps.clock, {
        actor,
        unitCode: member.commune_code,
        action: 'teams.activity_log',
        objectType: 'team_activity',
        objectId: id,
        requestId,
        details: { memberId: member.id, kind: input.kind, dossierId: input.dossierId },
      });
    });
    return toActivity((await this.repo.findActivity(id))!);
  }

  async listActivities(
    actor: OfficerActor,
    q: TeamActivityListQuery,
  ): Promise<Paged<TeamActivity>> {
    const communeCodes = await this.scope(actor, 'teams.read', q.unitCode);
    const roles = await this.deps.policy.rolesAt(actor, q.unitCode);
    let memberIds: string[] | undefined;
    if (!roles.some((r) => READ_ALL_ROLES.includes(r))) {
      // A member (no officer role here) sees only the help they logged themselves.
      memberIds = (await this.repo.membersOfUser(actor.userId)).map((m) => m.id);
      if (q.memberId) memberIds = memberIds.filter((id) => id === q.memberId);
    } else if (q.memberId) memberIds = [q.memberId];
    const { rows, total } = await this.repo.listActivities(
      { communeCodes, teamId: q.teamId, memberIds, kind: q.kind, from: q.from, to: q.to },
      q,
    );
    return { items: rows.map(toActivity), total, page: q.page, pageSize: q.pageSize };
  }

  /** The member an activity is logged for: an officer's pick, or the member's own account. */
  private async memberActingFor(
    actor: OfficerActor,
    memberId: string | undefined,
  ): Promise<MemberListRow> {
    if (!memberId) {
      const own = (await this.repo.membersOfUser(actor.userId)).filter(
        (m) => m.status === 'active',
      );
      if (own.length !== 1) throw new AppError('TEAM_MEMBERSHIP_REQUIRED');
      const [member] = own as [MemberListRow];
      if (!(await this.deps.policy.can(actor, 'teams.log_activity', member.commune_code)))
        throw new AppError('TEAM_MEMBERSHIP_REQUIRED');
      return member;
    }
    const member = await this.repo.findMember(memberId);
    if (!member) throw new AppError('TEAM_MEMBER_NOT_FOUND');
    if (await this.deps.policy.can(actor, 'teams.manage', member.commune_code)) return member;
    if (
      member.user_id === actor.userId &&
      (await this.deps.policy.can(actor, 'teams.log_activity', member.commune_code))
    )
      return member;
    throw new AppError('TEAM_MEMBER_NOT_FOUND');
  }

  private async manageableTeam(actor: OfficerActor, id: string) {
    const team = await this.repo.findTeam(id);
    if (!team || !(await this.deps.policy.can(actor, 'teams.manage', team.commune_code)))
      throw new AppError('TEAM_NOT_FOUND');
    return team;
  }

  private async assertLinkableUser(userId: string, communeCode: string): Promise<void> {
    if (!(await this.repo.hasGrant(userId, 'community_team_member', [communeCode])))
      throw new AppError('TEAM_USER_NOT_OFFICER');
  }
}
