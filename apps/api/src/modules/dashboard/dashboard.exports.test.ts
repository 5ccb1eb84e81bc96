import type {
  ComputedComponent,
  DashboardAlerts,
  FeedbackDrill,
  FeedbackIndicators,
  ServiceIndex,
  ServiceIndexDrill,
  TaskAssignmentList,
} from '@cqs/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import { fileReport } from '../feedback/feedback.test-support';
import { pdfText } from '../printing/printing.test-support';
import {
  COMMUNE_A,
  COMMUNE_B,
  call,
  createTask,
  type Officer,
  officer,
  PROVINCE,
  travel,
} from '../tasks/tasks.test-support';
import { XLSX_HEADER_ROW } from './dashboard.exports.xlsx';
import { event, newDossier, vn } from './dashboard.test-support';

/**
 * November 2026 in Buôn Ma Thuột ward (24133): D1 accepted Mon 2/11, due Wed 4/11, finished
 * Tue 3/11 (on time); D2 accepted 2/11, due 4/11, still running on Tue 10/11 (late, overdue);
 * D3 in Tuy Hòa ward (another commune). A feedback report and a task for 24133. The exports must
 * carry the same numbers as the JSON routes.
 */
const PERIOD = 'from=2026-11-01&to=2026-11-30';

let app: TestApp;
let leaderA: Officer;
let province: Officer;
let unitNameA: string;
let reportRef: string;

async function dossier(unit: string) {
  const p = await app.database.db
    .selectFrom('procedures')
    .select(['code', 'current_version'])
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const id = await newDossier(app, {
    unit,
    procedure: { code: p.code, version: p.current_version },
    channel: 2,
    submittedAt: vn('2026-11-02T08:00:00'),
  });
  await event(app, id, 'accepted', vn('2026-11-02T09:00:00'), {
    state: 'accepted',
    status_code: 2,
    accepted_at: vn('2026-11-02T09:00:00'),
    time_limit_amount: 2,
    time_limit_unit: 'working_days',
    due_at: vn('2026-11-04T17:00:00'),
  });
  return id;
}

