import { z } from 'zod';
import { CalendarDate } from './calendar';
import { UnitCode } from './common';
import { DashboardText } from './dashboard';

/**
 * Feedback indicators (issue 7 §2) and community-team indicators (§9) of the operations
 * dashboard, with the definition shown next to every number (the glossary reads the same text).
 * Counting rules in docs/DASHBOARD.md, "Feedback indicators".
 */

const UnitRef = z.object({ code: z.string(), name: z.string() });
const T = (vi: string, en: string): DashboardText => ({ vi, en });

// Feedback indicators ----------------------------------------------------------------------

export const FeedbackIndicatorRow = z.object({
  /** Reports received in the period by the responsible unit, rejected ones left out. */
  received: z.number().int(),
  /** Of those, answered (resolved, or closed after the answer). */
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  answeredLate: z.number().int(),
  /** Still open and past due at `asOf` (escalated ones included; paused ones not). */
  openOverdue: z.number().int(),
  open: z.number().int(),
  /** answeredOnTime ÷ (answered + openOverdue); null when nothing is decided yet. */
  onTimeRate: z.number().nullable(),
  /** Mean hours from receipt to the answer of the answered reports; null when none. */
  averageHandlingHours: z.number().nullable(),
  rated: z.number().int(),
  /** Mean of the residents' 1–5 ratings; null when none rated. */
  averageRating: z.number().nullable(),
  /** Rated 4–5 ÷ rated; null when none rated. */
  satisfiedShare: z.number().nullable(),
  /** Rejected with a reason (spam, duplicates, not a request): counted nowhere else. */
  rejected: z.number().int(),
});
export type FeedbackIndicatorRow = z.infer<typeof FeedbackIndicatorRow>;
export type FeedbackIndicatorKey = keyof FeedbackIndicatorRow;

/** The text shown next to each number of a feedback indicator row (and in the glossary). */
export const feedbackIndicatorDefinitions: Record<FeedbackIndicatorKey, DashboardText> = {
  received: T(
    'Phản ánh, kiến nghị tiếp nhận trong kỳ mà đơn vị chịu trách nhiệm xử lý (đơn vị được giao; phản ánh bị chuyển cấp trên do quá hạn vẫn tính cho đơn vị để quá hạn). Không tính phản ánh bị từ chối xử lý.',
    'Reports received in the period by the responsible unit (the assigned unit; a report escalated for being overdue stays with the unit that let it go overdue). Rejected reports are left out.',
  ),
  answered: T(
    'Phản ánh tiếp nhận trong kỳ đã được trả lời (đã trả lời, hoặc đã đóng sau khi trả lời).',
    'Reports received in the period that have been answered (resolved, or closed after the answer).',
  ),
  answeredOnTime: T(
    'Phản ánh đã trả lời không muộn hơn hạn xử lý (hạn tính theo ngày làm việc, đã trừ thời gian chờ người phản ánh bổ sung), chưa từng quá hạn.',
    'Answered by the due date (in working days, time waiting for the reporter excluded) and never overdue before.',
  ),
  answeredLate: T(
    'Phản ánh đã trả lời sau hạn, hoặc đã bị chuyển cấp trên do quá hạn, hoặc có lần trả lời trước bị trễ hạn.',
    'Answered after the due date, or escalated for being overdue, or an earlier answer was late.',
  ),
  openOverdue: T(
    'Phản ánh chưa trả lời và đã quá hạn tại thời điểm xem số liệu (kể cả đã chuyển cấp trên); phản ánh đang chờ người dân bổ sung thông tin không tính là quá hạn.',
    'Not answered and past due at the time shown (escalated ones included); reports waiting for the reporter are not overdue.',
  ),
  open: T(
    'Phản ánh tiếp nhận trong kỳ chưa được trả lời.',
    'Reports received in the period not answered yet.',
  ),
  onTimeRate: T(
    'Đã trả lời đúng hạn ÷ (đã trả lời + chưa trả lời đã quá hạn). Phản ánh còn trong hạn chưa được tính.',
    'Answered on time ÷ (answered + open past due). Reports still within their time are not counted yet.',
  ),
  averageHandlingHours: T(
    'Số giờ trung bình (theo đồng hồ) từ khi tiếp nhận đến khi trả lời, của các phản ánh đã trả lời.',
    'Mean clock hours from receipt to the answer, over the answered reports.',
  ),
  rated: T(
    'Phản ánh được người phản ánh đánh giá (1–5 sao).',
    'Reports the reporter rated (1–5 stars).',
  ),
  averageRating: T(
    'Điểm đánh giá trung bình của người phản ánh (1–5).',
    'Mean rating given by the reporters (1–5).',
  ),
  satisfiedShare: T(
    'Đánh giá 4–5 sao ÷ số phản ánh được đánh giá.',
    'Rated 4–5 stars ÷ reports rated.',
  ),
  rejected: T(
    'Phản ánh bị từ chối xử lý có lý do (trùng lặp, không đúng nội dung phản ánh…): không tính vào các chỉ số khác.',
    'Reports rejected with a reason (duplicates, not a request…): counted in no other number.',
  ),
};

