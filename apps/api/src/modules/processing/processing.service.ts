import type { DossierActionBody, ErrorCode } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { formatVn, isValidDate } from '../calendar/calendar.time';
import {
  type ApplyResult,
  applyAction,
  findAction,
  type WorkflowAction,
  type WorkflowError,
} from '../workflow/dossier-workflow';
import { type DossierEventSink, recordDossierEvent } from './processing.events';
import { notifyResident } from './processing.notify';
import { type DossierPatch, type DossierRow, ProcessingRepository } from './processing.repository';
import type { PreparedResult, ResultIssuer } from './processing.results';
import { actionFields, rolesForAction, toWorkflowState } from './processing.rules';

export interface ProcessingDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  calendar: CalendarService;
  results: ResultIssuer;
  sinks: readonly DossierEventSink[];
}

const workflowErrors: Record<WorkflowError, ErrorCode> = {
  ACTION_NOT_ALLOWED_IN_STATE: 'ACTION_NOT_ALLOWED_IN_STATE',
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  REASON_REQUIRED: 'REASON_REQUIRED',
  RESULT_REQUIRED: 'RESULT_REQUIRED',
};

/** Everything an action computed before its transaction: the row patch and the event data. */
interface Plan {
  patch: DossierPatch;
  data: Record<string, unknown>;
  result: PreparedResult | null;
}

/**
 * Officer actions on a dossier after reception (Decree 118/2025): the workflow table decides the
 * transition; this service checks unit, role, assignment and inputs, then writes the new state,
 * the immutable event, the audit row, the resident's message and the sync record in one
 * transaction, guarded by the row version (two officers at once: one wins, one gets 409).
 */
export class ProcessingService {
  constructor(private readonly deps: ProcessingDeps) {}

  /** A dossier the officer may see (handling or receiving unit), else 404 without a hint. */
  async findVisible(actor: OfficerActor, id: string): Promise<DossierRow> {
    const row = await new ProcessingRepository(this.deps.db).findDossier(id);
    if (!row || !(await this.canSee(actor, row))) throw new AppError('DOSSIER_NOT_FOUND');
    return row;
  }

  async canSee(actor: OfficerActor, row: DossierRow): Promise<boolean> {
    const { policy } = this.deps;
    return (
      (await policy.can(actor, 'dossiers.read', row.handling_unit_code)) ||
      (await policy.can(actor, 'dossiers.read', row.receiving_unit_code))
    );
  }

  async rolesFor(actor: OfficerActor, row: DossierRow, action: string): Promise<string[]> {
    const { policy } = this.deps;
    return rolesForAction(
      action,
      await policy.rolesAt(actor, row.handling_unit_code),
      await policy.rolesAt(actor, row.receiving_unit_code),
    );
  }

  async act(
    actor: OfficerActor,
    dossierId: string,
    body: DossierActionBody,
    requestId: string,
  ): Promise<DossierRow> {
    const { db, clock } = this.deps;
    const def = findAction(body.action);
    if (!def || def.name === 'accept' || !(def.name in actionFields)) {
      throw new AppError('ACTION_UNKNOWN');
    }
    const row = await this.findVisible(actor, dossierId);
    // A stale view first: the officer must reload before being told anything about the state.
    if (row.row_version !== body.expectedRowVersion) throw new AppError('DOSSIER_CHANGED');
    const roles = await this.rolesFor(actor, row, def.name);
    const pendingFile = def.requiresResult ? await this.pendingResultFile(row, body) : null;
    const decided = applyAction(
      toWorkflowState(row, pendingFile !== null),
      def,
      { roles },
      {
        ...(body.reason ? { reason: body.reason } : {}),
        resultAttached: pendingFile !== null,
        ...(body.channel ? { channel: body.channel } : {}),
      },
    );
    if (!decided.ok) throw new AppError(workflowErrors[decided.error]);
    this.assertAssignee(actor, row, def, roles);
    for (const field of actionFields[def.name]!.required) {
      const value = body[field];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) {
        throw missingField(field);
      }
    }
    const plan = await this.plan(actor, row, def, decided, body, pendingFile);
    const now = clock.now();

