import {
  FeedbackDrillQuery,
  type FeedbackIndicatorRow,
  FeedbackIndicatorsQuery,
} from '@cqs/shared';
import { AppError } from '../../http/errors';
import { type Builder, type ExportViewDeps, parse } from './dashboard.exports.builder';
import { type Cell, col, periodSlug } from './dashboard.exports.model';
import type { DashboardFeedbackService } from './dashboard.feedback.service';

/** Exports of the feedback indicators (issue 7 §2) and their drill-down to the reports. */

const FEEDBACK_COLUMNS = [
  col('Tiếp nhận', 'int', 10),
  col('Đã trả lời', 'int', 10),
  col('Trả lời đúng hạn', 'int', 10),
  col('Trả lời trễ hạn', 'int', 10),
  col('Quá hạn chưa trả lời', 'int', 10),
  col('Chưa trả lời', 'int', 10),
  col('Tỷ lệ đúng hạn', 'rate', 10),
  col('Số giờ xử lý trung bình', 'decimal', 10),
  col('Được đánh giá', 'int', 10),
  col('Điểm đánh giá trung bình', 'decimal', 10),
  col('Tỷ lệ hài lòng', 'rate', 10),
  col('Từ chối xử lý', 'int', 10),
];
const feedbackCells = (r: FeedbackIndicatorRow): Cell[] => [
  r.received,
  r.answered,
  r.answeredOnTime,
  r.answeredLate,
  r.openOverdue,
  r.open,
  r.onTimeRate,
  r.averageHandlingHours,
  r.rated,
  r.averageRating,
  r.satisfiedShare,
  r.rejected,
];

function needFeedback(deps: ExportViewDeps): DashboardFeedbackService {
  if (!deps.feedback) throw new AppError('DASHBOARD_EXPORT_VIEW_UNAVAILABLE');
  return deps.feedback;
}

export const feedback: Builder = async (deps, actor, query) => {
  const data = await needFeedback(deps).indicators(actor, parse(FeedbackIndicatorsQuery, query));
  return {
    view: 'feedback',
    title: 'Chỉ số xử lý phản ánh, kiến nghị',
    unit: data.unit,
    period: { from: data.from, to: data.to },
    asOf: new Date(data.asOf),
    fileStem: `phan-anh-kien-nghi-${data.unit.code}-${periodSlug(data)}`,
    tables: [
      {
        name: 'Tổng hợp',
        columns: [col('Phạm vi', 'text', 30), ...FEEDBACK_COLUMNS],
        rows: [[data.unit.name, ...feedbackCells(data.totals)]],
      },
      {
        name: 'Theo lĩnh vực',
        columns: [col('Lĩnh vực', 'text', 30), ...FEEDBACK_COLUMNS],
        rows: data.byCategory.map((c) => [c.label, ...feedbackCells(c)]),
      },
      {
        name: 'Theo đơn vị',
        columns: [col('Mã đơn vị', 'text', 12), col('Đơn vị', 'text', 30), ...FEEDBACK_COLUMNS],
        rows: data.units.map((u) => [u.code, u.name, ...feedbackCells(u)]),
      },
    ],
  };
};

export const feedbackDrill: Builder = async (deps, actor, query) => {
  const data = await needFeedback(deps).drill(actor, parse(FeedbackDrillQuery, query));
  return {
    view: 'feedback-drill',
    title: 'Danh sách phản ánh, kiến nghị',
    unit: data.unit,
    period: { from: data.from, to: data.to },
    asOf: new Date(data.asOf),
    fileStem: `phan-anh-chi-tiet-${data.filter.replace(/_/g, '-')}-${data.unit.code}-${periodSlug(data)}`,
    tables: [
      {
        name: 'Phản ánh',
        columns: [
          col('Mã phản ánh', 'text', 20),
          col('Lĩnh vực', 'text', 24),
          col('Đơn vị', 'text', 28),
          col('Tiếp nhận', 'datetime', 17),
          col('Hạn trả lời', 'datetime', 17),
          col('Trạng thái', 'text', 18),
          col('Số ngày làm việc', 'int', 10),
          col('Lý do', 'text', 40),
        ],
        rows: data.items.map((i) => [
          i.ref,
          i.categoryLabel,
          i.unit.name,
          i.receivedAt,
          i.dueAt,
          i.statusLabel.vi,
          i.reason.workingDays,
          i.reason.vi,
        ]),
        ...(data.truncated ? { note: 'Danh sách chỉ hiển thị 200 phản ánh đầu tiên.' } : {}),
      },
    ],
  };
};
