import type { FeedbackActionBody } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Actor, OfficerActor, SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { UnitsService } from '../units/units.service';
import { notifyFollowers, notifyResident, notifyUnitNew } from './feedback.notify';
import { type FeedbackEffect, officerEffect } from './feedback.officer-effects';
import type { FeedbackRepository } from './feedback.repository';
import type { FeedbackPause, FeedbackReportRow } from './feedback.tables';
import {
  applyFeedbackAction,
  type FeedbackRole,
  type FeedbackState,
  REOPEN_WINDOW_DAYS,
} from './feedback-workflow';

export interface FeedbackActionsDeps {
  db: Db;
  clock: Clock;
  repository: FeedbackRepository;
  units: UnitsService;
  calendar: CalendarService;
  policy: AccessPolicy;
}

const DAY_MS = 86_400_000;

/**
 * Officer and resident actions on a report, each in one transaction with its event, audit row
 * and messages; optimistic concurrency on row_version. Workers use `applySystem`.
 */
export class FeedbackActions {
  constructor(private readonly deps: FeedbackActionsDeps) {}

  async officerAction(
    actor: OfficerActor,
    id: string,
    body: FeedbackActionBody,
    requestId: string,
  ): Promise<{ state: string; rowVersion: number }> {
    const row = await this.load(id);
    const unit = row.assigned_unit_code ?? '66';
    await this.deps.policy.assert(actor, 'feedback.handle', unit);
    const text = body.publicReply ?? body.note ?? null;
    const step = applyFeedbackAction(row.state as FeedbackState, body.action, 'officer', text);
    this.refuse(step);
    if (!step.ok) throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED');
    const effect = await officerEffect(this.deps, row, body);
    const roles = await this.deps.policy.rolesAt(actor, unit);
    return this.commit(row, body.expectedRowVersion, {
      actor,
      role: roles[0] ?? null,
      action: body.action,
      to: step.to,
      isPublic: step.action.public,
      effect,
      requestId,
    });
  }