    return db.transaction().execute(async (trx) => {
      const tx = new ProcessingRepository(trx);
      const updated = await tx.updateIfUnchanged(row.id, body.expectedRowVersion, {
        ...plan.patch,
        state: decided.next.state,
        status_code: decided.statusCode,
        step: decided.next.step ?? null,
        previous_state: decided.next.previousState ?? null,
        previous_step: decided.next.previousStep ?? null,
        supplement_requests: decided.next.supplementRequests,
        outcome: decided.next.outcome ?? null,
        updated_at: now,
      });
      if (!updated) throw new AppError('DOSSIER_CHANGED');
      if (plan.result) await this.deps.results.record(trx, clock, plan.result, actor.userId);
      const eventId = await recordDossierEvent(
        trx,
        clock,
        this.deps.sinks,
        {
          dossierId: row.id,
          type: def.name,
          statusCode: decided.statusCode,
          at: now,
          actorId: actor.userId,
          actorKind: actor.kind,
          unitCode: updated.handling_unit_code,
          public: def.public,
          note: body.reason ?? null,
          data: plan.data,
        },
        updated,
      );
      await appendAudit(trx, clock, {
        actor,
        action: `dossier.${def.name}`,
        unitCode: row.handling_unit_code,
        objectType: 'dossier',
        objectId: row.id,
        requestId,
        details: { from: row.state, to: decided.next.state, eventId, ...plan.data },
      });
      const names = await this.names(tx, updated);
      await notifyResident(trx, clock, {
        action: def,
        dossier: updated,
        eventId,
        procedureName: names.procedure,
        receivingUnitName: names.receivingUnit,
        reason: body.reason ?? null,
        documents: body.documents ?? [],
        amountVnd: body.amountVnd ?? null,
      });
      return updated;
    });
  }

  /** A specialist acts only on the dossiers assigned to them; the unit leader on all. */
  private assertAssignee(
    actor: OfficerActor,
    row: DossierRow,
    def: WorkflowAction,
    roles: string[],
  ): void {
    const onlyAsSpecialist =
      def.roles.includes('specialist') &&
      !roles.some((r) => r !== 'specialist' && (def.roles as readonly string[]).includes(r));
    if (onlyAsSpecialist && row.assigned_officer_id && row.assigned_officer_id !== actor.userId) {
      throw new AppError('NOT_ASSIGNED_TO_YOU');
    }
  }

  /** The file that will become the e-result: sent now, or sent earlier with "submit for signature". */
  private async pendingResultFile(
    row: DossierRow,
    body: DossierActionBody,
  ): Promise<string | null> {
    if (body.resultFileId) return body.resultFileId;
    if (row.result_id) return null;
    const submitted = await new ProcessingRepository(this.deps.db).latestEvent(row.id, [
      'submit_for_signature',
    ]);
    const fileId = (submitted?.data as { resultFileId?: unknown } | undefined)?.resultFileId;
    return typeof fileId === 'string' ? fileId : null;
  }

  private async names(repo: ProcessingRepository, row: DossierRow) {
    const [procedure, unit] = await Promise.all([
      repo.procedureName(row.procedure_code, row.procedure_version),
      repo.findUnit(row.receiving_unit_code),
    ]);
    return {
      procedure: procedure?.name ?? row.procedure_code,
      receivingUnit: unit?.full_name ?? row.receiving_unit_code,
    };
  }

  private async stepDue(now: Date, days: number | undefined, fallback: Date | null) {
    if (!days) return fallback;
    return (await this.deps.calendar.due(now, days, 'working_days')).due;
  }

  /** Checks the action's inputs and computes its effects, before the transaction opens. */
  private async plan(
    actor: OfficerActor,
    row: DossierRow,
    def: WorkflowAction,
    decided: Extract<ApplyResult, { ok: true }>,
    body: DossierActionBody,
    pendingFile: string | null,
  ): Promise<Plan> {
    const { calendar, clock, db } = this.deps;
    const repo = new ProcessingRepository(db);
    const now = clock.now();
    const patch: DossierPatch = {};
    const data: Record<string, unknown> = {};
    let result: PreparedResult | null = null;
    const due = row.due_at ? new Date(row.due_at) : null;

    switch (def.name) {
      case 'guide_to_complete':
      case 'request_supplement':
        data.form = '02';
        data.documents = body.documents ?? [];
        if (def.name === 'request_supplement') {
          // DOMAIN.md §4: the clock stops until the resident resubmits; a second request is late.
          patch.paused_at = now;
          data.secondSupplement = decided.flags.secondSupplement === true;
          if (decided.flags.secondSupplement) patch.counted_late = true;
        }
        break;
      case 'refuse_to_accept':
        data.form = '03';
        break;
      case 'assign': {
        const officer = (await repo.officersOfUnit(row.handling_unit_code)).find(
          (o) => o.id === body.assigneeId && o.roles.includes('specialist'),
        );
        if (!officer) throw new AppError('ASSIGNEE_INVALID');
        patch.assigned_officer_id = officer.id;
        patch.step_due_at = await this.stepDue(now, body.stepWorkingDays, due);
        Object.assign(data, {
          fromOfficerId: row.assigned_officer_id,
          toOfficerId: officer.id,
          toOfficerName: officer.name,
        });
        break;
      }
      case 'transfer':
      case 'transfer_lien_thong': {
        const to = body.toUnitCode ? await repo.findUnit(body.toUnitCode) : undefined;
        if (!to || to.code === row.handling_unit_code) throw new AppError('TRANSFER_UNIT_INVALID');
        patch.handling_unit_code = to.code;
        // The receiving unit's leader assigns a specialist there.
        patch.assigned_officer_id = null;
        patch.step_due_at = await this.stepDue(now, body.stepWorkingDays, due);
        Object.assign(data, { fromUnitCode: row.handling_unit_code, toUnitCode: to.code });
        break;
      }
      case 'request_verification':
      case 'request_consultation':
        patch.step_due_at = await this.stepDue(now, body.stepWorkingDays, row.step_due_at);
        break;
      case 'notify_financial_obligation':
        data.amountVnd = body.amountVnd;
        break;
      case 'apologise': {
        if (!body.newDueDate || !isValidDate(body.newDueDate)) {
          throw new AppError('NEW_DUE_DATE_REQUIRED');
        }
        if (!due) throw new AppError('ACTION_NOT_ALLOWED_IN_STATE');
        if (!(await calendar.isWorkingDay(body.newDueDate))) {
          throw new AppError('NEW_DUE_DATE_NOT_WORKING_DAY');
        }
        const apologyDue = calendar.closingOf(body.newDueDate);
        const kept = calendar.applyApology(
          { due, apologyDue: row.apology_due_at ? new Date(row.apology_due_at) : null },
          apologyDue,
        );
        patch.apology_due_at = kept.apologyDue;
        Object.assign(data, {
          form: '04',
          originalDueAt: formatVn(due),
          apologyDueAt: formatVn(apologyDue),
        });
        break;
      }
      case 'submit_for_signature':
        if (body.resultFileId) {
          await this.deps.results.assertUsable(row.id, body.resultFileId);
          data.resultFileId = body.resultFileId;
        }
        break;
      case 'return_for_revision':
        patch.step_due_at = row.step_due_at;
        break;
      case 'sign':
      case 'refuse_on_merits':
      case 'mark_finished':
        if (pendingFile) {
          result = await this.deps.results.prepare(actor, row, pendingFile, decided.next.outcome!);
          patch.result_id = result.id;
          data.resultId = result.id;
        }
        data.outcome = decided.next.outcome;
        patch.finished_at = now;
        patch.step_due_at = null;
        break;
      case 'return_result':
        patch.returned_at = now;
        patch.return_channel = decided.channel ?? body.channel ?? null;
        data.channel = patch.return_channel;
        break;
      case 'accept_withdrawal':
      case 'stop':
        patch.step_due_at = null;
        break;
    }
    if (patch.step_due_at) data.stepDueAt = formatVn(new Date(patch.step_due_at));
    if (due) data.dueAt = formatVn(due);
    return { patch, data, result };
  }
}

const fieldCodes: Partial<Record<string, ErrorCode>> = {
  reason: 'REASON_REQUIRED',
  assigneeId: 'ASSIGNEE_INVALID',
  toUnitCode: 'TRANSFER_UNIT_INVALID',
  amountVnd: 'AMOUNT_REQUIRED',
  channel: 'RETURN_CHANNEL_REQUIRED',
  newDueDate: 'NEW_DUE_DATE_REQUIRED',
};
const fieldMessages: Record<string, string> = {
  documents: 'Vui lòng liệt kê ít nhất một giấy tờ cần bổ sung',
  stepWorkingDays: 'Vui lòng nhập thời hạn của bước này (số ngày làm việc)',
};

function missingField(field: string): AppError {
  const code = fieldCodes[field];
  if (code) return new AppError(code);
  return new AppError('VALIDATION_FAILED', {
    fields: [{ path: field, message: fieldMessages[field] ?? 'Thông tin bắt buộc' }],
  });
}
