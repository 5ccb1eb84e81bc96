import { type BulkAssignBody, type BulkAssignResult, errorCatalogue } from '@cqs/shared';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { ProcessingService } from './processing.service';

/**
 * Bulk assignment from a unit queue: each dossier is its own action (own transaction, row version
 * and audit row), so one stale or foreign dossier fails alone and the officer sees which.
 */
export class ProcessingAssignments {
  constructor(private readonly processing: ProcessingService) {}

  async assignMany(
    actor: OfficerActor,
    body: BulkAssignBody,
    requestId: string,
  ): Promise<BulkAssignResult> {
    const items: BulkAssignResult['items'] = [];
    for (const item of body.items) {
      try {
        const row = await this.processing.act(
          actor,
          item.id,
          {
            action: 'assign',
            expectedRowVersion: item.expectedRowVersion,
            assigneeId: body.assigneeId,
            ...(body.stepWorkingDays ? { stepWorkingDays: body.stepWorkingDays } : {}),
          },
          requestId,
        );
        items.push({ id: item.id, ok: true, rowVersion: row.row_version, error: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        items.push({
          id: item.id,
          ok: false,
          rowVersion: null,
          error: { code: error.code, message: error.detailVi ?? errorCatalogue[error.code].vi },
        });
      }
    }
    return { items };
  }
}