export const FeedbackIndicatorsQuery = z.object({
  from: CalendarDate,
  to: CalendarDate,
  /** The unit to report on (it and every unit below it); default: the viewer's unit. */
  unit: UnitCode.optional(),
});
export type FeedbackIndicatorsQuery = z.infer<typeof FeedbackIndicatorsQuery>;

export const FeedbackCategoryRow = FeedbackIndicatorRow.extend({
  /** Main category code: a sub-category's reports count under its main category. */
  category: z.string(),
  /** Vietnamese name of the category. */
  label: z.string(),
});
export type FeedbackCategoryRow = z.infer<typeof FeedbackCategoryRow>;

export const FeedbackUnitRow = FeedbackIndicatorRow.extend({
  code: z.string(),
  name: z.string(),
  /** province | commune | department | service_centre | external — the map draws the communes. */
  kind: z.string(),
});
export type FeedbackUnitRow = z.infer<typeof FeedbackUnitRow>;

export const FeedbackIndicators = z.object({
  unit: UnitRef,
  from: z.string(),
  to: z.string(),
  /** When the numbers were read: "open past due" is judged at this instant. */
  asOf: z.string(),
  totals: FeedbackIndicatorRow,
  byCategory: z.array(FeedbackCategoryRow),
  /** Every commune in scope (zeros included, for the map) and any other unit with reports. */
  units: z.array(FeedbackUnitRow),
  definitions: z.record(z.string(), DashboardText),
});
export type FeedbackIndicators = z.infer<typeof FeedbackIndicators>;

// Drill-down to the reports -----------------------------------------------------------------

/**
 * overdue: open past due; late: answered late; unsatisfied: rated 1–3; not_on_time: overdue and
 * late together (the reports behind the service index's feedback_on_time); all: every report.
 */
export const feedbackDrillFilters = [
  'overdue',
  'late',
  'unsatisfied',
  'not_on_time',
  'all',
] as const;
export const FeedbackDrillFilter = z.enum(feedbackDrillFilters);
export type FeedbackDrillFilter = z.infer<typeof FeedbackDrillFilter>;

/** Where the service index's feedback components drill to (`/api/dashboard/feedback/drill`). */
export const feedbackComponentDrillFilter = {
  feedback_on_time: 'not_on_time',
  feedback_satisfaction: 'unsatisfied',
} as const satisfies Record<string, FeedbackDrillFilter>;

export const FeedbackDrillQuery = z.object({
  from: CalendarDate,
  to: CalendarDate,
  unit: UnitCode.optional(),
  /** A main category includes its sub-categories. */
  category: z.string().trim().min(1).max(60).optional(),
  filter: FeedbackDrillFilter.default('all'),
});
export type FeedbackDrillQuery = z.infer<typeof FeedbackDrillQuery>;

