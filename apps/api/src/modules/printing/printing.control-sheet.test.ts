import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { makeOfficer, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarService, type CalendarServiceDeps } from '../calendar/calendar.service';
import { controlSheetRows, type Judge, type PrintEvent, unitsInvolved } from './control-sheet';
import {
  acceptDirectly,
  addEvent,
  BMT,
  getAs,
  makeDossier,
  pdfText,
} from './printing.test-support';

const STP = '66-STP';
const vn = (local: string) => new Date(`${local}+07:00`);

/** The real rule of CalendarService.timeliness (it needs only the clock for this branch). */
const calendar = new CalendarService({
  clock: new FixedClock(vn('2026-05-10T00:00:00')),
} as unknown as CalendarServiceDeps);
const judge: Judge = (due, at) => calendar.timeliness(due, at) as 'early' | 'on_time' | 'late';

let nextId = 1;
function ev(
  type: string,
  local: string,
  more: Partial<Omit<PrintEvent, 'id' | 'type' | 'at'>> = {},
): PrintEvent {
  return {
    id: nextId++,
    type,
    at: vn(local),
    actorId: more.actorId ?? null,
    unitCode: more.unitCode ?? null,
    note: more.note ?? null,
    data: more.data ?? {},
  };
}

/**
 * A dossier due Mon 4/5/2026 17:00: accepted, assigned with a step due date, consulted by the
 * Department of Justice (liên thông), sent back, signed and returned.
 */
function scenario(ids: { desk: string; leader: string; specialist: string; dept: string }) {
  return [
    ev('accepted', '2026-04-29T14:59:00', {
      actorId: ids.desk,
      unitCode: BMT,
      data: { dueAt: '2026-05-04T10:00:00.000Z' },
    }),
    ev('assign', '2026-04-29T16:00:00', {
      actorId: ids.leader,
      unitCode: BMT,
      data: { toOfficerId: ids.specialist, stepDueAt: '2026-05-04T03:00:00.000Z' }, // 4/5 10:00
    }),
    ev('transfer_lien_thong', '2026-05-04T09:30:00', {
      actorId: ids.specialist,
      unitCode: BMT,
      data: { fromUnitCode: BMT, toUnitCode: STP, stepDueAt: '2026-05-05T10:00:00.000Z' }, // 5/5 17:00
    }),
    // The applicant's deadline to supplement is not the dossier's due date.
    ev('request_supplement', '2026-05-05T08:00:00', {
      data: { dueAt: '2026-06-30T10:00:00.000Z' },
    }),
    ev('transfer', '2026-05-06T08:00:00', {
      actorId: ids.dept,
      unitCode: STP,
      data: { fromUnitCode: STP, toUnitCode: BMT },
    }),
    ev('submit_for_signature', '2026-05-06T09:00:00', {
      actorId: ids.specialist,
      unitCode: BMT,
      data: { toOfficerId: ids.leader },
    }),
    ev('return_for_revision', '2026-05-06T10:00:00', { actorId: ids.leader, unitCode: BMT }),
    // Resubmission after the pause moves the due date in force to Fri 8/5 17:00.
    ev('resubmitted', '2026-05-06T11:00:00', { data: { dueAt: '2026-05-08T10:00:00.000Z' } }),
    ev('submit_for_signature', '2026-05-06T14:00:00', { actorId: ids.specialist, unitCode: BMT }),
    ev('sign', '2026-05-08T16:59:00', { actorId: ids.leader, unitCode: BMT }),
    ev('return_result', '2026-05-11T08:00:00', {
      actorId: ids.desk,
      unitCode: BMT,
      data: { channel: 'in_person' },
    }),
  ];
}

