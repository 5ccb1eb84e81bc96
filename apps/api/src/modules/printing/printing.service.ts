import { formForProcedure, type OfficerFormNumber, type ResidentFormNumber } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor, SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import type { UnitsService } from '../units/units.service';
import {
  controlSheetRows,
  type Judge,
  type Party,
  type PrintEvent,
  unitsInvolved,
} from './control-sheet';
import { renderForm01 } from './form-01';
import { renderForm02 } from './form-02';
import { renderForm03 } from './form-03';
import { renderForm04 } from './form-04';
import { renderForm05 } from './form-05';
import { issuerOf } from './issuer';
import type { DossierPrint, NoticePrint } from './printing.model';
import { PrintingRepository } from './printing.repository';
import type { TimeLimitUnit } from './vn-format';

export interface PrintingDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  units: UnitsService;
  calendar: CalendarService;
  /** Base of the public tracking page encoded in form 01's QR code. */
  publicUrl: string;
}

export interface PrintedFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

type DossierRow = NonNullable<Awaited<ReturnType<PrintingRepository['findDossier']>>>;

/** Which events a notice form prints, and the error when there is none. */
const NOTICES = {
  '02': {
    types: ['guide_to_complete', 'request_supplement'],
    missing: 'PRINT_NO_COMPLETION_REQUEST',
  },
  '03': { types: ['refuse_to_accept'], missing: 'PRINT_NO_REFUSAL' },
  '04': { types: ['apologise'], missing: 'PRINT_NO_APOLOGY' },
} as const;

const PDF = 'application/pdf';

export const asciiName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

export function instant(value: unknown): Date | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Forms 01–06 of the one-stop mechanism, printed from the dossier and its events. */
export class PrintingService {
  private readonly repository: PrintingRepository;
  private readonly judge: Judge;

  constructor(private readonly deps: PrintingDeps) {
    this.repository = new PrintingRepository(deps.db);
    this.judge = (due, at) => deps.calendar.timeliness(due, at) as 'early' | 'on_time' | 'late';
  }

  async officerForm(
    actor: OfficerActor,
    dossierId: string,
    form: OfficerFormNumber,
    eventId?: number,
  ): Promise<PrintedFile> {
    const dossier = await this.repository.findDossier(dossierId);
    const { policy } = this.deps;
    // An officer of another unit learns nothing, not even that the dossier exists.
    const visible =
      dossier &&
      ((await policy.can(actor, 'dossiers.read', dossier.handling_unit_code)) ||
        (await policy.can(actor, 'dossiers.read', dossier.receiving_unit_code)));
    if (!visible) throw new AppError('DOSSIER_NOT_FOUND');
    return this.render(dossier, form, eventId);
  }

  async residentForm(
    actor: SignedInActor,
    dossierId: string,
    form: ResidentFormNumber,
    eventId?: number,
  ): Promise<PrintedFile> {
    const dossier = await this.repository.findDossier(dossierId);
    if (!dossier || actor.kind !== 'resident' || dossier.applicant_user_id !== actor.userId) {
      throw new AppError('DOSSIER_NOT_FOUND');
    }
    return this.render(dossier, form, eventId);
  }

  private async render(
    row: DossierRow,
    form: OfficerFormNumber,
    eventId: number | undefined,
  ): Promise<PrintedFile> {
    const events = await this.repository.events(row.id);
    const dossier = await this.dossierPrint(row, events);
    const name = (n: string) => ({
      fileName: `mau-${n}-${asciiName(row.code ?? row.reference)}.pdf`,
      mediaType: PDF,
    });
    if (form === '01' || form === '05') {
      const { code, acceptedAt } = dossier;
      if (!code || !acceptedAt) throw new AppError('PRINT_DOSSIER_NOT_ACCEPTED');
      const coded = { ...dossier, code, acceptedAt };
      if (form === '01') {
        const accepted = events.find((e) => e.type === 'accepted');
        const names = await this.repository.userNames(accepted?.actorId ? [accepted.actorId] : []);
        const bytes = await renderForm01({
          dossier: coded,
          receiverName: accepted?.actorId ? (names.get(accepted.actorId) ?? null) : null,
          trackingUrl: `${this.deps.publicUrl}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`,
        });
        return { ...name('01'), bytes };
      }
      return { ...name('05'), bytes: await this.controlSheet(row, coded, events) };
    }
    const spec = NOTICES[form];
    const candidates = events.filter((e) => (spec.types as readonly string[]).includes(e.type));
    let event: PrintEvent | undefined;
    if (eventId !== undefined) {
      event = candidates.find((e) => e.id === eventId);
      if (!event) throw new AppError('PRINT_EVENT_NOT_FOUND');
    } else {
      event = candidates.at(-1);
      if (!event) throw new AppError(spec.missing);
    }
    // The apology comes from the head of the handling body; 02 and 03 from the desk or unit.
    const notice = await this.notice(
      event,
      row.receiving_unit_code,
      form === '04' ? 'authority' : 'desk',
    );
    const render = form === '02' ? renderForm02 : form === '03' ? renderForm03 : renderForm04;
    return { ...name(form), bytes: await render(dossier, notice) };
  }

