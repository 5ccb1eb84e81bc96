import { createHash } from 'node:crypto';
import type { TaskPriority } from '@cqs/shared';
import { toLocal } from '../calendar/calendar.time';
import type { TasksDeps } from './tasks.context';

/**
 * Demo mode only: a few clearly labelled tasks ("[DEMO]" titles, is_demo = true) from the
 * province to the communes and the department the demo officers work in, in every status the
 * board shows: in progress with a report, overdue and escalated, done on time, and one with an
 * extension waiting for the assigner. Deadlines are counted in working days from the demo day.
 * Seeded once: nothing is added when demo tasks exist.
 */
export const DEMO_TASK_PREFIX = '[DEMO]';
const PROVINCE = '66';

interface DemoAssignment {
  unit: string;
  /** Working days from today to the deadline (negative: already past). */
  due: number;
  percent: number;
  report?: string;
  done?: boolean;
  extensionTo?: number;
}

interface DemoTask {
  key: string;
  title: string;
  description: string;
  priority: TaskPriority;
  due: number;
  assignments: DemoAssignment[];
}

const TASKS: DemoTask[] = [
  {
    key: 'vneid',
    title: 'Đẩy mạnh kích hoạt tài khoản định danh điện tử mức 2 cho người dân',
    description:
      'Rà soát danh sách người dân trên 14 tuổi chưa kích hoạt tài khoản định danh điện tử mức 2; phối hợp Tổ công nghệ số cộng đồng hướng dẫn tại nhà; báo cáo số lượng kích hoạt mới hằng tuần.',
    priority: 'high',
    due: 8,
    assignments: [
      {
        unit: '24133',
        due: 8,
        percent: 40,
        report: 'Đã rà soát 6/12 tổ dân phố, kích hoạt mới 215 tài khoản.',
      },
      { unit: '22015', due: 8, percent: 0 },
      {
        unit: '24373',
        due: 8,
        percent: 20,
        report: 'Đã lập danh sách, bắt đầu hướng dẫn tại thôn 1, 2.',
        extensionTo: 14,
      },
    ],
  },
  {
    key: 'overdue-dossiers',
    title: 'Xử lý dứt điểm hồ sơ thủ tục hành chính quá hạn tồn đọng',
    description:
      'Rà soát toàn bộ hồ sơ quá hạn trên hệ thống; với mỗi hồ sơ, gửi thư xin lỗi và hẹn lại ngày trả kết quả theo đúng quy định; báo cáo nguyên nhân và kết quả xử lý.',
    priority: 'urgent',
    due: -2,
    assignments: [
      {
        unit: '24133',
        due: -2,
        percent: 60,
        report: 'Đã xử lý 9/15 hồ sơ quá hạn, đã gửi thư xin lỗi cho 6 hồ sơ còn lại.',
      },
      {
        unit: '66-STP',
        due: -2,
        percent: 100,
        done: true,
        report: 'Đã xử lý xong 4 hồ sơ, không còn hồ sơ quá hạn.',
      },
    ],
  },
  {
    key: 'report-q4',
    title: 'Báo cáo kết quả cung cấp dịch vụ công trực tuyến quý IV',
    description:
      'Tổng hợp số hồ sơ trực tuyến toàn trình, một phần, tỷ lệ thanh toán trực tuyến và số hóa kết quả; gửi báo cáo theo mẫu đính kèm công văn.',
    priority: 'normal',
    due: 1,
    assignments: [
      {
        unit: '22015',
        due: 1,
        percent: 80,
        report: 'Đã tổng hợp số liệu, đang hoàn thiện phần đánh giá.',
      },
      { unit: '24373', due: 1, percent: 10 },
    ],
  },
];

