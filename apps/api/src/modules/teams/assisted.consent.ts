import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { AssistedView } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { safeEqual } from '../../lib/tokens';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { FilesService } from '../files/files.service';
import { enqueueNotification } from '../notifications/notifications.service';
import {
  assertStillMember,
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_MS,
  CODE_TTL_MS,
  CODES_PER_HOUR,
  currentContentHash,
  maskPhone,
} from './assisted.common';
import { recordConsent } from './assisted.consent-record';
import { AssistedRepository } from './assisted.repository';
import type { AssistedService } from './assisted.service';
import type { AssistedRow } from './assisted.tables';

export interface ConsentDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  files: FilesService;
  assisted: AssistedService;
}

const hashCode = (salt: string, code: string) =>
  createHash('sha256').update(`${salt}:${code}`).digest('hex');

/**
 * Consent by a one-time code (the other way, signing in, is in assisted.signin.ts): 6 digits sent
 * to the resident's phone through the outbox (`sms` channel) and read back to the member; it lives
 * 10 minutes and allows 5 attempts, at most 5 codes an hour and one a minute; only a salted sha256
 * is kept (the outbox's copy is overwritten once used or replaced). A right code records the
 * consent in one transaction (assisted.consent-record.ts).
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
      await recordConsent(trx, clock, actor, record, {
        method: 'otp',
        hash,
        residentUserId: existing?.id ?? null,
        acr: null,
        requestId,
      });
    });
    return this.deps.assisted.get(actor, id);
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
}
