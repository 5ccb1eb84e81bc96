import type { TeamActivityKind, TeamMemberRole, TeamStatus } from '@cqs/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read back as yyyy-mm-dd strings (see the select casts in the repository). */
type DateColumn = ColumnType<string, string, string>;

export interface TeamImportsTable {
  id: string;
  unit_code: string;
  actor_id: string | null;
  file_name: string;
  file_sha256: string;
  format: 'csv' | 'xlsx';
  status: 'committed' | 'rejected';
  rows_total: Generated<number>;
  teams_new: Generated<number>;
  members_new: Generated<number>;
  activities_new: Generated<number>;
  error_count: Generated<number>;
  created_at: Timestamp;
}

export interface TeamsTable {
  id: string;
  commune_code: string;
  village: string;
  name: string;
  status: Generated<TeamStatus>;
  is_demo: Generated<boolean>;
  import_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  id: string;
  team_id: string;
  full_name: string;
  role: TeamMemberRole;
  phone: string | null;
  village: string | null;
  user_id: string | null;
  status: Generated<TeamStatus>;
  is_demo: Generated<boolean>;
  import_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamActivitiesTable {
  id: string;
  member_id: string;
  team_id: string;
  commune_code: string;
  activity_date: DateColumn;
  kind: TeamActivityKind;
  attendees: number | null;
  resident_consent: Generated<boolean>;
  resident_ref: string | null;
  notes: string | null;
  dossier_id: string | null;
  source: 'manual' | 'import' | 'demo' | 'assisted';
  import_id: string | null;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
}

export type TeamRow = Selectable<TeamsTable>;
export type TeamMemberRow = Selectable<TeamMembersTable>;

declare module '../../db/types' {
  interface Database {
    team_imports: TeamImportsTable;
    teams: TeamsTable;
    team_members: TeamMembersTable;
    team_activities: TeamActivitiesTable;
  }
}