/** A UUID derived from a name (stable across runs), shaped as version 8 (custom). */
function demoId(name: string): string {
  const h = createHash('sha256').update(`cqs-demo-tasks:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function seedDemoTasks(deps: TasksDeps): Promise<number> {
  const { db, clock, calendar, repository } = deps;
  if ((await repository.demoTaskCount()) > 0) return 0;
  const known = new Set(
    (
      await db
        .selectFrom('units')
        .select('code')
        .where('code', 'in', [PROVINCE, ...TASKS.flatMap((t) => t.assignments.map((a) => a.unit))])
        .execute()
    ).map((u) => u.code),
  );
  if (!known.has(PROVINCE)) return 0;
  const now = clock.now();
  const today = toLocal(now).date;
  // Dates are counted before the transaction: on PGlite it holds the only connection, and the
  // calendar may need to load its days.
  const offsets = new Set(
    TASKS.flatMap((t) => [t.due, ...t.assignments.flatMap((a) => [a.due, a.extensionTo ?? a.due])]),
  );
  const dates = new Map<number, string>();
  for (const n of offsets) dates.set(n, await calendar.addWorkingDays(today, n));
  const at = (days: number) => dates.get(days)!;
  const createdAt = new Date(now.getTime() - 10 * 86_400_000);
  let seeded = 0;
  await db.transaction().execute(async (trx) => {
    for (const t of TASKS) {
      const taskId = demoId(t.key);
      const reference = await repository.nextReference(trx, Number(today.slice(0, 4)));
      await repository.insertTask(trx, {
        id: taskId,
        reference,
        from_unit_code: PROVINCE,
        created_by: null,
        title: `${DEMO_TASK_PREFIX} ${t.title}`,
        description: `${t.description}\n\n(Dữ liệu mẫu, chỉ có trong chế độ demo.)`,
        priority: t.priority,
        deadline: at(t.due),
        is_demo: true,
        created_at: createdAt,
        updated_at: createdAt,
      });
      const system = { actor_id: null, actor_kind: 'system', percent: null, note: null } as const;
      await repository.insertEvent(trx, {
        ...system,
        task_id: taskId,
        assignment_id: null,
        kind: 'created',
        at: createdAt,
        unit_code: PROVINCE,
        note: t.description,
        deadline: at(t.due),
        data: { assigneeUnitCodes: t.assignments.map((a) => a.unit) },
      });
      for (const a of t.assignments.filter((x) => known.has(x.unit))) {
        const id = demoId(`${t.key}/${a.unit}`);
        const deadline = at(a.due);
        const reportAt = new Date(now.getTime() - 2 * 86_400_000);
        await repository.insertAssignments(trx, [
          {
            id,
            task_id: taskId,
            unit_code: a.unit,
            deadline,
            percent: a.percent,
            state: a.done ? 'done' : 'open',
            completed_at: a.done ? reportAt : null,
            completed_late: a.done ? false : null,
            last_report_at: a.report ? reportAt : null,
            created_at: createdAt,
            updated_at: reportAt,
          },
        ]);
        const base = { ...system, task_id: taskId, assignment_id: id, unit_code: a.unit };
        await repository.insertEvent(trx, {
          ...base,
          kind: 'assigned',
          at: createdAt,
          percent: 0,
          deadline,
        });
        if (a.report)
          await repository.insertEvent(trx, {
            ...base,
            kind: a.done ? 'done' : 'progress',
            at: reportAt,
            percent: a.percent,
            note: a.report,
            deadline: null,
          });
        if (a.extensionTo !== undefined) {
          const requested = at(a.extensionTo);
          await repository.insertExtension(trx, {
            id: demoId(`${t.key}/${a.unit}/extension`),
            assignment_id: id,
            requested_deadline: requested,
            previous_deadline: deadline,
            reason: 'Địa bàn rộng, nhiều thôn ở xa; cần thêm thời gian hướng dẫn tại nhà.',
            requested_by: null,
            requested_at: reportAt,
          });
          await repository.insertEvent(trx, {
            ...base,
            kind: 'extension_requested',
            at: reportAt,
            note: 'Địa bàn rộng, nhiều thôn ở xa; cần thêm thời gian hướng dẫn tại nhà.',
            deadline: requested,
          });
        }
      }
      seeded += 1;
    }
  });
  return seeded;
}
