import { dossierBundle } from '../dossiers/drafts.service';
import type { DossierEventSink } from '../processing/processing.events';
import type { NationalSyncInput } from './national-sync.payload';
import { NationalSyncRepository } from './national-sync.repository';
import { enqueueNationalSync } from './national-sync.service';

type StatusCode = NationalSyncInput['dossier']['statusCode'];

/**
 * The national-portal feed as a dossier-event sink (processing.events.ts `DossierEventSink`):
 * builds the input from the dossier row as it is after the event, plus the facts the row does not
 * hold, read through the same transaction.
 *
 * Flags (DOMAIN.md §5): paid online = a confirmed VietQR payment is linked to the dossier;
 * e-result = `result_id` is set; digitised = component files attached and an e-result; VNeID =
 * the level (1 or 2) the submission event recorded in `data.assuranceLevel` (null when absent).
 */
export const nationalSyncSink: DossierEventSink = async (trx, clock, event, dossier) => {
  const facts = await new NationalSyncRepository(trx).dossierFacts({
    id: dossier.id,
    receivingUnitCode: dossier.receiving_unit_code,
    bundleId: dossierBundle(dossier.id),
  });
  const electronicResult = dossier.result_id !== null;
  await enqueueNationalSync(trx, clock, {
    eventId: event.id,
    eventType: event.type,
    at: event.at,
    dossier: {
      id: dossier.id,
      code: dossier.code,
      reference: dossier.reference,
      procedureCode: dossier.procedure_code,
      procedureVersion: dossier.procedure_version,
      receivingUnitCode: dossier.receiving_unit_code,
      handlingUnitCode: dossier.handling_unit_code,
      receivingUnitIdentifier: facts.unitIdentifier,
      channel: dossier.channel as 1 | 2 | 3,
      statusCode: dossier.status_code as StatusCode,
      submittedAt: dossier.submitted_at,
      acceptedAt: dossier.accepted_at,
      dueAt: dossier.due_at,
      apologyDueAt: dossier.apology_due_at,
      finishedAt: dossier.finished_at,
      returnedAt: dossier.returned_at,
      returnChannel: dossier.return_channel,
      feeVnd: dossier.fee_vnd,
      paymentState: dossier.payment_state,
      paidOnline: facts.paidOnline && dossier.payment_state === 'paid',
      digitised: facts.hasFiles && electronicResult,
      electronicResult,
      applicantAssuranceLevel: facts.assuranceLevel,
      applicantCitizenId: dossier.applicant_citizen_id,
    },
  });
};