beforeAll(async () => {
  app = await createTestApp({
    clock: new FixedClock(vn('2026-11-02T08:00:00')),
    env: { LOG_LEVEL: 'error' },
  });
  leaderA = await officer(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  province = await officer(app, [{ role: 'unit_leader', unitCode: PROVINCE }]);
  await travel(app, '2026-11-02T09:30:00', [leaderA, province]);
  const d1 = await dossier(COMMUNE_A);
  await event(app, d1, 'sign', vn('2026-11-03T10:00:00'), {
    state: 'finished',
    status_code: 9,
    finished_at: vn('2026-11-03T10:00:00'),
    outcome: 'approved',
  });
  await dossier(COMMUNE_A);
  await dossier(COMMUNE_B);
  const report = await fileReport(app, {
    category: 'giao-thong',
    description: 'Cột đèn tín hiệu ở ngã tư bị nghiêng, có nguy cơ đổ khi mưa gió.',
    communeCode: COMMUNE_A,
  });
  expect(report.statusCode, report.body).toBe(201);
  reportRef = report.json().reference;
  const task = await createTask(app, province, {
    title: 'Rà soát hồ sơ trễ hạn tháng 11',
    description: 'Báo cáo nguyên nhân và biện pháp khắc phục.',
    deadline: '2026-11-20',
    assigneeUnitCodes: [COMMUNE_A],
  });
  expect(task.statusCode, task.body).toBe(201);
  await travel(app, '2026-11-10T09:00:00', [leaderA, province]);
  unitNameA = (
    await app.database.db
      .selectFrom('units')
      .select('full_name')
      .where('code', '=', COMMUNE_A)
      .executeTakeFirstOrThrow()
  ).full_name;
});
afterAll(async () => {
  await app.close();
});

const json = async <T>(url: string, who: Officer = leaderA): Promise<T> => {
  const res = await call(app, who, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

async function download(query: string, who: Officer = leaderA) {
  const res = await call(app, who, 'GET', `/api/dashboard/export?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: res.rawPayload };
}

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** Values of a sheet's data rows keyed by the header texts. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (ws.getRow(XLSX_HEADER_ROW).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = XLSX_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values.length === 0) continue;
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  }
  return out;
}

async function auditRows(view: string) {
  return app.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'dashboard.export')
    .where('object_id', '=', view)
    .execute();
}

describe('GET /api/dashboard/export', () => {
  it('service index to Excel: the JSON route’s numbers, a title block, a Vietnamese-safe name, audited', async () => {
    const index = await json<ServiceIndex>(
      `/api/dashboard/service-index?${PERIOD}&unit=${COMMUNE_A}`,
    );
    const onTime = index.groups
      .flatMap((g) => g.components)
      .find((c) => c.key === 'on_time') as ComputedComponent;
    expect([onTime.numerator, onTime.denominator]).toEqual([1, 2]);

    const { res, body } = await download(
      `view=service-index&format=xlsx&${PERIOD}&unit=${COMMUNE_A}`,
    );
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="chi-so-phuc-vu-${COMMUNE_A}-2026-11.xlsx"; filename*=UTF-8''chi-so-phuc-vu-${COMMUNE_A}-2026-11.xlsx`,
    );
    const wb = await workbook(body);
    const components = wb.getWorksheet('Chỉ số thành phần')!;
    expect(components.getCell(1, 1).value).toBe(
      'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) – Chỉ số thành phần',
    );
    expect(components.getCell(2, 1).value).toBe(`Đơn vị: ${unitNameA} (${COMMUNE_A})`);
    expect(components.getCell(3, 1).value).toBe('Kỳ báo cáo: Tháng 11/2026');
    expect(components.getCell(4, 1).value).toBe('Số liệu tính đến: 09:00 10/11/2026');
    const rows = rowsOf(components);
    for (const c of index.groups.flatMap((g) => g.components)) {
      const row = rows.find((r) => r['Chỉ số'] === c.label.vi)!;
      expect(row['Điểm tối đa']).toBe(c.maxPoints);
      if (c.status === 'computed') {
        expect([row['Tử số'], row['Mẫu số'], row['Tỷ lệ'], row.Điểm]).toEqual([
          c.numerator,
          c.denominator,
          c.rate,
          c.points,
        ]);
      } else {
        expect(row['Ghi chú']).toBe(`Chưa có số liệu: ${c.reason.vi}`);
      }
    }
    expect(rows.find((r) => r['Nhóm chỉ số'] === 'Tổng')).toMatchObject({
      'Chỉ số': 'Tổng điểm',
      'Điểm tối đa': 100,
      Điểm: index.points,
      'Ghi chú': `Tính được trên ${index.computedMaxPoints.toLocaleString('vi-VN')} điểm có số liệu`,
    });
    for (const g of index.groups) {
      const sum = rows.find((r) => r['Nhóm chỉ số'] === g.label.vi && r['Chỉ số'] === 'Cộng nhóm');
      expect([sum!['Điểm tối đa'], sum!.Điểm]).toEqual([g.maxPoints, g.points]);
    }
    const rateCell = components.getCell(
      XLSX_HEADER_ROW + 1 + rows.findIndex((r) => r['Chỉ số'] === onTime.label.vi),
      6,
    );
    expect(rateCell.numFmt).toBe('0.0%');

    const units = rowsOf(wb.getWorksheet('Theo đơn vị')!);
    expect(units).toEqual(
      index.units.map((u) => ({
        'Mã đơn vị': u.unitCode,
        'Đơn vị': u.unitName,
        'Hồ sơ tiếp nhận': u.received,
        'Tỷ lệ đúng hạn': u.onTimeRate,
        'Tỷ lệ trực tuyến': u.onlineShare,
        Điểm: u.points,
        'Điểm tối đa tính được': u.computedMaxPoints,
      })),
    );
    const procedures = rowsOf(wb.getWorksheet('Theo thủ tục')!);
    expect(
      procedures.map((p) => [p['Mã thủ tục'], p['Tiếp nhận'], p['Đúng hạn'], p['Trễ hạn']]),
    ).toEqual(index.procedures.map((p) => [p.procedureCode, p.received, p.onTime, p.late]));

    const [audit] = await auditRows('service-index');
    expect(audit).toMatchObject({ actor_id: leaderA.id, unit_code: COMMUNE_A });
    expect(audit!.details).toMatchObject({
      view: 'service-index',
      format: 'xlsx',
      unit: COMMUNE_A,
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
  });

  it('service index to PDF: A4 landscape with Vietnamese text, header and page numbers, audited', async () => {
    const { res, body } = await download(
      `view=service-index&format=pdf&${PERIOD}&unit=${COMMUNE_A}`,
    );
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename="chi-so-phuc-vu-${COMMUNE_A}-2026-11.pdf"`,
    );
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(body);
    for (const words of [
      'Chỉ số phục vụ người dân, doanh nghiệp',
      'Tiến độ giải quyết',
      'Hồ sơ giải quyết đúng hạn',
      'Số hóa hồ sơ',
      `Đơn vị: ${unitNameA} (${COMMUNE_A})`,
      'Kỳ báo cáo: Tháng 11/2026',
      'Số liệu tính đến: 09:00 10/11/2026',
      'Trang 1/',
      '50 %',
    ]) {
      expect(text).toContain(words);
    }
    // A4 landscape: 841.89 × 595.28 points.
    expect(body.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const audits = await auditRows('service-index');
    expect(audits.map((a) => (a.details as { format: string }).format).sort()).toEqual([
      'pdf',
      'xlsx',
    ]);
  });

  it('the drill-down, alerts and task board carry their JSON routes’ rows', async () => {
    const drill = await json<ServiceIndexDrill>(
      `/api/dashboard/service-index/drill?component=on_time&${PERIOD}&unit=${COMMUNE_A}`,
    );
    expect(drill.items).toHaveLength(1);
    const drillFile = await download(
      `view=service-index-drill&format=xlsx&component=on_time&${PERIOD}&unit=${COMMUNE_A}`,
    );
    expect(drillFile.res.headers['content-disposition']).toContain(
      `chi-so-phuc-vu-chi-tiet-on-time-${COMMUNE_A}-2026-11.xlsx`,
    );
    const drillRows = rowsOf((await workbook(drillFile.body)).worksheets[0]!);
    expect(drillRows.map((r) => [r['Mã hồ sơ'], r['Số ngày làm việc trễ'], r['Lý do']])).toEqual(
      drill.items.map((i) => [
        i.code,
        i.reasons[0]!.workingDaysLate,
        i.reasons.map((x) => x.text.vi).join('; '),
      ]),
    );

    const alerts = await json<DashboardAlerts>(`/api/dashboard/alerts?unit=${COMMUNE_A}`);
    expect(alerts.items.length).toBeGreaterThan(0);
    const alertFile = await download(`view=alerts&format=xlsx&unit=${COMMUNE_A}`);
    expect(alertFile.res.headers['content-disposition']).toContain(
      `canh-bao-${COMMUNE_A}-2026-11-10.xlsx`,
    );
    const alertRows = rowsOf((await workbook(alertFile.body)).worksheets[0]!);
    expect(alertRows.map((r) => [r['Mã đơn vị'], r['Số lượng'], r['Nội dung']])).toEqual(
      alerts.items.map((a) => [a.unit.code, a.count, a.label]),
    );
    const alertPdf = await pdfText(
      (await download(`view=alerts&format=pdf&unit=${COMMUNE_A}`)).body,
    );
    expect(alertPdf).toContain('Cảnh báo của bảng điều hành');
    expect(alertPdf).toContain('1 hồ sơ quá hạn');

    const board = await json<TaskAssignmentList>(
      `/api/officer/task-assignments?unitCode=${COMMUNE_A}`,
    );
    expect(board.items).toHaveLength(1);
    const taskFile = await download(`view=tasks&format=xlsx&unit=${COMMUNE_A}`);
    const taskRows = rowsOf((await workbook(taskFile.body)).worksheets[0]!);
    expect(taskRows.map((r) => [r['Mã nhiệm vụ'], r['Nhiệm vụ'], r['Tiến độ (%)']])).toEqual(
      board.items.map((a) => [a.task.reference, a.task.title, a.percent]),
    );
    const taskPdf = await pdfText((await download(`view=tasks&format=pdf&unit=${COMMUNE_A}`)).body);
    expect(taskPdf).toContain('Rà soát hồ sơ trễ hạn tháng 11');
    expect(taskPdf).toContain('Đang thực hiện');
    expect((await auditRows('tasks')).length).toBe(2);
  });

  it('feedback indicators and their drill-down', async () => {
    const data = await json<FeedbackIndicators>(
      `/api/dashboard/feedback?${PERIOD}&unit=${COMMUNE_A}`,
    );
    expect(data.totals.received).toBe(1);
    const file = await download(`view=feedback&format=xlsx&${PERIOD}&unit=${COMMUNE_A}`);
    expect(file.res.headers['content-disposition']).toContain(
      `phan-anh-kien-nghi-${COMMUNE_A}-2026-11.xlsx`,
    );
    const wb = await workbook(file.body);
    const [total] = rowsOf(wb.getWorksheet('Tổng hợp')!);
    expect(total).toMatchObject({
      'Tiếp nhận': data.totals.received,
      'Đã trả lời': data.totals.answered,
      'Quá hạn chưa trả lời': data.totals.openOverdue,
      'Chưa trả lời': data.totals.open,
    });
    const byUnit = rowsOf(wb.getWorksheet('Theo đơn vị')!);
    expect(byUnit.map((u) => [u['Mã đơn vị'], u['Tiếp nhận']])).toEqual(
      data.units.map((u) => [u.code, u.received]),
    );

    const drill = await json<FeedbackDrill>(
      `/api/dashboard/feedback/drill?${PERIOD}&unit=${COMMUNE_A}&filter=all`,
    );
    expect(drill.items.map((i) => i.ref)).toEqual([reportRef]);
    const pdf = await download(`view=feedback-drill&format=pdf&${PERIOD}&unit=${COMMUNE_A}`);
    const text = await pdfText(pdf.body);
    expect(text).toContain('Danh sách phản ánh, kiến nghị');
    expect(text).toContain(reportRef);
    expect(text).toContain(drill.items[0]!.categoryLabel);
  });

  it('refuses a foreign commune (403), bad parameters (400) and writes no audit row for them', async () => {
    const before = (await auditRows('service-index')).length;
    const foreign = await call(
      app,
      leaderA,
      'GET',
      `/api/dashboard/export?view=service-index&format=xlsx&${PERIOD}&unit=${COMMUNE_B}`,
    );
    expect(foreign.statusCode).toBe(403);
    const foreignTasks = await call(
      app,
      leaderA,
      'GET',
      `/api/dashboard/export?view=tasks&format=pdf&unit=${COMMUNE_B}`,
    );
    expect(foreignTasks.statusCode).toBe(403);
    const noPeriod = await call(
      app,
      leaderA,
      'GET',
      `/api/dashboard/export?view=service-index&format=pdf&unit=${COMMUNE_A}`,
    );
    expect(noPeriod.statusCode).toBe(400);
    expect(noPeriod.json().error.code).toBe('VALIDATION_FAILED');
    expect(noPeriod.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'from',
      'to',
    ]);
    const badView = await call(app, leaderA, 'GET', '/api/dashboard/export?view=map&format=xlsx');
    expect(badView.statusCode).toBe(400);
    expect(badView.json().error.fields[0].message).toBe('Bảng số liệu cần xuất không hợp lệ.');
    expect((await auditRows('service-index')).length).toBe(before);
  });
});
