import {
  DashboardAlertsQuery,
  type DashboardExportView,
  ServiceIndexDrillQuery,
  ServiceIndexQuery,
  TaskAssignmentListQuery,
  taskAssignmentStatusLabels,
  taskPriorityLabels,
} from '@cqs/shared';
import { toLocal } from '../calendar/calendar.time';
import { type Builder, parse } from './dashboard.exports.builder';
import { feedback, feedbackDrill } from './dashboard.exports.feedback';
import { type Cell, col, periodSlug } from './dashboard.exports.model';
import { ExportsRepository } from './dashboard.exports.repository';
import { emptyCounters } from './dashboard.facts';
import { computeServiceIndex } from './dashboard.index';

const TASK_EXPORT_LIMIT = 5000;

/** Labels of every service-index component, from the same pure function as the index. */
const componentLabels = new Map(
  computeServiceIndex({
    totals: emptyCounters(),
    feeBearingProcedures: 0,
    proceduresWithOnlinePayment: 0,
    catalogue: { offeredOnline: 0, all: 0 },
    negativeRatings: 0,
  })
    .flatMap((g) => g.components)
    .map((c) => [c.key, c.label.vi]),
);

const serviceIndex: Builder = async ({ dashboard }, actor, query) => {
  const q = parse(ServiceIndexQuery, query);
  const data = await dashboard.serviceIndex(actor, q);
  const components: Cell[][] = [];
  for (const g of data.groups) {
    for (const c of g.components) {
      components.push(
        c.status === 'computed'
          ? [
              g.label.vi,
              c.label.vi,
              c.maxPoints,
              c.numerator,
              c.denominator,
              c.rate,
              c.threshold,
              c.points,
              c.value === null ? '' : `Giá trị: ${c.value.toLocaleString('vi-VN')} ngày`,
            ]
          : [
              g.label.vi,
              c.label.vi,
              c.maxPoints,
              null,
              null,
              null,
              null,
              null,
              `Chưa có số liệu: ${c.reason.vi}`,
            ],
      );
    }
    components.push([
      g.label.vi,
      'Cộng nhóm',
      g.maxPoints,
      null,
      null,
      null,
      null,
      g.points,
      `Tính được trên ${g.computedMaxPoints.toLocaleString('vi-VN')} điểm có số liệu`,
    ]);
  }
  components.push([
    'Tổng',
    'Tổng điểm',
    data.maxPoints,
    null,
    null,
    null,
    null,
    data.points,
    `Tính được trên ${data.computedMaxPoints.toLocaleString('vi-VN')} điểm có số liệu`,
  ]);
  return {
    view: 'service-index',
    title: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
    unit: data.unit,
    period: { from: data.from, to: data.to },
    asOf: new Date(data.asOf),
    fileStem: `chi-so-phuc-vu-${data.unit.code}-${periodSlug(data)}`,
    tables: [
      {
        name: 'Chỉ số thành phần',
        columns: [
          col('Nhóm chỉ số', 'text', 22),
          col('Chỉ số', 'text', 34),
          col('Điểm tối đa', 'decimal', 10),
          col('Tử số', 'int', 10),
          col('Mẫu số', 'int', 10),
          col('Tỷ lệ', 'rate', 10),
          col('Ngưỡng', 'rate', 10),
          col('Điểm', 'decimal', 10),
          col('Ghi chú', 'text', 40),
        ],
        rows: components,
      },
      {
        name: 'Theo đơn vị',
        columns: [
          col('Mã đơn vị', 'text', 12),
          col('Đơn vị', 'text', 34),
          col('Hồ sơ tiếp nhận', 'int'),
          col('Tỷ lệ đúng hạn', 'rate'),
          col('Tỷ lệ trực tuyến', 'rate'),
          col('Điểm', 'decimal'),
          col('Điểm tối đa tính được', 'decimal'),
        ],
        rows: data.units.map((u) => [
          u.unitCode,
          u.unitName,
          u.received,
          u.onTimeRate,
          u.onlineShare,
          u.points,
          u.computedMaxPoints,
        ]),
      },
      {
        name: 'Theo thủ tục',
        columns: [
          col('Mã thủ tục', 'text', 12),
          col('Tên thủ tục', 'text', 48),
          col('Tiếp nhận', 'int'),
          col('Đã xác định đúng/trễ hạn', 'int'),
          col('Đúng hạn', 'int'),
          col('Trễ hạn', 'int'),
          col('Xử lý xong', 'int'),
          col('Số ngày xử lý trung bình', 'decimal'),
        ],
        rows: data.procedures.map((p) => [
          p.procedureCode,
          p.procedureName,
          p.received,
          p.decided,
          p.onTime,
          p.late,
          p.finished,
          p.averageProcessingDays,
        ]),
      },
    ],
  };
};

