import { createHash, randomUUID } from 'node:crypto';
import type { TeamImportPreview, TeamImportResult } from '@cqs/shared';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import { toLocal } from '../calendar/calendar.time';
import { TeamImportRepository } from './teams.import.repository';
import { activityColumns, memberColumns, teamColumns } from './teams.import-columns';
import { type ImportPlan, planImport } from './teams.import-plan';
import { readImportFile } from './teams.import-read';
import { TeamsRepository } from './teams.repository';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const LISTED_PROBLEMS = 500;

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * Bulk import of teams, members and activities (issue 8 point 2): a preview that writes nothing,
 * and a commit that writes everything in one transaction or nothing at all.
 */
export class TeamImportService {
  constructor(private readonly deps: { db: Db; clock: Clock; policy: AccessPolicy }) {}

  async preview(
    actor: OfficerActor,
    unitCode: string,
    file: UploadedFile,
  ): Promise<TeamImportPreview> {
    const { preview } = await this.evaluate(actor, unitCode, file);
    return preview;
  }

  /** Writes the file's rows, or nothing if any row is wrong (status 'rejected', errors listed). */
  async commit(
    actor: OfficerActor,
    unitCode: string,
    file: UploadedFile,
    requestId: string,
  ): Promise<TeamImportResult> {
    const { preview, plan } = await this.evaluate(actor, unitCode, file);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    if (await new TeamImportRepository(this.deps.db).committedImportOf(sha256)) {
      throw new AppError('TEAM_IMPORT_ALREADY_COMMITTED');
    }
    const importId = randomUUID();
    const now = this.deps.clock.now();
    const status = preview.ok ? 'committed' : 'rejected';
    await this.deps.db.transaction().execute(async (trx) => {
      const r = { teams: new TeamsRepository(trx), imports: new TeamImportRepository(trx) };
      await r.imports.insertImport({
        id: importId,
        unit_code: unitCode,
        actor_id: actor.userId,
        file_name: file.fileName,
        file_sha256: sha256,
        format: preview.format,
        status,
        rows_total: preview.counts.rows,
        teams_new: preview.ok ? preview.counts.teamsNew : 0,
        members_new: preview.ok ? preview.counts.membersNew : 0,
        activities_new: preview.ok ? preview.counts.activities : 0,
        error_count: preview.errorCount,
        created_at: now,
      });
      if (preview.ok) await writePlan(r, plan, importId, actor.userId, now);
      await appendAudit(trx, this.deps.clock, {
        actor,
        unitCode,
        action: 'teams.import',
        objectType: 'team_import',
        objectId: importId,
        outcome: preview.ok ? 'success' : 'failure',
        requestId,
        details: {
          fileName: file.fileName,
          counts: preview.counts,
          errorCount: preview.errorCount,
        },
      });
    });
    return { ...preview, importId, status };
  }

  private async evaluate(actor: OfficerActor, unitCode: string, file: UploadedFile) {
    await this.deps.policy.assert(actor, 'teams.manage', unitCode);
    if (file.bytes.length > MAX_IMPORT_BYTES) throw new AppError('TEAM_IMPORT_TOO_LARGE');
    const { format, tables } = await readImportFile(file.bytes);
    const repo = new TeamsRepository(this.deps.db);
    const communes = (await repo.communesUnder(unitCode)).map((c) => c.code);
    const imports = new TeamImportRepository(this.deps.db);
    const teams = await imports.teamsOf(communes);
    const members = await imports.membersOfTeams(teams.map((t) => t.id));
    const plan = planImport(tables, {
      communes: new Set(communes),
      existing: { teams, members },
      today: toLocal(this.deps.clock.now()).date,
    });
    const preview: TeamImportPreview = {
      ok: plan.problems.length === 0,
      fileName: file.fileName,
      format,
      counts: plan.counts,
      errors: plan.problems.slice(0, LISTED_PROBLEMS),
      errorCount: plan.problems.length,
    };
    return { preview, plan };
  }
}

