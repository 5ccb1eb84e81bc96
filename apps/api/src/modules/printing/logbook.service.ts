import { LOGBOOK_MAX_DAYS, type LogbookQuery } from '@cqs/shared';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { addDays, dayNumber, fromLocal } from '../calendar/calendar.time';
import { issuerOf } from './issuer';
import { type LogbookRow, renderLogbook } from './logbook';
import { PrintingRepository } from './printing.repository';
import { asciiName, instant, type PrintedFile, type PrintingDeps } from './printing.service';
import { vnDate } from './vn-format';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TIMELINESS_NOTE = {
  early: 'Giải quyết trước hạn',
  on_time: 'Giải quyết đúng hạn',
  late: 'Giải quyết quá hạn',
  overdue: 'Đang quá hạn',
  within_time: 'Đang giải quyết trong hạn',
} as const;

/** Form 06 (Sổ theo dõi hồ sơ): the dossiers a unit accepted in a period, as a workbook. */
export class LogbookService {
  private readonly repository: PrintingRepository;

  constructor(private readonly deps: Omit<PrintingDeps, 'publicUrl'>) {
    this.repository = new PrintingRepository(deps.db);
  }

  async export(actor: OfficerActor, query: LogbookQuery): Promise<PrintedFile> {
    const { policy, units, calendar, clock } = this.deps;
    await policy.assert(actor, 'dossiers.read', query.unitCode);
    const days = dayNumber(query.to) - dayNumber(query.from) + 1;
    if (days < 1 || days > LOGBOOK_MAX_DAYS) throw new AppError('LOGBOOK_RANGE_INVALID');
    // Vietnam days: [from 00:00, the day after `to` 00:00) in Asia/Ho_Chi_Minh.
    const from = fromLocal(query.from, 0);
    const toExclusive = fromLocal(addDays(query.to, 1), 0);
    const rows = await this.repository.logbook(query.unitCode, from, toExclusive);
    const events = await this.repository.eventsOf(
      rows.map((r) => r.id),
      ['assign', 'transfer', 'transfer_lien_thong', 'sign', 'refuse_on_merits', 'mark_finished'],
    );
    const now = clock.now();
    const out: LogbookRow[] = [];
    for (const r of rows) {
      const list = events.get(r.id) ?? [];
      const firstOf = (types: string[]) => list.find((e) => types.includes(e.type))?.at ?? null;
      const dueAt = instant(r.due_at);
      const finishedAt = instant(r.finished_at);
      const notes: string[] = [];
      if (r.outcome === 'refused') notes.push('Từ chối giải quyết');
      // Against the original due date: an apology does not move the baseline (DOMAIN.md §4).
      if (dueAt) notes.push(TIMELINESS_NOTE[calendar.timeliness(dueAt, finishedAt, now)]);
      if (r.supplement_requests > 0) notes.push(`Yêu cầu bổ sung ${r.supplement_requests} lần`);
      const apology = instant(r.apology_due_at);
      if (apology) notes.push(`Xin lỗi, hẹn lại ngày ${vnDate(apology)}`);
      out.push({
        code: r.code ?? '',
        procedureName: r.procedure_name,
        applicantName: r.applicant_name,
        contact: [r.applicant_address, r.applicant_phone].filter(Boolean).join(', '),
        handlingUnit: (await units.find(r.handling_unit_code))?.full_name ?? r.handling_unit_code,
        acceptedAt: new Date(r.accepted_at),
        dueAt,
        transferredAt: firstOf(['assign', 'transfer', 'transfer_lien_thong']),
        resultReceivedAt: firstOf(['sign', 'refuse_on_merits', 'mark_finished']) ?? finishedAt,
        returnedAt: instant(r.returned_at),
        note: notes.join('; '),
      });
    }
    const bytes = await renderLogbook({
      issuer: await issuerOf(units, query.unitCode),
      from,
      to: fromLocal(query.to, 0),
      rows: out,
    });
    return {
      fileName: `mau-06-so-theo-doi-${asciiName(query.unitCode)}-${query.from}-${query.to}.xlsx`,
      mediaType: XLSX,
      bytes,
    };
  }
}