const serviceIndexDrill: Builder = async ({ clock, dashboard }, actor, query) => {
  const q = parse(ServiceIndexDrillQuery, query);
  const data = await dashboard.drill(actor, q);
  const label = componentLabels.get(data.component) ?? data.component;
  return {
    view: 'service-index-drill',
    title: `Hồ sơ bị trừ điểm – ${label}`,
    unit: data.unit,
    period: { from: data.from, to: data.to },
    asOf: clock.now(),
    fileStem: `chi-so-phuc-vu-chi-tiet-${data.component.replace(/_/g, '-')}-${data.unit.code}-${periodSlug(data)}`,
    tables: [
      {
        name: 'Hồ sơ bị trừ điểm',
        columns: [
          col('Mã hồ sơ', 'text', 28),
          col('Đơn vị', 'text', 10),
          col('Thủ tục', 'text', 40),
          col('Tiếp nhận', 'datetime', 17),
          col('Hạn giải quyết', 'datetime', 17),
          col('Xử lý xong', 'datetime', 17),
          col('Số ngày làm việc trễ', 'int', 10),
          col('Lý do', 'text', 48),
        ],
        rows: data.items.map((i) => [
          i.code ?? '',
          i.unitCode,
          `${i.procedureCode} ${i.procedureName}`,
          i.acceptedAt,
          i.dueAt,
          i.finishedAt,
          i.reasons.reduce<number | null>(
            (m, r) => (r.workingDaysLate === null ? m : Math.max(m ?? 0, r.workingDaysLate)),
            null,
          ),
          i.reasons.map((r) => r.text.vi).join('; '),
        ]),
        ...(data.truncated ? { note: 'Danh sách chỉ hiển thị 200 hồ sơ đầu tiên.' } : {}),
      },
    ],
  };
};

const KIND_LABELS = {
  dossier: 'Hồ sơ',
  feedback: 'Phản ánh',
  task: 'Nhiệm vụ',
  indicator: 'Chỉ số',
};
const LEVEL_LABELS = {
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  below_threshold: 'Dưới ngưỡng',
};

const alerts: Builder = async (deps, actor, query) => {
  const data = await deps.alerts.alerts(actor, parse(DashboardAlertsQuery, query));
  const asOf = new Date(data.asOf);
  return {
    view: 'alerts',
    title: 'Cảnh báo của bảng điều hành',
    unit: data.unit,
    period: null,
    asOf,
    fileStem: `canh-bao-${data.unit.code}-${toLocal(asOf).date}`,
    tables: [
      {
        name: 'Cảnh báo',
        columns: [
          col('Loại', 'text', 10),
          col('Mức', 'text', 12),
          col('Mã đơn vị', 'text', 10),
          col('Đơn vị', 'text', 28),
          col('Số lượng', 'int', 9),
          col('Nội dung', 'text', 40),
          col('Giá trị', 'rate', 9),
          col('Ngưỡng', 'rate', 9),
          col('Ví dụ (hạn sớm nhất trước)', 'text', 48),
        ],
        rows: data.items.map((a) => [
          KIND_LABELS[a.kind],
          LEVEL_LABELS[a.level],
          a.unit.code,
          a.unit.name,
          a.count,
          a.label,
          a.indicator?.value ?? null,
          a.indicator?.threshold ?? null,
          a.examples.map((e) => `${e.ref} – ${e.title}`).join('; '),
        ]),
      },
    ],
  };
};

const tasks: Builder = async (deps, actor, query) => {
  const { unit: unitParam, ...rest } = query;
  const q = parse(TaskAssignmentListQuery, {
    ...rest,
    ...(unitParam ? { unitCode: unitParam } : {}),
    page: '1',
    pageSize: '200',
  });
  // The export is a dashboard view: 'dashboard.read' over the unit first, then the task rules.
  const { unit } = await deps.dashboard.scope(actor, q.unitCode);
  const rows: Cell[][] = [];
  let total = 0;
  for (let page = 1; rows.length < TASK_EXPORT_LIMIT; page++) {
    const list = await deps.tasks.listAssignments(actor, { ...q, unitCode: unit, page });
    total = list.total;
    for (const a of list.items) {
      rows.push([
        a.task.reference,
        a.task.title,
        taskPriorityLabels[a.task.priority].vi,
        a.task.fromUnit.name,
        a.unit.code,
        a.unit.name,
        a.deadline,
        a.percent,
        taskAssignmentStatusLabels[a.status].vi,
        a.escalatedTo?.name ?? '',
        a.lastReportAt,
      ]);
    }
    if (list.items.length < q.pageSize) break;
  }
  const asOf = deps.clock.now();
  return {
    view: 'tasks',
    title: 'Nhiệm vụ được giao',
    unit: { code: unit, name: await new ExportsRepository(deps.db).unitName(unit) },
    period: null,
    asOf,
    fileStem: `nhiem-vu-${unit}-${toLocal(asOf).date}`,
    tables: [
      {
        name: 'Nhiệm vụ',
        columns: [
          col('Mã nhiệm vụ', 'text', 18),
          col('Nhiệm vụ', 'text', 40),
          col('Mức độ', 'text', 10),
          col('Đơn vị giao', 'text', 24),
          col('Mã đơn vị thực hiện', 'text', 10),
          col('Đơn vị thực hiện', 'text', 24),
          col('Hạn hoàn thành', 'date', 12),
          col('Tiến độ (%)', 'int', 9),
          col('Trạng thái', 'text', 16),
          col('Đã chuyển cấp trên', 'text', 18),
          col('Báo cáo gần nhất', 'datetime', 17),
        ],
        rows: rows.slice(0, TASK_EXPORT_LIMIT),
        ...(total > TASK_EXPORT_LIMIT
          ? {
              note: `Danh sách chỉ gồm ${TASK_EXPORT_LIMIT} nhiệm vụ đầu tiên trên tổng số ${total}.`,
            }
          : {}),
      },
    ],
  };
};

export const exportBuilders: Record<DashboardExportView, Builder> = {
  'service-index': serviceIndex,
  'service-index-drill': serviceIndexDrill,
  feedback,
  'feedback-drill': feedbackDrill,
  alerts,
  tasks,
};
