import type { Selectable } from 'kysely';
import type { Db } from '../../db/client';
import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { safeEqual } from '../../lib/tokens';
import { appendAudit } from '../audit/audit.service';
import type { UnitsService } from '../units/units.service';
import { allowedActions, type DossierState } from '../workflow/dossier-workflow';
import { DossiersRepository } from './dossiers.repository';
import type { DossiersTable } from './dossiers.tables';
import { eventLabel, nextStep, printableForms, statusLabel } from './dossiers.text';

type DossierRow = Selectable<DossiersTable>;

/** Dossier codes are typed by hand: case and spaces do not matter. */
export function normaliseDossierCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * What residents read about their dossiers: their own list and detail, and the public tracking
 * look-up by code plus the last four digits of the applicant's phone or ID number.
 */
export class DossierQueries {
  private readonly repository: DossiersRepository;

  constructor(private readonly deps: { db: Db; clock: Clock; units: UnitsService }) {
    this.repository = new DossiersRepository(deps.db);
  }

  async listMine(actor: SignedInActor) {
    const rows = await this.repository.listOfApplicant(actor.userId);
    const names = await this.repository.procedureNames(rows.map((r) => r.procedure_code));
    const assisted = await this.repository.assistedMarks(rows.map((r) => r.id));
    return { items: await Promise.all(rows.map((r) => this.summary(r, names, assisted))) };
  }

  async getMine(actor: SignedInActor, id: string) {
    const row = await this.repository.findDossier(id);
    // Someone else's dossier is "not found": its existence is not revealed.
    if (!row || row.applicant_user_id !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
    const names = await this.repository.procedureNames([row.procedure_code]);
    const assisted = await this.repository.assistedMarks([row.id]);
    const summary = await this.summary(row, names, assisted);
    const rating = await this.repository.findRating(row.id);
    const events = await this.repository.publicEvents(row.id);
    return {
      ...summary,
      procedureVersion: row.procedure_version,
      feeVnd: row.fee_vnd,
      paymentState: row.payment_state,
      nextStep: nextStep(row.status_code, summary.receivingUnitName),
      timeline: events.map(toTimelineEntry),
      rating: rating ? { stars: rating.stars, comment: rating.comment } : null,
      ...residentFollowUp(row, events),
    };
  }

  async track(code: string, last4: string) {
    const row = await this.repository.findByReferenceOrCode(normaliseDossierCode(code));
    const candidates = [row?.applicant_phone, row?.applicant_citizen_id]
      .filter((v): v is string => typeof v === 'string' && v.length >= 4)
      .map((v) => v.replace(/\D/g, '').slice(-4));
    // Unknown code and wrong digits answer the same, so codes cannot be enumerated.
    if (!row || !candidates.some((c) => safeEqual(c, last4)))
      throw new AppError('TRACKING_NOT_FOUND');
    const names = await this.repository.procedureNames([row.procedure_code]);
    const summary = await this.summary(row, names);
    return {
      reference: row.reference,
      code: row.code,
      procedureName: summary.procedureName,
      statusCode: row.status_code,
      statusLabel: summary.statusLabel,
      receivingUnitName: summary.receivingUnitName,
      submittedAt: summary.submittedAt,
      dueAt: summary.dueAt,
      nextStep: nextStep(row.status_code, summary.receivingUnitName),
      timeline: await this.timeline(row.id),
    };
  }

  async rate(
    actor: SignedInActor,
    id: string,
    input: { stars: number; comment?: string | undefined },
    requestId: string,
  ) {
    const row = await this.repository.findDossier(id);
    if (!row || row.applicant_user_id !== actor.userId) throw new AppError('DOSSIER_NOT_FOUND');
    if (row.status_code !== 9 && row.status_code !== 10) throw new AppError('RATING_NOT_ALLOWED');
    await this.deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('dossier_ratings')
        .values({
          dossier_id: row.id,
          user_id: actor.userId,
          stars: input.stars,
          comment: input.comment || null,
          created_at: this.deps.clock.now(),
        })
        .onConflict((oc) => oc.column('dossier_id').doNothing())
        .returning('dossier_id')
        .executeTakeFirst();
      if (!inserted) throw new AppError('RATING_EXISTS');
      await appendAudit(trx, this.deps.clock, {
        actor,
        action: 'dossier.rate',
        unitCode: row.receiving_unit_code,
        objectType: 'dossier',
        objectId: row.id,
        requestId,
        details: { stars: input.stars },
      });
    });
  }

  private async summary(
    row: DossierRow,
    names: Map<string, string>,
    assisted: Map<string, { teamName: string; communeName: string }> = new Map(),
  ) {
    const unit = await this.deps.units.find(row.receiving_unit_code);
    return {
      id: row.id,
      reference: row.reference,
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: names.get(row.procedure_code) ?? row.procedure_code,
      statusCode: row.status_code,
      statusLabel: statusLabel(row.status_code),
      receivingUnitName: unit?.full_name ?? row.receiving_unit_code,
      submittedAt: row.submitted_at.toISOString(),
      dueAt: row.due_at ? row.due_at.toISOString() : null,
      assistedBy: assisted.get(row.id) ?? null,
    };
  }

  private async timeline(dossierId: string) {
    return (await this.repository.publicEvents(dossierId)).map(toTimelineEntry);
  }
}

type PublicEvent = Awaited<ReturnType<DossiersRepository['publicEvents']>>[number];

function toTimelineEntry(e: PublicEvent) {
  return {
    type: e.type,
    label: eventLabel(e.type, e.status_code, e.data),
    statusCode: e.status_code,
    at: e.at.toISOString(),
    note: e.note,
  };
}

/**
 * What the resident can do next on their dossier page: answer a request to complete (guidance
 * before acceptance, form 02 during processing), download the result, print their forms.
 */
function residentFollowUp(row: DossierRow, events: PublicEvent[]) {
  const last = (types: string[]) => events.filter((e) => types.includes(e.type)).at(-1);
  let request: PublicEvent | undefined;
  if (row.status_code === 5) request = last(['request_supplement']);
  if (row.status_code === 1) {
    const latest = last(['submitted', 'guide_to_complete', 'complete_after_guidance']);
    if (latest?.type === 'guide_to_complete') request = latest;
  }
  const documents = (request?.data as { documents?: unknown } | undefined)?.documents;
  return {
    pendingRequest: request
      ? {
          kind:
            request.type === 'request_supplement' ? ('supplement' as const) : ('guidance' as const),
          note: request.note,
          documents: Array.isArray(documents) ? documents.map(String) : [],
          at: request.at.toISOString(),
        }
      : null,
    apologyDueAt: row.apology_due_at ? row.apology_due_at.toISOString() : null,
    result:
      row.result_id && row.outcome && (row.status_code === 9 || row.status_code === 10)
        ? { id: row.result_id, outcome: row.outcome }
        : null,
    // The workflow table decides, so the button and the route never disagree.
    canWithdraw: allowedActions(row.state as DossierState, ['resident']).some(
      (a) => a.name === 'request_withdrawal',
    ),
    forms: printableForms(
      row.code,
      events.map((e) => e.type),
    ),
  };
}
