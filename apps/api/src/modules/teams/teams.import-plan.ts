import { randomUUID } from 'node:crypto';
import {
  ActivityNotes,
  MemberName,
  ResidentReference,
  type TeamActivityKind,
  type TeamImportCounts,
  type TeamImportProblem,
  type TeamMemberRole,
  TeamName,
  TeamPhone,
  type TeamStatus,
  VillageName,
} from '@cqs/shared';
import type { z } from 'zod';
import {
  activityColumns,
  columnIndex,
  memberColumns,
  normaliseCommuneCode,
  normalisePhone,
  parseDate,
  parseKind,
  parseRole,
  parseStatus,
  parseYesNo,
  requiredColumns,
  type TableKind,
  tableColumns,
  tableKindOf,
  teamColumns,
} from './teams.import-columns';
import type { RawTable } from './teams.import-read';

export interface ExistingRegistry {
  teams: { id: string; commune_code: string; name: string; status: TeamStatus }[];
  members: {
    id: string;
    team_id: string;
    full_name: string;
    phone: string | null;
    status: TeamStatus;
  }[];
}

export interface ImportPlan {
  teams: { id: string; communeCode: string; village: string; name: string; status: TeamStatus }[];
  members: {
    id: string;
    teamId: string;
    fullName: string;
    role: TeamMemberRole;
    phone: string | null;
    village: string | null;
    status: TeamStatus;
  }[];
  activities: {
    id: string;
    memberId: string;
    teamId: string;
    communeCode: string;
    date: string;
    kind: TeamActivityKind;
    attendees: number | null;
    consent: boolean;
    residentRef: string | null;
    notes: string | null;
  }[];
  counts: TeamImportCounts;
  problems: TeamImportProblem[];
}

interface TeamRef {
  id: string;
  communeCode: string;
  status: TeamStatus;
}
interface MemberRef {
  id: string;
  teamId: string;
  communeCode: string;
  fullName: string;
  phone: string | null;
  status: TeamStatus;
}

const key = (...parts: string[]) => parts.map((p) => p.toLowerCase()).join('\u0000');

/**
 * Validates every row of the file against the rules and the registry as it is, and plans what a
 * commit would write. Teams are read before members and members before activities, whatever the
 * sheet order, so one file can create a team, its members and their activities.
 */
