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
import { normaliseRecipient } from '../notifications/notifications.service';
import { assertStillMember, CONSENT_PURPOSE, currentContentHash } from './assisted.common';
import { recordConsent } from './assisted.consent-record';
import { AssistedRepository } from './assisted.repository';
import type { AssistedService } from './assisted.service';
import type { AssistedRow } from './assisted.tables';

export interface SignInConsentDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  files: FilesService;
  identity: IdentityService;
  oidc: OidcClient | null;
  config: AppConfig;
  assisted: AssistedService;
}

/** Where the member's browser lands after the sign-in consent (the web app's consent page). */
export const consentPagePath = (id: string) =>
  `/can-bo/to-cong-nghe/ho-tro/${encodeURIComponent(id)}/dong-y`;

/**
 * Consent by signing in: the resident signs in through the identity provider on the member's
 * device. The sign-in has its own purpose (identity/oidc.purposes.ts): it is bound to the member's
 * session, its callback creates no session and leaves the member's as it is, and the verified
 * identity is used once — to record the consent and link the resident's account — then dropped.
 * Also here: linking, at a resident's later sign-in, the records consented before they had an
 * account.
 */
export class AssistedSignInConsent {
  constructor(private readonly deps: SignInConsentDeps) {}

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
      await recordConsent(trx, clock, actor, record, {
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
}
