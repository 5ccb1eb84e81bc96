import type { ActionField, Band, OfficerRole } from '@cqs/shared';
import type {
  DossierState,
  DossierWorkflowState,
  ProcessingStep,
} from '../workflow/dossier-workflow';
import type { DossierRow } from './processing.repository';

/**
 * What each officer action asks for beyond the workflow table: the fields of its form, the ones
 * that must be filled. Reason and result requirements come from the workflow data itself.
 */
export const actionFields: Record<string, { fields: ActionField[]; required: ActionField[] }> = {
  accept: { fields: [], required: [] },
  guide_to_complete: { fields: ['reason', 'documents'], required: ['reason'] },
  refuse_to_accept: { fields: ['reason'], required: ['reason'] },
  assign: { fields: ['assigneeId', 'stepWorkingDays'], required: ['assigneeId'] },
  transfer: {
    fields: ['toUnitCode', 'reason', 'stepWorkingDays'],
    required: ['toUnitCode', 'reason'],
  },
  transfer_lien_thong: {
    fields: ['toUnitCode', 'reason', 'stepWorkingDays'],
    required: ['toUnitCode', 'reason', 'stepWorkingDays'],
  },
  request_verification: { fields: ['reason', 'stepWorkingDays'], required: [] },
  request_consultation: { fields: ['reason', 'stepWorkingDays'], required: [] },
  request_supplement: { fields: ['reason', 'documents'], required: ['reason', 'documents'] },
  notify_financial_obligation: { fields: ['amountVnd', 'reason'], required: ['amountVnd'] },
  obligation_fulfilled: { fields: [], required: [] },
  request_withdrawal: { fields: ['reason'], required: ['reason'] },
  accept_withdrawal: { fields: [], required: [] },
  refuse_withdrawal: { fields: ['reason'], required: ['reason'] },
  stop: { fields: ['reason'], required: ['reason'] },
  apologise: { fields: ['reason', 'newDueDate'], required: ['reason', 'newDueDate'] },
  submit_for_signature: { fields: ['resultFileId', 'reason'], required: [] },
  return_for_revision: { fields: ['reason'], required: ['reason'] },
  sign: { fields: ['resultFileId'], required: [] },
  refuse_on_merits: { fields: ['reason', 'resultFileId'], required: ['reason'] },
  mark_finished: { fields: ['resultFileId'], required: [] },
  return_result: { fields: ['channel'], required: ['channel'] },
};

/**
 * Actions of the one-stop desk: they are done by the receiving unit's desk (which accepted the
 * dossier and hands back the result), whichever unit processes it now.
 */
const DESK_ACTIONS = new Set([
  'accept',
  'guide_to_complete',
  'refuse_to_accept',
  'request_withdrawal',
  'accept_withdrawal',
  'refuse_withdrawal',
  'obligation_fulfilled',
  'return_result',
]);
const DESK_ROLES: readonly OfficerRole[] = ['receiving_officer', 'unit_leader'];
const PROCESSING_ROLES: readonly OfficerRole[] = ['specialist', 'unit_leader'];

/**
 * The workflow roles an officer holds for this action on this dossier: specialist and leader roles
 * count in the unit holding the dossier, desk roles in the receiving unit for desk actions.
 */
export function rolesForAction(
  action: string,
  atHandlingUnit: readonly OfficerRole[],
  atReceivingUnit: readonly OfficerRole[],
): string[] {
  const roles = new Set<string>(atHandlingUnit.filter((r) => PROCESSING_ROLES.includes(r)));
  if (DESK_ACTIONS.has(action)) {
    for (const r of atReceivingUnit) if (DESK_ROLES.includes(r)) roles.add(r);
  }
  return [...roles];
}

export function toWorkflowState(row: DossierRow, resultPending = false): DossierWorkflowState {
  const s: DossierWorkflowState = {
    state: row.state as DossierState,
    supplementRequests: row.supplement_requests,
    hasResult: row.result_id !== null || resultPending,
  };
  if (row.step) s.step = row.step as ProcessingStep;
  if (row.previous_state) s.previousState = row.previous_state as DossierState;
  if (row.previous_step) s.previousStep = row.previous_step as ProcessingStep;
  if (row.outcome) s.outcome = row.outcome;
  return s;
}

export const stepLabels: Record<ProcessingStep, string> = {
  appraisal: 'Thẩm định, xử lý',
  verification: 'Xác minh',
  consultation: 'Lấy ý kiến',
  lien_thong: 'Liên thông',
};

/** Where a dossier stands against its time limit, as the queues' chips and rows show it. */
export function bandOf(
  row: Pick<DossierRow, 'status_code' | 'paused_at' | 'due_at'>,
  now: Date,
  dueSoonBefore: Date,
): Band {
  if ([3, 8, 10].includes(row.status_code)) return 'done';
  if (row.paused_at) return 'paused';
  if (!row.due_at) return 'none';
  const due = new Date(row.due_at).getTime();
  if (due < now.getTime()) return 'overdue';
  if (due < dueSoonBefore.getTime()) return 'due_soon';
  return 'within';
}

/** Digits of a typed citizen ID, when the search text is one (9 or 12 digits, spaces allowed). */
export function citizenIdDigits(q: string): string | null {
  const digits = q.replace(/[\s.]/g, '');
  return /^(\d{9}|\d{12})$/.test(digits) ? digits : null;
}
