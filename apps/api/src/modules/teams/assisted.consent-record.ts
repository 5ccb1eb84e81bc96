import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../audit/audit.service';
import { enqueueNotification } from '../notifications/notifications.service';
import { CONSENT_TTL_MS, purposeText } from './assisted.common';
import { AssistedRepository } from './assisted.repository';
import type { AssistedRow } from './assisted.tables';

/**
 * Records a resident's consent (either way) in the caller's transaction: the append-only consent
 * row with the purpose text and the content hash it covers, the account link when known, the end of
 * any code in flight, the record's event, the audit row and the resident's SMS receipt.
 */
export async function recordConsent(
  trx: Db,
  clock: Clock,
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
        ...(record.resident_citizen_id || !c.citizenId ? {} : { resident_citizen_id: c.citizenId }),
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
