import type { FeedbackActionBody, OfficerRole } from '@cqs/shared';
import type { Updateable } from 'kysely';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { FeedbackActionsDeps } from './feedback.actions';
import { loadRules } from './feedback.rules';
import type { FeedbackReportRow, FeedbackReportsTable } from './feedback.tables';
import { routeReport } from './feedback-routing';

/**
 * What each officer action changes on a report besides its state (unit, officer, answer,
 * pause, moderation), checked before the transaction that writes it.
 */

/** What an action changes besides the state, and what the event and messages say. */
export interface FeedbackEffect {
  change: Updateable<FeedbackReportsTable>;
  note: string | null;
  data: Record<string, unknown>;
  unitCode: string | null;
  residentMessage?: { kind: 'answered' | 'info_requested'; text: string };
  newUnit?: { code: string; escalated: boolean };
  /** More writes in the same transaction (a worker's message to the unit it took over from). */
  extra?: (trx: Db) => Promise<void>;
}

/** The effect of an officer's action on `row`, or a typed error when its inputs are wrong. */
export async function officerEffect(
  deps: FeedbackActionsDeps,
  row: FeedbackReportRow,
  body: FeedbackActionBody,
): Promise<FeedbackEffect> {
  const { repository, clock, calendar } = deps;
  const now = clock.now();
  const unitCode = row.assigned_unit_code;
  const base: FeedbackEffect = { change: {}, note: body.note ?? null, data: {}, unitCode };
  switch (body.action) {
    case 'triage': {
      const code = body.categoryCode ?? row.category_code;
      const category = await repository.findCategory(code);
      if (!category?.active) throw new AppError('FEEDBACK_CATEGORY_UNKNOWN');
      let target = body.toUnitCode ?? null;
      if (!target) {
        const route = routeReport(await loadRules(repository), {
          categoryCode: code,
          communeCode: row.commune_code,
          point: row.lat != null && row.lng != null ? { lat: row.lat, lng: row.lng } : null,
        });
        if (!route.matched) throw new AppError('FEEDBACK_NO_ROUTE');
        target = route.unitCode;
      }
      await assertUnit(deps, target);
      const due = await calendar.due(row.created_at, category.answer_days, 'working_days');
      return {
        ...base,
        change: {
          category_code: code,
          category_flagged: false,
          assigned_unit_code: target,
          assigned_officer_id: null,
          due_at: due.due,
        },
        data: { from: row.category_code, to: code, unit: target },
        unitCode: target,
        newUnit: target !== unitCode ? { code: target, escalated: false } : undefined,
      } as FeedbackEffect;
    }
    case 'assign': {
      if (!body.officerId) throw fieldError('officerId', 'Chọn cán bộ xử lý');
      await assertOfficerOfUnit(deps, body.officerId, unitCode ?? '66');
      return {
        ...base,
        change: { assigned_officer_id: body.officerId },
        data: { officerId: body.officerId },
      };
    }
    case 'start':
      return base;
    case 'request_info': {
      const question = body.publicReply ?? body.note!;
      return {
        ...base,
        note: question,
        change: { paused_at: now },
        residentMessage: { kind: 'info_requested', text: question },
      };
    }
    case 'resolve':
    case 'reject': {
      const answer = body.publicReply ?? body.note!;
      return {
        ...base,
        note: answer,
        change: { public_answer: answer, answered_at: now, resolved_at: now },
        residentMessage: { kind: 'answered', text: answer },
      };
    }
    case 'transfer': {
      const target = body.toUnitCode;
      if (!target) throw fieldError('toUnitCode', 'Chọn đơn vị nhận');
      await assertUnit(deps, target);
      if (target === unitCode) throw fieldError('toUnitCode', 'Đơn vị nhận trùng đơn vị hiện tại');
      return {
        ...base,
        // The reason of a transfer is public: the resident sees why another body answers.
        note: body.publicReply ?? body.note ?? null,
        change: { assigned_unit_code: target, assigned_officer_id: null },
        data: { fromUnitCode: unitCode, toUnitCode: target },
        unitCode: target,
        newUnit: { code: target, escalated: false },
      };
    }
    case 'return_to_sender': {
      // Back to the unit that transferred it, else to the province's triage.
      const events = await repository.listEvents(row.id, { publicOnly: false });
      const lastTransfer = [...events].reverse().find((e) => e.type === 'transfer');
      const sender = (lastTransfer?.data as { fromUnitCode?: string } | undefined)?.fromUnitCode;
      const target = sender && sender !== unitCode ? sender : '66';
      return {
        ...base,
        change: { assigned_unit_code: target, assigned_officer_id: null },
        data: { fromUnitCode: unitCode, toUnitCode: target },
        unitCode: target,
        newUnit: target !== '66' ? { code: target, escalated: false } : undefined,
      } as FeedbackEffect;
    }
    case 'internal_note':
      return base;
    case 'approve_moderation':
      return { ...base, change: { moderation_state: 'visible' } };
    case 'hide':
      return { ...base, change: { moderation_state: 'hidden' } };
    default:
      throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED');
  }
}

async function assertUnit(deps: FeedbackActionsDeps, code: string): Promise<void> {
  const unit = await deps.units.find(code);
  if (!unit?.active) throw fieldError('toUnitCode', 'Không có đơn vị với mã này');
}

async function assertOfficerOfUnit(
  deps: FeedbackActionsDeps,
  officerId: string,
  unitCode: string,
): Promise<void> {
  const grants = await deps.db
    .selectFrom('grants')
    .select(['role', 'unit_code'])
    .where('user_id', '=', officerId)
    .execute();
  const asActor: Actor = {
    kind: 'officer',
    userId: officerId,
    sessionIdHash: '',
    csrfToken: '',
    grants: grants.map((g) => ({ role: g.role as OfficerRole, unitCode: g.unit_code })),
    activeUnitCode: null,
  };
  if (!(await deps.policy.can(asActor, 'feedback.handle', unitCode))) {
    throw fieldError('officerId', 'Cán bộ này không thuộc đơn vị xử lý phản ánh');
  }
}

function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ path, message }] });
}
