/**
 * Decision 766 service index (DOMAIN.md §5) from summed counters. Pure: the numbers come from the
 * rollup (or the raw path in tests), the definitions shown next to each number live here too so
 * the glossary and the formula cannot disagree.
 */
import type {
  ComputedComponent,
  DashboardText,
  ServiceIndexComponent,
  ServiceIndexComponentKey,
  ServiceIndexGroup,
  ServiceIndexGroupKey,
} from '@cqs/shared';
import type { Counters } from './dashboard.facts';
import { decidedOf, emptyFeedbackCounts, type FeedbackCounts } from './dashboard.feedback';
import { noDataComponents } from './dashboard.no-data';

export interface IndexInputs {
  /** Summed counters; `timely_due_open` only for due days that have closed. */
  totals: Counters;
  /** Procedures with fee-bearing dossiers in the period, and those with ≥ 1 paid online. */
  feeBearingProcedures: number;
  proceduresWithOnlinePayment: number;
  /** Current catalogue versions: offered online, and all. */
  catalogue: { offeredOnline: number; all: number };
  /** Dossiers accepted in the period that the resident rated 1 or 2 stars. */
  negativeRatings: number;
  /**
   * Feedback reports received in the period by the units (the feedback dashboard's counts);
   * absent: nothing counted (the feedback components score null).
   */
  feedback?: FeedbackCounts;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

interface Spec {
  key: ServiceIndexComponentKey;
  maxPoints: number;
  label: DashboardText;
  definition: DashboardText;
}

function computed(
  spec: Spec,
  threshold: number,
  numerator: number | null,
  denominator: number | null,
  rateOverride?: number | null,
): ComputedComponent {
  const rate =
    rateOverride !== undefined
      ? rateOverride
      : denominator && numerator !== null
        ? numerator / denominator
        : null;
  const points =
    rate === null || spec.maxPoints === 0
      ? null
      : round2(Math.min(rate / threshold, 1) * spec.maxPoints);
  return {
    ...spec,
    status: 'computed',
    threshold,
    numerator,
    denominator,
    rate: rate === null ? null : round2(rate * 100) / 100,
    points,
    value: null,
  };
}

const T = (vi: string, en: string): DashboardText => ({ vi, en });

const groupMeta: Record<ServiceIndexGroupKey, { label: DashboardText; maxPoints: number }> = {
  transparency: { label: T('Công khai, minh bạch', 'Transparency'), maxPoints: 18 },
  progress: { label: T('Tiến độ giải quyết', 'Progress'), maxPoints: 20 },
  online_services: { label: T('Dịch vụ công trực tuyến', 'Online services'), maxPoints: 12 },
  online_payment: { label: T('Thanh toán trực tuyến', 'Online payment'), maxPoints: 10 },
  satisfaction: { label: T('Mức độ hài lòng', 'Satisfaction'), maxPoints: 18 },
  digitisation: { label: T('Số hóa hồ sơ', 'Digitisation'), maxPoints: 22 },
};

/** Every component, grouped, with its points; computed where our data supports it. */
export function computeServiceIndex(input: IndexInputs): ServiceIndexGroup[] {
  const t = input.totals;
  const feedback = input.feedback ?? emptyFeedbackCounts();
  const decided = t.timely_on_time + t.timely_late + t.timely_due_open;
  const overdue = t.timely_late + t.timely_due_open;
  const composite =
    decided === 0 && t.received === 0
      ? null
      : Math.max(
          0,
          1 -
            ((decided ? overdue / decided : 0) +
              (t.received ? input.negativeRatings / t.received : 0)),
        );
  const average: ComputedComponent = {
    ...computed(
      {
        key: 'average_processing_time',
        maxPoints: 0,
        label: T('Thời gian xử lý trung bình', 'Average processing time'),
        definition: T(
          'Số ngày (theo lịch) trung bình từ khi tiếp nhận đến khi "Đã xử lý xong", của các hồ sơ xử lý xong trong kỳ. Theo dõi, không tính điểm.',
          'Mean calendar days from acceptance to "processed" for dossiers finished in the period. Tracked, no points.',
        ),
      },
      1,
      null,
      t.finished,
      null,
    ),
    value: t.finished ? round2(t.processing_ms / t.finished / 86_400_000) : null,
  };

  const groups: Record<ServiceIndexGroupKey, ServiceIndexComponent[]> = {
    transparency: [noDataComponents.transparency],
    progress: [
      computed(
        {
          key: 'on_time',
          maxPoints: 20,
          label: T('Hồ sơ giải quyết đúng hạn', 'Dossiers on time'),
          definition: T(
            'Hồ sơ xử lý xong (hoặc dừng, rút) không muộn hơn hạn ÷ hồ sơ được xác định đúng/trễ hạn trong kỳ. Thời gian tạm dừng bổ sung được trừ; yêu cầu bổ sung lần hai tính là trễ; hồ sơ quá hạn chưa xử lý xong tính là trễ; hạn gốc giữ nguyên khi có thư xin lỗi.',
            'Dossiers finished (or stopped, withdrawn) by the due date ÷ dossiers whose timeliness was decided in the period. Supplement pauses are excluded; a second supplement request is late; running dossiers past due are late; an apology does not move the baseline.',
          ),
        },
        1,
        t.timely_on_time,
        decided,
      ),
      average,
    ],
    online_services: [
      computed(
        {
          key: 'end_to_end_online',
          maxPoints: 12,
          label: T('Hồ sơ trực tuyến toàn trình', 'End-to-end online dossiers'),
          definition: T(
            'Hồ sơ nộp trực tuyến của thủ tục cung cấp dịch vụ công trực tuyến toàn trình ÷ mọi hồ sơ của các thủ tục đó, tiếp nhận trong kỳ.',
            'Online dossiers of procedures offered end to end online ÷ all dossiers of those procedures, accepted in the period.',
          ),
        },
        1,
        t.e2e_online,
        t.e2e_eligible,
      ),
      computed(
        {
          key: 'procedures_online',
          maxPoints: 0,
          label: T('Thủ tục cung cấp trực tuyến', 'Procedures offered online'),
          definition: T(
            'Thủ tục có cung cấp dịch vụ công trực tuyến ÷ tổng số thủ tục của danh mục hiện hành (toàn tỉnh). Ngưỡng 80 %. Theo dõi.',
            'Procedures offered online ÷ all procedures in the current catalogue (province-wide). Threshold 80 %. Tracked.',
          ),
        },
        0.8,
        input.catalogue.offeredOnline,
        input.catalogue.all,
      ),
      computed(
        {
          key: 'online_share',
          maxPoints: 0,
          label: T('Tỷ lệ hồ sơ trực tuyến', 'Online share of dossiers'),
          definition: T(
            'Hồ sơ nộp trực tuyến ÷ hồ sơ tiếp nhận trong kỳ. Ngưỡng 50 %. Theo dõi.',
            'Dossiers submitted online ÷ dossiers accepted in the period. Threshold 50 %. Tracked.',
          ),
        },
        0.5,
        t.online,
        t.received,
      ),
    ],
    online_payment: [
      computed(
        {
          key: 'paid_online',
          maxPoints: 6,
          label: T('Hồ sơ thanh toán trực tuyến', 'Dossiers paid online'),
          definition: T(
            'Hồ sơ đã thanh toán trực tuyến (VietQR được xác nhận) ÷ hồ sơ của thủ tục có phí, lệ phí, tiếp nhận trong kỳ.',
            'Dossiers paid online (confirmed VietQR payment) ÷ dossiers of fee-bearing procedures, accepted in the period.',
          ),
        },
        1,
        t.paid_online,
        t.fee_bearing,
      ),
      noDataComponents.payment_integrated,
      computed(
        {
          key: 'procedures_with_online_payment',
          maxPoints: 2,
          label: T('Thủ tục có phát sinh thanh toán trực tuyến', 'Procedures with online payment'),
          definition: T(
            'Thủ tục có ít nhất một hồ sơ thanh toán trực tuyến ÷ thủ tục có hồ sơ phải nộp phí, trong kỳ.',
            'Procedures with at least one dossier paid online ÷ procedures with fee-bearing dossiers, in the period.',
          ),
        },
        1,
        input.proceduresWithOnlinePayment,
        input.feeBearingProcedures,
      ),
    ],
    satisfaction: [
      computed(
        {
          key: 'feedback_on_time',
          maxPoints: 6,
          label: T('Phản ánh, kiến nghị xử lý đúng hạn', 'Feedback handled on time'),
          definition: T(
            'Phản ánh, kiến nghị tiếp nhận trong kỳ đã trả lời đúng hạn ÷ (đã trả lời + chưa trả lời đã quá hạn). Không tính phản ánh bị từ chối xử lý; phản ánh bị chuyển cấp trên do quá hạn tính trễ hạn cho đơn vị được giao ban đầu.',
            'Feedback reports received in the period answered on time ÷ (answered + open past due). Rejected reports are left out; a report escalated for being overdue is late for the unit it was first assigned to.',
          ),
        },
        1,
        feedback.answeredOnTime,
        decidedOf(feedback),
      ),
      computed(
        {
          key: 'feedback_satisfaction',
          maxPoints: 6,
          label: T('Hài lòng với xử lý phản ánh', 'Satisfaction with feedback handling'),
          definition: T(
            'Phản ánh tiếp nhận trong kỳ được người phản ánh đánh giá 4–5 sao ÷ phản ánh được đánh giá.',
            'Feedback reports received in the period rated 4–5 stars by the reporter ÷ reports rated.',
          ),
        },
        1,
        feedback.satisfied,
        feedback.rated,
      ),
      computed(
        {
          key: 'overdue_and_negative',
          maxPoints: 6,
          label: T('Không trễ hạn, không đánh giá tiêu cực', 'No overdue, no negative rating'),
          definition: T(
            '100 % − (tỷ lệ hồ sơ trễ hạn + tỷ lệ hồ sơ tiếp nhận trong kỳ bị đánh giá 1–2 sao). Ngưỡng 90 %. Khiếu nại về hồ sơ chưa được liên kết nên chưa tính.',
            '100 % − (overdue rate + share of dossiers accepted in the period rated 1–2 stars). Threshold 90 %. Complaints are not linked to dossiers yet, so not counted.',
          ),
        },
        0.9,
        null,
        null,
        composite,
      ),
    ],
    digitisation: [
      computed(
        {
          key: 'e_result',
          maxPoints: 6,
          label: T('Hồ sơ có kết quả điện tử', 'Dossiers with an e-result'),
          definition: T(
            'Hồ sơ xử lý xong có kết quả điện tử được ký số ÷ hồ sơ xử lý xong trong kỳ.',
            'Dossiers finished with a signed electronic result ÷ dossiers finished in the period.',
          ),
        },
        1,
        t.e_result,
        t.finished,
      ),
      computed(
        {
          key: 'digitised',
          maxPoints: 4,
          label: T('Hồ sơ được số hóa', 'Dossiers digitised'),
          definition: T(
            'Hồ sơ xử lý xong có thành phần hồ sơ điện tử và kết quả điện tử ÷ hồ sơ xử lý xong trong kỳ. Ngưỡng 80 %.',
            'Dossiers finished with component files attached and an e-result ÷ dossiers finished in the period. Threshold 80 %.',
          ),
        },
        0.8,
        t.digitised,
        t.finished,
      ),
      noDataComponents.data_reuse,
      noDataComponents.personal_data_store,
      noDataComponents.population_data,
      computed(
        {
          key: 'vneid_accounts',
          maxPoints: 2,
          label: T('Tài khoản định danh VNeID', 'VNeID-authenticated accounts'),
          definition: T(
            'Hồ sơ trực tuyến nộp bằng tài khoản định danh điện tử mức 2 ÷ hồ sơ trực tuyến tiếp nhận trong kỳ.',
            'Online dossiers submitted with a level-2 electronic identity ÷ online dossiers accepted in the period.',
          ),
        },
        1,
        t.online_vneid,
        t.online,
      ),
      noDataComponents.digitisation_unspecified,
    ],
  };

  return (Object.keys(groupMeta) as ServiceIndexGroupKey[]).map((key) => {
    const components = groups[key];
    let points = 0;
    let computedMaxPoints = 0;
    for (const c of components) {
      // Nothing to score in the period (no fee-bearing dossiers…): neither earned nor lost.
      if (c.status !== 'computed' || c.maxPoints === 0 || c.points === null) continue;
      computedMaxPoints += c.maxPoints;
      points += c.points;
    }
    return {
      key,
      ...groupMeta[key],
      points: round2(points),
      computedMaxPoints,
      components,
    };
  });
}

export function totalsOf(groups: ServiceIndexGroup[]) {
  return {
    maxPoints: groups.reduce((s, g) => s + g.maxPoints, 0),
    points: round2(groups.reduce((s, g) => s + g.points, 0)),
    computedMaxPoints: groups.reduce((s, g) => s + g.computedMaxPoints, 0),
  };
}
