import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { AssistedView } from '@cqs/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/client';
import type { UserRow } from '../../db/types';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { safeEqual } from '../../lib/tokens';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { FilesService } from '../files/files.service';
import type { IdentityService } from '../identity/identity.service';
import type { OidcClient, VerifiedIdentity } from '../identity/oidc.client';
import { beginOidcLogin, type PendingLogin } from '../identity/oidc.purposes';
import { enqueueNotification, normaliseRecipient } from '../notifications/notifications.service';
import {
  assertStillMember,
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_MS,
  CODE_TTL_MS,
  CODES_PER_HOUR,
  CONSENT_PURPOSE,
  CONSENT_TTL_MS,
  currentContentHash,
  maskPhone,
  purposeText,
} from './assisted.common';
import { AssistedRepository } from './assisted.repository';
import type { AssistedService } from './assisted.service';
import type { AssistedRow } from './assisted.tables';

export interface ConsentDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  files: FilesService;
  identity: IdentityService;
  oidc: OidcClient | null;
  config: AppConfig;
  assisted: AssistedService;
}

const hashCode = (salt: string, code: string) =>
  createHash('sha256').update(`${salt}:${code}`).digest('hex');

/** Where the member's browser lands after the sign-in consent (the web app's consent page). */
export const consentPagePath = (id: string) =>
  `/can-bo/to-cong-nghe/ho-tro/${encodeURIComponent(id)}`;

/**
 * The resident's consent to an assisted submission, given one of two ways:
 *  - a one-time code sent to their phone through the outbox (`sms` channel), read back to the
 *    member: 6 digits, 10 minutes, 5 attempts, at most 5 codes an hour; only a salted hash is kept;
 *  - signing in through the identity provider on the member's device: a sign-in with its own
 *    purpose, bound to the member's session, that creates no session of its own (see
 *    identity/oidc.purposes.ts), so the member stays signed in as themselves throughout.
 * Each consent is one transaction: the consent row, the record's event, the audit row and the
 * resident's SMS receipt.
 */
export class AssistedConsentService {
  constructor(private readonly deps: ConsentDeps) {}

  async requestCode(actor: OfficerActor, id: string, requestId: string): Promise<AssistedView> {
    const { db, clock, policy, assisted } = this.deps;
    const record = await this.draftOf(actor, id);
    const member = await assertStillMember(db, policy, actor, record);
    const now = clock.now();
    const repo = new AssistedRepository(db);
    const latest = await repo.latestCode(id);
    if (latest && now.getTime() - new Date(latest.created_at).getTime() < CODE_RESEND_MS)
      throw new AppError('ASSISTED_CODE_RATE_LIMITED');
    if ((await repo.codesSince(id, new Date(now.getTime() - 3_600_000))) >= CODES_PER_HOUR)
      throw new AppError('ASSISTED_CODE_RATE_LIMITED');
    const procedure = await assisted.get(actor, id);

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const codeId = randomUUID();
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await db.transaction().execute(async (trx) => {
      const tx = new AssistedRepository(trx);
      // A new code replaces the previous one, which stops working at once.
      await tx.closeOpenCodes(id, now);
      await tx.redactCodeMessages(id);
      await tx.insertCode({
        id: codeId,
        assisted_id: id,
        phone: record.resident_phone,
        code_salt: salt,
        code_sha256: hashCode(salt, code),
        created_at: now,
        expires_at: expiresAt,
        closed_at: null,
      });
      await tx.insertEvent({
        assistedId: id,
        type: 'code_sent',
        at: now,
        actorId: actor.userId,
        data: { codeId },
      });
      await appendAudit(trx, clock, {
        actor,
        role: 'community_team_member',
        unitCode: record.commune_code,
        action: 'teams.assist_code_sent',
        objectType: 'assisted_submission',
        objectId: id,
        requestId,
        details: { codeId, to: maskPhone(record.resident_phone) },
      });
      await enqueueNotification(trx, clock, {
        channel: 'sms',
        recipient: record.resident_phone,
        template: 'assisted.consent_code',
        payload: {
          code,
          procedureName: procedure.procedureName,
          teamName: member.team_name,
          expiresAt: expiresAt.toISOString(),
        },
        dedupeKey: `assisted.code:${id}:${codeId}:sms`,
      });
    });
    return assisted.get(actor, id);
  }