  private async notice(
    event: PrintEvent,
    fallbackUnit: string,
    as: 'desk' | 'authority',
  ): Promise<NoticePrint> {
    const names = await this.repository.userNames(event.actorId ? [event.actorId] : []);
    return {
      eventId: event.id,
      type: event.type,
      at: event.at,
      note: event.note,
      data: event.data,
      issuer: await issuerOf(this.deps.units, event.unitCode ?? fallbackUnit, as),
      officerName: event.actorId ? (names.get(event.actorId) ?? null) : null,
    };
  }

  private async controlSheet(
    row: DossierRow,
    dossier: DossierPrint & { code: string },
    events: PrintEvent[],
  ): Promise<Buffer> {
    const handOffs = controlSheetRows(
      {
        dueAt: dossier.dueAt,
        receivingUnitCode: row.receiving_unit_code,
        handlingUnitCode: row.handling_unit_code,
      },
      events,
      this.judge,
    );
    const officerIds = handOffs.flatMap((h) =>
      [h.from, h.to].flatMap((p) => (p.kind !== 'applicant' && p.officerId ? [p.officerId] : [])),
    );
    const names = await this.repository.userNames(officerIds);
    const unitNames = new Map<string, string>();
    for (const h of handOffs) {
      for (const p of [h.from, h.to]) {
        if (p.kind !== 'applicant' && !unitNames.has(p.unitCode)) {
          unitNames.set(
            p.unitCode,
            (await this.deps.units.find(p.unitCode))?.full_name ?? p.unitCode,
          );
        }
      }
    }
    const label = (p: Party): string => {
      if (p.kind === 'applicant') return `Người nộp hồ sơ – ${dossier.applicant.name}`;
      const unit = unitNames.get(p.unitCode) ?? p.unitCode;
      const base = p.kind === 'desk' ? `Bộ phận tiếp nhận và trả kết quả – ${unit}` : unit;
      const person =
        (p.kind === 'unit' ? p.officerName : undefined) ??
        (p.officerId ? names.get(p.officerId) : undefined);
      const role = p.kind === 'unit' && p.role === 'leader' ? 'Lãnh đạo' : null;
      const who = [role, person].filter(Boolean).join(' ');
      return who ? `${base} (${who})` : base;
    };
    const involved = unitsInvolved(handOffs);
    return renderForm05(dossier, {
      rows: handOffs.map((h) => ({
        from: label(h.from),
        to: label(h.to),
        at: h.at,
        dueAt: h.dueAt,
        result: h.result,
        note: h.note,
      })),
      handlingUnits: involved.handling.map((c) => unitNames.get(c) ?? c),
      coordinatingUnits: involved.coordinating.map((c) => unitNames.get(c) ?? c),
      printedAt: this.deps.clock.now(),
    });
  }

  private async dossierPrint(row: DossierRow, events: PrintEvent[]): Promise<DossierPrint> {
    const accepted = events.find((e) => e.type === 'accepted');
    const procedure = await this.repository.procedure(row.procedure_code, row.procedure_version);
    const address = row.applicant_user_id
      ? await this.repository.userAddress(row.applicant_user_id)
      : null;
    const limit = accepted?.data.timeLimit as
      | { amount?: unknown; unit?: unknown }
      | null
      | undefined;
    const timeLimit =
      row.time_limit_amount && row.time_limit_unit
        ? { amount: row.time_limit_amount, unit: row.time_limit_unit }
        : typeof limit?.amount === 'number' && typeof limit.unit === 'string'
          ? { amount: limit.amount, unit: limit.unit as TimeLimitUnit }
          : null;
    return {
      code: row.code,
      reference: row.reference,
      procedureName: procedure.name,
      applicant: {
        name: row.applicant_name,
        phone: row.applicant_phone,
        email: row.applicant_email,
        address,
      },
      channel: row.channel,
      acceptedAt: instant(row.accepted_at) ?? accepted?.at ?? null,
      dueAt: instant(row.due_at) ?? instant(accepted?.data.dueAt),
      apologyDueAt: instant(row.apology_due_at),
      countFrom: instant(accepted?.data.countFrom),
      timeLimit,
      documents: await this.documents(row, procedure.record),
      returnChannel: row.return_channel,
      desk: await issuerOf(this.deps.units, row.receiving_unit_code),
    };
  }

  /** The files received, named after the e-form's document list, with their counts. */
  private async documents(
    row: DossierRow,
    record: Awaited<ReturnType<PrintingRepository['procedure']>>['record'],
  ): Promise<string[]> {
    const purposes = await this.repository.filePurposes(row.id);
    if (purposes.length === 0) return [];
    const names = new Map<string, string>();
    if (record) {
      for (const doc of formForProcedure(row.procedure_code, record).documents) {
        names.set(doc.id, doc.name.vi);
      }
    }
    const counts = new Map<string, number>();
    for (const p of purposes) counts.set(p, (counts.get(p) ?? 0) + 1);
    return [...counts].map(([p, n]) => `${names.get(p) ?? p} (${n} tệp điện tử)`);
  }
}
