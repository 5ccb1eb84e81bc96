import type { AssistedView } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { maskCitizenId } from '../../lib/personal-data';
import { statusLabel } from '../dossiers/dossiers.text';
import type { FilesService } from '../files/files.service';
import type { UnitsService } from '../units/units.service';
import {
  assistedBundle,
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_MS,
  consentIsValid,
  contentHash,
  maskPhone,
  purposeText,
} from './assisted.common';
import type { AssistedRepository, DossierRef } from './assisted.repository';
import type { AssistedRow } from './assisted.tables';
import { TeamsRepository } from './teams.repository';

export const dossierRef = (d: DossierRef | undefined) =>
  d
    ? {
        id: d.id,
        reference: d.reference,
        code: d.code,
        statusCode: d.status_code,
        statusLabel: statusLabel(d.status_code),
        submittedAt: new Date(d.submitted_at).toISOString(),
      }
    : null;

export const residentView = (r: AssistedRow) => ({
  fullName: r.resident_name,
  phoneMasked: maskPhone(r.resident_phone),
  citizenIdMasked: maskCitizenId(r.resident_citizen_id),
  accountLinked: r.resident_user_id !== null,
});

/**
 * What the member sees of their record: the form while it is a draft (with the purpose the
 * resident is asked to agree to, the consent and the code in flight), only the dossier's status
 * once submitted.
 */
export async function assistedView(
  deps: { db: Db; clock: Clock; files: FilesService; units: UnitsService },
  repo: AssistedRepository,
  record: AssistedRow,
): Promise<AssistedView> {
  const { clock, files, units } = deps;
  const now = clock.now();
  const member = await new TeamsRepository(deps.db).findMember(record.member_id);
  const commune = await units.find(record.commune_code);
  const procedureName =
    (await repo.procedureNames([record.procedure_code])).get(record.procedure_code) ??
    record.procedure_code;
  const uploads =
    record.state === 'draft'
      ? await files.listBundle(assistedBundle(record.id), { ownerUserId: record.created_by })
      : [];
  const consent = await repo.latestConsent(record.id);
  const code = record.state === 'draft' ? await repo.latestCode(record.id) : undefined;
  const codeOpen = code && !code.closed_at && new Date(code.expires_at).getTime() > now.getTime();
  const dossiers = await repo.dossierRefs(record.dossier_id ? [record.dossier_id] : []);
  const teamName = member?.team_name ?? '';
  return {
    id: record.id,
    state: record.state,
    procedureCode: record.procedure_code,
    procedureVersion: record.procedure_version,
    procedureName,
    communeCode: record.commune_code,
    communeName: commune?.full_name ?? record.commune_code,
    member: {
      id: record.member_id,
      fullName: member?.full_name ?? '',
      teamId: record.team_id,
      teamName,
    },
    resident: residentView(record),
    // Once submitted, the member no longer reads the dossier's contents (only its status).
    answers: record.state === 'draft' ? record.answers : {},
    currentStep: record.current_step,
    uploads: uploads.map((f) => ({ id: f.id, purpose: f.purpose, name: f.name, size: f.size })),
    purpose: purposeText({
      residentName: record.resident_name,
      memberName: member?.full_name ?? '',
      teamName,
      communeName: commune?.full_name ?? record.commune_code,
      procedureName,
    }),
    consent: consent
      ? {
          method: consent.method,
          givenAt: new Date(consent.given_at).toISOString(),
          expiresAt: new Date(consent.expires_at).toISOString(),
          valid:
            record.state === 'draft'
              ? consentIsValid(consent, contentHash(record.answers, uploads), now)
              : true,
          purpose: consent.purpose,
        }
      : null,
    pendingCode:
      code && codeOpen
        ? {
            sentTo: maskPhone(code.phone),
            expiresAt: new Date(code.expires_at).toISOString(),
            attemptsLeft: Math.max(0, CODE_MAX_ATTEMPTS - code.attempts),
            resendAfter: new Date(
              new Date(code.created_at).getTime() + CODE_RESEND_MS,
            ).toISOString(),
          }
        : null,
    dossier: dossierRef(record.dossier_id ? dossiers.get(record.dossier_id) : undefined),
    createdAt: new Date(record.created_at).toISOString(),
    updatedAt: new Date(record.updated_at).toISOString(),
  };
}