  async verifyCode(
    actor: OfficerActor,
    id: string,
    code: string,
    requestId: string,
  ): Promise<AssistedView> {
    const { db, clock, policy, files } = this.deps;
    const record = await this.draftOf(actor, id);
    await assertStillMember(db, policy, actor, record);
    const now = clock.now();
    const repo = new AssistedRepository(db);
    const latest = await repo.latestCode(id);
    if (!latest || latest.closed_at || new Date(latest.expires_at).getTime() <= now.getTime())
      throw new AppError('ASSISTED_CODE_EXPIRED');
    // Every guess uses an attempt first, atomically: no more than five guesses, even in parallel.
    const used = await repo.claimAttempt(latest.id, CODE_MAX_ATTEMPTS);
    if (used === null) throw new AppError('ASSISTED_CODE_ATTEMPTS_EXCEEDED');
    if (!safeEqual(hashCode(latest.code_salt, code), latest.code_sha256)) {
      await db.transaction().execute(async (trx) => {
        await new AssistedRepository(trx).insertEvent({
          assistedId: id,
          type: 'code_failed',
          at: now,
          actorId: actor.userId,
          data: { codeId: latest.id, attempt: used },
        });
        await appendAudit(trx, clock, {
          actor,
          role: 'community_team_member',
          unitCode: record.commune_code,
          action: 'teams.assist_code_check',
          objectType: 'assisted_submission',
          objectId: id,
          outcome: 'failure',
          requestId,
          details: { codeId: latest.id, attempt: used },
        });
      });
      if (used >= CODE_MAX_ATTEMPTS) throw new AppError('ASSISTED_CODE_ATTEMPTS_EXCEEDED');
      throw new AppError('ASSISTED_CODE_INVALID', {
        messageVi: `Mã xác nhận không đúng. Còn ${CODE_MAX_ATTEMPTS - used} lần nhập. Hãy kiểm tra lại 6 chữ số trong tin nhắn người dân nhận được.`,
      });
    }
    const hash = await currentContentHash(files, record);
    const existing = await this.existingAccount(record);
    await db.transaction().execute(async (trx) => {
      const tx = new AssistedRepository(trx);
      if (!(await tx.closeCode(latest.id, now))) throw new AppError('ASSISTED_CODE_EXPIRED');
      await this.recordConsent(trx, actor, record, {
        method: 'otp',
        hash,
        residentUserId: existing?.id ?? null,
        acr: null,
        requestId,
      });
    });
    return this.deps.assisted.get(actor, id);
  }

  /** Starts the resident's sign-in at the identity provider, bound to the member's session. */
  async startSignIn(actor: OfficerActor, id: string, reply: FastifyReply): Promise<FastifyReply> {
    const { db, policy } = this.deps;
    const record = await this.draftOf(actor, id);
    await assertStillMember(db, policy, actor, record);
    return beginOidcLogin(this.deps, reply, {
      returnTo: consentPagePath(id),
      purpose: CONSENT_PURPOSE,
      purposeRef: id,
      boundSession: actor.sessionIdHash,
    });
  }

