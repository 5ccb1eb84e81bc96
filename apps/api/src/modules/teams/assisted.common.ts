import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { AccessPolicy } from '../access/policy';
import type { FilesService } from '../files/files.service';
import type { AssistedRow, ConsentRow } from './assisted.tables';
import { type MemberListRow, TeamsRepository } from './teams.repository';

/** A code lives 10 minutes and allows 5 attempts; at most 5 codes an hour, one a minute. */
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODES_PER_HOUR = 5;
export const CODE_RESEND_MS = 60_000;
/**
 * A consent is given while the resident sits with the member: it covers this content for one hour.
 * After that, or after any change to the answers or documents, it must be asked again.
 */
export const CONSENT_TTL_MS = 60 * 60_000;

export const CONSENT_PURPOSE = 'assisted_consent';

export const assistedBundle = (id: string) => `assisted:${id}`;

/** The stored +84… form as a resident reads it: 0xxxxxxxxx. */
export const localPhone = (phone: string) =>
  phone.startsWith('+84') ? `0${phone.slice(3)}` : phone;

/** 090****456: enough for the member to check the number, not enough to read it off a screen. */
export function maskPhone(phone: string): string {
  const local = localPhone(phone);
  return `${local.slice(0, 3)}****${local.slice(-3)}`;
}

/**
 * What the resident agrees to: the answers and the documents as they are now. Any change after
 * the consent gives another hash, and the consent no longer covers the dossier.
 */
export function contentHash(
  answers: Record<string, unknown>,
  uploads: { id: string; purpose: string; sha256: string }[],
): string {
  const files = [...uploads]
    .map((f) => `${f.purpose}:${f.sha256}`)
    .sort()
    .join(',');
  return createHash('sha256')
    .update(JSON.stringify(canonical(answers)))
    .update('\n')
    .update(files)
    .digest('hex');
}

/** Keys sorted at every level, so the same answers always hash the same way. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export async function currentContentHash(
  files: FilesService,
  record: AssistedRow,
): Promise<string> {
  const uploads = await files.listBundle(assistedBundle(record.id), {
    ownerUserId: record.created_by,
  });
  return contentHash(record.answers, uploads);
}

export function consentIsValid(
  consent: ConsentRow | undefined,
  hash: string,
  now: Date,
): consent is ConsentRow {
  return (
    consent !== undefined &&
    consent.content_sha256 === hash &&
    new Date(consent.expires_at).getTime() > now.getTime()
  );
}

/** The sentence the resident agrees to, in their words (Decree 356/2025: consent per purpose). */
export function purposeText(p: {
  residentName: string;
  memberName: string;
  teamName: string;
  communeName: string;
  procedureName: string;
}): string {
  return (
    `Tôi, ${p.residentName}, đồng ý để ${p.memberName} (${p.teamName}, ${p.communeName}) thay mặt tôi ` +
    `nộp trực tuyến hồ sơ “${p.procedureName}” với nội dung đã được đọc lại cho tôi, và đồng ý để ` +
    'cơ quan giải quyết sử dụng thông tin cá nhân trong hồ sơ chỉ cho việc giải quyết thủ tục này.'
  );
}

/**
 * The member the actor acts as, in that member's commune: an active membership of an active team,
 * linked to this account, with `teams.assist` there. Several memberships need an explicit pick.
 */
export async function assistingMember(
  db: Db,
  policy: AccessPolicy,
  actor: OfficerActor,
  memberId?: string,
): Promise<MemberListRow> {
  const own = (await new TeamsRepository(db).membersOfUser(actor.userId)).filter(
    (m) => m.status === 'active' && m.team_status === 'active' && (!memberId || m.id === memberId),
  );
  if (own.length !== 1) throw new AppError('ASSISTED_MEMBERSHIP_REQUIRED');
  const [member] = own as [MemberListRow];
  if (!(await policy.can(actor, 'teams.assist', member.commune_code)))
    throw new AppError('ASSISTED_MEMBERSHIP_REQUIRED');
  return member;
}

/** The member who started a record must still be an active member with the permission. */
export async function assertStillMember(
  db: Db,
  policy: AccessPolicy,
  actor: OfficerActor,
  record: AssistedRow,
): Promise<MemberListRow> {
  return assistingMember(db, policy, actor, record.member_id);
}
