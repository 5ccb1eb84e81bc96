/**
 * The community-feedback workflow as data (DOMAIN.md §6; DIGIT PGR and Signalen as models).
 *
 * Pure: no database, no clock. The service asks `applyFeedbackAction` for the next state and
 * writes it with its event, audit row and outbox rows in one transaction.
 *
 * submitted → (triage) → assigned → in_progress → (info_requested, the deadline paused) →
 * resolved | rejected → the resident rates or reopens within 7 days → closed.
 */
export const feedbackStates = [
  'submitted',
  'triage',
  'assigned',
  'in_progress',
  'info_requested',
  'resolved',
  'rejected',
  'closed',
] as const;
export type FeedbackState = (typeof feedbackStates)[number];

/** Who acts: officers of the assigned unit, the reporting resident, or the workers. */
export type FeedbackRole = 'officer' | 'resident' | 'system';

export interface FeedbackAction {
  name: string;
  from: readonly FeedbackState[];
  /** 'same' records an event without moving (notes, moderation, transfers keep the state). */
  to: FeedbackState | 'same';
  roles: readonly FeedbackRole[];
  requiresReason: boolean;
  /** Shown on the public page (with its note); internal notes never are. */
  public: boolean;
  label: { vi: string; en: string };
}

/** States in which the report is still being handled (the deadline runs or is paused). */
export const openStates: readonly FeedbackState[] = [
  'submitted',
  'triage',
  'assigned',
  'in_progress',
  'info_requested',
];
const handling: readonly FeedbackState[] = ['assigned', 'in_progress'];
const answered: readonly FeedbackState[] = ['resolved', 'rejected'];

export const feedbackActions = [
  {
    name: 'triage',
    from: ['submitted', 'triage'],
    to: 'assigned',
    roles: ['officer'],
    requiresReason: false,
    public: false,
    label: { vi: 'Phân loại', en: 'Triaged' },
  },
  {
    name: 'assign',
    from: ['submitted', 'assigned', 'in_progress'],
    to: 'same',
    roles: ['officer'],
    requiresReason: false,
    public: false,
    label: { vi: 'Giao cán bộ xử lý', en: 'Assigned to an officer' },
  },
  {
    name: 'start',
    from: ['submitted', 'assigned'],
    to: 'in_progress',
    roles: ['officer'],
    requiresReason: false,
    public: true,
    label: { vi: 'Đang xử lý', en: 'In progress' },
  },
  {
    name: 'request_info',
    from: handling,
    to: 'info_requested',
    roles: ['officer'],
    requiresReason: true,
    public: true,
    label: { vi: 'Đề nghị bổ sung thông tin', en: 'More information requested' },
  },
  {
    name: 'provide_info',
    from: ['info_requested'],
    to: 'in_progress',
    roles: ['resident'],
    requiresReason: true,
    public: true,
    label: { vi: 'Người phản ánh bổ sung thông tin', en: 'Information provided' },
  },
  {
    name: 'resolve',
    from: handling,
    to: 'resolved',
    roles: ['officer'],
    requiresReason: true,
    public: true,
    label: { vi: 'Đã trả lời, xử lý', en: 'Resolved' },
  },
  {
    name: 'reject',
    from: ['submitted', 'triage', ...handling],
    to: 'rejected',
    roles: ['officer'],
    requiresReason: true,
    public: true,
    label: { vi: 'Không xử lý (có lý do)', en: 'Rejected with a reason' },
  },
  {
    name: 'transfer',
    from: ['submitted', 'triage', ...handling],
    to: 'assigned',
    roles: ['officer'],
    requiresReason: true,
    public: true,
    label: { vi: 'Chuyển đơn vị có thẩm quyền', en: 'Transferred' },
  },
  {
    // The unit says the report is not theirs; triage routes it again.
    name: 'return_to_sender',
    from: ['submitted', ...handling],
    to: 'triage',
    roles: ['officer'],
    requiresReason: true,
    public: false,
    label: { vi: 'Trả lại để phân loại lại', en: 'Returned for re-routing' },
  },
  {
    name: 'internal_note',
    from: feedbackStates,
    to: 'same',
    roles: ['officer'],
    requiresReason: true,
    public: false,
    label: { vi: 'Ghi chú nội bộ', en: 'Internal note' },
  },
  {
    name: 'approve_moderation',
    from: feedbackStates,
    to: 'same',
    roles: ['officer'],
    requiresReason: false,
    public: false,
    label: { vi: 'Duyệt hiển thị công khai', en: 'Approved for the public' },
  },
  {
    name: 'hide',
    from: feedbackStates,
    to: 'same',
    roles: ['officer'],
    requiresReason: true,
    public: false,
    label: { vi: 'Ẩn khỏi trang công khai', en: 'Hidden from the public' },
  },
  {
    name: 'escalate',
    from: openStates,
    to: 'same',
    roles: ['system'],
    requiresReason: false,
    public: true,
    label: { vi: 'Chuyển cấp trên do quá hạn', en: 'Escalated (overdue)' },
  },
  {
    name: 'rate',
    from: answered,
    to: 'closed',
    roles: ['resident'],
    requiresReason: false,
    public: true,
    label: { vi: 'Người phản ánh đánh giá', en: 'Rated by the resident' },
  },
  {
    name: 'reopen',
    from: answered,
    to: 'in_progress',
    roles: ['resident'],
    requiresReason: true,
    public: true,
    label: { vi: 'Người phản ánh đề nghị xem xét lại', en: 'Reopened by the resident' },
  },
  {
    name: 'auto_close',
    from: answered,
    to: 'closed',
    roles: ['system'],
    requiresReason: false,
    public: true,
    label: { vi: 'Tự động đóng sau 7 ngày', en: 'Closed automatically' },
  },
] as const satisfies readonly FeedbackAction[];