describe('controlSheetRows: one row per hand-off, judged against the due date in force', () => {
  const ids = { desk: 'desk', leader: 'leader', specialist: 'spec', dept: 'dept' };
  const rows = controlSheetRows(
    { dueAt: vn('2026-05-04T17:00:00'), receivingUnitCode: BMT, handlingUnitCode: BMT },
    scenario(ids),
    judge,
  );

  it('lists the hand-offs only, in order', () => {
    expect(rows.map((r) => r.type)).toEqual([
      'accepted',
      'assign',
      'transfer_lien_thong',
      'transfer',
      'submit_for_signature',
      'return_for_revision',
      'submit_for_signature',
      'sign',
      'return_result',
    ]);
  });

  it('computes early / on time / late from the previous step due date, else the dossier due date', () => {
    expect(rows.map((r) => [r.type, r.result])).toEqual([
      ['accepted', 'early'], // 29/4 vs 4/5 17:00
      ['assign', 'early'], // no step due date before it: 4/5 17:00
      ['transfer_lien_thong', 'on_time'], // 4/5 09:30, the assignment's step was due 4/5 10:00
      ['transfer', 'late'], // 6/5, the department's step was due 5/5 17:00
      ['submit_for_signature', 'late'], // 6/5 09:00 vs the dossier's 4/5 17:00
      ['return_for_revision', 'late'],
      ['submit_for_signature', 'early'], // after resubmission the dossier is due 8/5 17:00
      ['sign', 'on_time'], // 8/5 16:59, same day, before the due instant
      ['return_result', 'late'], // 11/5 after 8/5 17:00
    ]);
    expect(rows[2]!.dueAt).toEqual(vn('2026-05-04T10:00:00'));
    expect(rows[3]!.dueAt).toEqual(vn('2026-05-05T17:00:00'));
  });

  it('names both sides of each hand-off', () => {
    expect(rows[0]!.from).toEqual({ kind: 'desk', unitCode: BMT, officerId: 'desk' });
    expect(rows[0]!.to).toMatchObject({ kind: 'unit', unitCode: BMT });
    expect(rows[1]!.to).toMatchObject({ kind: 'unit', unitCode: BMT, officerId: 'spec' });
    expect(rows[2]!.from).toMatchObject({ unitCode: BMT, officerId: 'spec' });
    expect(rows[2]!.to).toMatchObject({ unitCode: STP });
    expect(rows[3]!.from).toMatchObject({ unitCode: STP, officerId: 'dept' });
    expect(rows[4]!.to).toMatchObject({ unitCode: BMT, officerId: 'leader', role: 'leader' });
    // Sent back to the specialist who submitted it.
    expect(rows[5]!.to).toMatchObject({ unitCode: BMT, officerId: 'spec' });
    expect(rows[7]!.to).toEqual({ kind: 'desk', unitCode: BMT, officerId: null });
    expect(rows[8]!.to).toEqual({ kind: 'applicant' });
    expect(unitsInvolved(rows)).toEqual({ handling: [BMT], coordinating: [STP] });
  });

  it('leaves the result empty when no due date is known', () => {
    const none = controlSheetRows(
      { dueAt: null, receivingUnitCode: BMT, handlingUnitCode: BMT },
      [ev('accepted', '2026-04-29T14:59:00', { unitCode: BMT })],
      judge,
    );
    expect(none.map((r) => r.result)).toEqual([null]);
  });
});

describe('GET form 05', () => {
  let app: TestApp;
  let desk: SignedIn;
  beforeAll(async () => {
    app = await createTestApp();
    app.clock.set(vn('2026-05-12T09:00:00'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('prints the rows with names, times and results', async () => {
    const deskOfficer = await makeOfficer(app, [{ role: 'receiving_officer', unitCode: BMT }]);
    const leader = await makeOfficer(app, [{ role: 'unit_leader', unitCode: BMT }]);
    const specialist = await makeOfficer(app, [{ role: 'specialist', unitCode: BMT }]);
    const dept = await makeOfficer(app, [{ role: 'specialist', unitCode: STP }]);
    desk = await signInOfficer(app, deskOfficer);
    const id = await makeDossier(app, BMT);
    const code = 'H15.50.05.13-260429-0007';
    const { dueAt } = await acceptDirectly(app, id, {
      at: '2026-04-29T14:59:00+07:00',
      officerId: deskOfficer.id,
      unitCode: BMT,
      code,
    });
    expect(dueAt).toEqual(vn('2026-05-04T17:00:00'));
    const events = scenario({
      desk: deskOfficer.id,
      leader: leader.id,
      specialist: specialist.id,
      dept: dept.id,
    });
    for (const e of events.slice(1)) {
      await addEvent(app, id, {
        type: e.type,
        at: e.at.toISOString(),
        actorId: e.actorId,
        unitCode: e.unitCode,
        data: e.data,
      });
    }
    const res = await getAs(app, desk, `/api/officer/dossiers/${id}/forms/05`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="mau-05-${code}.pdf"`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Kèm theo hồ sơ của: H’Hen Niê');
    expect(text).toContain('Cơ quan phối hợp giải quyết hồ sơ: Sở Tư pháp tỉnh Đắk Lắk');
    // The table runs onto a second page, where its header (naming the three results) repeats.
    expect(text).toContain('Trang 2/2');
    const table = text
      .slice(text.indexOf('Ghi chú 1 '))
      .replaceAll('(Trước hạn/ Đúng hạn/ Quá hạn)', '');
    expect(table.match(/Trước hạn|Đúng hạn|Quá hạn/g)).toEqual([
      'Trước hạn',
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
      'Quá hạn',
      'Quá hạn',
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
    ]);
    expect(table).toContain('Giao: Bộ phận tiếp nhận và trả kết quả – Phường Buôn Ma Thuột');
    expect(table).toContain('Nhận: Sở Tư pháp tỉnh Đắk Lắk');
    expect(table).toContain('09 giờ 30 phút, ngày 04/5/2026');
    expect(table).toContain('16 giờ 59 phút, ngày 08/5/2026');
    expect(table).toContain('Nhận: Người nộp hồ sơ – H’Hen Niê');
  });
});
