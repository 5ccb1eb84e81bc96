import { randomUUID } from 'node:crypto';
import {
  type AssistedStart,
  type AssistedView,
  formForProcedure,
  prefillAnswers,
  type SubmitResult,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { toLocal } from '../calendar/calendar.time';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { assertSubmittableOnline } from '../dossiers/drafts.service';
import type { SubmissionHooks, SubmissionService } from '../dossiers/submission.service';
import type { FilesService } from '../files/files.service';
import { findStoredAnswer, requestHash, runIdempotent } from '../idempotency/idempotency.service';
import { normaliseRecipient } from '../notifications/notifications.service';
import type { UnitsService } from '../units/units.service';
import {
  assertStillMember,
  assistedBundle,
  assistingMember,
  consentIsValid,
  contentHash,
  currentContentHash,
  localPhone,
} from './assisted.common';
import { AssistedRepository } from './assisted.repository';
import type { AssistedRow } from './assisted.tables';
import { assistedView, dossierRef, residentView } from './assisted.view';
import { TeamsRepository } from './teams.repository';

export interface AssistedDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  catalogue: CatalogueService;
  files: FilesService;
  units: UnitsService;
  submission: SubmissionService;
}

/**
 * Assisted submission (issue 8 §3): a team member prepares an online dossier for a resident. The
 * record is the resident's pending draft, keyed to their phone / ID number until their account is
 * known; only the member who started it reads it. Submission runs the normal submission path once
 * the resident has consented to exactly this content (assisted.consent.ts).
 */
export class AssistedService {
  private readonly repo: AssistedRepository;

  constructor(private readonly deps: AssistedDeps) {
    this.repo = new AssistedRepository(deps.db);
  }

