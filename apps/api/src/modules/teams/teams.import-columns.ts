import {
  foldVietnamese,
  type TeamActivityKind,
  type TeamMemberRole,
  type TeamStatus,
  teamActivityKindLabels,
  teamActivityKinds,
  teamMemberRoleLabels,
  teamMemberRoles,
} from '@cqs/shared';

/**
 * Columns of the import file. Each sheet (or CSV) is recognised by its header row, so one .xlsx
 * can carry teams, members and activities, and a CSV carries one kind. Headers match without
 * regard to case, diacritics or extra spaces.
 */
export const teamColumns = {
  communeCode: 'Mã xã',
  village: 'Thôn/Tổ dân phố',
  name: 'Tên tổ',
  status: 'Trạng thái',
} as const;

export const memberColumns = {
  communeCode: 'Mã xã',
  teamName: 'Tên tổ',
  fullName: 'Họ và tên',
  role: 'Vai trò',
  phone: 'Số điện thoại',
  village: 'Thôn/Tổ dân phố',
  status: 'Trạng thái',
} as const;

export const activityColumns = {
  communeCode: 'Mã xã',
  teamName: 'Tên tổ',
  memberName: 'Họ và tên thành viên',
  memberPhone: 'Số điện thoại thành viên',
  date: 'Ngày',
  kind: 'Loại hoạt động',
  attendees: 'Số người tham dự',
  consent: 'Người dân đồng ý',
  residentRef: 'Tham chiếu người dân',
  notes: 'Ghi chú',
} as const;

export const requiredColumns = {
  teams: ['communeCode', 'village', 'name'],
  members: ['communeCode', 'teamName', 'fullName', 'role'],
  activities: ['communeCode', 'teamName', 'memberName', 'date', 'kind'],
} as const;

export type TableKind = keyof typeof requiredColumns;

export const tableColumns = {
  teams: teamColumns,
  members: memberColumns,
  activities: activityColumns,
} as const;

const fold = (s: string) => foldVietnamese(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** What a header row describes, or null for a sheet that is not data (e.g. instructions). */
export function tableKindOf(header: string[]): TableKind | null {
  const h = new Set(header.map(fold));
  if (h.has(fold(activityColumns.kind))) return 'activities';
  if (h.has(fold(memberColumns.role))) return 'members';
  if (h.has(fold(teamColumns.name)) && h.has(fold(teamColumns.village))) return 'teams';
  return null;
}

/** Column index by field name, from the header row. */
export function columnIndex<K extends string>(
  header: string[],
  columns: Record<K, string>,
): Partial<Record<K, number>> {
  const folded = header.map(fold);
  const out: Partial<Record<K, number>> = {};
  for (const [key, label] of Object.entries(columns) as [K, string][]) {
    const i = folded.indexOf(fold(label));
    if (i >= 0) out[key] = i;
  }
  return out;
}

function lookup<T extends string>(
  codes: readonly T[],
  labels: Record<T, { vi: string; en: string }>,
  extra: Record<string, T> = {},
): (value: string) => T | null {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(fold(code), code);
    map.set(fold(labels[code].vi), code);
  }
  for (const [k, v] of Object.entries(extra)) map.set(fold(k), v);
  return (value) => map.get(fold(value)) ?? null;
}

export const parseRole: (value: string) => TeamMemberRole | null = lookup(
  teamMemberRoles,
  teamMemberRoleLabels,
  {
    'Bí thư': 'bi_thu_chi_bo',
    'Đoàn viên': 'doan_thanh_nien',
    'Thanh niên': 'doan_thanh_nien',
    'Phụ nữ': 'hoi_phu_nu',
    'Nông dân': 'hoi_nong_dan',
    CCB: 'cuu_chien_binh',
  },
);

export const parseKind: (value: string) => TeamActivityKind | null = lookup(
  teamActivityKinds,
  teamActivityKindLabels,
  {
    'Hướng dẫn dịch vụ công': 'guided_online_service',
    'Hướng dẫn DVC trực tuyến': 'guided_online_service',
    'Liên kết VNeID': 'linked_vneid',
    'Tập huấn': 'training_session',
  },
);

export function parseStatus(value: string): TeamStatus | null {
  const v = fold(value);
  if (v === '' || v === 'hoat dong' || v === 'active' || v === 'dang hoat dong') return 'active';
  if (v === 'ngung hoat dong' || v === 'inactive' || v === 'ngung') return 'inactive';
  return null;
}

export function parseYesNo(value: string): boolean | null {
  const v = fold(value);
  if (['co', 'x', 'yes', '1', 'dong y', 'true'].includes(v)) return true;
  if (['', 'khong', 'no', '0', 'false'].includes(v)) return false;
  return null;
}

/** dd/mm/yyyy (as officers write it) or yyyy-mm-dd, to yyyy-mm-dd; null if not a real date. */
export function parseDate(value: string): string | null {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  let y: number;
  let mo: number;
  let d: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

/** Commune codes keep their leading zeros even when a spreadsheet stored them as numbers. */
export function normaliseCommuneCode(value: string): string {
  const v = value.trim();
  return /^\d{1,5}$/.test(v) ? v.padStart(5, '0') : v;
}

/** Spreadsheets drop a phone number's leading zero when the cell is numeric. */
export function normalisePhone(value: string): string {
  const v = value.replace(/[\s.-]/g, '');
  return /^[1-9]\d{8,9}$/.test(v) ? `0${v}` : v;
}
