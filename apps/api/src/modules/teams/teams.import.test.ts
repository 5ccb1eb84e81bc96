import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { type Caller, COMMUNE_A, COMMUNE_B, call, signedIn, upload } from './teams.test-support';

let app: TestApp;
let officerA: Caller;
let province: Caller;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-05-20T03:00:00Z'));
  officerA = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  province = await signedIn(app, [{ role: 'province_admin', unitCode: '66' }]);
});
afterAll(async () => {
  await app.close();
});

async function counts() {
  const db = app.database.db;
  const n = async (table: 'teams' | 'team_members' | 'team_activities') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    teams: await n('teams'),
    members: await n('team_members'),
    activities: await n('team_activities'),
  };
}

async function workbook(sheets: Record<string, (string | number | Date)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const teamHeader = ['Mã xã', 'Thôn/Tổ dân phố', 'Tên tổ', 'Trạng thái'];
const memberHeader = [
  'Mã xã',
  'Tên tổ',
  'Họ và tên',
  'Vai trò',
  'Số điện thoại',
  'Thôn/Tổ dân phố',
  'Trạng thái',
];
const activityHeader = [
  'Mã xã',
  'Tên tổ',
  'Họ và tên thành viên',
  'Số điện thoại thành viên',
  'Ngày',
  'Loại hoạt động',
  'Số người tham dự',
  'Người dân đồng ý',
  'Tham chiếu người dân',
  'Ghi chú',
];

describe('bulk import', () => {
  it('serves a template that the import itself recognises', async () => {
    const res = await call(app, officerA, 'GET', '/api/officer/teams/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const preview = await upload(
      app,
      officerA,
      `/api/officer/teams/import/preview?unitCode=${COMMUNE_A}`,
      {
        name: 'mau.xlsx',
        bytes: res.rawPayload,
        type: XLSX,
      },
    );
    expect(preview.statusCode, preview.body).toBe(200);
    // The example rows are valid: one team, one member, one activity.
    expect(preview.json()).toMatchObject({
      ok: true,
      format: 'xlsx',
      counts: { teamsNew: 1, membersNew: 1, activities: 1, rows: 3 },
    });
  });

  it('a good XLSX: preview writes nothing, commit writes teams, members and activities at once', async () => {
    const before = await counts();
    const bytes = await workbook({
      'Hướng dẫn': [['Ghi chú cho cán bộ']],
      // Activities first: the order of sheets does not matter.
      'Hoạt động': [
        activityHeader,
        [
          COMMUNE_A,
          'Tổ Thôn 5',
          'Y Sao Niê',
          '',
          new Date(Date.UTC(2026, 4, 2)),
          'Liên kết VNeID',
          '',
          'Có',
          'Ông Y.B, buôn 5',
          '',
        ],
        [
          COMMUNE_A,
          'Tổ Thôn 5',
          'Y Sao Niê',
          '',
          '03/05/2026',
          'Tập huấn',
          25,
          'Không',
          '',
          'Tại nhà văn hoá',
        ],
      ],
      'Thành viên': [
        memberHeader,
        [Number(COMMUNE_A), 'Tổ Thôn 5', 'Y Sao Niê', 'Đoàn Thanh niên', 905111222, 'Buôn 5', ''],
        [COMMUNE_A, 'Tổ Thôn 5', "H'Linh Êban", 'Hội Phụ nữ', '', '', 'Hoạt động'],
      ],
      Tổ: [teamHeader, [COMMUNE_A, 'Buôn 5', 'Tổ Thôn 5', 'Hoạt động']],
    });
    const file = { name: 'to-cnscd.xlsx', bytes, type: XLSX };
    const preview = await upload(
      app,
      officerA,
      `/api/officer/teams/import/preview?unitCode=${COMMUNE_A}`,
      file,
    );
    expect(preview.json(), preview.body).toMatchObject({
      ok: true,
      errors: [],
      counts: { teamsNew: 1, membersNew: 2, activities: 2, rows: 5 },
    });
    expect(await counts()).toEqual(before);

    const commit = await upload(
      app,
      officerA,
      `/api/officer/teams/import?unitCode=${COMMUNE_A}`,
      file,
    );
    expect(commit.statusCode, commit.body).toBe(201);
    expect(commit.json()).toMatchObject({
      status: 'committed',
      counts: { teamsNew: 1, membersNew: 2, activities: 2 },
    });
    expect(await counts()).toEqual({
      teams: before.teams + 1,
      members: before.members + 2,
      activities: before.activities + 2,
    });
    const member = await app.database.db
      .selectFrom('team_members')
      .selectAll()
      .where('full_name', '=', 'Y Sao Niê')
      .executeTakeFirstOrThrow();
    // The numeric cell lost its leading zero; the import puts it back.
    expect(member.phone).toBe('0905111222');
    const acts = await app.database.db
      .selectFrom('team_activities')
      .selectAll()
      .where('member_id', '=', member.id)
      .orderBy('activity_date')
      .execute();
    expect(acts.map((a) => [a.activity_date, a.kind, a.attendees, a.source])).toEqual([
      ['2026-05-02', 'linked_vneid', null, 'import'],
      ['2026-05-03', 'training_session', 25, 'import'],
    ]);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'object_id'])
      .where('action', '=', 'teams.import')
      .execute();
    expect(audit).toContainEqual({ outcome: 'success', object_id: commit.json().importId });

    // The same bytes again would duplicate activities: refused.
    const again = await upload(
      app,
      officerA,
      `/api/officer/teams/import?unitCode=${COMMUNE_A}`,
      file,
    );
    expect(again.json().error.code).toBe('TEAM_IMPORT_ALREADY_COMMITTED');
  });

  it('a good CSV (semicolons, BOM, quoted fields) adds members to an existing team', async () => {
    const before = await counts();
    const csv =
      '\uFEFFMã xã;Tên tổ;Họ và tên;Vai trò;Số điện thoại;Thôn/Tổ dân phố;Trạng thái\r\n' +
      `${COMMUNE_A};Tổ Thôn 5;"Nguyễn Văn ""Ba""";Cựu chiến binh;0000 123 456;;\r\n` +
      `${COMMUNE_A};Tổ Thôn 5;Y Sao Niê;Đoàn Thanh niên;0905111222;;\r\n`;
    const res = await upload(app, officerA, `/api/officer/teams/import?unitCode=${COMMUNE_A}`, {
      name: 'tv.csv',
      bytes: Buffer.from(csv),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts).toMatchObject({ membersNew: 1, membersExisting: 1, rows: 2 });
    expect(await counts()).toEqual({ ...before, members: before.members + 1 });
  });

  it('a bad CSV: every problem listed by row and column in Vietnamese, nothing written', async () => {
    const before = await counts();
    const csv = [
      activityHeader.join(','),
      `${COMMUNE_A},Tổ Thôn 5,Y Sao Niê,,01/05/2026,Hỗ trợ nộp hồ sơ,,Có,Bà A,`,
      `${COMMUNE_A},Tổ Thôn 5,Người Không Có,,01/05/2026,Khác,,,,`,
      `${COMMUNE_A},Tổ Thôn 5,Y Sao Niê,,31/02/2026,Khác,,,,`,
      `${COMMUNE_A},Tổ Thôn 5,Y Sao Niê,,01/05/2026,Tập huấn,,,,`,
      `${COMMUNE_A},Tổ Thôn 5,Y Sao Niê,,01/05/2026,Khác,,Không,Bà B,`,
      `${COMMUNE_A},Tổ Thôn 5,Y Sao Niê,,01/05/2026,Khác,,Có,CCCD 066190001234,`,
      `${COMMUNE_B},Tổ Thôn 5,Y Sao Niê,,01/05/2026,Khác,,,,`,
      `${COMMUNE_A},Tổ Thôn 5,Y Sao Niê,,21/05/2026,Đi chợ,,,,`,
    ].join('\n');
    const file = { name: 'hd.csv', bytes: Buffer.from(csv) };
    const preview = await upload(
      app,
      officerA,
      `/api/officer/teams/import/preview?unitCode=${COMMUNE_A}`,
      file,
    );
    const body = preview.json();
    expect(body.ok).toBe(false);
    expect(body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'Họ và tên thành viên'],
      [4, 'Ngày'],
      [5, 'Số người tham dự'],
      [6, 'Tham chiếu người dân'],
      [7, 'Tham chiếu người dân'],
      [8, 'Mã xã'],
      [9, 'Ngày'],
      [9, 'Loại hoạt động'],
    ]);
    expect(body.errors[0].message).toBe('Tổ "Tổ Thôn 5" không có thành viên "Người Không Có"');
    expect(body.errors[1].message).toContain('Ngày không hợp lệ');
    expect(body.errors[5].message).toBe(
      `Mã xã ${COMMUNE_B} không phải xã/phường trong phạm vi bạn quản lý`,
    );

    const commit = await upload(
      app,
      officerA,
      `/api/officer/teams/import?unitCode=${COMMUNE_A}`,
      file,
    );
    expect(commit.statusCode).toBe(422);
    expect(commit.json()).toMatchObject({ status: 'rejected', errorCount: 8 });
    // Row 2 was good, but nothing of the file is written.
    expect(await counts()).toEqual(before);
    const log = await app.database.db
      .selectFrom('team_imports')
      .select(['status', 'error_count'])
      .where('id', '=', commit.json().importId)
      .executeTakeFirstOrThrow();
    expect(log).toEqual({ status: 'rejected', error_count: 8 });
  });

  it('a bad XLSX with one wrong member row writes none of its good teams', async () => {
    const before = await counts();
    const bytes = await workbook({
      Tổ: [teamHeader, [COMMUNE_A, 'Thôn 7', 'Tổ Thôn 7', '']],
      'Thành viên': [
        memberHeader,
        [COMMUNE_A, 'Tổ Thôn 7', 'Phạm Văn D', 'Trưởng thôn', '', '', ''],
        [COMMUNE_A, 'Tổ Thôn 8', 'Phạm Văn E', 'Khác', '12345', '', ''],
      ],
    });
    const res = await upload(app, officerA, `/api/officer/teams/import?unitCode=${COMMUNE_A}`, {
      name: 'x.xlsx',
      bytes,
      type: XLSX,
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { sheet: string; row: number; column: string }) => [
          e.sheet,
          e.row,
          e.column,
        ]),
    ).toEqual([
      ['Thành viên', 2, 'Vai trò'],
      ['Thành viên', 3, 'Tên tổ'],
      ['Thành viên', 3, 'Số điện thoại'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('a commune officer cannot import into another commune; the province can import anywhere', async () => {
    const csv = `${teamHeader.join(',')}\n${COMMUNE_B},Khu phố 1,Tổ KP1,\n`;
    const denied = await upload(
      app,
      officerA,
      `/api/officer/teams/import/preview?unitCode=${COMMUNE_B}`,
      { name: 't.csv', bytes: Buffer.from(csv) },
    );
    expect(denied.statusCode).toBe(403);
    const ok = await upload(app, province, '/api/officer/teams/import?unitCode=66', {
      name: 't.csv',
      bytes: Buffer.from(csv),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().counts.teamsNew).toBe(1);
  });

  it('refuses a file it cannot read and a header it does not know', async () => {
    const binary = await upload(
      app,
      officerA,
      `/api/officer/teams/import/preview?unitCode=${COMMUNE_A}`,
      { name: 'a.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
    );
    expect(binary.json().error.code).toBe('TEAM_IMPORT_FILE_INVALID');
    const unknown = await upload(
      app,
      officerA,
      `/api/officer/teams/import/preview?unitCode=${COMMUNE_A}`,
      { name: 'a.csv', bytes: Buffer.from('a,b,c\n1,2,3\n') },
    );
    expect(unknown.json()).toMatchObject({ ok: false, errors: [{ row: 1 }] });
  });
});
