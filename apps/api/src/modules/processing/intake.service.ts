import { randomUUID } from 'node:crypto';
import type { IntakeBody, IntakeResult } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { formatVn } from '../calendar/calendar.time';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { dossierBundle } from '../dossiers/drafts.service';
import { newTemporaryReference } from '../dossiers/submission.service';
import type { FilesService } from '../files/files.service';
import { findStoredAnswer, requestHash, runIdempotent } from '../idempotency/idempotency.service';
import type { ReceptionService } from '../reception/reception.service';
import { type DossierEventSink, recordDossierEvent } from './processing.events';
import { ProcessingRepository } from './processing.repository';

export interface IntakeDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  catalogue: CatalogueService;
  files: FilesService;
  reception: ReceptionService;
  sinks: readonly DossierEventSink[];
}

/** Where an officer's scans wait until the intake form is sent. */
export const intakeBundle = (formId: string) => `intake:${formId}`;

/**
 * In-person (or postal) intake at the one-stop counter: the officer records a resident who is
 * present, identified by their citizen ID, with the documents scanned, and usually accepts the
 * dossier at once so the resident leaves with form 01. Idempotent per Idempotency-Key, so a
 * double click at the counter creates one dossier.
 */
export class IntakeService {
  constructor(private readonly deps: IntakeDeps) {}

  async intake(
    actor: OfficerActor,
    body: IntakeBody,
    idempotencyKey: string,
    requestId: string,
  ): Promise<{ body: IntakeResult; replayed: boolean }> {
    const { db, clock, policy, catalogue } = this.deps;
    const id = {
      scope: actor.userId,
      key: idempotencyKey,
      requestHash: requestHash('POST', '/api/officer/intake', body),
    };
    const stored = await findStoredAnswer<IntakeResult>(db, id);
    if (stored) return { body: await this.current(stored.body.id), replayed: true };

    await policy.assert(actor, 'dossiers.accept', body.unitCode);
    const unit = await new ProcessingRepository(db).findUnit(body.unitCode);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    const procedure = await catalogue.get(body.procedureCode, { actor });
    const fee =
      procedure.fees.find((f) => f.channel === (body.channel === 3 ? 'buu_chinh' : 'truc_tiep'))
        ?.feeVnd ?? null;
    // A resident who has signed in with VNeID before sees the dossier in "my dossiers".
    const account = await db
      .selectFrom('users')
      .select('id')
      .where('kind', '=', 'resident')
      .where('citizen_id', '=', body.applicant.citizenId)
      .execute();
    const applicantUserId = account.length === 1 ? account[0]!.id : null;

    const created = await runIdempotent(db, clock, id, async (trx) => {
      const now = clock.now();
      const dossierId = randomUUID();
      const reference = newTemporaryReference(now);
      const row = await trx
        .insertInto('dossiers')
        .values({
          id: dossierId,
          reference,
          procedure_code: procedure.code,
          procedure_version: procedure.version,
          applicant_user_id: applicantUserId,
          submitted_by_user_id: actor.userId,
          receiving_unit_code: unit.code,
          handling_unit_code: unit.code,
          channel: body.channel,
          status_code: 1,
          state: 'submitted',
          answers: JSON.stringify({
            ...body.answers,
            ...(body.applicant.address ? { applicantAddress: body.applicant.address } : {}),
          }),
          applicant_name: body.applicant.fullName,
          applicant_citizen_id: body.applicant.citizenId,
          applicant_phone: body.applicant.phone ?? null,
          applicant_email: body.applicant.email ?? null,
          fee_vnd: fee,
          payment_state: fee && fee > 0 ? 'unpaid' : 'not_required',
          submitted_at: now,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (body.fileIds.length) {
        try {
          await this.deps.files.attachToBundle(trx, actor, {
            fileIds: body.fileIds,
            ownerUserId: actor.userId,
            bundleId: dossierBundle(dossierId),
            requestId,
          });
        } catch (error) {
          if (error instanceof AppError && error.code === 'FILE_NOT_FOUND') {
            throw new AppError('INTAKE_FILES_INVALID');
          }
          throw error;
        }
      }
      await recordDossierEvent(
        trx,
        clock,
        this.deps.sinks,
        {
          dossierId,
          type: 'submitted',
          statusCode: 1,
          at: now,
          actorId: actor.userId,
          actorKind: actor.kind,
          unitCode: unit.code,
          public: true,
          note: null,
          data: { channel: body.channel, files: body.fileIds.length, intake: true },
        },
        row,
      );
      await appendAudit(trx, clock, {
        actor,
        action: 'dossier.intake',
        unitCode: unit.code,
        objectType: 'dossier',
        objectId: dossierId,
        requestId,
        details: { reference, channel: body.channel, procedure: procedure.code },
      });
      return {
        statusCode: 201,
        body: {
          id: dossierId,
          reference,
          code: null,
          statusCode: 1,
          dueAt: null,
          rowVersion: row.row_version,
        },
      };
    });
    if (body.acceptNow) {
      await this.deps.reception.accept(actor, created.body.id, created.body.rowVersion, requestId);
    }
    return { body: await this.current(created.body.id), replayed: created.replayed };
  }

  /** The dossier as it is now (a replay answers the state after the first call's acceptance). */
  private async current(dossierId: string): Promise<IntakeResult> {
    const row = await new ProcessingRepository(this.deps.db).findDossier(dossierId);
    if (!row) throw new AppError('DOSSIER_NOT_FOUND');
    return {
      id: row.id,
      reference: row.reference,
      code: row.code,
      statusCode: row.status_code,
      dueAt: row.due_at ? formatVn(new Date(row.due_at)) : null,
      rowVersion: row.row_version,
    };
  }
}
