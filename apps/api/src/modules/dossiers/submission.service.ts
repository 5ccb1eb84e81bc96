import { randomInt, randomUUID } from 'node:crypto';
import {
  type FormSchema,
  formForProcedure,
  isFormFieldVisible as isVisible,
  type SubmitResult,
  todayInVietnam,
  validateAnswers,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../audit/audit.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { FilesService } from '../files/files.service';
import { findStoredAnswer, requestHash, runIdempotent } from '../idempotency/idempotency.service';
import { UsersRepository } from '../identity/users.repository';
import { enqueueNotification, isReachable } from '../notifications/notifications.service';
import { PaymentsRepository } from '../payments/payments.repository';
import { type DossierEventSink, recordDossierEvent } from '../processing/processing.events';
import type { UnitsService } from '../units/units.service';
import { DocumentsMissingError, FormInvalidError } from './dossiers.errors';
import { DossiersRepository } from './dossiers.repository';
import { statusLabel } from './dossiers.text';
import { assertSubmittableOnline, dossierBundle, draftBundle } from './drafts.service';

export interface SubmissionDeps {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
  files: FilesService;
  units: UnitsService;
  /** Fed with the submission event in its transaction (national-portal sync). */
  sinks: readonly DossierEventSink[];
}

// No 0/O, 1/I/L: a reference is read aloud over the phone and typed on a keypad.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function dayStamp(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: '2-digit',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}`;
}

/** `TN-yymmdd-XXXXXX`: the temporary reference a resident gets the moment they submit. */
export function newTemporaryReference(at: Date): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `TN-${dayStamp(at)}-${tail}`;
}

/** Required documents that are visible for these answers and have no upload. */
export function missingDocuments(
  form: FormSchema,
  answers: Record<string, unknown>,
  uploadedPurposes: Set<string>,
) {
  return form.documents
    .filter((d) => d.required && isVisible(d, answers) && !uploadedPurposes.has(d.id))
    .map((d) => ({ path: `documents.${d.id}`, message: `Cần tải lên: ${d.name.vi}` }));
}

/**
 * Submission of a draft as an online dossier. One transaction writes the dossier, its first
 * event, the files' move to the dossier, the audit row and the notification; the whole answer is
 * stored under the Idempotency-Key, so a double tap or a retried request creates one dossier.
 */
export class SubmissionService {
  constructor(private readonly deps: SubmissionDeps) {}

  async submit(
    actor: SignedInActor,
    draftId: string,
    body: { receivingUnitCode?: string | undefined },
    idempotencyKey: string,
    requestId: string,
  ): Promise<{ statusCode: number; body: SubmitResult; replayed: boolean }> {
    const { db, clock } = this.deps;
    const id = {
      scope: actor.userId,
      key: idempotencyKey,
      requestHash: requestHash('POST', `/api/drafts/${draftId}/submit`, body),
    };
    const stored = await findStoredAnswer<SubmitResult>(db, id);
    if (stored) return stored;
    // Everything that reads through the root handle happens before the transaction: on PGlite
    // the transaction holds the only connection.
    let prepared: Awaited<ReturnType<SubmissionService['prepare']>>;
    try {
      prepared = await this.prepare(actor, draftId, body);
    } catch (error) {
      // A duplicate that raced the first request may read the draft just after it was submitted
      // (files moved, draft marked): the first request's stored answer is then the answer.
      const committed = await findStoredAnswer<SubmitResult>(db, id);
      if (committed) return committed;
      throw error;
    }
    return runIdempotent(db, clock, id, async (trx) => ({
      statusCode: 201,
      body: await this.write(trx, actor, prepared, requestId),
    }));
  }

