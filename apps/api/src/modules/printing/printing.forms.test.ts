import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeOfficer,
  makeResident,
  type SignedIn,
  signInOfficer,
  type TestResident,
} from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  acceptDirectly,
  addEvent,
  BMT,
  getAs,
  makeDossier,
  pdfText,
} from './printing.test-support';

let app: TestApp;
let desk: SignedIn;
let deskName: string;
let deskId: string;
let applicant: TestResident;
let accepted: string;
const CODE = 'H15.50.05.13-260429-0001';
const NOW = '2026-05-06T10:00:00+07:00';

async function fullName(id: string): Promise<string> {
  const row = await app.database.db
    .selectFrom('users')
    .select('full_name')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.full_name;
}

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date(NOW));
  const officer = await makeOfficer(app, [{ role: 'receiving_officer', unitCode: BMT }]);
  deskId = officer.id;
  deskName = await fullName(officer.id);
  desk = await signInOfficer(app, officer);
  applicant = await makeResident(app, { fullName: 'H’Hen Niê' });
  accepted = await makeDossier(app, BMT, { applicantUserId: applicant.id });
  // Wed 29/4/2026 14:59, 1 working day: 30/4 and 1/5 are holidays → due Mon 4/5 (DOMAIN.md §4).
  await acceptDirectly(app, accepted, {
    at: '2026-04-29T14:59:00+07:00',
    officerId: officer.id,
    unitCode: BMT,
    code: CODE,
  });
});
afterAll(async () => {
  await app.close();
});

const officerForm = (who: SignedIn, id: string, form: string, query = '') =>
  getAs(app, who, `/api/officer/dossiers/${id}/forms/${form}${query}`);

