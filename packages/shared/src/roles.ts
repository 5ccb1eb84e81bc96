/** Officer roles; each is granted for one unit (an officer may hold roles in several units). */
export const officerRoles = [
  'receiving_officer',
  'specialist',
  'unit_leader',
  'province_admin',
  'dashboard_viewer',
  'community_team_member',
  'system_admin',
] as const;
export type OfficerRole = (typeof officerRoles)[number];

export const roleLabels: Record<OfficerRole, { vi: string; en: string }> = {
  receiving_officer: { vi: 'Cán bộ tiếp nhận (một cửa)', en: 'Receiving officer (one-stop)' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  unit_leader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader' },
  province_admin: { vi: 'Quản trị cấp tỉnh', en: 'Province administrator' },
  dashboard_viewer: { vi: 'Xem bảng điều hành', en: 'Dashboard viewer' },
  community_team_member: {
    vi: 'Thành viên Tổ công nghệ số cộng đồng',
    en: 'Community digital team member',
  },
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
};

/**
 * What each role may do. The policy helper combines this with the unit hierarchy: a grant at a
 * unit covers that unit and every unit below it (a province grant covers all communes).
 */
export const permissions = {
  'audit.read': ['system_admin', 'province_admin'],
  'officers.read': ['system_admin', 'province_admin', 'unit_leader'],
  'units.manage': ['system_admin', 'province_admin'],
  'catalogue.publish': ['province_admin', 'system_admin'],
  'calendar.confirm': ['province_admin', 'system_admin'],
  // Failed records of the national-portal sync feed: view and send again.
  'sync.manage': ['province_admin', 'system_admin'],
  'dashboard.read': ['dashboard_viewer', 'unit_leader', 'province_admin', 'system_admin'],
  // Alert thresholds of the dashboard's indicators (province-wide settings).
  'dashboard.configure': ['province_admin', 'system_admin'],
  // Accepting a dossier issues its official code and starts the legal time limit.
  'dossiers.accept': ['receiving_officer', 'unit_leader'],
  // Dossier contents (answers, documents): the one-stop officers of the receiving unit.
  'dossiers.read': [
    'receiving_officer',
    'specialist',
    'unit_leader',
    'province_admin',
    'system_admin',
  ],
  // Community feedback: handle reports of the unit (answer, transfer, notes, moderation).
  'feedback.handle': ['specialist', 'unit_leader', 'receiving_officer'],
  // Categories and routing rules.
  'feedback.manage': ['province_admin', 'system_admin'],
  // Community digital technology teams (DOMAIN.md §8): the commune's officers keep the registry
  // (teams, members, bulk import); the province sees and manages all communes.
  'teams.manage': ['receiving_officer', 'unit_leader', 'province_admin', 'system_admin'],
  'teams.read': [
    'receiving_officer',
    'unit_leader',
    'province_admin',
    'system_admin',
    'dashboard_viewer',
    'community_team_member',
  ],
  // A member with an account logs their own help; the service checks it is their own membership.
  'teams.log_activity': ['community_team_member'],
  // Assisted submission (issue 8 §3): a member prepares and submits a dossier for a resident who
  // consents; the service checks it is the member's own, active membership in that commune.
  'teams.assist': ['community_team_member'],
  // Directive tasks (issue 7 item 3): leaders assign to their unit and the units below it, decide
  // extensions and cancel; the assignee unit's leader and specialists report progress and finish;
  // the steering committee (dashboard viewers) follows them.
  'tasks.assign': ['unit_leader'],
  'tasks.report': ['unit_leader', 'specialist'],
  'tasks.read': ['unit_leader', 'specialist', 'dashboard_viewer', 'province_admin', 'system_admin'],
  // Commune showcase ("Mỗi xã một KOL"): the commune's specialists and leaders edit the draft;
  // publishing (what the public sees in the commune's name) is for its leaders; the province's
  // administrators do both for every commune.
  'showcase.manage': ['specialist', 'unit_leader', 'province_admin', 'system_admin'],
  'showcase.publish': ['unit_leader', 'province_admin', 'system_admin'],
} as const satisfies Record<string, readonly OfficerRole[]>;
export type Action = keyof typeof permissions;