async function writePlan(
  repo: { teams: TeamsRepository; imports: TeamImportRepository },
  plan: ImportPlan,
  importId: string,
  actorId: string,
  now: Date,
): Promise<void> {
  await repo.imports.insertTeams(
    plan.teams.map((t) => ({
      id: t.id,
      commune_code: t.communeCode,
      village: t.village,
      name: t.name,
      status: t.status,
      is_demo: false,
      import_id: importId,
      created_at: now,
      updated_at: now,
    })),
  );
  await repo.imports.insertMembers(
    plan.members.map((m) => ({
      id: m.id,
      team_id: m.teamId,
      full_name: m.fullName,
      role: m.role,
      phone: m.phone,
      village: m.village,
      user_id: null,
      status: m.status,
      is_demo: false,
      import_id: importId,
      created_at: now,
      updated_at: now,
    })),
  );
  await repo.teams.insertActivities(
    plan.activities.map((a) => ({
      id: a.id,
      member_id: a.memberId,
      team_id: a.teamId,
      commune_code: a.communeCode,
      activity_date: a.date,
      kind: a.kind,
      attendees: a.attendees,
      resident_consent: a.consent,
      resident_ref: a.residentRef,
      notes: a.notes,
      dossier_id: null,
      source: 'import' as const,
      import_id: importId,
      is_demo: false,
      created_by: actorId,
      created_at: now,
    })),
  );
}

/** The import template: one sheet per kind with its header row, an example row and instructions. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 110;
  for (const line of [
    'MẪU NHẬP DỮ LIỆU TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG',
    'Mỗi trang (Tổ, Thành viên, Hoạt động) được nhận ra theo dòng tiêu đề; không đổi tên cột. Có thể bỏ trang không dùng.',
    'Dòng 2 của mỗi trang là ví dụ: xoá hoặc thay bằng dữ liệu thật. Dòng trống được bỏ qua.',
    'Mã xã: mã 5 chữ số của xã/phường (ví dụ 24133). Tổ được nhận biết theo Mã xã + Tên tổ; thành viên theo tổ + Họ và tên + Số điện thoại.',
    'Vai trò: Bí thư chi bộ, Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Cựu chiến binh, Công an, Khác.',
    'Loại hoạt động: Hướng dẫn sử dụng dịch vụ công trực tuyến, Hỗ trợ liên kết tài khoản với VNeID, Hỗ trợ nộp hồ sơ, Tập huấn (ghi Số người tham dự), Khác.',
    'Ngày: ngày/tháng/năm (ví dụ 15/03/2026), không sau hôm nay.',
    'Tham chiếu người dân: chỉ ghi khi người dân đồng ý (cột "Người dân đồng ý" = Có), ghi tối thiểu (ví dụ "Bà N.T.H, thôn 3"); KHÔNG ghi số CCCD/định danh hay số điện thoại.',
    'Bấm "Xem trước" để kiểm tra: lỗi được liệt kê theo trang, dòng, cột. Khi nhập, nếu còn một dòng lỗi thì không dòng nào được ghi.',
  ])
    guide.addRow([line]);
  guide.getRow(1).font = { bold: true };

  const sheet = (
    name: string,
    columns: Record<string, string>,
    example: string[],
    textCols: string[],
  ) => {
    const ws = wb.addWorksheet(name);
    const labels = Object.values(columns);
    ws.addRow(labels).font = { bold: true };
    ws.addRow(example);
    labels.forEach((label, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(14, label.length + 4);
      // Text cells keep commune codes' and phone numbers' leading zeros.
      if (textCols.includes(label)) col.numFmt = '@';
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet('Tổ', teamColumns, ['24133', 'Thôn 1', 'Tổ CNSCĐ thôn 1', 'Hoạt động'], ['Mã xã']);
  sheet(
    'Thành viên',
    memberColumns,
    [
      '24133',
      'Tổ CNSCĐ thôn 1',
      'Nguyễn Văn A',
      'Đoàn Thanh niên',
      '0000000001',
      'Thôn 1',
      'Hoạt động',
    ],
    ['Mã xã', 'Số điện thoại'],
  );
  sheet(
    'Hoạt động',
    activityColumns,
    [
      '24133',
      'Tổ CNSCĐ thôn 1',
      'Nguyễn Văn A',
      '0000000001',
      '15/03/2026',
      'Hỗ trợ liên kết tài khoản với VNeID',
      '',
      'Có',
      'Ông T.V.B, thôn 1',
      '',
    ],
    ['Mã xã', 'Số điện thoại thành viên', 'Ngày'],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