describe('form 01: receipt and appointment slip', () => {
  it('prints the Vietnamese form with the code, the dates and the tracking address', async () => {
    const res = await officerForm(desk, accepted, '01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="mau-01-${CODE}.pdf"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN PHƯỜNG BUÔN MA THUỘT',
      'Mẫu số 01',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      'Buôn Ma Thuột, ngày 29 tháng 4 năm 2026',
      `Mã hồ sơ: ${CODE}`,
      'Trung tâm Phục vụ hành chính công – Phường Buôn Ma Thuột',
      'Tiếp nhận hồ sơ của: H’Hen Niê',
      'Địa chỉ: Thôn 3',
      'Số điện thoại: 0905123456',
      'Nội dung yêu cầu giải quyết: Thủ tục đăng ký khai sinh',
      '3. Thời gian giải quyết hồ sơ theo quy định là: 1 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 14 giờ 59 phút, ngày 29/4/2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 04/5/2026',
      'bắt đầu tính từ ngày 04/5/2026',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      deskName,
      `${app.config.publicUrl}/tra-cuu-ho-so?ma=${CODE}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('embeds the Tinos font subset and no built-in font', async () => {
    const res = await officerForm(desk, accepted, '01');
    const raw = res.rawPayload.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('Helvetica');
  });

  it('lists the documents received, named after the e-form, with their counts', async () => {
    const id = await makeDossier(app, BMT, { applicantUserId: applicant.id });
    const files: [string, string][] = [
      ['birthNotice', 'giay-chung-sinh.pdf'],
      ['birthNotice', 'giay-chung-sinh-trang-2.jpg'],
      ['unknownPurpose', 'khac.pdf'],
    ];
    for (const [purpose, name] of files) {
      await app.database.db
        .insertInto('files')
        .values({
          id: randomUUID(),
          owner_user_id: applicant.id,
          bundle_id: `dossier:${id}`,
          purpose,
          original_name: name,
          stored_name: `2026/05/${randomUUID()}`,
          media_type: 'application/pdf',
          size_bytes: 1000,
          sha256: 'a'.repeat(64),
          created_at: new Date('2026-05-05T08:00:00+07:00'),
        })
        .execute();
    }
    await acceptDirectly(app, id, {
      at: '2026-05-05T16:10:00+07:00',
      officerId: deskId,
      unitCode: BMT,
      code: 'H15.50.05.13-260505-0002',
    });
    const text = await pdfText((await officerForm(desk, id, '01')).rawPayload);
    expect(text).toContain('1) Giấy chứng sinh (2 tệp điện tử)');
    expect(text).toContain('2) unknownPurpose (1 tệp điện tử)');
    // After 15:00 on Tue 5/5: day 0 is Wed 6/5, so 1 working day ends Thu 7/5 (DOMAIN.md §4).
    expect(text).toContain('4. Thời gian nhận hồ sơ: 16 giờ 10 phút, ngày 05/5/2026');
    expect(text).toContain(
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 07/5/2026',
    );
  });

  it('refuses a dossier without a code (not accepted yet) with a clear 409', async () => {
    const pending = await makeDossier(app, BMT);
    for (const form of ['01', '05']) {
      const res = await officerForm(desk, pending, form);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('PRINT_DOSSIER_NOT_ACCEPTED');
      expect(res.json().error.message).toContain('chưa được tiếp nhận');
    }
  });

  it('lets the applicant download their receipt, and nobody else', async () => {
    const mine = await getAs(app, applicant.headers, `/api/my/dossiers/${accepted}/forms/01`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(await pdfText(mine.rawPayload)).toContain(`Mã hồ sơ: ${CODE}`);
    const stranger = await makeResident(app);
    const other = await getAs(app, stranger.headers, `/api/my/dossiers/${accepted}/forms/01`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('DOSSIER_NOT_FOUND');
    // The control sheet is internal: not a resident form.
    const sheet = await getAs(app, applicant.headers, `/api/my/dossiers/${accepted}/forms/05`);
    expect(sheet.statusCode).toBe(400);
  });
});

describe('who may print (unit-scoped, 404 for the rest)', () => {
  it('hides the dossier from officers of another commune and from unknown ids', async () => {
    const other = await makeOfficer(app, [{ role: 'unit_leader', unitCode: '24121' }]);
    const session = await signInOfficer(app, other);
    for (const form of ['01', '02', '03', '04', '05']) {
      const res = await officerForm(session, accepted, form);
      expect(res.statusCode, `form ${form}`).toBe(404);
      expect(res.json().error.code).toBe('DOSSIER_NOT_FOUND');
    }
    expect((await officerForm(desk, randomUUID(), '01')).statusCode).toBe(404);
  });

  it('lets the handling unit print a dossier received elsewhere, and the province above', async () => {
    const id = await makeDossier(app, BMT, { handlingUnitCode: '66-STP' });
    await acceptDirectly(app, id, {
      at: '2026-05-05T09:00:00+07:00',
      officerId: deskId,
      unitCode: BMT,
      code: 'H15.50.05.13-260505-0001',
    });
    const department = await makeOfficer(app, [{ role: 'specialist', unitCode: '66-STP' }]);
    const province = await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]);
    for (const o of [department, province]) {
      const res = await officerForm(await signInOfficer(app, o), id, '05');
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('refuses residents on the officer route (403) and the anonymous (401)', async () => {
    const res = await getAs(app, applicant.headers, `/api/officer/dossiers/${accepted}/forms/01`);
    expect(res.statusCode).toBe(403);
    const anonymous = await app.server.inject({
      method: 'GET',
      url: `/api/officer/dossiers/${accepted}/forms/01`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('forms 02–04 print the recorded notice', () => {
  it('02: the latest request by default, an earlier one by eventId, with its documents', async () => {
    const id = await makeDossier(app, BMT, { applicantUserId: applicant.id });
    const none = await officerForm(desk, id, '02');
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('PRINT_NO_COMPLETION_REQUEST');

    const first = await addEvent(app, id, {
      type: 'guide_to_complete',
      at: '2026-05-04T08:30:00+07:00',
      actorId: deskId,
      unitCode: BMT,
      statusCode: 1,
      note: 'Tờ khai chưa ghi quê quán của người mẹ',
      data: { form: '02', documents: ['Tờ khai đăng ký khai sinh (bổ sung quê quán)'] },
    });
    await addEvent(app, id, {
      type: 'guide_to_complete',
      at: '2026-05-05T09:15:00+07:00',
      actorId: deskId,
      unitCode: BMT,
      statusCode: 1,
      note: 'Thiếu giấy chứng sinh',
      data: { form: '02', documents: ['Giấy chứng sinh (bản chính)'] },
    });
    const latest = await pdfText((await officerForm(desk, id, '02')).rawPayload);
    expect(latest).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(latest).toContain('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    expect(latest).toContain('Hồ sơ của: H’Hen Niê');
    expect(latest).toContain('1) Giấy chứng sinh (bản chính)');
    expect(latest).toContain('Thiếu giấy chứng sinh');
    expect(latest).toContain('Ngày yêu cầu: 09 giờ 15 phút, ngày 05/5/2026');
    expect(latest).toContain('Buôn Ma Thuột, ngày 05 tháng 5 năm 2026');
    expect(latest).toMatch(/Số tham chiếu: TN-TEST-/);
    expect(latest).not.toContain('quê quán');

    const earlier = await officerForm(desk, id, '02', `?eventId=${first}`);
    expect(await pdfText(earlier.rawPayload)).toContain(
      '1) Tờ khai đăng ký khai sinh (bổ sung quê quán)',
    );
    // The resident sees what to complete too.
    const mine = await getAs(app, applicant.headers, `/api/my/dossiers/${id}/forms/02`);
    expect(await pdfText(mine.rawPayload)).toContain('Thiếu giấy chứng sinh');

    // An event of another kind, or of another dossier, is not this form's.
    const refusal = await addEvent(app, id, {
      type: 'refuse_to_accept',
      at: '2026-05-05T10:00:00+07:00',
      actorId: deskId,
      unitCode: BMT,
      statusCode: 3,
      note: 'x',
    });
    for (const eventId of [refusal, first + 100_000]) {
      const res = await officerForm(desk, id, '02', `?eventId=${eventId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('PRINT_EVENT_NOT_FOUND');
    }
    expect((await officerForm(desk, accepted, '02', `?eventId=${first}`)).statusCode).toBe(404);
  });

  it('02 after acceptance: the supplement request with its deadline and the pause', async () => {
    await addEvent(app, accepted, {
      type: 'request_supplement',
      at: '2026-04-30T08:00:00+07:00',
      actorId: deskId,
      unitCode: BMT,
      statusCode: 5,
      note: 'Bản sao giấy chứng nhận kết hôn không rõ',
      data: {
        form: '02',
        secondSupplement: true,
        // The processing service stamps every event with the dossier's due date: not a deadline.
        dueAt: '2026-05-04T17:00:00+07:00',
        supplementDueAt: '2026-05-08T17:00:00+07:00',
      },
    });
    const text = await pdfText((await officerForm(desk, accepted, '02')).rawPayload);
    expect(text).toContain(`Mã hồ sơ: ${CODE}`);
    expect(text).toContain('(Yêu cầu bổ sung lần thứ hai)');
    expect(text).toContain('1) Bản sao giấy chứng nhận kết hôn không rõ');
    expect(text).toContain('Thời hạn nộp bổ sung: trước 17 giờ 00 phút, ngày 08/5/2026');
    expect(text).toContain('tạm dừng');
    expect(text).not.toContain('trước 17 giờ 00 phút, ngày 04/5/2026');
  });

  it('03: the refusal with its reason', async () => {
    const id = await makeDossier(app, BMT);
    expect((await officerForm(desk, id, '03')).json().error.code).toBe('PRINT_NO_REFUSAL');
    await addEvent(app, id, {
      type: 'refuse_to_accept',
      at: '2026-05-04T15:20:00+07:00',
      actorId: deskId,
      unitCode: BMT,
      statusCode: 3,
      note: 'Thủ tục không thuộc thẩm quyền giải quyết của cấp xã',
      data: { form: '03' },
    });
    const res = await officerForm(desk, id, '03');
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Thủ tục không thuộc thẩm quyền giải quyết của cấp xã');
    expect(text).toContain('Thời gian từ chối: 15 giờ 20 phút, ngày 04/5/2026');
    expect(text).toContain('Tiếp nhận hồ sơ của: H’Hen Niê');
  });

  it('04: the apology from the head of the unit, with the original and the new date', async () => {
    expect((await officerForm(desk, accepted, '04')).json().error.code).toBe('PRINT_NO_APOLOGY');
    await addEvent(app, accepted, {
      type: 'apologise',
      at: '2026-05-04T09:00:00+07:00',
      actorId: deskId,
      unitCode: BMT,
      note: 'Cần xác minh thêm thông tin cư trú',
      data: {
        form: '04',
        originalDueAt: '2026-05-04T10:00:00.000Z',
        apologyDueAt: '2026-05-07T10:00:00.000Z',
      },
    });
    const text = await pdfText((await officerForm(desk, accepted, '04')).rawPayload);
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Kính gửi: H’Hen Niê');
    expect(text).toContain('ngày hẹn trả kết quả: 17 giờ 00 phút, ngày 04/5/2026');
    expect(text).toContain('vì lý do: Cần xác minh thêm thông tin cư trú.');
    expect(text).toContain('sẽ trả kết quả cho ông/bà vào 17 giờ 00 phút, ngày 07/5/2026');
    expect(text).toContain('THỦ TRƯỞNG CƠ QUAN');
    // Signed by the People's Committee itself, not its service centre.
    expect(text).toMatch(/Mẫu số 04 ỦY BAN NHÂN DÂN PHƯỜNG BUÔN MA THUỘT CỘNG HÒA/);
  });
});