export type FeedbackActionName = (typeof feedbackActions)[number]['name'];
export const feedbackActionNames = feedbackActions.map((a) => a.name) as FeedbackActionName[];
export const officerActionNames = feedbackActions
  .filter((a) => (a.roles as readonly string[]).includes('officer'))
  .map((a) => a.name);

/** Days after the answer during which the resident may rate or reopen; then it closes. */
export const REOPEN_WINDOW_DAYS = 7;

export function findFeedbackAction(name: string): FeedbackAction | undefined {
  return feedbackActions.find((a) => a.name === name);
}

export function allowedFeedbackActions(state: FeedbackState, role: FeedbackRole): string[] {
  return feedbackActions
    .filter(
      (a) =>
        (a.from as readonly string[]).includes(state) &&
        (a.roles as readonly string[]).includes(role),
    )
    .map((a) => a.name);
}

export type FeedbackTransition =
  | { ok: true; action: FeedbackAction; to: FeedbackState }
  | { ok: false; reason: 'unknown_action' | 'wrong_state' | 'wrong_role' | 'reason_required' };

export function applyFeedbackAction(
  state: FeedbackState,
  name: string,
  role: FeedbackRole,
  reason?: string | null,
): FeedbackTransition {
  const action = findFeedbackAction(name);
  if (!action) return { ok: false, reason: 'unknown_action' };
  if (!action.roles.includes(role)) return { ok: false, reason: 'wrong_role' };
  if (!action.from.includes(state)) return { ok: false, reason: 'wrong_state' };
  if (action.requiresReason && !reason?.trim()) return { ok: false, reason: 'reason_required' };
  return { ok: true, action, to: action.to === 'same' ? state : action.to };
}

export function isOpen(state: FeedbackState): boolean {
  return openStates.includes(state);
}

/** Public status words for the list and the page. */
export const feedbackStateLabels: Record<FeedbackState, { vi: string; en: string }> = {
  submitted: { vi: 'Mới tiếp nhận', en: 'Received' },
  triage: { vi: 'Đang phân loại', en: 'Being sorted' },
  assigned: { vi: 'Đã chuyển đơn vị xử lý', en: 'Assigned' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  info_requested: { vi: 'Chờ người phản ánh bổ sung', en: 'Waiting for the reporter' },
  resolved: { vi: 'Đã trả lời', en: 'Answered' },
  rejected: { vi: 'Không xử lý', en: 'Not handled' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

/** Open311 GeoReport v2 status: only 'open' and 'closed' exist. */
export function open311Status(state: FeedbackState): 'open' | 'closed' {
  return isOpen(state) ? 'open' : 'closed';
}
