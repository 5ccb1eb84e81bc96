import { z } from 'zod';
import { UnitCode } from './common';

/**
 * Community digital technology teams (Tổ Công nghệ số cộng đồng, DOMAIN.md §8): teams per commune
 * and village/residential group, their members, and the help the members log.
 */

export const teamStatuses = ['active', 'inactive'] as const;
export const TeamStatus = z.enum(teamStatuses);
export type TeamStatus = z.infer<typeof TeamStatus>;

export const teamMemberRoles = [
  'bi_thu_chi_bo',
  'doan_thanh_nien',
  'hoi_phu_nu',
  'hoi_nong_dan',
  'cuu_chien_binh',
  'cong_an',
  'khac',
] as const;
export const TeamMemberRole = z.enum(teamMemberRoles);
export type TeamMemberRole = z.infer<typeof TeamMemberRole>;

export const teamMemberRoleLabels: Record<TeamMemberRole, { vi: string; en: string }> = {
  bi_thu_chi_bo: { vi: 'Bí thư chi bộ', en: 'Party-cell secretary' },
  doan_thanh_nien: { vi: 'Đoàn Thanh niên', en: 'Youth union' },
  hoi_phu_nu: { vi: 'Hội Phụ nữ', en: "Women's union" },
  hoi_nong_dan: { vi: 'Hội Nông dân', en: "Farmers' association" },
  cuu_chien_binh: { vi: 'Cựu chiến binh', en: 'Veterans' },
  cong_an: { vi: 'Công an', en: 'Police' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const teamActivityKinds = [
  'guided_online_service',
  'linked_vneid',
  'assisted_submission',
  'training_session',
  'other',
] as const;
export const TeamActivityKind = z.enum(teamActivityKinds);
export type TeamActivityKind = z.infer<typeof TeamActivityKind>;

export const teamActivityKindLabels: Record<TeamActivityKind, { vi: string; en: string }> = {
  guided_online_service: {
    vi: 'Hướng dẫn sử dụng dịch vụ công trực tuyến',
    en: 'Guided a resident through an online service',
  },
  linked_vneid: { vi: 'Hỗ trợ liên kết tài khoản với VNeID', en: 'Linked an account with VNeID' },
  assisted_submission: { vi: 'Hỗ trợ nộp hồ sơ', en: 'Assisted a submission' },
  training_session: { vi: 'Tập huấn, hướng dẫn tập trung', en: 'Training session' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Vietnamese phone number as written locally (mobile 10 digits, landline up to 11). */
export const TeamPhone = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^0\d{9,10}$/, 'Số điện thoại gồm 10–11 chữ số, bắt đầu bằng 0'));

/**
 * Free text that must not carry an identification or phone number in clear (DOMAIN.md §7): a run
 * of 9 or more digits is refused.
 */
const withoutLongNumbers = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} tối đa ${max} ký tự`)
    .refine(
      (s) => !/\d{9,}/.test(s.replace(/[\s.-]/g, '')),
      `${label} không được chứa số định danh hay số điện thoại`,
    );

export const ResidentReference = withoutLongNumbers(80, 'Tham chiếu người dân').pipe(
  z.string().min(1, 'Tham chiếu người dân không được để trống'),
);
export const ActivityNotes = withoutLongNumbers(1000, 'Ghi chú');

const Name = (label: string, max: number) =>
  z.string().trim().min(1, `${label} không được để trống`).max(max, `${label} tối đa ${max} ký tự`);

export const TeamName = Name('Tên tổ', 160);
export const VillageName = Name('Thôn/tổ dân phố', 120);
export const MemberName = Name('Họ và tên', 120);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo định dạng yyyy-mm-dd');

export const Team = z.object({
  id: z.uuid(),
  communeCode: z.string(),
  communeName: z.string(),
  village: z.string(),
  name: z.string(),
  status: TeamStatus,
  isDemo: z.boolean(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof Team>;

export const TeamMember = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  communeCode: z.string(),
  fullName: z.string(),
  role: TeamMemberRole,
  phone: z.string().nullable(),
  village: z.string().nullable(),
  userId: z.uuid().nullable(),
  status: TeamStatus,
  isDemo: z.boolean(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamDetail = Team.extend({ members: z.array(TeamMember) });
export type TeamDetail = z.infer<typeof TeamDetail>;

export const TeamCreate = z.object({
  communeCode: UnitCode,
  village: VillageName,
  name: TeamName,
  status: TeamStatus.default('active'),
});
export type TeamCreate = z.infer<typeof TeamCreate>;

export const TeamUpdate = z
  .object({ village: VillageName, name: TeamName, status: TeamStatus })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi nào');
export type TeamUpdate = z.infer<typeof TeamUpdate>;

export const TeamMemberCreate = z.object({
  fullName: MemberName,
  role: TeamMemberRole,
  phone: TeamPhone.nullable().default(null),
  village: VillageName.nullable().default(null),
  /** The member's officer account (community_team_member grant), so they can log their own work. */
  userId: z.uuid().nullable().default(null),
  status: TeamStatus.default('active'),
});
export type TeamMemberCreate = z.infer<typeof TeamMemberCreate>;

export const TeamMemberUpdate = z
  .object({
    fullName: MemberName,
    role: TeamMemberRole,
    phone: TeamPhone.nullable(),
    village: VillageName.nullable(),
    userId: z.uuid().nullable(),
    status: TeamStatus,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi nào');
export type TeamMemberUpdate = z.infer<typeof TeamMemberUpdate>;

const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const TeamListQuery = z.object({
  unitCode: UnitCode,
  village: z.string().trim().max(120).optional(),
  status: TeamStatus.optional(),
  q: z.string().trim().max(100).optional(),
  ...Paging,
});
export type TeamListQuery = z.infer<typeof TeamListQuery>;

export const TeamList = z.object({
  items: z.array(Team),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const TeamMemberListQuery = z.object({
  unitCode: UnitCode,
  teamId: z.uuid().optional(),
  role: TeamMemberRole.optional(),
  status: TeamStatus.optional(),
  q: z.string().trim().max(100).optional(),
  ...Paging,
});
export type TeamMemberListQuery = z.infer<typeof TeamMemberListQuery>;

export const TeamMemberList = z.object({
  items: z.array(TeamMember),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const TeamActivity = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  communeCode: z.string(),
  date: z.string(),
  kind: TeamActivityKind,
  attendees: z.number().int().nullable(),
  residentConsent: z.boolean(),
  residentRef: z.string().nullable(),
  notes: z.string().nullable(),
  dossierId: z.uuid().nullable(),
  source: z.enum(['manual', 'import', 'demo', 'assisted']),
  createdAt: z.string(),
});
export type TeamActivity = z.infer<typeof TeamActivity>;

export const TeamActivityCreate = z
  .object({
    /** Omitted by a member logging their own work (their membership is used). */
    memberId: z.uuid().optional(),
    date: IsoDate,
    kind: TeamActivityKind,
    attendees: z.number().int().min(1).max(10_000).nullable().default(null),
    residentConsent: z.boolean().default(false),
    residentRef: ResidentReference.nullable().default(null),
    notes: ActivityNotes.nullable().default(null),
    dossierId: z.uuid().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'training_session' && v.attendees === null)
      ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'Nhập số người tham dự' });
    if (v.kind !== 'training_session' && v.attendees !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['attendees'],
        message: 'Số người tham dự chỉ dùng cho buổi tập huấn',
      });
    if (v.residentRef !== null && !v.residentConsent)
      ctx.addIssue({
        code: 'custom',
        path: ['residentRef'],
        message: 'Chỉ ghi tham chiếu người dân khi người dân đồng ý',
      });
    if (v.dossierId !== null && v.kind !== 'assisted_submission')
      ctx.addIssue({
        code: 'custom',
        path: ['dossierId'],
        message: 'Chỉ gắn hồ sơ với hoạt động hỗ trợ nộp hồ sơ',
      });
  });
export type TeamActivityCreate = z.infer<typeof TeamActivityCreate>;

export const TeamActivityListQuery = z.object({
  unitCode: UnitCode,
  teamId: z.uuid().optional(),
  memberId: z.uuid().optional(),
  kind: TeamActivityKind.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  ...Paging,
});
export type TeamActivityListQuery = z.infer<typeof TeamActivityListQuery>;

export const TeamActivityList = z.object({
  items: z.array(TeamActivity),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const MyTeamMemberships = z.object({ items: z.array(TeamMember) });

export const TeamImportProblem = z.object({
  sheet: z.string(),
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type TeamImportProblem = z.infer<typeof TeamImportProblem>;

export const TeamImportCounts = z.object({
  teamsNew: z.number().int(),
  teamsExisting: z.number().int(),
  membersNew: z.number().int(),
  membersExisting: z.number().int(),
  activities: z.number().int(),
  rows: z.number().int(),
});
export type TeamImportCounts = z.infer<typeof TeamImportCounts>;

export const TeamImportPreview = z.object({
  ok: z.boolean(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  counts: TeamImportCounts,
  errors: z.array(TeamImportProblem),
  /** Only the first 500 problems are listed; this says how many there were. */
  errorCount: z.number().int(),
});
export type TeamImportPreview = z.infer<typeof TeamImportPreview>;

export const TeamImportResult = TeamImportPreview.extend({
  importId: z.uuid(),
  status: z.enum(['committed', 'rejected']),
});
export type TeamImportResult = z.infer<typeof TeamImportResult>;

export const TeamIndicatorsQuery = z.object({
  unitCode: UnitCode,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type TeamIndicatorsQuery = z.infer<typeof TeamIndicatorsQuery>;

export const TeamIndicatorValues = z.object({
  teams: z.number().int(),
  members: z.number().int(),
  activities: z.record(TeamActivityKind, z.number().int()),
  activitiesTotal: z.number().int(),
  /** One resident per individual help (guided, linked VNeID, assisted submission). */
  residentsHelped: z.number().int(),
  trainingAttendees: z.number().int(),
  accountsLinked: z.number().int(),
  /** Distinct dossiers linked to assisted-submission activities. */
  dossiersAssisted: z.number().int(),
  dossierOutcomes: z.object({
    inProgress: z.number().int(),
    completed: z.number().int(),
    notAccepted: z.number().int(),
    withdrawnOrStopped: z.number().int(),
  }),
});
export type TeamIndicatorValues = z.infer<typeof TeamIndicatorValues>;

export const TeamIndicators = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  /** 'village' under a commune, 'commune' under the province. */
  breakdownBy: z.enum(['village', 'commune']),
  includesDemo: z.boolean(),
  totals: TeamIndicatorValues,
  breakdown: z.array(TeamIndicatorValues.extend({ key: z.string(), name: z.string() })),
});
export type TeamIndicators = z.infer<typeof TeamIndicators>;