  private refuse(step: ReturnType<typeof applyFeedbackAction>): void {
    if (step.ok) return;
    if (step.reason === 'reason_required') throw new AppError('FEEDBACK_REASON_REQUIRED');
    if (step.reason === 'unknown_action') {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'action', message: 'Thao tác không tồn tại' }],
      });
    }
    throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED');
  }

  /** The resident answers a request for information: the deadline resumes, pauses counted. */
  async provideInfo(actor: SignedInActor, reference: string, text: string, requestId: string) {
    const row = await this.loadOwn(actor, reference);
    this.refuse(applyFeedbackAction(row.state as FeedbackState, 'provide_info', 'resident', text));
    const now = this.deps.clock.now();
    const pauses: FeedbackPause[] = [
      ...row.pauses,
      { from: (row.paused_at ?? now).toISOString(), to: now.toISOString() },
    ];
    const due = await this.recomputeDue(row, pauses);
    return this.commit(row, row.row_version, {
      actor,
      role: 'resident',
      action: 'provide_info',
      to: 'in_progress',
      isPublic: true,
      effect: {
        change: { paused_at: null, pauses: JSON.stringify(pauses), due_at: due },
        note: text,
        data: {},
        unitCode: row.assigned_unit_code,
      },
      requestId,
    });
  }

  async rate(
    actor: SignedInActor,
    reference: string,
    input: { rating: number; comment?: string | undefined },
    requestId: string,
  ) {
    const row = await this.loadOwn(actor, reference);
    this.refuse(applyFeedbackAction(row.state as FeedbackState, 'rate', 'resident'));
    this.assertWindow(row);
    const now = this.deps.clock.now();
    return this.commit(row, row.row_version, {
      actor,
      role: 'resident',
      action: 'rate',
      to: 'closed',
      isPublic: true,
      effect: {
        change: {
          rating: input.rating,
          rating_comment: input.comment ?? null,
          closed_at: now,
          overdue_at_close: overdueAtClose(row),
        },
        note: null,
        data: { rating: input.rating },
        unitCode: row.assigned_unit_code,
      },
      requestId,
    });
  }

  async reopen(actor: SignedInActor, reference: string, reason: string, requestId: string) {
    const row = await this.loadOwn(actor, reference);
    this.refuse(applyFeedbackAction(row.state as FeedbackState, 'reopen', 'resident', reason));
    this.assertWindow(row);
    const now = this.deps.clock.now();
    const category = await this.deps.repository.findCategory(row.category_code);
    const due = (await this.deps.calendar.due(now, category?.answer_days ?? 15, 'working_days'))
      .due;
    return this.commit(row, row.row_version, {
      actor,
      role: 'resident',
      action: 'reopen',
      to: 'in_progress',
      isPublic: true,
      effect: {
        change: { resolved_at: null, reopen_count: row.reopen_count + 1, due_at: due },
        note: reason,
        data: {},
        unitCode: row.assigned_unit_code,
      },
      requestId,
    });
  }

  /** A worker's step (escalate, auto_close); `effect` already decided by the worker. */
  async applySystem(
    row: FeedbackReportRow,
    action: 'escalate' | 'auto_close',
    effect: FeedbackEffect,
  ): Promise<void> {
    const step = applyFeedbackAction(row.state as FeedbackState, action, 'system');
    if (!step.ok) return;
    await this.commit(row, row.row_version, {
      actor: { kind: 'anonymous' },
      role: 'system',
      action,
      to: step.to,
      isPublic: step.action.public,
      effect,
      requestId: null,
    });
  }

  private assertWindow(row: FeedbackReportRow): void {
    const since = row.resolved_at ?? row.answered_at;
    if (!since) throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED');
    if (this.deps.clock.now().getTime() - since.getTime() > REOPEN_WINDOW_DAYS * DAY_MS) {
      throw new AppError('FEEDBACK_REOPEN_WINDOW_PASSED');
    }
  }

  private async recomputeDue(row: FeedbackReportRow, pauses: FeedbackPause[]): Promise<Date> {
    const category = await this.deps.repository.findCategory(row.category_code);
    const computed = await this.deps.calendar.dueWithPauses(
      row.created_at,
      category?.answer_days ?? 15,
      'working_days',
      pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to ?? p.from) })),
    );
    return computed.due;
  }

  private async commit(
    row: FeedbackReportRow,
    expectedRowVersion: number,
    c: {
      actor: Actor;
      role: string | null;
      action: string;
      to: FeedbackState;
      isPublic: boolean;
      effect: FeedbackEffect;
      requestId: string | null;
    },
  ): Promise<{ state: string; rowVersion: number }> {
    const { db, clock, repository, units } = this.deps;
    const now = clock.now();
    const { effect } = c;
    const unitName = (await units.find(effect.unitCode ?? ''))?.full_name ?? effect.unitCode ?? '';
    const category = await repository.findCategory(row.category_code);
    await db.transaction().execute(async (trx) => {
      const changed = await repository.updateReport(trx, row.id, expectedRowVersion, {
        ...effect.change,
        state: c.to,
        updated_at: now,
      });
      if (!changed) throw new AppError('FEEDBACK_CHANGED');
      const eventId = await repository.insertEvent(trx, {
        report_id: row.id,
        type: c.action,
        state: c.to,
        at: now,
        actor_id: c.actor.kind === 'anonymous' ? null : c.actor.userId,
        actor_kind: c.role === 'system' ? 'system' : c.actor.kind,
        unit_code: effect.unitCode,
        public: c.isPublic,
        note: effect.note,
        data: JSON.stringify(effect.data),
      });
      await appendAudit(trx, clock, {
        actor: c.actor,
        role: c.role,
        unitCode: effect.unitCode,
        action: `feedback.${c.action}`,
        objectType: 'feedback_report',
        objectId: row.id,
        requestId: c.requestId,
        details: { reference: row.reference, from: row.state, to: c.to, ...effect.data },
      });
      const title = row.description.slice(0, 80);
      if (effect.residentMessage) {
        await notifyResident(trx, clock, {
          reportId: row.id,
          eventId,
          reference: row.reference,
          title,
          unitName,
          recipientName: row.anonymous ? null : row.reporter_name,
          email: row.reporter_email,
          phone: row.reporter_phone,
          ...effect.residentMessage,
        });
      }
      // Followers hear the public outcome: the answer (resolve/reject) and the closing.
      const followerKind = effect.residentMessage?.kind === 'answered' ? 'answered' : null;
      if (followerKind || (c.to === 'closed' && row.state !== 'closed')) {
        await notifyFollowers(trx, clock, repository, {
          reportId: row.id,
          reporterUserId: row.reporter_user_id,
          eventId,
          reference: row.reference,
          title,
          unitName,
          kind: followerKind ?? 'closed',
          answer: followerKind ? effect.residentMessage!.text : null,
        });
      }
      if (effect.newUnit) {
        await notifyUnitNew(trx, clock, repository, {
          reportId: row.id,
          reference: row.reference,
          title,
          categoryName: category?.name_vi ?? row.category_code,
          unitCode: effect.newUnit.code,
          unitName,
          dueAt: (effect.change.due_at as Date | undefined) ?? row.due_at ?? now,
          escalated: effect.newUnit.escalated,
        });
      }
      await effect.extra?.(trx);
    });
    return { state: c.to, rowVersion: expectedRowVersion + 1 };
  }

  private async load(id: string): Promise<FeedbackReportRow> {
    const row = await this.deps.repository.findReport(id);
    if (!row) throw new AppError('FEEDBACK_NOT_FOUND');
    return row;
  }

  private async loadOwn(actor: SignedInActor, reference: string): Promise<FeedbackReportRow> {
    const row = await this.load(reference);
    if (row.reporter_user_id !== actor.userId) throw new AppError('FEEDBACK_NOT_REPORTER');
    return row;
  }
}

/** Late when answered after the deadline, or escalated (its first deadline passed). */
export function overdueAtClose(row: FeedbackReportRow): boolean {
  if (row.escalation_level > 0) return true;
  if (!row.due_at) return false;
  const answered = row.answered_at ?? row.resolved_at;
  return answered ? answered.getTime() > row.due_at.getTime() : true;
}

export type { FeedbackEffect, FeedbackRole };
