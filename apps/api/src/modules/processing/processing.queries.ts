import type {
  AllowedAction,
  DossierWorkspace,
  OfficerRole,
  WorkQueue,
  WorkQueueQuery,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import { maskAnswers, maskCitizenId } from '../../lib/personal-data';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import { formatVn } from '../calendar/calendar.time';
import { eventLabel, printableForms, statusLabel } from '../dossiers/dossiers.text';
import { allowedActions, type ProcessingStep } from '../workflow/dossier-workflow';
import { type DossierRow, ProcessingRepository, type WorkFilter } from './processing.repository';
import {
  actionFields,
  bandOf,
  citizenIdDigits,
  rolesForAction,
  stepLabels,
} from './processing.rules';

const iso = (d: Date | string | null) => (d ? formatVn(new Date(d)) : null);

/** What officers read: the work queues and the dossier workspace. */
export class ProcessingQueries {
  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      policy: AccessPolicy;
      calendar: CalendarService;
    },
  ) {}

  /** Due within the next two working days counts as "due soon". */
  private async dueSoonBefore(now: Date): Promise<Date> {
    return (await this.deps.calendar.due(now, 2, 'working_days')).due;
  }

  async workQueue(actor: OfficerActor, query: WorkQueueQuery): Promise<WorkQueue> {
    await this.deps.policy.assert(actor, 'dossiers.read', query.unitCode);
    const now = this.deps.clock.now();
    const q = query.q?.trim();
    const filter: WorkFilter = {
      unitCode: query.unitCode,
      assigneeId: query.scope === 'mine' ? actor.userId : null,
      statusCode: query.statusCode,
      band: query.band,
      now,
      dueSoonBefore: await this.dueSoonBefore(now),
      search: q ? { text: q, digits: citizenIdDigits(q) } : null,
    };
    const repo = new ProcessingRepository(this.deps.db);
    const [rows, total, counts] = await Promise.all([
      repo.listWork(filter, query.limit, query.offset),
      repo.countWork(filter),
      repo.bandCounts({ ...filter, band: 'all' }),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        reference: r.reference,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        applicantName: r.applicant_name,
        applicantCitizenIdMasked: maskCitizenId(r.applicant_citizen_id),
        statusCode: r.status_code,
        statusLabel: statusLabel(r.status_code),
        state: r.state,
        step: r.step,
        stepDueAt: iso(r.step_due_at),
        dueAt: iso(r.due_at),
        band: bandOf(r, now, filter.dueSoonBefore),
        assignee:
          r.assigned_officer_id && r.assignee_name
            ? { id: r.assigned_officer_id, name: r.assignee_name }
            : null,
        handlingUnitCode: r.handling_unit_code,
        rowVersion: r.row_version,
      })),
      total,
      counts,
    };
  }

  async officersOf(actor: OfficerActor, unitCode: string) {
    await this.deps.policy.assert(actor, 'dossiers.read', unitCode);
    return { items: await new ProcessingRepository(this.deps.db).officersOfUnit(unitCode) };
  }

  /** The officer's workspace: everything about the dossier plus the actions open to them now. */
  async workspace(actor: OfficerActor, row: DossierRow): Promise<DossierWorkspace> {
    const { db, clock, policy } = this.deps;
    const repo = new ProcessingRepository(db);
    const now = clock.now();
    const [procedure, receiving, handling, assignee, files, events] = await Promise.all([
      repo.procedureName(row.procedure_code, row.procedure_version),
      repo.findUnit(row.receiving_unit_code),
      repo.findUnit(row.handling_unit_code),
      row.assigned_officer_id ? repo.findUserName(row.assigned_officer_id) : undefined,
      repo.dossierFiles(row.id),
      repo.events(row.id),
    ]);
    const atHandling = await policy.rolesAt(actor, row.handling_unit_code);
    const atReceiving = await policy.rolesAt(actor, row.receiving_unit_code);
    const actions = this.actionsFor(actor, row, atHandling, atReceiving);
    const forms: DossierWorkspace['forms'] = printableForms(
      row.code,
      events.map((e) => e.type),
    );
    // Form 05, the control sheet, follows the dossier from its acceptance.
    if (row.code) forms.push('05');
    return {
      id: row.id,
      reference: row.reference,
      code: row.code,
      procedureCode: row.procedure_code,
      procedureName: procedure?.name ?? row.procedure_code,
      procedureVersion: row.procedure_version,
      channel: row.channel,
      statusCode: row.status_code,
      statusLabel: statusLabel(row.status_code),
      state: row.state,
      step: row.step,
      stepLabel: row.step ? (stepLabels[row.step as ProcessingStep] ?? row.step) : null,
      stepDueAt: iso(row.step_due_at),
      receivingUnit: {
        code: row.receiving_unit_code,
        name: receiving?.full_name ?? row.receiving_unit_code,
      },
      handlingUnit: {
        code: row.handling_unit_code,
        name: handling?.full_name ?? row.handling_unit_code,
      },
      assignee: assignee ? { id: assignee.id, name: assignee.full_name } : null,
      applicant: {
        name: row.applicant_name,
        citizenIdMasked: maskCitizenId(row.applicant_citizen_id),
        phone: row.applicant_phone,
        email: row.applicant_email,
      },
      answers: maskAnswers(row.answers),
      documents: files.map((f) => ({
        id: f.id,
        name: f.original_name,
        mediaType: f.media_type,
        size: Number(f.size_bytes),
        purpose: f.purpose,
        uploadedAt: new Date(f.created_at).toISOString(),
      })),
      submittedAt: iso(row.submitted_at)!,
      acceptedAt: iso(row.accepted_at),
      dueAt: iso(row.due_at),
      apologyDueAt: iso(row.apology_due_at),
      band: bandOf(row, now, await this.dueSoonBefore(now)),
      pausedSince: iso(row.paused_at),
      supplementRequests: row.supplement_requests,
      countedLate: row.counted_late,
      feeVnd: row.fee_vnd,
      paymentState: row.payment_state,
      outcome: row.outcome,
      resultId: row.result_id,
      returnedAt: iso(row.returned_at),
      returnChannel: row.return_channel,
      rowVersion: row.row_version,
      timeline: events.map((e) => {
        const data = (e.data ?? {}) as { stepDueAt?: unknown };
        return {
          id: Number(e.id),
          type: e.type,
          label: eventLabel(e.type, e.status_code, e.data),
          statusCode: e.status_code,
          at: iso(e.at)!,
          actorName: e.actor_name ?? (e.actor_kind === 'resident' ? row.applicant_name : null),
          unitName: e.unit_name,
          note: e.note,
          public: e.public,
          stepDueAt: typeof data.stepDueAt === 'string' ? data.stepDueAt : null,
        };
      }),
      allowedActions: actions,
      forms,
    };
  }

  /** The workflow's actions for this officer here, with the fields their forms need. */
  private actionsFor(
    actor: OfficerActor,
    row: DossierRow,
    atHandling: OfficerRole[],
    atReceiving: OfficerRole[],
  ): AllowedAction[] {
    const out: AllowedAction[] = [];
    const all = allowedActions(row.state as never, [
      'receiving_officer',
      'specialist',
      'unit_leader',
    ]);
    for (const a of all) {
      const spec = actionFields[a.name];
      if (!spec) continue;
      const roles = rolesForAction(a.name, atHandling, atReceiving);
      const usable = roles.filter((r) => (a.roles as readonly string[]).includes(r));
      if (usable.length === 0) continue;
      // Only the assigned specialist (or a leader) works on an assigned dossier.
      const assignedElsewhere =
        row.assigned_officer_id !== null && row.assigned_officer_id !== actor.userId;
      if (assignedElsewhere && usable.every((r) => r === 'specialist')) continue;
      // A result already issued is not asked for again.
      const fields = row.result_id ? spec.fields.filter((f) => f !== 'resultFileId') : spec.fields;
      out.push({
        name: a.name,
        label: a.label.vi,
        fields,
        required: spec.required,
        form: a.form ?? null,
      });
    }
    return out;
  }
}