export const feedbackDrillReasons = [
  'overdue',
  'answered_late',
  'unsatisfied',
  'answered_on_time',
  'waiting_reporter',
  'open',
  'rejected',
] as const;
export const FeedbackDrillReasonCode = z.enum(feedbackDrillReasons);
export type FeedbackDrillReasonCode = z.infer<typeof FeedbackDrillReasonCode>;

export const FeedbackDrillItem = z.object({
  id: z.uuid(),
  /** The public reference (PA-yymmdd-XXXXXX). */
  ref: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  /** The responsible unit (see `received`). */
  unit: UnitRef,
  receivedAt: z.string(),
  /** The responsible unit's deadline. */
  dueAt: z.string().nullable(),
  /** Workflow state of the report (submitted … closed), with its words. */
  status: z.string(),
  statusLabel: DashboardText,
  reason: z.object({
    code: FeedbackDrillReasonCode,
    vi: z.string(),
    en: z.string(),
    /** Working days past the deadline (overdue, answered_late); null otherwise. */
    workingDays: z.number().nullable(),
  }),
  /** The officer's page of the report. */
  url: z.string(),
});
export type FeedbackDrillItem = z.infer<typeof FeedbackDrillItem>;

export const FeedbackDrill = z.object({
  unit: UnitRef,
  from: z.string(),
  to: z.string(),
  filter: FeedbackDrillFilter,
  category: z.string().nullable(),
  asOf: z.string(),
  items: z.array(FeedbackDrillItem),
  /** More reports matched than the list shows (it stops at 200). */
  truncated: z.boolean(),
});
export type FeedbackDrill = z.infer<typeof FeedbackDrill>;

// Community digital technology teams ---------------------------------------------------------

export const DashboardTeamRow = z.object({
  teams: z.number().int(),
  members: z.number().int(),
  residentsHelped: z.number().int(),
  accountsLinked: z.number().int(),
  dossiersAssisted: z.number().int(),
});
export type DashboardTeamRow = z.infer<typeof DashboardTeamRow>;

export const teamIndicatorDefinitions: Record<keyof DashboardTeamRow, DashboardText> = {
  teams: T(
    'Tổ công nghệ số cộng đồng đang hoạt động.',
    'Community digital technology teams in activity.',
  ),
  members: T('Thành viên đang hoạt động của các tổ.', 'Active members of the teams.'),
  residentsHelped: T(
    'Lượt hỗ trợ từng người dân: hướng dẫn dịch vụ công trực tuyến, kích hoạt định danh điện tử VNeID, hỗ trợ nộp hồ sơ (người dự tập huấn tính riêng).',
    'One-to-one help given: guidance with online services, VNeID activation, help filing a dossier (training attendees counted apart).',
  ),
  accountsLinked: T(
    'Lượt hỗ trợ người dân kích hoạt tài khoản định danh điện tử VNeID.',
    'Residents helped to activate their VNeID electronic identity.',
  ),
  dossiersAssisted: T(
    'Hồ sơ khác nhau được tổ hỗ trợ nộp (một hồ sơ hỗ trợ nhiều lần tính một).',
    'Distinct dossiers the teams helped to file (a dossier helped twice counts once).',
  ),
};

export const DashboardTeamsQuery = z.object({
  unit: UnitCode.optional(),
  /** Activities in [from, to] (teams and members are counted as they are now). */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type DashboardTeamsQuery = z.infer<typeof DashboardTeamsQuery>;

export const DashboardTeams = z.object({
  unit: UnitRef,
  asOf: z.string(),
  /** Demonstration teams (labelled DEMO) are among the counts. */
  includesDemo: z.boolean(),
  totals: DashboardTeamRow,
  /** Every commune in scope (the viewed commune alone for a commune). */
  units: z.array(DashboardTeamRow.extend({ code: z.string(), name: z.string() })),
  definitions: z.record(z.string(), DashboardText),
});
export type DashboardTeams = z.infer<typeof DashboardTeams>;
