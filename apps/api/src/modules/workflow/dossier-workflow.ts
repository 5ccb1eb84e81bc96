/**
 * The one-stop dossier workflow as data (Decree 118/2025/NĐ-CP; DOMAIN.md §3).
 *
 * Pure: no database, no clock, no HTTP. The service that persists dossiers asks `applyAction` for
 * the next state and writes it with its event, audit row and outbox row in one transaction; the
 * resident timeline and the officer UI read `allowedActions` and the `public`/`label` fields.
 */
import type { OfficerRole } from '@cqs/shared';

/** Internal states; several may share one national status code (e.g. two states inside 4). */
export const dossierStates = [
  'submitted',
  'accepted',
  'not_accepted',
  'processing',
  'awaiting_signature',
  'supplement_requested',
  'financial_obligation',
  'withdrawal_requested',
  'stopped',
  'finished',
  'returned',
] as const;
export type DossierState = (typeof dossierStates)[number];

/** National Public Service Portal (DVCQG) status vocabulary, codes 1–10 (DOMAIN.md §3). */
export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const nationalStatusLabels: Record<NationalStatusCode, { vi: string; en: string }> = {
  1: { vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { vi: 'Được tiếp nhận', en: 'Accepted' },
  3: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  4: { vi: 'Đang xử lý', en: 'Processing' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Financial obligation requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawal requested by the citizen' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

export const statusCodeOf: Record<DossierState, NationalStatusCode> = {
  submitted: 1,
  accepted: 2,
  not_accepted: 3,
  processing: 4,
  // Awaiting the leader's signature is a step inside "Đang xử lý", kept as a state because it
  // changes who may act (only the leader signs).
  awaiting_signature: 4,
  supplement_requested: 5,
  financial_obligation: 6,
  withdrawal_requested: 7,
  stopped: 8,
  finished: 9,
  returned: 10,
};

/** No action leaves these states. Status 9 is not terminal: the result still has to be returned. */
export const terminalStates: readonly DossierState[] = ['not_accepted', 'stopped', 'returned'];

export function isTerminal(state: DossierState): boolean {
  return terminalStates.includes(state);
}

/** Steps inside status 4 (DOMAIN.md §3), each with its own internal due date (set by the caller). */
export type ProcessingStep = 'appraisal' | 'verification' | 'consultation' | 'lien_thong';

/** Roles that act on a dossier. 'system' exists so that automation is named, but may do nothing. */
export type WorkflowRole =
  | Extract<OfficerRole, 'receiving_officer' | 'specialist' | 'unit_leader'>
  | 'resident'
  | 'system';
export const workflowRoles: readonly WorkflowRole[] = [
  'receiving_officer',
  'specialist',
  'unit_leader',
  'resident',
  'system',
];

export type DossierForm = '02' | '03' | '04';
export type DossierOutcome = 'approved' | 'refused';

export interface WorkflowAction {
  name: string;
  from: readonly DossierState[];
  /**
   * 'previous' returns to the state the dossier was in before the withdrawal request; 'same'
   * records an event without moving (the apology keeps the dossier where it is).
   */
  to: DossierState | 'previous' | 'same';
  roles: readonly WorkflowRole[];
  requiresReason: boolean;
  /** An electronic result must be attached (now or earlier): the digitisation index counts it. */
  requiresResult?: boolean;
  /** Circular 01/2018/TT-VPCP form printed for this action. */
  form?: DossierForm;
  /** Shown on the resident's timeline. */
  public: boolean;
  /** Step set when the action lands in 'processing'; without one the current step continues. */
  step?: ProcessingStep;
  /** Outcome recorded when the action lands in 'finished'. */
  outcome?: DossierOutcome;
  label: { vi: string; en: string };
}

/** States from which the resident may ask to withdraw: every non-terminal state except 9 and 7. */
const withdrawable: readonly DossierState[] = [
  'submitted',
  'accepted',
  'processing',
  'awaiting_signature',
  'supplement_requested',
  'financial_obligation',
];
const inProcessing: readonly DossierState[] = ['processing', 'awaiting_signature'];

export const workflowActions = [
  {
    name: 'accept',
    from: ['submitted'],
    to: 'accepted',
    // Same holders as the 'dossiers.accept' permission in packages/shared/src/roles.ts.
    roles: ['receiving_officer', 'unit_leader'],
    requiresReason: false,
    public: true,
    label: { vi: 'Tiếp nhận hồ sơ', en: 'Accept the dossier' },
  },
  {
    name: 'guide_to_complete',
    from: ['submitted'],
    to: 'submitted',
    roles: ['receiving_officer'],
    requiresReason: true,
    // Form 02 is also the guidance slip for an incomplete dossier at reception.
    form: '02',
    public: true,
    label: { vi: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ', en: 'Guide to complete the dossier' },
  },
  {
    // The resident adds what the guidance asked for; the dossier waits for reception again.
    name: 'complete_after_guidance',
    from: ['submitted'],
    to: 'submitted',
    roles: ['resident'],
    requiresReason: false,
    public: true,
    label: { vi: 'Bổ sung hồ sơ theo hướng dẫn', en: 'Completed as guided' },
  },
  {
    name: 'refuse_to_accept',
    from: ['submitted'],
    to: 'not_accepted',
    roles: ['receiving_officer'],
    requiresReason: true,
    form: '03',
    public: true,
    label: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Refuse to accept the dossier' },
  },
  {
    name: 'assign',
    from: ['accepted', 'processing'],
    to: 'processing',
    roles: ['unit_leader'],
    requiresReason: false,
    step: 'appraisal',
    public: false,
    label: { vi: 'Phân công xử lý', en: 'Assign for processing' },
  },
  {
    name: 'transfer',
    from: ['processing'],
    to: 'processing',
    roles: ['specialist', 'unit_leader'],
    requiresReason: true,
    step: 'appraisal',
    public: false,
    label: { vi: 'Chuyển xử lý sang đơn vị khác', en: 'Transfer to another unit' },
  },
  {
    name: 'transfer_lien_thong',
    from: ['processing'],
    to: 'processing',
    roles: ['specialist', 'unit_leader'],
    requiresReason: true,
    step: 'lien_thong',
    // The resident sees that another agency now holds the dossier.
    public: true,
    label: { vi: 'Chuyển liên thông', en: 'Inter-agency transfer' },
  },
  {
    name: 'request_verification',
    from: ['processing'],
    to: 'processing',
    roles: ['specialist'],
    requiresReason: false,
    step: 'verification',
    public: false,
    label: { vi: 'Xác minh', en: 'Verification' },
  },
  {
    name: 'request_consultation',
    from: ['processing'],
    to: 'processing',
    roles: ['specialist'],
    requiresReason: false,
    step: 'consultation',
    public: false,
    label: { vi: 'Lấy ý kiến', en: 'Consultation' },
  },
  {
    name: 'request_supplement',
    from: ['processing'],
    to: 'supplement_requested',
    roles: ['specialist'],
    requiresReason: true,
    form: '02',
    public: true,
    label: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  },
  {
    name: 'resubmit',
    from: ['supplement_requested'],
    to: 'processing',
    roles: ['resident'],
    requiresReason: false,
    public: true,
    label: { vi: 'Nộp bổ sung hồ sơ', en: 'Resubmit after supplement' },
  },
  {
    name: 'notify_financial_obligation',
    from: ['processing'],
    to: 'financial_obligation',
    roles: ['specialist'],
    requiresReason: false,
    public: true,
    label: { vi: 'Thông báo nghĩa vụ tài chính', en: 'Notify a financial obligation' },
  },
  {
    name: 'obligation_fulfilled',
    from: ['financial_obligation'],
    to: 'processing',
    // An officer confirms the receipt; online payment confirmation is wired by the routes later.
    roles: ['specialist', 'receiving_officer'],
    requiresReason: false,
    public: true,
    label: { vi: 'Đã hoàn thành nghĩa vụ tài chính', en: 'Financial obligation fulfilled' },
  },
  {
    name: 'request_withdrawal',
    from: withdrawable,
    to: 'withdrawal_requested',
    // The receiving officer records a request made in person at the counter.
    roles: ['resident', 'receiving_officer'],
    requiresReason: true,
    public: true,
    label: { vi: 'Yêu cầu rút hồ sơ', en: 'Request withdrawal' },
  },
  {
    name: 'accept_withdrawal',
    from: ['withdrawal_requested'],
    to: 'stopped',
    roles: ['receiving_officer', 'unit_leader'],
    requiresReason: false,
    public: true,
    label: { vi: 'Đồng ý cho rút hồ sơ', en: 'Accept the withdrawal' },
  },
  {
    name: 'refuse_withdrawal',
    from: ['withdrawal_requested'],
    to: 'previous',
    roles: ['receiving_officer', 'unit_leader'],
    requiresReason: true,
    public: true,
    label: { vi: 'Không đồng ý cho rút hồ sơ', en: 'Refuse the withdrawal' },
  },
  {
    name: 'stop',
    from: inProcessing,
    to: 'stopped',
    roles: ['unit_leader'],
    requiresReason: true,
    public: true,
    label: { vi: 'Dừng xử lý hồ sơ', en: 'Stop processing' },
  },
  {
    // Form 04, once, before the due date (the service checks both against the calendar); the
    // original due date stays the baseline for statistics (DOMAIN.md §4).
    name: 'apologise',
    from: inProcessing,
    to: 'same',
    roles: ['specialist', 'unit_leader'],
    requiresReason: true,
    form: '04',
    public: true,
    label: { vi: 'Xin lỗi và hẹn lại ngày trả kết quả', en: 'Apologise and set a new date' },
  },
  {
    name: 'submit_for_signature',
    from: ['processing'],
    to: 'awaiting_signature',
    roles: ['specialist'],
    requiresReason: false,
    public: false,
    label: { vi: 'Trình ký', en: 'Submit for signature' },
  },
  {
    name: 'return_for_revision',
    from: ['awaiting_signature'],
    to: 'processing',
    roles: ['unit_leader'],
    requiresReason: true,
    step: 'appraisal',
    public: false,
    label: { vi: 'Trả lại để xử lý lại', en: 'Return for revision' },
  },
  {
    name: 'sign',
    from: ['awaiting_signature'],
    to: 'finished',
    roles: ['unit_leader'],
    requiresReason: false,
    requiresResult: true,
    outcome: 'approved',
    public: true,
    label: { vi: 'Phê duyệt, ký kết quả', en: 'Approve and sign the result' },
  },
  {
    // A refusal on the merits finishes the dossier: DVCQG has no separate code, so it is status 9
    // with outcome 'refused'; the signed refusal letter is its electronic result.
    name: 'refuse_on_merits',
    from: inProcessing,
    to: 'finished',
    roles: ['unit_leader'],
    requiresReason: true,
    requiresResult: true,
    outcome: 'refused',
    public: true,
    label: { vi: 'Từ chối giải quyết', en: 'Refuse on the merits' },
  },
  {
    // For results signed outside this system (inter-agency, paper scanned); the e-result is required.
    name: 'mark_finished',
    from: ['processing'],
    to: 'finished',
    roles: ['specialist', 'unit_leader'],
    requiresReason: false,
    requiresResult: true,
    outcome: 'approved',
    public: true,
    label: { vi: 'Hoàn thành xử lý', en: 'Mark as finished' },
  },
  {
    name: 'return_result',
    from: ['finished'],
    to: 'returned',
    // The resident's first download of an online result is its return (channel online).
    roles: ['receiving_officer', 'resident'],
    requiresReason: false,
    public: true,
    label: { vi: 'Trả kết quả', en: 'Return the result' },
  },
] as const satisfies readonly WorkflowAction[];

export type WorkflowActionName = (typeof workflowActions)[number]['name'];
export const workflowActionNames: readonly WorkflowActionName[] = workflowActions.map(
  (a) => a.name,
);

export function findAction(name: string): WorkflowAction | undefined {
  return (workflowActions as readonly WorkflowAction[]).find((a) => a.name === name);
}

export interface DossierWorkflowState {
  state: DossierState;
  step?: ProcessingStep;
  /** Set while a withdrawal request is pending, so that a refusal can return there. */
  previousState?: DossierState;
  previousStep?: ProcessingStep;
  supplementRequests: number;
  hasResult: boolean;
  outcome?: DossierOutcome;
}

export type ResultChannel = 'in_person' | 'online' | 'post';

export interface ActionInput {
  reason?: string;
  resultAttached?: boolean;
  /** How the result was returned (return_result): counter, download, public post. */
  channel?: ResultChannel;
}

export type WorkflowError =
  | 'ACTION_NOT_ALLOWED_IN_STATE'
  | 'ROLE_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'RESULT_REQUIRED';

export type ApplyResult =
  | {
      ok: true;
      next: DossierWorkflowState;
      flags: { secondSupplement?: true };
      /** Copied from the action so the caller can write the event without a second lookup. */
      action: WorkflowAction;
      statusCode: NationalStatusCode;
      channel?: ResultChannel;
    }
  | { ok: false; error: WorkflowError };

export const initialDossierState: DossierWorkflowState = {
  state: 'submitted',
  supplementRequests: 0,
  hasResult: false,
};

function hasRole(actorRoles: readonly string[], allowed: readonly WorkflowRole[]): boolean {
  return actorRoles.some((r) => (allowed as readonly string[]).includes(r));
}

/**
 * Decide one transition. Checks run in a fixed order (state, role, reason, result) so the error
 * is stable; the input dossier is never mutated.
 */
export function applyAction(
  dossier: DossierWorkflowState,
  action: WorkflowAction | WorkflowActionName,
  actor: { roles: readonly string[] },
  input: ActionInput = {},
): ApplyResult {
  const def = typeof action === 'string' ? findAction(action) : action;
  if (!def || isTerminal(dossier.state) || !def.from.includes(dossier.state)) {
    return { ok: false, error: 'ACTION_NOT_ALLOWED_IN_STATE' };
  }
  if (!hasRole(actor.roles, def.roles)) return { ok: false, error: 'ROLE_NOT_ALLOWED' };
  if (def.requiresReason && !input.reason?.trim()) return { ok: false, error: 'REASON_REQUIRED' };
  const hasResult = dossier.hasResult || input.resultAttached === true;
  if (def.requiresResult && !hasResult) return { ok: false, error: 'RESULT_REQUIRED' };

  const next: DossierWorkflowState = {
    state: dossier.state,
    supplementRequests: dossier.supplementRequests,
    hasResult,
  };
  if (dossier.outcome) next.outcome = dossier.outcome;
  const flags: { secondSupplement?: true } = {};

  if (def.to === 'previous') {
    // DOMAIN.md §3 "7 → back to 4": without a recorded previous state, processing is the default.
    next.state = dossier.previousState ?? 'processing';
    const step = dossier.previousStep ?? (next.state === 'processing' ? 'appraisal' : undefined);
    if (step) next.step = step;
  } else if (def.to === 'same') {
    next.state = dossier.state;
    if (dossier.step) next.step = dossier.step;
    if (dossier.previousState) next.previousState = dossier.previousState;
    if (dossier.previousStep) next.previousStep = dossier.previousStep;
  } else {
    next.state = def.to;
    if (def.to === 'withdrawal_requested') {
      next.previousState = dossier.state;
      if (dossier.step) next.previousStep = dossier.step;
    } else if (def.to === 'processing') {
      // Resuming after a pause (5, 6) continues the step the dossier was in.
      next.step = def.step ?? dossier.step ?? 'appraisal';
    }
  }
  // Keep the step while a pause (5, 6) lasts, so resuming knows where the dossier was.
  if (
    (next.state === 'supplement_requested' || next.state === 'financial_obligation') &&
    dossier.step
  ) {
    next.step = dossier.step;
  }
  if (def.name === 'request_supplement') {
    next.supplementRequests = dossier.supplementRequests + 1;
    // DOMAIN.md §4: a second supplement request makes the dossier count as late.
    if (next.supplementRequests >= 2) flags.secondSupplement = true;
  }
  if (def.outcome) next.outcome = def.outcome;

  const result: ApplyResult = {
    ok: true,
    next,
    flags,
    action: def,
    statusCode: statusCodeOf[next.state],
  };
  if (def.name === 'return_result' && input.channel) result.channel = input.channel;
  return result;
}

/** Actions the holder of `roles` may attempt in `state` (reason/result are checked on apply). */
export function allowedActions(state: DossierState, roles: readonly string[]): WorkflowAction[] {
  if (isTerminal(state)) return [];
  return (workflowActions as readonly WorkflowAction[]).filter(
    (a) => a.from.includes(state) && hasRole(roles, a.roles),
  );
}
