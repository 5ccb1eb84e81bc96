import type {
  AcceptDossierResult,
  CatalogueRecord,
  DeadlineUnit,
  ReceptionQueueItem,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { maskCitizenId } from '../../lib/personal-data';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { formatVn, toLocal } from '../calendar/calendar.time';
import { enqueueNotification, isReachable } from '../notifications/notifications.service';
import { type DossierEventSink, recordDossierEvent } from '../processing/processing.events';
import { ReceptionRepository } from './reception.repository';

export interface ReceptionDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  calendar: CalendarService;
  /** Demo mode codes dossiers of units without an identifier with a visibly fake one. */
  mode: 'demo' | 'production';
  /** Fed with every dossier event in its transaction (national-portal sync). */
  sinks: readonly DossierEventSink[];
}

/** `{identifier}-{yymmdd}-{NNNN}` (DOMAIN.md §3); `day` is the Vietnam date 'YYYY-MM-DD'. */
export function formatDossierCode(identifier: string, day: string, n: number): string {
  return `${identifier}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(n).padStart(4, '0')}`;
}

/**
 * The time limit of the version's online channel: "Ngày làm việc" or a bare number → working
 * days, "Ngày" → calendar days, "Giờ" → working hours. No usable whole number → no due date.
 */
export function onlineTimeLimit(
  record: CatalogueRecord | null,
): { amount: number; unit: DeadlineUnit } | null {
  const channel = record?.channels.find((c) => c.channel === 'truc_tuyen');
  const amount = channel?.time_value;
  if (!channel || amount == null || !Number.isInteger(amount) || amount < 1) return null;
  const label = channel.time_unit?.trim().toLowerCase() ?? '';
  if (label === '' || label === 'ngày làm việc') return { amount, unit: 'working_days' };
  if (label === 'ngày') return { amount, unit: 'calendar_days' };
  if (label === 'giờ') return { amount, unit: 'working_hours' };
  return null;
}

/** The one-stop reception desk: the queue of online submissions and their acceptance. */
export class ReceptionService {
  constructor(private readonly deps: ReceptionDeps) {}

  async queue(actor: OfficerActor, unitCode: string, limit: number): Promise<ReceptionQueueItem[]> {
    await this.deps.policy.assert(actor, 'dossiers.read', unitCode);
    const rows = await new ReceptionRepository(this.deps.db).listWaiting(unitCode, limit);
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      applicantName: r.applicant_name,
      applicantCitizenIdMasked: maskCitizenId(r.applicant_citizen_id),
      submittedAt: new Date(r.submitted_at).toISOString(),
      channel: r.channel,
      rowVersion: r.row_version,
    }));
  }

  async accept(
    actor: OfficerActor,
    dossierId: string,
    expectedRowVersion: number,
    requestId: string,
  ): Promise<AcceptDossierResult> {
    const { db, clock, policy, calendar } = this.deps;
    const repository = new ReceptionRepository(db);
    // Reads through the root handle happen before the transaction: on PGlite the transaction
    // holds the only connection.
    const dossier = await repository.findDossier(dossierId);
    // Officers who may not read the unit's dossiers learn nothing, not even that it exists.
    if (!dossier || !(await policy.can(actor, 'dossiers.read', dossier.receiving_unit_code))) {
      throw new AppError('DOSSIER_NOT_FOUND');
    }
    await policy.assert(actor, 'dossiers.accept', dossier.receiving_unit_code);
    // A stale view first: the officer must reload before being told anything about the state.
    if (dossier.row_version !== expectedRowVersion) throw new AppError('DOSSIER_CHANGED');
    if (dossier.status_code !== 1) throw new AppError('DOSSIER_STATE_CONFLICT');

    const unit = await repository.findUnit(dossier.receiving_unit_code);
    if (!unit) throw new AppError('DOSSIER_NOT_FOUND');
    const identifier =
      unit.identifier ?? (this.deps.mode === 'demo' ? `DEMO66.${unit.code}` : null);
    if (!identifier) throw new AppError('UNIT_IDENTIFIER_MISSING');

    const record = await repository.findVersionRecord(
      dossier.procedure_code,
      dossier.procedure_version,
    );
    const now = clock.now();
    const limit = onlineTimeLimit(record);
    const due = limit ? await calendar.due(now, limit.amount, limit.unit) : null;
    const day = toLocal(now).date;

    return db.transaction().execute(async (trx) => {
      const tx = new ReceptionRepository(trx);
      // The dossier row first: a second officer racing for the same dossier stops here and never
      // touches the unit's counter.
      const updated = await tx.markAccepted(dossierId, expectedRowVersion, {
        dueAt: due?.due ?? null,
        now,
        timeLimit: limit,
      });
      if (!updated) throw new AppError('DOSSIER_CHANGED');
      const n = await tx.nextCodeNumber(unit.code, day);
      if (n > 9999) throw new AppError('DOSSIER_CODES_EXHAUSTED');
      const code = formatDossierCode(identifier, day, n);
      const coded = await tx.setCode(dossierId, code);
      await recordDossierEvent(
        trx,
        clock,
        this.deps.sinks,
        {
          dossierId,
          type: 'accepted',
          statusCode: 2,
          at: now,
          actorId: actor.userId,
          actorKind: actor.kind,
          unitCode: unit.code,
          public: true,
          note: null,
          data: {
            code,
            dueAt: due ? formatVn(due.due) : null,
            countFrom: due ? formatVn(due.countFrom) : null,
            timeLimit: limit,
            unconfirmedYears: due?.unconfirmedYears ?? [],
          },
        },
        coded,
      );
      await appendAudit(trx, clock, {
        actor,
        action: 'dossier.accept',
        unitCode: unit.code,
        objectType: 'dossier',
        objectId: dossierId,
        requestId,
        details: { code, reference: dossier.reference, dueAt: due?.due.toISOString() ?? null },
      });
      // The template promises a due date; a procedure without a stated time limit has none, so
      // the applicant then learns the code from the tracking page instead (documented).
      if (due) {
        const payload = {
          recipientName: dossier.applicant_name,
          dossierCode: code,
          temporaryReference: dossier.reference,
          procedureName: record?.name ?? dossier.procedure_code,
          receivingUnitName: unit.full_name,
          acceptedAt: now.toISOString(),
          dueDate: toLocal(due.due).date,
        };
        const contacts: ['email' | 'sms', string | null][] = [
          ['email', dossier.applicant_email],
          ['sms', dossier.applicant_phone],
        ];
        for (const [channel, recipient] of contacts) {
          if (!isReachable(channel, recipient)) continue;
          await enqueueNotification(trx, clock, {
            channel,
            recipient,
            template: 'dossier.accepted',
            payload,
            dedupeKey: `dossier.accepted:${dossierId}:${channel}`,
          });
        }
      }
      return {
        id: dossierId,
        code,
        statusCode: 2,
        dueAt: due ? formatVn(due.due) : null,
        rowVersion: updated.row_version,
      };
    });
  }
}
