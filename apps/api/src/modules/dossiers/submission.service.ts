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

/** What is submitted: a saved form and the files uploaded for it. */
export interface SubmissionSource {
  procedureCode: string;
  answers: Record<string, unknown>;
  /** The bundle holding its uploads and their owner (the person who uploaded them). */
  uploads: { bundleId: string; ownerUserId: string };
  /** The resident's draft a VietQR payment may have been made for (resident drafts only). */
  paymentDraftId: string | null;
}

/** Who the dossier is for: a signed-in resident, or a resident helped by a team member. */
export interface SubmissionApplicant {
  /** The resident's account; null while an assisted resident has not signed in yet. */
  userId: string | null;
  fullName: string;
  citizenId: string | null;
  phone: string | null;
  email: string | null;
  communeCode: string | null;
}

/** What differs between submission paths, all run inside the submitting transaction. */
export interface SubmissionHooks {
  /** Locks the source row and says whether it may still be submitted. */
  lockSource(trx: Db): Promise<boolean>;
  /** Records the dossier on the source (and anything else of the same fact). */
  markSubmitted(trx: Db, dossierId: string, reference: string, now: Date): Promise<void>;
  eventData?: Record<string, unknown>;
  auditDetails?: Record<string, unknown>;
}

export type PreparedSubmission = Awaited<ReturnType<SubmissionService['prepareSubmission']>>;

