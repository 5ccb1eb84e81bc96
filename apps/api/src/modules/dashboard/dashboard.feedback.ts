/**
 * Feedback indicators (issue 7 §2) from summed counts, and why a report shows in a drill-down.
 * Pure apart from the working-day count, which the calendar service (holidays) decides.
 */
import type {
  FeedbackDrillFilter,
  FeedbackDrillItem,
  FeedbackDrillReasonCode,
  FeedbackIndicatorRow,
} from '@cqs/shared';
import { type IsoDate, toLocal } from '../calendar/calendar.time';
import type { WorkingDaysBetween } from './dashboard.drill';
import type { FeedbackDrillRow } from './dashboard.feedback.repository';

/** Additive counts behind a feedback indicator row (see dashboard_feedback_facts). */
export interface FeedbackCounts {
  received: number;
  rejected: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  open: number;
  openOverdue: number;
  handlingSeconds: number;
  rated: number;
  ratingSum: number;
  /** Rated 4 or 5. */
  satisfied: number;
}

export function emptyFeedbackCounts(): FeedbackCounts {
  return {
    received: 0,
    rejected: 0,
    answered: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    open: 0,
    openOverdue: 0,
    handlingSeconds: 0,
    rated: 0,
    ratingSum: 0,
    satisfied: 0,
  };
}

export function addFeedbackCounts(a: FeedbackCounts, b: FeedbackCounts): FeedbackCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof FeedbackCounts)[]) out[k] += b[k];
  return out;
}

/** Reports whose timeliness is decided: answered (on time or late) and open past due. */
export const decidedOf = (c: FeedbackCounts) => c.answered + c.openOverdue;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function indicatorRow(c: FeedbackCounts): FeedbackIndicatorRow {
  const decided = decidedOf(c);
  return {
    received: c.received,
    answered: c.answered,
    answeredOnTime: c.answeredOnTime,
    answeredLate: c.answeredLate,
    openOverdue: c.openOverdue,
    open: c.open,
    onTimeRate: decided ? round(c.answeredOnTime / decided, 4) : null,
    averageHandlingHours: c.answered ? round(c.handlingSeconds / c.answered / 3600, 1) : null,
    rated: c.rated,
    averageRating: c.rated ? round(c.ratingSum / c.rated, 2) : null,
    satisfiedShare: c.rated ? round(c.satisfied / c.rated, 4) : null,
    rejected: c.rejected,
  };
}

const vnDate = (day: IsoDate) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const dayOf = (d: Date) => toLocal(d).date;

type Reason = FeedbackDrillItem['reason'];
const reason = (
  code: FeedbackDrillReasonCode,
  vi: string,
  en: string,
  workingDays: number | null = null,
): Reason => ({ code, vi, en, workingDays });

const ESCALATED = { vi: '; đã chuyển cấp trên', en: '; escalated' };

/** Open and past due at `now` — the same test as the repository's SQL. */
export function isOverdueOpen(r: FeedbackDrillRow, now: Date): boolean {
  return (
    r.outcome === 'open' &&
    (r.late || (!r.paused && r.dueAt !== null && r.dueAt.getTime() < now.getTime()))
  );
}

/**
 * Why the report is listed. Under 'unsatisfied' the rating; otherwise its standing: overdue,
 * answered late (N working days after the deadline), unsatisfied, on time, paused, open, rejected.
 */
export async function drillReason(
  r: FeedbackDrillRow,
  filter: FeedbackDrillFilter,
  now: Date,
  workingDaysBetween: WorkingDaysBetween,
): Promise<Reason> {
  const unsatisfied = () => reason('unsatisfied', `Đánh giá ${r.rating}/5`, `Rated ${r.rating}/5`);
  if (filter === 'unsatisfied' && r.rating !== null) return unsatisfied();
  if (r.outcome === 'rejected') {
    return reason(
      'rejected',
      'Không xử lý (có lý do): không tính vào chỉ số',
      'Rejected with a reason: not counted',
    );
  }
  const esc = r.escalated ? ESCALATED : { vi: '', en: '' };
  if (isOverdueOpen(r, now)) {
    if (!r.dueAt || (!r.escalated && r.dueAt.getTime() >= now.getTime())) {
      // Reopened after a late answer, still within its new deadline.
      return reason(
        'overdue',
        'Lần trả lời trước trễ hạn; đang xử lý lại',
        'An earlier answer was late; being handled again',
      );
    }
    const dueDay = dayOf(r.dueAt);
    const n = await workingDaysBetween(dueDay, dayOf(now));
    return n > 0
      ? reason(
          'overdue',
          `Quá hạn ${n} ngày làm việc${esc.vi}`,
          `Overdue by ${n} working day${n > 1 ? 's' : ''}${esc.en}`,
          n,
        )
      : reason(
          'overdue',
          `Quá hạn (hạn ${vnDate(dueDay)})${esc.vi}`,
          `Overdue (due ${dueDay})${esc.en}`,
          0,
        );
  }
  if (r.outcome === 'answered' && r.late) {
    if (!r.dueAt || !r.answeredAt || r.answeredAt.getTime() <= r.dueAt.getTime()) {
      return reason(
        'answered_late',
        r.escalated ? 'Đã chuyển cấp trên do quá hạn' : 'Lần trả lời trước trễ hạn',
        r.escalated ? 'Escalated for being overdue' : 'An earlier answer was late',
      );
    }
    const dueDay = dayOf(r.dueAt);
    const n = await workingDaysBetween(dueDay, dayOf(r.answeredAt));
    return n > 0
      ? reason(
          'answered_late',
          `Trả lời trễ ${n} ngày làm việc${esc.vi}`,
          `Answered ${n} working day${n > 1 ? 's' : ''} late${esc.en}`,
          n,
        )
      : reason(
          'answered_late',
          `Trả lời trễ hạn (hạn ${vnDate(dueDay)})${esc.vi}`,
          `Answered after the deadline (due ${dueDay})${esc.en}`,
          0,
        );
  }
  if (r.rating !== null && r.rating <= 3) return unsatisfied();
  if (r.outcome === 'answered')
    return reason('answered_on_time', 'Trả lời đúng hạn', 'Answered on time');
  if (r.paused) {
    return reason(
      'waiting_reporter',
      'Đang chờ người phản ánh bổ sung thông tin (tạm dừng tính hạn)',
      'Waiting for the reporter (deadline paused)',
    );
  }
  return reason('open', 'Đang xử lý, còn trong hạn', 'Being handled, within time');
}