  private async prepare(
    actor: SignedInActor,
    draftId: string,
    body: { receivingUnitCode?: string | undefined },
  ) {
    const { db, clock, catalogue, files, units } = this.deps;
    const draft = await new DossiersRepository(db).findDraft(draftId, actor.userId);
    if (!draft) throw new AppError('DRAFT_NOT_FOUND');
    if (draft.submitted_dossier_id) throw new AppError('DRAFT_ALREADY_SUBMITTED');
    const user = await new UsersRepository(db).findById(actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');

    if (body.receivingUnitCode) {
      const unit = await units.find(body.receivingUnitCode);
      if (unit?.kind !== 'commune') {
        throw new AppError('RECEIVING_UNIT_REQUIRED', {
          fields: [{ path: 'receivingUnitCode', message: 'Chọn một xã/phường của tỉnh Đắk Lắk' }],
        });
      }
    }
    const chosenCommune = body.receivingUnitCode ?? user.commune_code ?? undefined;
    // The version in force when the dossier is received is the one it keeps (DOMAIN.md §2).
    const procedure = await catalogue.get(draft.procedure_code, {
      actor,
      ...(chosenCommune ? { communeCode: chosenCommune } : {}),
    });
    assertSubmittableOnline(procedure);

    const form = formForProcedure(procedure.code, procedure.record as never);
    const now = clock.now();
    const communes = await units.list({ kind: 'commune', limit: 200, offset: 0 });
    const validation = validateAnswers(form, draft.answers, {
      today: todayInVietnam(now),
      communeCodes: new Set(communes.items.map((u) => u.code)),
    });
    if (!validation.ok) throw new FormInvalidError(validation.fields);

    const uploads = await files.listBundle(draftBundle(draft.id), { ownerUserId: actor.userId });
    const missing = missingDocuments(
      form,
      validation.value,
      new Set(uploads.map((f) => f.purpose)),
    );
    if (missing.length) throw new DocumentsMissingError(missing);

    const receivingUnitCode = procedure.whereToSubmit.unitCode;
    if (!receivingUnitCode) {
      throw new AppError('RECEIVING_UNIT_REQUIRED', {
        fields: [{ path: 'receivingUnitCode', message: 'Chọn xã/phường nơi nộp hồ sơ' }],
      });
    }
    const receivingUnit = await units.get(receivingUnitCode);
    const onlineFee = procedure.fees.find((f) => f.channel === 'truc_tuyen')?.feeVnd ?? null;
    return { draft, user, procedure, answers: validation.value, uploads, receivingUnit, onlineFee };
  }

  private async write(
    trx: Db,
    actor: SignedInActor,
    prepared: Awaited<ReturnType<SubmissionService['prepare']>>,
    requestId: string,
  ): Promise<SubmitResult> {
    const { clock, files } = this.deps;
    const { draft, user, procedure, answers, uploads, receivingUnit, onlineFee } = prepared;
    const repository = new DossiersRepository(trx);
    // Re-checked under the row lock: another key may have submitted this draft meanwhile.
    const locked = await repository.lockDraft(draft.id, actor.userId);
    if (!locked || locked.submitted_dossier_id) throw new AppError('DRAFT_ALREADY_SUBMITTED');

    const now = clock.now();
    // A fee paid by VietQR before submission: read under the draft lock, which the payment
    // confirmation also takes, so a payment and a submission never miss each other.
    const paid = await new PaymentsRepository(trx).findPaidForDraft(draft.id);
    const paymentState =
      paid && paid.amount_vnd === onlineFee
        ? 'paid'
        : onlineFee && onlineFee > 0
          ? 'unpaid'
          : 'not_required';
    const dossierId = randomUUID();
    let reference = newTemporaryReference(now);
    while (await repository.referenceExists(reference)) reference = newTemporaryReference(now);

    const inserted = await trx
      .insertInto('dossiers')
      .values({
        id: dossierId,
        reference,
        procedure_code: procedure.code,
        procedure_version: procedure.version,
        applicant_user_id: actor.userId,
        submitted_by_user_id: actor.userId,
        receiving_unit_code: receivingUnit.code,
        handling_unit_code: receivingUnit.code,
        channel: 2,
        status_code: 1,
        state: 'submitted',
        answers: JSON.stringify(answers),
        applicant_name: user.full_name,
        applicant_citizen_id: user.citizen_id,
        applicant_phone: user.phone,
        applicant_email: user.email,
        fee_vnd: onlineFee,
        payment_state: paymentState,
        submitted_at: now,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (paid) await new PaymentsRepository(trx).linkDossier(paid.id, dossierId);
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
        unitCode: receivingUnit.code,
        public: true,
        note: null,
        data: {
          channel: 2,
          procedureVersion: procedure.version,
          files: uploads.length,
          assuranceLevel: actor.kind === 'resident' ? actor.assuranceLevel : null,
        },
      },
      inserted,
    );
    if (uploads.length) {
      await files.attachToBundle(trx, actor, {
        fileIds: uploads.map((f) => f.id),
        ownerUserId: actor.userId,
        bundleId: dossierBundle(dossierId),
        requestId,
      });
    }
    await trx
      .updateTable('drafts')
      .set({ submitted_dossier_id: dossierId, updated_at: now })
      .where('id', '=', draft.id)
      .execute();
    await appendAudit(trx, clock, {
      actor,
      action: 'dossier.submit',
      unitCode: receivingUnit.code,
      objectType: 'dossier',
      objectId: dossierId,
      requestId,
      details: { reference, procedureCode: procedure.code, procedureVersion: procedure.version },
    });
    const payload = {
      recipientName: user.full_name,
      temporaryReference: reference,
      procedureName: procedure.name,
      receivingUnitName: receivingUnit.fullName,
      submittedAt: now.toISOString(),
    };
    if (isReachable('email', user.email)) {
      await enqueueNotification(trx, clock, {
        channel: 'email',
        recipient: user.email,
        template: 'dossier.received',
        payload,
        dedupeKey: `dossier.received:${dossierId}:email`,
      });
    }
    if (isReachable('sms', user.phone)) {
      await enqueueNotification(trx, clock, {
        channel: 'sms',
        recipient: user.phone,
        template: 'dossier.received',
        payload,
        dedupeKey: `dossier.received:${dossierId}:sms`,
      });
    }
    return {
      dossierId,
      reference,
      statusCode: 1,
      statusLabel: statusLabel(1),
      receivingUnit: { code: receivingUnit.code, name: receivingUnit.fullName },
      feeVnd: onlineFee,
      paymentState,
      submittedAt: now.toISOString(),
    };
  }
}