/**
 * Submission of a draft as an online dossier. One transaction writes the dossier, its first
 * event, the files' move to the dossier, the audit row and the notification; the whole answer is
 * stored under the Idempotency-Key, so a double tap or a retried request creates one dossier.
 * `prepareSubmission` + `writeSubmission` are the same path for an assisted submission (a team
 * member submitting for a consenting resident): same validation, reference, event, sinks, outbox.
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
    let prepared: PreparedSubmission;
    try {
      const draft = await new DossiersRepository(db).findDraft(draftId, actor.userId);
      if (!draft) throw new AppError('DRAFT_NOT_FOUND');
      if (draft.submitted_dossier_id) throw new AppError('DRAFT_ALREADY_SUBMITTED');
      const user = await new UsersRepository(db).findById(actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      prepared = await this.prepareSubmission(
        actor,
        {
          procedureCode: draft.procedure_code,
          answers: draft.answers,
          uploads: { bundleId: draftBundle(draft.id), ownerUserId: actor.userId },
          paymentDraftId: draft.id,
        },
        {
          userId: user.id,
          fullName: user.full_name,
          citizenId: user.citizen_id,
          phone: user.phone,
          email: user.email,
          communeCode: user.commune_code,
        },
        body,
      );
    } catch (error) {
      // A duplicate that raced the first request may read the draft just after it was submitted
      // (files moved, draft marked): the first request's stored answer is then the answer.
      const committed = await findStoredAnswer<SubmitResult>(db, id);
      if (committed) return committed;
      throw error;
    }
    const hooks: SubmissionHooks = {
      async lockSource(trx) {
        // Re-checked under the row lock: another key may have submitted this draft meanwhile.
        const locked = await new DossiersRepository(trx).lockDraft(draftId, actor.userId);
        return locked !== undefined && !locked.submitted_dossier_id;
      },
      async markSubmitted(trx, dossierId, _reference, now) {
        await trx
          .updateTable('drafts')
          .set({ submitted_dossier_id: dossierId, updated_at: now })
          .where('id', '=', draftId)
          .execute();
      },
    };
    return runIdempotent(db, clock, id, async (trx) => ({
      statusCode: 201,
      body: await this.writeSubmission(trx, actor, prepared, hooks, requestId),
    }));
  }

  /** Every check of a submission, before its transaction (reads through the root handle). */
  async prepareSubmission(
    actor: SignedInActor,
    source: SubmissionSource,
    applicant: SubmissionApplicant,
    body: { receivingUnitCode?: string | undefined },
  ) {
    const { clock, catalogue, files, units } = this.deps;
    if (body.receivingUnitCode) {
      const unit = await units.find(body.receivingUnitCode);
      if (unit?.kind !== 'commune') {
        throw new AppError('RECEIVING_UNIT_REQUIRED', {
          fields: [{ path: 'receivingUnitCode', message: 'Chọn một xã/phường của tỉnh Đắk Lắk' }],
        });
      }
    }
    const chosenCommune = body.receivingUnitCode ?? applicant.communeCode ?? undefined;
    // The version in force when the dossier is received is the one it keeps (DOMAIN.md §2).
    const procedure = await catalogue.get(source.procedureCode, {
      actor,
      ...(chosenCommune ? { communeCode: chosenCommune } : {}),
    });
    assertSubmittableOnline(procedure);

    const form = formForProcedure(procedure.code, procedure.record as never);
    const now = clock.now();
    const communes = await units.list({ kind: 'commune', limit: 200, offset: 0 });
    const validation = validateAnswers(form, source.answers, {
      today: todayInVietnam(now),
      communeCodes: new Set(communes.items.map((u) => u.code)),
    });
    if (!validation.ok) throw new FormInvalidError(validation.fields);

    const uploads = await files.listBundle(source.uploads.bundleId, {
      ownerUserId: source.uploads.ownerUserId,
    });
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
    return {
      source,
      applicant,
      procedure,
      answers: validation.value,
      uploads,
      receivingUnit,
      onlineFee,
    };
  }

  /** The submission's one transaction: dossier, event (and sinks), files, audit, outbox. */
  async writeSubmission(
    trx: Db,
    actor: SignedInActor,
    prepared: PreparedSubmission,
    hooks: SubmissionHooks,
    requestId: string,
  ): Promise<SubmitResult> {
    const { clock, files } = this.deps;
    const { source, applicant, procedure, answers, uploads, receivingUnit, onlineFee } = prepared;
    const repository = new DossiersRepository(trx);
    if (!(await hooks.lockSource(trx))) throw new AppError('DRAFT_ALREADY_SUBMITTED');

    const now = clock.now();
    // A fee paid by VietQR before submission: read under the draft lock, which the payment
    // confirmation also takes, so a payment and a submission never miss each other.
    const paid = source.paymentDraftId
      ? await new PaymentsRepository(trx).findPaidForDraft(source.paymentDraftId)
      : undefined;
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
        applicant_user_id: applicant.userId,
        submitted_by_user_id: actor.userId,
        receiving_unit_code: receivingUnit.code,
        handling_unit_code: receivingUnit.code,
        channel: 2,
        status_code: 1,
        state: 'submitted',
        answers: JSON.stringify(answers),
        applicant_name: applicant.fullName,
        applicant_citizen_id: applicant.citizenId,
        applicant_phone: applicant.phone,
        applicant_email: applicant.email,
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
          ...hooks.eventData,
        },
      },
      inserted,
    );
    if (uploads.length) {
      await files.attachToBundle(trx, actor, {
        fileIds: uploads.map((f) => f.id),
        ownerUserId: source.uploads.ownerUserId,
        bundleId: dossierBundle(dossierId),
        requestId,
      });
    }
    await hooks.markSubmitted(trx, dossierId, reference, now);
    await appendAudit(trx, clock, {
      actor,
      action: 'dossier.submit',
      unitCode: receivingUnit.code,
      objectType: 'dossier',
      objectId: dossierId,
      requestId,
      details: {
        reference,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        ...hooks.auditDetails,
      },
    });
    const payload = {
      recipientName: applicant.fullName,
      temporaryReference: reference,
      procedureName: procedure.name,
      receivingUnitName: receivingUnit.fullName,
      submittedAt: now.toISOString(),
    };
    if (isReachable('email', applicant.email)) {
      await enqueueNotification(trx, clock, {
        channel: 'email',
        recipient: applicant.email,
        template: 'dossier.received',
        payload,
        dedupeKey: `dossier.received:${dossierId}:email`,
      });
    }
    if (isReachable('sms', applicant.phone)) {
      await enqueueNotification(trx, clock, {
        channel: 'sms',
        recipient: applicant.phone,
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