  async start(actor: OfficerActor, input: AssistedStart, requestId: string): Promise<AssistedView> {
    const { db, clock, policy, catalogue } = this.deps;
    const member = await assistingMember(db, policy, actor, input.memberId);
    const detail = await catalogue.get(input.procedureCode, {
      actor,
      communeCode: member.commune_code,
    });
    try {
      assertSubmittableOnline(detail);
    } catch {
      throw new AppError('ASSISTED_PROCEDURE_UNAVAILABLE');
    }
    const phone = normaliseRecipient('sms', input.resident.phone);
    const citizenId = input.resident.citizenId || null;
    const form = formForProcedure(detail.code, detail.record as never);
    const answers = prefillAnswers(form, {
      fullName: input.resident.fullName,
      citizenId,
      birthDate: null,
      gender: null,
      phone: localPhone(phone),
      email: null,
      address: null,
      communeCode: member.commune_code,
    });
    const id = randomUUID();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const repo = new AssistedRepository(trx);
      await repo.insert({
        id,
        member_id: member.id,
        team_id: member.team_id,
        commune_code: member.commune_code,
        created_by: actor.userId,
        procedure_code: detail.code,
        procedure_version: detail.version,
        answers: JSON.stringify(answers),
        current_step: form.steps[0]?.id ?? null,
        resident_name: input.resident.fullName,
        resident_phone: phone,
        resident_citizen_id: citizenId,
        resident_user_id: null,
        state: 'draft',
        dossier_id: null,
        created_at: now,
        updated_at: now,
        submitted_at: null,
      });
      await repo.insertEvent({
        assistedId: id,
        type: 'started',
        at: now,
        actorId: actor.userId,
        data: { memberId: member.id, procedureCode: detail.code },
      });
      await appendAudit(trx, clock, {
        actor,
        role: 'community_team_member',
        unitCode: member.commune_code,
        action: 'teams.assist_start',
        objectType: 'assisted_submission',
        objectId: id,
        requestId,
        // No phone or ID number in the audit details (personal data, DOMAIN.md §7).
        details: {
          memberId: member.id,
          teamId: member.team_id,
          procedureCode: detail.code,
          citizenIdGiven: citizenId !== null,
        },
      });
    });
    return this.get(actor, id);
  }

  /** The member's own record; anyone else's is "not found" (its existence is not revealed). */
  async owned(actor: OfficerActor, id: string): Promise<AssistedRow> {
    const record = await this.repo.findOwned(id, actor.userId);
    if (!record) throw new AppError('ASSISTED_NOT_FOUND');
    return record;
  }

  async get(actor: OfficerActor, id: string): Promise<AssistedView> {
    return this.view(await this.owned(actor, id));
  }

  async list(
    actor: OfficerActor,
    q: { state?: 'draft' | 'submitted' | 'cancelled' | undefined; page: number; pageSize: number },
  ) {
    const { rows, total } = await this.repo.listOwned(actor.userId, { state: q.state }, q);
    const names = await this.repo.procedureNames(rows.map((r) => r.procedure_code));
    const methods = await this.repo.consentMethods(rows.map((r) => r.id));
    const dossiers = await this.repo.dossierRefs(
      rows.flatMap((r) => (r.dossier_id ? [r.dossier_id] : [])),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        state: r.state,
        procedureCode: r.procedure_code,
        procedureName: names.get(r.procedure_code) ?? r.procedure_code,
        resident: residentView(r),
        consentMethod: methods.get(r.id) ?? null,
        dossier: dossierRef(r.dossier_id ? dossiers.get(r.dossier_id) : undefined),
        updatedAt: new Date(r.updated_at).toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Autosave of the form as the member types with the resident (validation at submission). */
  async update(
    actor: OfficerActor,
    id: string,
    input: { answers: Record<string, unknown>; currentStep?: string | null | undefined },
  ): Promise<AssistedView> {
    const record = await this.owned(actor, id);
    if (record.state !== 'draft') throw new AppError('ASSISTED_NOT_DRAFT');
    await assertStillMember(this.deps.db, this.deps.policy, actor, record);
    const saved = await this.repo.saveDraft(
      id,
      input.answers,
      input.currentStep,
      this.deps.clock.now(),
    );
    if (!saved) throw new AppError('ASSISTED_NOT_DRAFT');
    return this.get(actor, id);
  }

  async cancel(actor: OfficerActor, id: string, requestId: string): Promise<AssistedView> {
    const { db, clock } = this.deps;
    const record = await this.owned(actor, id);
    if (record.state !== 'draft') throw new AppError('ASSISTED_NOT_DRAFT');
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const repo = new AssistedRepository(trx);
      const locked = await repo.lock(id);
      if (locked?.state !== 'draft') throw new AppError('ASSISTED_NOT_DRAFT');
      await repo.setState(id, { state: 'cancelled' }, now);
      await repo.closeOpenCodes(id, now);
      await repo.redactCodeMessages(id);
      await repo.insertEvent({ assistedId: id, type: 'cancelled', at: now, actorId: actor.userId });
      await appendAudit(trx, clock, {
        actor,
        role: 'community_team_member',
        unitCode: record.commune_code,
        action: 'teams.assist_cancel',
        objectType: 'assisted_submission',
        objectId: id,
        requestId,
      });
    });
    return this.get(actor, id);
  }

  /**
   * Submits through the normal path (same validation, reference, event, sinks, outbox) when a
   * valid consent covers this exact content; the member's "assisted a submission" activity, the
   * record's new state and its event are written in the same transaction.
   */
  async submit(
    actor: OfficerActor,
    id: string,
    idempotencyKey: string,
    requestId: string,
  ): Promise<{ statusCode: number; body: SubmitResult; replayed: boolean }> {
    const { db, clock, files, policy, submission } = this.deps;
    const key = {
      scope: actor.userId,
      key: idempotencyKey,
      requestHash: requestHash('POST', `/api/officer/teams/assist/${id}/submit`, {}),
    };
    const stored = await findStoredAnswer<SubmitResult>(db, key);
    if (stored) return stored;
    const record = await this.owned(actor, id);
    if (record.state !== 'draft') throw new AppError('ASSISTED_NOT_DRAFT');
    const member = await assertStillMember(db, policy, actor, record);
    const consent = await this.repo.latestConsent(id);
    if (!consentIsValid(consent, await currentContentHash(files, record), clock.now()))
      throw new AppError('ASSISTED_CONSENT_REQUIRED');
    const email = record.resident_user_id
      ? await this.repo.userEmail(record.resident_user_id)
      : null;
    const prepared = await submission.prepareSubmission(
      actor,
      {
        procedureCode: record.procedure_code,
        answers: record.answers,
        uploads: { bundleId: assistedBundle(id), ownerUserId: record.created_by },
        paymentDraftId: null,
      },
      {
        userId: record.resident_user_id,
        fullName: record.resident_name,
        citizenId: record.resident_citizen_id,
        phone: localPhone(record.resident_phone),
        email,
        communeCode: record.commune_code,
      },
      {},
    );
    const procedureName = prepared.procedure.name;
    const hooks: SubmissionHooks = {
      eventData: {
        assisted: {
          id,
          memberId: member.id,
          teamId: member.team_id,
          consentId: consent.id,
          consentMethod: consent.method,
        },
      },
      auditDetails: { assistedId: id, memberId: member.id, consentId: consent.id },
      async lockSource(trx) {
        // Re-checked under the row lock: the content and the consent as they are now.
        const repo = new AssistedRepository(trx);
        const locked = await repo.lock(id);
        if (locked?.state !== 'draft') return false;
        const latest = await repo.latestConsent(id);
        const hash = contentHash(locked.answers, prepared.uploads);
        if (latest?.id !== consent.id || !consentIsValid(latest, hash, clock.now()))
          throw new AppError('ASSISTED_CONSENT_REQUIRED');
        return true;
      },
      async markSubmitted(trx, dossierId, reference, now) {
        const repo = new AssistedRepository(trx);
        await repo.setState(
          id,
          { state: 'submitted', dossier_id: dossierId, submitted_at: now },
          now,
        );
        await repo.insertEvent({
          assistedId: id,
          type: 'submitted',
          at: now,
          actorId: actor.userId,
          data: { dossierId, reference, consentId: consent.id },
        });
        // The member's help is logged for them: "assisted a submission", with the dossier.
        await new TeamsRepository(trx).insertActivities([
          {
            id: randomUUID(),
            member_id: member.id,
            team_id: member.team_id,
            commune_code: member.commune_code,
            activity_date: toLocal(now).date,
            kind: 'assisted_submission',
            attendees: null,
            resident_consent: true,
            resident_ref: record.resident_name,
            notes: `Hỗ trợ nộp hồ sơ ${reference}: ${procedureName}`.slice(0, 500),
            dossier_id: dossierId,
            source: 'assisted',
            import_id: null,
            is_demo: false,
            created_by: actor.userId,
            created_at: now,
          },
        ]);
        await appendAudit(trx, clock, {
          actor,
          role: 'community_team_member',
          unitCode: member.commune_code,
          action: 'teams.assist_submit',
          objectType: 'assisted_submission',
          objectId: id,
          requestId,
          details: { dossierId, reference, consentId: consent.id, method: consent.method },
        });
      },
    };
    return runIdempotent(db, clock, key, async (trx) => ({
      statusCode: 201,
      body: await submission.writeSubmission(trx, actor, prepared, hooks, requestId),
    }));
  }

  private view(record: AssistedRow): Promise<AssistedView> {
    return assistedView(this.deps, this.repo, record);
  }
}
