import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, makeResident, type SignedIn, type TestOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { at, BMT, getAs, makeDossier, pdfText } from './printing.test-support';

/**
 * The forms read what the reception and processing services write: this drives the real routes
 * (accept, assign, request a supplement) and prints from the events they recorded.
 */
let app: TestApp;
let desk: TestOfficer;
let leader: TestOfficer;
let specialist: TestOfficer;

beforeAll(async () => {
  app = await createTestApp();
  desk = await makeOfficer(app, [{ role: 'receiving_officer', unitCode: BMT }]);
  leader = await makeOfficer(app, [{ role: 'unit_leader', unitCode: BMT }]);
  specialist = await makeOfficer(app, [{ role: 'specialist', unitCode: BMT }]);
});
afterAll(async () => {
  await app.close();
});

function post(who: SignedIn, url: string, payload: unknown) {
  return app.server.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    payload: payload as Record<string, unknown>,
  });
}

async function rowVersion(id: string): Promise<number> {
  const row = await app.database.db
    .selectFrom('dossiers')
    .select('row_version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.row_version;
}

describe('printing from events written by the reception and processing services', () => {
  it('prints forms 01, 02 and 05 after accept → assign → request a supplement', async () => {
    const resident = await makeResident(app, { fullName: 'H’Hen Niê' });
    const id = await makeDossier(app, BMT, { applicantUserId: resident.id });

    const [d] = await at(app, '2026-04-29T14:59:00+07:00', desk);
    const accepted = await post(d!, `/api/officer/dossiers/${id}/accept`, {
      expectedRowVersion: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const code = accepted.json().code as string;

    const [l] = await at(app, '2026-04-29T16:00:00+07:00', leader);
    const assign = await post(l!, `/api/officer/dossiers/${id}/actions`, {
      action: 'assign',
      expectedRowVersion: await rowVersion(id),
      assigneeId: specialist.id,
      stepWorkingDays: 1,
    });
    expect(assign.statusCode, assign.body).toBe(200);

    const [s] = await at(app, '2026-05-04T09:00:00+07:00', specialist);
    const supplement = await post(s!, `/api/officer/dossiers/${id}/actions`, {
      action: 'request_supplement',
      expectedRowVersion: await rowVersion(id),
      reason: 'Giấy chứng sinh bị mờ, không đọc được',
      documents: ['Giấy chứng sinh (bản chính)'],
    });
    expect(supplement.statusCode, supplement.body).toBe(200);

    const receipt = await pdfText(
      (await getAs(app, s!, `/api/officer/dossiers/${id}/forms/01`)).rawPayload,
    );
    expect(receipt).toContain(`Mã hồ sơ: ${code}`);
    expect(receipt).toContain('4. Thời gian nhận hồ sơ: 14 giờ 59 phút, ngày 29/4/2026');
    expect(receipt).toContain(
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 04/5/2026',
    );
    expect(receipt).toContain('3. Thời gian giải quyết hồ sơ theo quy định là: 1 ngày làm việc');

    const form02 = await getAs(app, resident.headers, `/api/my/dossiers/${id}/forms/02`);
    expect(form02.statusCode, form02.body).toBe(200);
    const notice = await pdfText(form02.rawPayload);
    expect(notice).toContain('1) Giấy chứng sinh (bản chính)');
    expect(notice).toContain('Giấy chứng sinh bị mờ, không đọc được');
    expect(notice).toContain('Ngày yêu cầu: 09 giờ 00 phút, ngày 04/5/2026');

    const sheet = await pdfText(
      (await getAs(app, s!, `/api/officer/dossiers/${id}/forms/05`)).rawPayload,
    );
    const table = sheet
      .slice(sheet.indexOf('Ghi chú 1 '))
      .replaceAll('(Trước hạn/ Đúng hạn/ Quá hạn)', '');
    // Two hand-offs: the desk to the unit, the leader to the specialist; both before the due date.
    expect(table.match(/Trước hạn|Đúng hạn|Quá hạn/g)).toEqual(['Trước hạn', 'Trước hạn']);
    expect(table).toContain('Tiếp nhận, chuyển xử lý');
    expect(table).toContain('Phân công xử lý');
  });
});
