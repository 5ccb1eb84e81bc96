import type { ResubmitBody } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { formatVn } from '../calendar/calendar.time';
import { dossierBundle } from '../dossiers/drafts.service';
import type { FilesService } from '../files/files.service';
import { applyAction, type WorkflowActionName } from '../workflow/dossier-workflow';
import { type DossierEventSink, recordDossierEvent } from './processing.events';
import { type DossierPatch, type DossierRow, ProcessingRepository } from './processing.repository';
import type { ResultIssuer } from './processing.results';
import { toWorkflowState } from './processing.rules';

export interface ResidentActionsDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  files: FilesService;
  results: ResultIssuer;
  sinks: readonly DossierEventSink[];
}

/** Where the resident's supplement uploads wait until they resubmit. */
export const supplementBundle = (dossierId: string) => `supplement:${dossierId}`;

/**
 * What a resident does on their own dossier: answer a request to complete (before acceptance or
 * form 02 during processing), ask to withdraw, download the e-result (which returns it online).
 */
export class ResidentActionsService {
  constructor(private readonly deps: ResidentActionsDeps) {}

  private async own(actor: SignedInActor, id: string): Promise<DossierRow> {
    const row = await new ProcessingRepository(this.deps.db).findDossier(id);
    // Someone else's dossier is "not found": its existence is not revealed.
    if (!row || row.applicant_user_id !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
    return row;
  }

  async resubmit(
    actor: SignedInActor,
    id: string,
    body: ResubmitBody,
    requestId: string,
  ): Promise<void> {
    const { clock, calendar, db } = this.deps;
    const row = await this.own(actor, id);
    let action: WorkflowActionName;
    if (row.state === 'supplement_requested') action = 'resubmit';
    else if (row.state === 'submitted') {
      const latest = await new ProcessingRepository(db).latestEvent(row.id, [
        'submitted',
        'guide_to_complete',
        'complete_after_guidance',
      ]);
      if (latest?.type !== 'guide_to_complete') throw new AppError('GUIDANCE_NOT_GIVEN');
      action = 'complete_after_guidance';
    } else throw new AppError('ACTION_NOT_ALLOWED_IN_STATE');
    if (body.fileIds.length === 0 && !body.note) throw new AppError('NOTHING_TO_RESUBMIT');

    const now = clock.now();
    const patch: DossierPatch = {};
    const data: Record<string, unknown> = { files: body.fileIds.length };
    if (action === 'resubmit' && row.paused_at) {
      patch.paused_at = null;
      const from = new Date(row.paused_at);
      // The clock restarts: the pause is recorded and the due date moves by the paused time.
      if (now.getTime() > from.getTime()) {
        const pauses = [...row.pauses, { from: from.toISOString(), to: now.toISOString() }];
        patch.pauses = JSON.stringify(pauses);
        data.pause = pauses.at(-1);
        if (row.accepted_at && row.time_limit_amount && row.time_limit_unit) {
          const due = await calendar.dueWithPauses(
            new Date(row.accepted_at),
            row.time_limit_amount,
            row.time_limit_unit,
            pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
          );
          patch.due_at = due.due;
          data.dueAt = formatVn(due.due);
        }
      }
    }
    await this.write(
      actor,
      row,
      action,
      { patch, data, note: body.note ?? null, requestId },
      async (trx) => {
        if (body.fileIds.length) {
          await this.deps.files.attachToBundle(trx, actor, {
            fileIds: body.fileIds,
            ownerUserId: actor.userId,
            bundleId: dossierBundle(row.id),
            requestId,
          });
        }
      },
    );
  }

  async withdraw(actor: SignedInActor, id: string, reason: string, requestId: string) {
    const row = await this.own(actor, id);
    await this.write(actor, row, 'request_withdrawal', {
      patch: {},
      data: {},
      note: reason,
      requestId,
    });
  }

  /**
   * The e-result's bytes for its applicant. The first download of an online dossier's result is
   * how it is returned (status 9 → 10, channel online).
   */
  async openResult(actor: SignedInActor, id: string, requestId: string) {
    const row = await this.own(actor, id);
    if (!row.result_id || (row.status_code !== 9 && row.status_code !== 10)) {
      throw new AppError('RESULT_NOT_AVAILABLE');
    }
    if (row.status_code === 9 && row.channel === 2) {
      const now = this.deps.clock.now();
      await this.write(actor, row, 'return_result', {
        patch: { returned_at: now, return_channel: 'online' },
        data: { channel: 'online' },
        note: null,
        requestId,
      }).catch((error: unknown) => {
        // Another download returned it a moment ago: the file is still the resident's.
        if (!(error instanceof AppError && error.code === 'DOSSIER_CHANGED')) throw error;
      });
    }
    return this.deps.results.open(row.result_id);
  }

  private async write(
    actor: SignedInActor,
    row: DossierRow,
    action: WorkflowActionName,
    change: {
      patch: DossierPatch;
      data: Record<string, unknown>;
      note: string | null;
      requestId: string;
    },
    extra?: (trx: Db) => Promise<void>,
  ): Promise<void> {
    const { db, clock, sinks } = this.deps;
    const decided = applyAction(
      toWorkflowState(row),
      action,
      { roles: ['resident'] },
      {
        ...(change.note ? { reason: change.note } : {}),
        ...(action === 'return_result' ? { channel: 'online' as const } : {}),
      },
    );
    if (!decided.ok)
      throw new AppError(
        decided.error === 'REASON_REQUIRED' ? 'REASON_REQUIRED' : 'ACTION_NOT_ALLOWED_IN_STATE',
      );
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const updated = await new ProcessingRepository(trx).updateIfUnchanged(
        row.id,
        row.row_version,
        {
          ...change.patch,
          state: decided.next.state,
          status_code: decided.statusCode,
          step: decided.next.step ?? null,
          previous_state: decided.next.previousState ?? null,
          previous_step: decided.next.previousStep ?? null,
          updated_at: now,
        },
      );
      if (!updated) throw new AppError('DOSSIER_CHANGED');
      await extra?.(trx);
      const eventId = await recordDossierEvent(
        trx,
        clock,
        sinks,
        {
          dossierId: row.id,
          type: action,
          statusCode: decided.statusCode,
          at: now,
          actorId: actor.userId,
          actorKind: actor.kind,
          unitCode: row.handling_unit_code,
          public: true,
          note: change.note,
          data: change.data,
        },
        updated,
      );
      await appendAudit(trx, clock, {
        actor,
        action: `dossier.${action}`,
        unitCode: row.handling_unit_code,
        objectType: 'dossier',
        objectId: row.id,
        requestId: change.requestId,
        details: { from: row.state, to: decided.next.state, eventId },
      });
    });
  }
}
