/**
 * Why a dossier lost points on a component (the drill-down's last level). Pure apart from the
 * working-day count, which is passed in so the calendar service (holidays) decides it.
 */
import type { DrillableComponent, DrillReason } from '@cqs/shared';
import type { IsoDate } from '../calendar/calendar.time';
import { type DossierFacts, dayOf, isFinished, timelinessOf } from './dashboard.facts';

/** Working days in (from, to] — the calendar service's count, first day not counted. */
export type WorkingDaysBetween = (from: IsoDate, to: IsoDate) => Promise<number>;

/** The day column the component's denominator is counted on (see dashboard.facts contribution). */
export const drillDayColumn: Record<
  DrillableComponent,
  'accepted_day' | 'timely_day' | 'finished_day'
> = {
  on_time: 'timely_day',
  end_to_end_online: 'accepted_day',
  paid_online: 'accepted_day',
  vneid_accounts: 'accepted_day',
  e_result: 'finished_day',
  digitised: 'finished_day',
};

const vnDate = (day: IsoDate) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

function reason(
  code: DrillReason['code'],
  vi: string,
  en: string,
  workingDaysLate: number | null = null,
): DrillReason {
  return { code, workingDaysLate, text: { vi, en } };
}

/** The reasons `f` lost points on `component`; empty when it did not. */
export async function lostPointReasons(
  f: DossierFacts,
  component: DrillableComponent,
  today: IsoDate,
  lastClosed: IsoDate,
  workingDaysBetween: WorkingDaysBetween,
): Promise<DrillReason[]> {
  if (!f.acceptedAt) return [];
  const online = f.channel === 2;
  switch (component) {
    case 'on_time': {
      const t = timelinessOf(f);
      if (!t || t.kind === 'on_time' || !f.dueAt) return [];
      if (t.kind === 'due_open' && t.day > lastClosed) return [];
      const out: DrillReason[] = [];
      const dueDay = dayOf(f.dueAt);
      const apology = f.apologyDueAt
        ? {
            vi: ` (đã xin lỗi, hẹn lại ${vnDate(dayOf(f.apologyDueAt))}; hạn gốc vẫn tính)`,
            en: ` (apology issued, new date ${dayOf(f.apologyDueAt)}; the original due date counts)`,
          }
        : { vi: '', en: '' };
      if (t.kind === 'late' && t.secondSupplement) {
        out.push(
          reason(
            'second_supplement',
            'Yêu cầu bổ sung hồ sơ lần thứ hai: tính là trễ hạn',
            'Second supplement request: counted as late',
          ),
        );
      }
      if (t.kind === 'late' && t.finishAt && Date.parse(t.finishAt) > Date.parse(f.dueAt)) {
        const n = await workingDaysBetween(dueDay, dayOf(t.finishAt));
        out.push(
          reason(
            'late',
            `Trễ hạn ${n} ngày làm việc (hạn ${vnDate(dueDay)})${apology.vi}`,
            `Late by ${n} working days (due ${dueDay})${apology.en}`,
            n,
          ),
        );
      } else if (!(t.kind === 'late' && t.finishAt) && dueDay <= lastClosed) {
        const n = await workingDaysBetween(dueDay, today);
        out.push(
          reason(
            'overdue_running',
            `Chưa xử lý xong, quá hạn ${n} ngày làm việc (hạn ${vnDate(dueDay)})${apology.vi}`,
            `Not finished, overdue by ${n} working days (due ${dueDay})${apology.en}`,
            n,
          ),
        );
      }
      return out;
    }
    case 'end_to_end_online':
      return f.endToEndOffered && !online
        ? [
            reason(
              'not_end_to_end_online',
              'Thủ tục có dịch vụ trực tuyến toàn trình nhưng hồ sơ nộp trực tiếp hoặc qua bưu chính',
              'The procedure is offered end to end online but the dossier was filed in person or by post',
            ),
          ]
        : [];
    case 'paid_online':
      return f.feeBearing && !f.paidOnline
        ? [
            reason(
              'not_paid_online',
              'Hồ sơ có phí, lệ phí nhưng không thanh toán trực tuyến',
              'Fee-bearing dossier not paid online',
            ),
          ]
        : [];
    case 'vneid_accounts':
      return online && f.assuranceLevel !== 2
        ? [
            reason(
              'not_vneid',
              'Hồ sơ trực tuyến không nộp bằng tài khoản định danh điện tử mức 2',
              'Online dossier not submitted with a level-2 electronic identity',
            ),
          ]
        : [];
    case 'e_result':
    case 'digitised': {
      if (!isFinished(f)) return [];
      const out: DrillReason[] = [];
      if (!f.eResult) {
        out.push(reason('no_e_result', 'Không có kết quả điện tử', 'No electronic result issued'));
      }
      if (component === 'digitised' && !f.hasFiles) {
        out.push(
          reason(
            'no_component_files',
            'Thành phần hồ sơ chưa được số hóa (không có tệp đính kèm)',
            'Component documents not digitised (no files attached)',
          ),
        );
      }
      return out;
    }
  }
}
