import type { Team, TeamActivity, TeamMember } from '@cqs/shared';
import type { ActivityListRow, MemberListRow, TeamListRow } from './teams.repository';

export const toTeam = (r: TeamListRow): Team => ({
  id: r.id,
  communeCode: r.commune_code,
  communeName: r.commune_name,
  village: r.village,
  name: r.name,
  status: r.status,
  isDemo: r.is_demo,
  memberCount: Number(r.member_count ?? 0),
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export const toMember = (r: MemberListRow): TeamMember => ({
  id: r.id,
  teamId: r.team_id,
  teamName: r.team_name,
  communeCode: r.commune_code,
  fullName: r.full_name,
  role: r.role,
  phone: r.phone,
  village: r.village,
  userId: r.user_id,
  status: r.status,
  isDemo: r.is_demo,
});

export const toActivity = (r: ActivityListRow): TeamActivity => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  teamId: r.team_id,
  teamName: r.team_name,
  communeCode: r.commune_code,
  date: r.activity_date,
  kind: r.kind,
  attendees: r.attendees,
  residentConsent: r.resident_consent,
  residentRef: r.resident_ref,
  notes: r.notes,
  dossierId: r.dossier_id,
  source: r.source,
  createdAt: new Date(r.created_at).toISOString(),
});