export function planImport(
  tables: RawTable[],
  ctx: { communes: Set<string>; existing: ExistingRegistry; today: string },
): ImportPlan {
  const problems: TeamImportProblem[] = [];
  const plan: ImportPlan = {
    teams: [],
    members: [],
    activities: [],
    counts: {
      teamsNew: 0,
      teamsExisting: 0,
      membersNew: 0,
      membersExisting: 0,
      activities: 0,
      rows: 0,
    },
    problems,
  };
  const teams = new Map<string, TeamRef>();
  for (const t of ctx.existing.teams)
    teams.set(key(t.commune_code, t.name), {
      id: t.id,
      communeCode: t.commune_code,
      status: t.status,
    });
  const teamById = new Map([...teams.values()].map((t) => [t.id, t]));
  const membersByTeam = new Map<string, MemberRef[]>();
  const addMember = (m: MemberRef) => {
    const list = membersByTeam.get(m.teamId) ?? [];
    list.push(m);
    membersByTeam.set(m.teamId, list);
  };
  for (const m of ctx.existing.members) {
    const team = teamById.get(m.team_id);
    if (team)
      addMember({
        id: m.id,
        teamId: m.team_id,
        communeCode: team.communeCode,
        fullName: m.full_name,
        phone: m.phone,
        status: m.status,
      });
  }

  const byKind: Record<TableKind, RawTable[]> = { teams: [], members: [], activities: [] };
  for (const table of tables) {
    const kind = table.rows[0] ? tableKindOf(table.rows[0]) : null;
    if (kind) byKind[kind].push(table);
  }
  if (byKind.teams.length + byKind.members.length + byKind.activities.length === 0) {
    problems.push({
      sheet: tables[0]?.sheet ?? '',
      row: 1,
      column: '',
      message:
        'Không nhận ra dòng tiêu đề. Dòng 1 phải có các cột như trong tệp mẫu (ví dụ "Mã xã", "Tên tổ", "Vai trò", "Loại hoạt động").',
    });
    return plan;
  }

  for (const kind of ['teams', 'members', 'activities'] as const) {
    for (const table of byKind[kind]) {
      const columns = tableColumns[kind] as Record<string, string>;
      const index = columnIndex(table.rows[0]!, columns);
      const missing = requiredColumns[kind].filter((c) => index[c] === undefined);
      if (missing.length) {
        for (const c of missing)
          problems.push({
            sheet: table.sheet,
            row: 1,
            column: columns[c]!,
            message: `Thiếu cột "${columns[c]}"`,
          });
        continue;
      }
      for (let r = 1; r < table.rows.length; r++) {
        const cells = table.rows[r]!;
        if (cells.every((c) => c === '')) continue;
        plan.counts.rows += 1;
        const get = (field: string) => {
          const i = index[field];
          return i === undefined ? '' : (cells[i] ?? '').trim();
        };
        const rowProblems: TeamImportProblem[] = [];
        const fail = (field: string, message: string) =>
          rowProblems.push({ sheet: table.sheet, row: r + 1, column: columns[field]!, message });
        const check = <T>(schema: z.ZodType<T>, field: string, value: string): T | undefined => {
          const parsed = schema.safeParse(value);
          if (parsed.success) return parsed.data;
          fail(field, parsed.error.issues[0]?.message ?? 'Giá trị không hợp lệ');
          return undefined;
        };
        const communeCode = normaliseCommuneCode(get('communeCode'));
        if (!communeCode) fail('communeCode', 'Thiếu mã xã');
        else if (!ctx.communes.has(communeCode))
          fail(
            'communeCode',
            `Mã xã ${communeCode} không phải xã/phường trong phạm vi bạn quản lý`,
          );

        if (kind === 'teams') {
          const village = check(VillageName, 'village', get('village'));
          const name = check(TeamName, 'name', get('name'));
          const status = parseStatus(get('status'));
          if (!status) fail('status', 'Trạng thái ghi "Hoạt động" hoặc "Ngừng hoạt động"');
          if (rowProblems.length === 0 && village && name && status) {
            const k = key(communeCode, name);
            const found = teams.get(k);
            if (found && plan.teams.some((t) => t.id === found.id))
              fail('name', `Tổ "${name}" đã có ở một dòng trước trong tệp`);
            else if (found) plan.counts.teamsExisting += 1;
            else {
              const id = randomUUID();
              teams.set(k, { id, communeCode, status });
              plan.teams.push({ id, communeCode, village, name, status });
              plan.counts.teamsNew += 1;
            }
          }
        } else if (kind === 'members') {
          const teamName = get('teamName');
          const team = teams.get(key(communeCode, teamName));
          if (!teamName) fail('teamName', 'Thiếu tên tổ');
          else if (!team && ctx.communes.has(communeCode))
            fail(
              'teamName',
              `Xã ${communeCode} chưa có tổ "${teamName}" (thêm tổ ở trang "Tổ" trước)`,
            );
          const fullName = check(MemberName, 'fullName', get('fullName'));
          const role = parseRole(get('role'));
          if (!role)
            fail(
              'role',
              'Vai trò không hợp lệ (Bí thư chi bộ, Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Cựu chiến binh, Công an, Khác)',
            );
          const rawPhone = normalisePhone(get('phone'));
          const phone = rawPhone ? check(TeamPhone, 'phone', rawPhone) : null;
          const rawVillage = get('village');
          const village = rawVillage ? check(VillageName, 'village', rawVillage) : null;
          const status = parseStatus(get('status'));
          if (!status) fail('status', 'Trạng thái ghi "Hoạt động" hoặc "Ngừng hoạt động"');
          if (rowProblems.length === 0 && team && fullName && role && status) {
            const same = (membersByTeam.get(team.id) ?? []).find(
              (m) =>
                m.fullName.toLowerCase() === fullName.toLowerCase() &&
                (m.phone ?? null) === (phone ?? null),
            );
            if (same) plan.counts.membersExisting += 1;
            else {
              const id = randomUUID();
              addMember({
                id,
                teamId: team.id,
                communeCode,
                fullName,
                phone: phone ?? null,
                status,
              });
              plan.members.push({
                id,
                teamId: team.id,
                fullName,
                role,
                phone: phone ?? null,
                village: village ?? null,
                status,
              });
              plan.counts.membersNew += 1;
            }
          }
        } else {
          const teamName = get('teamName');
          const team = teams.get(key(communeCode, teamName));
          if (!teamName) fail('teamName', 'Thiếu tên tổ');
          else if (!team && ctx.communes.has(communeCode))
            fail('teamName', `Xã ${communeCode} chưa có tổ "${teamName}"`);
          const memberName = get('memberName');
          const memberPhone = normalisePhone(get('memberPhone'));
          let member: MemberRef | undefined;
          if (!memberName) fail('memberName', 'Thiếu họ và tên thành viên');
          else if (team) {
            const candidates = (membersByTeam.get(team.id) ?? []).filter(
              (m) =>
                m.fullName.toLowerCase() === memberName.toLowerCase() &&
                (!memberPhone || m.phone === memberPhone),
            );
            if (candidates.length === 0)
              fail(
                'memberName',
                `Tổ "${teamName}" không có thành viên "${memberName}"${memberPhone ? ` với số điện thoại ${memberPhone}` : ''}`,
              );
            else if (candidates.length > 1)
              fail(
                'memberPhone',
                `Tổ có nhiều thành viên tên "${memberName}": ghi thêm số điện thoại thành viên`,
              );
            else member = candidates[0];
            if (member && (member.status !== 'active' || team.status !== 'active'))
              fail('memberName', 'Thành viên hoặc tổ đã ngừng hoạt động');
          }
          const date = parseDate(get('date'));
          if (!date)
            fail('date', 'Ngày không hợp lệ (ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2026)');
          else if (date > ctx.today) fail('date', 'Ngày hoạt động không được sau hôm nay');
          const kindValue = parseKind(get('kind'));
          if (!kindValue)
            fail(
              'kind',
              'Loại hoạt động không hợp lệ (Hướng dẫn sử dụng dịch vụ công trực tuyến, Hỗ trợ liên kết tài khoản với VNeID, Hỗ trợ nộp hồ sơ, Tập huấn, Khác)',
            );
          const rawAttendees = get('attendees');
          let attendees: number | null = null;
          if (kindValue === 'training_session') {
            if (!/^\d{1,5}$/.test(rawAttendees) || Number(rawAttendees) < 1)
              fail('attendees', 'Buổi tập huấn cần số người tham dự (số nguyên dương)');
            else attendees = Number(rawAttendees);
          } else if (rawAttendees !== '' && kindValue)
            fail('attendees', 'Số người tham dự chỉ ghi cho buổi tập huấn');
          const consent = parseYesNo(get('consent'));
          if (consent === null) fail('consent', 'Ghi "Có" hoặc "Không"');
          const rawRef = get('residentRef');
          let residentRef: string | null = null;
          if (rawRef) {
            if (!consent) fail('residentRef', 'Chỉ ghi tham chiếu người dân khi người dân đồng ý');
            else residentRef = check(ResidentReference, 'residentRef', rawRef) ?? null;
          }
          const rawNotes = get('notes');
          const notes = rawNotes ? (check(ActivityNotes, 'notes', rawNotes) ?? null) : null;
          if (rowProblems.length === 0 && team && member && date && kindValue) {
            plan.activities.push({
              id: randomUUID(),
              memberId: member.id,
              teamId: team.id,
              communeCode,
              date,
              kind: kindValue,
              attendees,
              consent: consent ?? false,
              residentRef,
              notes,
            });
            plan.counts.activities += 1;
          }
        }
        problems.push(...rowProblems);
      }
    }
  }
  return plan;
}

export { activityColumns, memberColumns, teamColumns };
