import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { LOGBOOK_COLUMNS, LOGBOOK_FIRST_DATA_ROW, LOGBOOK_SHEET } from './logbook';
import { acceptDirectly, addEvent, BMT, getAs, makeDossier } from './printing.test-support';

const TAN_LAP = '24121';
let app: TestApp;
let desk: SignedIn;
let deskId: string;
let n = 0;

/** Excel keeps Vietnam wall-clock time: a Date whose UTC fields are the local time. */
const wall = (local: string) => new Date(`${local}Z`);

async function accepted(unit: string, at: string): Promise<{ id: string; code: string }> {
  const id = await makeDossier(app, unit, { applicantName: `Người nộp ${++n}` });
  const code = `H15.50.05.13-${at.slice(2, 4)}${at.slice(5, 7)}${at.slice(8, 10)}-${String(n).padStart(4, '0')}`;
  await acceptDirectly(app, id, { at: `${at}+07:00`, officerId: deskId, unitCode: unit, code });
  return { id, code };
}

async function readBook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(LOGBOOK_SHEET);
  if (!ws) throw new Error('sheet missing');
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = LOGBOOK_FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(LOGBOOK_COLUMNS.map((_, i) => row.getCell(i + 1).value));
  }
  return { ws, rows };
}

const logbook = (who: SignedIn, query: string) =>
  getAs(app, who, `/api/officer/logbook.xlsx?${query}`);

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-06-10T10:00:00+07:00'));
  const officer = await makeOfficer(app, [{ role: 'receiving_officer', unitCode: BMT }]);
  deskId = officer.id;
  desk = await signInOfficer(app, officer);
});
afterAll(async () => {
  await app.close();
});

describe('form 06: the logbook as .xlsx', () => {
  it('lists the dossiers the unit accepted in the Vietnam days asked for, with their dates', async () => {
    await accepted(BMT, '2026-04-30T23:59:00'); // the day before: out
    const first = await accepted(BMT, '2026-05-01T00:30:00'); // still 30/4 in UTC: in
    const done = await accepted(BMT, '2026-05-05T09:00:00');
    const last = await accepted(BMT, '2026-05-31T23:59:00');
    await accepted(BMT, '2026-06-01T00:00:00'); // the day after: out
    await accepted(TAN_LAP, '2026-05-10T09:00:00'); // another unit: out
    await makeDossier(app, BMT); // not accepted, no code: out

    await addEvent(app, done.id, {
      type: 'assign',
      at: '2026-05-05T10:00:00+07:00',
      actorId: deskId,
      unitCode: BMT,
      data: { toOfficerId: deskId },
    });
    await addEvent(app, done.id, {
      type: 'sign',
      at: '2026-05-06T08:15:00+07:00',
      actorId: deskId,
      unitCode: BMT,
    });
    await app.database.db
      .updateTable('dossiers')
      .set({
        finished_at: new Date('2026-05-06T08:15:00+07:00'),
        returned_at: new Date('2026-05-06T14:00:00+07:00'),
        supplement_requests: 1,
        apology_due_at: new Date('2026-05-08T17:00:00+07:00'),
      })
      .where('id', '=', done.id)
      .execute();

    const res = await logbook(desk, `unitCode=${BMT}&from=2026-05-01&to=2026-05-31`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="mau-06-so-theo-doi-${BMT}-2026-05-01-2026-05-31.xlsx"`,
    );
    const { ws, rows } = await readBook(res.rawPayload);
    expect(ws.getCell(4, 1).value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(ws.getCell(5, 1).value).toBe(
      'Phường Buôn Ma Thuột – từ ngày 01/5/2026 đến ngày 31/5/2026',
    );
    expect(ws.getCell(2, 1).value).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(ws.getCell(7, 8).value).toBe('Ngày, tháng, năm');
    const headers = LOGBOOK_COLUMNS.map(
      (_c, i) => ws.getCell(i >= 7 && i <= 11 ? 8 : 7, i + 1).value,
    );
    expect(headers).toEqual(LOGBOOK_COLUMNS.map((c) => c.header));
    expect(headers.slice(0, 3)).toEqual(['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính']);

    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(rows.map((r) => r[1])).toEqual([first.code, done.code, last.code]);
    const [r1, r2, r3] = rows;
    expect(r1![2]).toBe('Thủ tục đăng ký khai sinh');
    expect(r1![3]).toBe(1);
    expect(r1![4]).toBe('Người nộp 2');
    expect(r1![5]).toBe('0905123456');
    expect(r1![6]).toBe('Phường Buôn Ma Thuột');
    expect(r1![7]).toEqual(wall('2026-05-01T00:30:00'));
    expect(r3![7]).toEqual(wall('2026-05-31T23:59:00'));
    // Accepted Tue 5/5 09:00 with 1 working day → due Wed 6/5 17:00.
    expect(r2![7]).toEqual(wall('2026-05-05T09:00:00'));
    expect(r2![8]).toEqual(wall('2026-05-06T17:00:00'));
    expect(r2![9]).toEqual(wall('2026-05-05T10:00:00'));
    expect(r2![10]).toEqual(wall('2026-05-06T08:15:00'));
    expect(r2![11]).toEqual(wall('2026-05-06T14:00:00'));
    expect(r2![12]).toBeNull();
    expect(r2![13]).toBe(
      'Giải quyết đúng hạn; Yêu cầu bổ sung 1 lần; Xin lỗi, hẹn lại ngày 08/5/2026',
    );
    // Still open on 10/6 with its due date passed.
    expect(r3![13]).toBe('Đang quá hạn');
    expect(ws.getCell(LOGBOOK_FIRST_DATA_ROW, 8).numFmt).toBe('dd/mm/yyyy hh:mm');
  });

  it('exports an empty logbook for a period without dossiers, and up to 366 days', async () => {
    const res = await logbook(desk, `unitCode=${BMT}&from=2024-01-01&to=2024-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await readBook(res.rawPayload)).rows).toHaveLength(0);
  });

  it('refuses a reversed or too long range and impossible dates with Vietnamese messages', async () => {
    for (const [from, to] of [
      ['2026-05-31', '2026-05-01'],
      ['2025-01-01', '2026-01-02'],
    ]) {
      const res = await logbook(desk, `unitCode=${BMT}&from=${from}&to=${to}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('LOGBOOK_RANGE_INVALID');
      expect(res.json().error.message).toContain('tối đa 366 ngày');
    }
    const impossible = await logbook(desk, `unitCode=${BMT}&from=2026-02-30&to=2026-03-01`);
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(impossible.json().error.fields)).toContain('Ngày không tồn tại');
    const missing = await logbook(desk, `unitCode=${BMT}&from=2026-05-01`);
    expect(missing.statusCode).toBe(400);
  });

  it('is only for officers who may read the unit’s dossiers', async () => {
    const other = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'receiving_officer', unitCode: TAN_LAP }]),
    );
    const res = await logbook(other, `unitCode=${BMT}&from=2026-05-01&to=2026-05-31`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});