  /**
   * The provider's answer for a consent sign-in. Every outcome goes back to the consent page with
   * `?dong-y=<result>`, so the member sees what happened; no session is created or changed.
   */
  async finishSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    pending: PendingLogin,
    outcome: { callbackUrl: URL; error: string | undefined },
  ): Promise<FastifyReply> {
    const back = (result: string) =>
      reply.redirect(`${pending.returnTo}?dong-y=${encodeURIComponent(result)}`, 302);
    const actor = request.actor;
    if (
      actor.kind !== 'officer' ||
      !pending.boundSession ||
      !safeEqual(actor.sessionIdHash, pending.boundSession) ||
      !pending.purposeRef
    )
      return back('ASSISTED_CONSENT_SESSION_MISMATCH');
    if (outcome.error) return back('cancelled');
    let record: AssistedRow;
    try {
      record = await this.draftOf(actor, pending.purposeRef);
      await assertStillMember(this.deps.db, this.deps.policy, actor, record);
    } catch (error) {
      return back(error instanceof AppError ? error.code : 'ASSISTED_NOT_FOUND');
    }
    let identity: VerifiedIdentity;
    try {
      if (!this.deps.oidc) throw new AppError('OIDC_UNAVAILABLE');
      identity = await this.deps.oidc.finish(outcome.callbackUrl, pending);
    } catch {
      return back('OIDC_LOGIN_FAILED');
    }
    const profile = await this.deps.identity.residentProfile(identity);
    const { db, clock, files } = this.deps;
    const acr = typeof identity.claims.acr === 'string' ? identity.claims.acr : null;
    if (
      record.resident_citizen_id &&
      profile.citizen_id &&
      record.resident_citizen_id !== profile.citizen_id
    ) {
      await db.transaction().execute(async (trx) => {
        await new AssistedRepository(trx).insertEvent({
          assistedId: record.id,
          type: 'consent_refused',
          at: clock.now(),
          actorId: actor.userId,
          data: { reason: 'identity_mismatch' },
        });
        await appendAudit(trx, clock, {
          actor,
          role: 'community_team_member',
          unitCode: record.commune_code,
          action: 'teams.assist_consent',
          objectType: 'assisted_submission',
          objectId: record.id,
          outcome: 'denied',
          requestId: request.id,
          details: { method: 'sign_in', reason: 'identity_mismatch' },
        });
      });
      return back('ASSISTED_CONSENT_IDENTITY_MISMATCH');
    }
    const hash = await currentContentHash(files, record);
    await db.transaction().execute(async (trx) => {
      const user = await this.deps.identity.upsertResident(trx, identity, profile);
      await this.recordConsent(trx, actor, record, {
        method: 'sign_in',
        hash,
        residentUserId: user.id,
        citizenId: user.citizen_id,
        acr,
        requestId: request.id,
      });
    });
    return back('ok');
  }

  /**
   * At every resident sign-in (identity hook, inside its transaction): records consented with a
   * one-time code before the resident had an account are linked to it, and a dossier already
   * submitted joins the resident's own list.
   */
  async linkAtSignIn(trx: Db, user: UserRow, requestId: string): Promise<void> {
    let phone: string | null = null;
    try {
      phone = user.phone ? normaliseRecipient('sms', user.phone) : null;
    } catch {
      phone = null;
    }
    const repo = new AssistedRepository(trx);
    const matches = await repo.unlinkedFor({ citizenId: user.citizen_id, phone });
    const now = this.deps.clock.now();
    for (const record of matches) {
      await repo.setState(record.id, { resident_user_id: user.id }, now);
      if (record.dossier_id) await repo.attachDossier(record.dossier_id, user.id, now);
      await repo.insertEvent({
        assistedId: record.id,
        type: 'resident_linked',
        at: now,
        actorId: user.id,
        data: { by: record.resident_citizen_id ? 'citizen_id' : 'phone' },
      });
      await appendAudit(trx, this.deps.clock, {
        actor: {
          kind: 'resident',
          userId: user.id,
          sessionIdHash: '',
          csrfToken: '',
          assuranceLevel: null,
        },
        unitCode: record.commune_code,
        action: 'teams.assist_link_resident',
        objectType: 'assisted_submission',
        objectId: record.id,
        requestId,
        details: { dossierId: record.dossier_id },
      });
    }
  }

  private async draftOf(actor: OfficerActor, id: string): Promise<AssistedRow> {
    const record = await this.deps.assisted.owned(actor, id);
    if (record.state !== 'draft') throw new AppError('ASSISTED_NOT_DRAFT');
    return record;
  }

  /** An existing resident account that is unambiguously this resident (for an OTP consent). */
  private async existingAccount(record: AssistedRow) {
    const found = await new AssistedRepository(this.deps.db).residentsMatching(
      record.resident_citizen_id,
      record.resident_phone,
    );
    return found.length === 1 ? found[0] : undefined;
  }

  private async recordConsent(
    trx: Db,
    actor: OfficerActor,
    record: AssistedRow,
    c: {
      method: 'otp' | 'sign_in';
      hash: string;
      residentUserId: string | null;
      citizenId?: string | null;
      acr: string | null;
      requestId: string;
    },
  ): Promise<void> {
    const { clock } = this.deps;
    const now = clock.now();
    const repo = new AssistedRepository(trx);
    const locked = await repo.lock(record.id);
    if (locked?.state !== 'draft') throw new AppError('ASSISTED_NOT_DRAFT');
    const facts = await repo.purposeFacts(record);
    const view = {
      procedureName: facts.procedureName,
      teamName: facts.teamName,
      purpose: purposeText({ residentName: record.resident_name, ...facts }),
    };
    const consentId = randomUUID();
    await repo.insertConsent({
      id: consentId,
      assisted_id: record.id,
      member_id: record.member_id,
      resident_name: record.resident_name,
      resident_phone: record.resident_phone,
      resident_citizen_id: record.resident_citizen_id ?? c.citizenId ?? null,
      resident_user_id: c.residentUserId,
      method: c.method,
      purpose: view.purpose,
      content_sha256: c.hash,
      acr: c.acr,
      given_at: now,
      expires_at: new Date(now.getTime() + CONSENT_TTL_MS),
    });
    if (c.residentUserId) {
      await repo.setState(
        record.id,
        {
          resident_user_id: c.residentUserId,
          // The provider's verified ID number fills a blank one (never replaces a typed one).
          ...(record.resident_citizen_id || !c.citizenId
            ? {}
            : { resident_citizen_id: c.citizenId }),
        },
        now,
      );
    }
    await repo.closeOpenCodes(record.id, now);
    await repo.redactCodeMessages(record.id);
    await repo.insertEvent({
      assistedId: record.id,
      type: 'consent_given',
      at: now,
      actorId: actor.userId,
      data: { consentId, method: c.method, accountLinked: c.residentUserId !== null },
    });
    await appendAudit(trx, clock, {
      actor,
      role: 'community_team_member',
      unitCode: record.commune_code,
      action: 'teams.assist_consent',
      objectType: 'assisted_submission',
      objectId: record.id,
      requestId: c.requestId,
      details: {
        consentId,
        method: c.method,
        residentUserId: c.residentUserId,
        acr: c.acr,
        contentSha256: c.hash,
      },
    });
    await enqueueNotification(trx, clock, {
      channel: 'sms',
      recipient: record.resident_phone,
      template: 'assisted.consent_given',
      payload: {
        procedureName: view.procedureName,
        teamName: view.teamName,
        givenAt: now.toISOString(),
        method: c.method,
      },
      dedupeKey: `assisted.consent:${record.id}:${consentId}:sms`,
    });
  }
}
