import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, type SignedIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  act,
  at,
  BIRTH_CODE,
  communesFrom,
  type Desk,
  eventTypes,
  makeDesk,
  officerHeaders,
  residentHeaders,
  submittedDossier,
  uploadPdf,
  workspace,
} from './processing.test-support';

let app: TestApp;
let communes: string[];

beforeAll(async () => {
  app = await createTestApp();
  communes = await communesFrom(app, 40);
});

afterAll(async () => {
  await app.close();
});

/** Accepts and assigns a fresh dossier; answers its id and row version. */
async function inProcessing(desk: Desk, r: SignedIn, l: SignedIn) {
  const made = await submittedDossier(app, desk.unit);
  await act(app, r, made.id, { action: 'accept', expectedRowVersion: 1 });
  const assigned = await act(app, l, made.id, {
    action: 'assign',
    expectedRowVersion: 2,
    assigneeId: desk.specialist.id,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return { ...made, version: assigned.json().rowVersion as number };
}

describe('supplements, apology, withdrawal, transfer', () => {
  let desk: Desk;
  let r: SignedIn;
  let l: SignedIn;
  let s: SignedIn;
  beforeAll(async () => {
    desk = await makeDesk(app, communes[0]!);
    [r, l, s] = (await at(
      app,
      '2026-10-05T09:00:00+07:00',
      desk.receiver,
      desk.leader,
      desk.specialist,
    )) as [SignedIn, SignedIn, SignedIn];
  });

  it('a second supplement request makes the dossier count as late', async () => {
    const d = await inProcessing(desk, r, l);
    const ask = (v: number) =>
      act(app, s, d.id, {
        action: 'request_supplement',
        expectedRowVersion: v,
        reason: 'Thiếu giấy tờ',
        documents: ['Giấy chứng sinh'],
      });
    const first = await ask(d.version);
    expect(first.json()).toMatchObject({ supplementRequests: 1, countedLate: false });
    app.clock.advance(10 * 60_000);
    const headers = await residentHeaders(app, d.resident.id);
    const resubmit = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/resubmit`,
      headers,
      payload: { note: 'Đã nộp bản gốc tại bộ phận một cửa' },
    });
    expect(resubmit.statusCode, resubmit.body).toBe(200);
    const second = await ask(first.json().rowVersion + 1);
    expect(second.json()).toMatchObject({ supplementRequests: 2, countedLate: true });
  });

  it('the apology (form 04) is given once, for a later working day; the due date stays', async () => {
    const d = await inProcessing(desk, r, l);
    const before = await workspace(app, s, d.id);
    // Accepted Mon 5/10 09:00 with 1 working day → due Tue 6/10 17:00.
    expect(before.dueAt).toBe('2026-10-06T17:00:00+07:00');
    const sunday = await act(app, s, d.id, {
      action: 'apologise',
      expectedRowVersion: d.version,
      reason: 'Cần xác minh thêm',
      newDueDate: '2026-10-11',
    });
    expect(sunday.json().error.code).toBe('NEW_DUE_DATE_NOT_WORKING_DAY');
    const ok = await act(app, s, d.id, {
      action: 'apologise',
      expectedRowVersion: d.version,
      reason: 'Cần xác minh thêm tại cơ quan liên quan',
      newDueDate: '2026-10-12',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      dueAt: '2026-10-06T17:00:00+07:00',
      apologyDueAt: '2026-10-12T17:00:00+07:00',
      forms: expect.arrayContaining(['04']),
    });
    const again = await act(app, s, d.id, {
      action: 'apologise',
      expectedRowVersion: ok.json().rowVersion,
      reason: 'Lần nữa',
      newDueDate: '2026-10-13',
    });
    expect(again.json().error.code).toBe('CALENDAR_APOLOGY_ALREADY_USED');
    const mine = await app.server.inject({
      method: 'GET',
      url: `/api/my/dossiers/${d.id}`,
      headers: await residentHeaders(app, d.resident.id),
    });
    expect(mine.json()).toMatchObject({
      apologyDueAt: '2026-10-12T10:00:00.000Z',
      forms: ['01', '04'],
    });
  });

  it('withdrawal asked by the resident, accepted at the desk, stops the dossier', async () => {
    const d = await inProcessing(desk, r, l);
    const headers = await residentHeaders(app, d.resident.id);
    const tooShort = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/withdraw`,
      headers,
      payload: { reason: 'x' },
    });
    expect(tooShort.statusCode).toBe(400);
    const asked = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/withdraw`,
      headers,
      payload: { reason: 'Tôi muốn nộp lại hồ sơ khác' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const view = await workspace(app, r, d.id);
    expect(view).toMatchObject({ statusCode: 7, state: 'withdrawal_requested' });
    expect(view.allowedActions.map((a: { name: string }) => a.name)).toEqual([
      'accept_withdrawal',
      'refuse_withdrawal',
    ]);
    const done = await act(app, r, d.id, {
      action: 'accept_withdrawal',
      expectedRowVersion: view.rowVersion,
    });
    expect(done.json()).toMatchObject({ statusCode: 8, state: 'stopped', allowedActions: [] });
    const again = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/withdraw`,
      headers,
      payload: { reason: 'Tôi muốn nộp lại hồ sơ khác' },
    });
    expect(again.json().error.code).toBe('ACTION_NOT_ALLOWED_IN_STATE');
  });

  it('transfer to a province department hands the dossier over, with its own step due date', async () => {
    const department = '66-STP';
    const deptLeader = await makeOfficer(app, [{ role: 'unit_leader', unitCode: department }]);
    const d = await inProcessing(desk, r, l);
    const wrong = await act(app, s, d.id, {
      action: 'transfer_lien_thong',
      expectedRowVersion: d.version,
      toUnitCode: desk.unit,
      reason: 'Liên thông',
      stepWorkingDays: 3,
    });
    expect(wrong.json().error.code).toBe('TRANSFER_UNIT_INVALID');
    const moved = await act(app, s, d.id, {
      action: 'transfer_lien_thong',
      expectedRowVersion: d.version,
      toUnitCode: department,
      reason: 'Lấy ý kiến Sở Tư pháp',
      stepWorkingDays: 3,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Mon 5/10 09:00 + 3 working days → Thu 8/10 17:00.
    expect(moved.json()).toMatchObject({
      handlingUnit: { code: department },
      step: 'lien_thong',
      stepDueAt: '2026-10-08T17:00:00+07:00',
      assignee: null,
    });
    // The commune specialist no longer acts on it; the department's leader does.
    const stale = await act(app, s, d.id, {
      action: 'submit_for_signature',
      expectedRowVersion: moved.json().rowVersion,
    });
    expect(stale.json().error.code).toBe('ROLE_NOT_ALLOWED');
    const [dl] = await at(app, '2026-10-05T10:00:00+07:00', deptLeader);
    const deptView = await workspace(app, dl!, d.id);
    expect(deptView.allowedActions.map((a: { name: string }) => a.name)).toContain('assign');
  });
});

describe('guidance before acceptance', () => {
  it('the resident completes as guided and the dossier waits for reception again', async () => {
    const desk = await makeDesk(app, communes[1]!);
    const [r] = await at(app, '2026-10-06T09:00:00+07:00', desk.receiver);
    const d = await submittedDossier(app, desk.unit);
    const headers = await residentHeaders(app, d.resident.id);
    const early = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/resubmit`,
      headers,
      payload: { note: 'Bổ sung' },
    });
    expect(early.json().error.code).toBe('GUIDANCE_NOT_GIVEN');
    const guided = await act(app, r!, d.id, {
      action: 'guide_to_complete',
      expectedRowVersion: 1,
      reason: 'Tờ khai thiếu chữ ký',
      documents: ['Tờ khai có chữ ký'],
    });
    expect(guided.json()).toMatchObject({ statusCode: 1, forms: ['02'] });
    const mine = await app.server.inject({
      method: 'GET',
      url: `/api/my/dossiers/${d.id}`,
      headers,
    });
    expect(mine.json().pendingRequest).toMatchObject({
      kind: 'guidance',
      documents: ['Tờ khai có chữ ký'],
    });
    const fileId = await uploadPdf(app, headers, `supplement:${d.id}`, 'bo-sung');
    const done = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/resubmit`,
      headers,
      payload: { fileIds: [fileId] },
    });
    expect(done.statusCode, done.body).toBe(200);
    const after = await app.server.inject({
      method: 'GET',
      url: `/api/my/dossiers/${d.id}`,
      headers,
    });
    expect(after.json()).toMatchObject({ statusCode: 1, pendingRequest: null });
    expect(await eventTypes(app, d.id)).toEqual([
      'submitted',
      'guide_to_complete',
      'complete_after_guidance',
    ]);
  });
});

describe('work queues', () => {
  it('bands, search by ID number (shown masked), my queue and bulk assignment', async () => {
    const desk = await makeDesk(app, communes[2]!);
    const [r, l] = await at(app, '2026-10-07T09:00:00+07:00', desk.receiver, desk.leader);
    const a = await submittedDossier(app, desk.unit);
    const b = await submittedDossier(app, desk.unit);
    await act(app, r!, a.id, { action: 'accept', expectedRowVersion: 1 });
    await act(app, r!, b.id, { action: 'accept', expectedRowVersion: 1 });
    // Due Thu 8/10 17:00; on Thu 8/10 10:00 both are due soon, on Fri 9/10 overdue.
    const [l2, s2] = await at(app, '2026-10-09T09:00:00+07:00', desk.leader, desk.specialist);
    const queue = async (who: SignedIn, query: string) => {
      const res = await app.server.inject({
        method: 'GET',
        url: `/api/officer/work?unitCode=${desk.unit}&${query}`,
        headers: { cookie: who.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const all = await queue(l2!, 'band=overdue');
    expect(all.total).toBe(2);
    expect(all.counts).toMatchObject({ overdue: 2, dueSoon: 0 });
    expect(all.items[0]).toMatchObject({
      band: 'overdue',
      applicantCitizenIdMasked: '066*******34',
    });
    expect(JSON.stringify(all)).not.toContain('066190001234');
    const byId = await queue(l2!, 'q=066190001234');
    expect(byId.total).toBe(2);
    const byCode = await queue(l2!, `q=${encodeURIComponent(all.items[0].code)}`);
    expect(byCode.items.map((i: { id: string }) => i.id)).toEqual([all.items[0].id]);

    const bulk = await app.server.inject({
      method: 'POST',
      url: '/api/officer/dossiers/assign',
      headers: officerHeaders(l2!),
      payload: {
        assigneeId: desk.specialist.id,
        items: [
          { id: a.id, expectedRowVersion: 2 },
          { id: b.id, expectedRowVersion: 1 },
          { id: randomUUID(), expectedRowVersion: 1 },
        ],
      },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(
      bulk
        .json()
        .items.map((i: { ok: boolean; error: { code: string } | null }) => [
          i.ok,
          i.error?.code ?? null,
        ]),
    ).toEqual([
      [true, null],
      [false, 'DOSSIER_CHANGED'],
      [false, 'DOSSIER_NOT_FOUND'],
    ]);
    const mine = await queue(s2!, 'scope=mine');
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(mine.items[0].assignee).toMatchObject({ id: desk.specialist.id });

    const stranger = await makeDesk(app, communes[3]!);
    const [x] = await at(app, '2026-10-09T09:30:00+07:00', stranger.leader);
    const forbidden = await app.server.inject({
      method: 'GET',
      url: `/api/officer/work?unitCode=${desk.unit}`,
      headers: { cookie: x!.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
    void l;
  });
});

describe('in-person intake', () => {
  it('creates, accepts and codes the dossier once per Idempotency-Key', async () => {
    const desk = await makeDesk(app, communes[4]!);
    const [r] = await at(app, '2026-10-07T14:00:00+07:00', desk.receiver);
    const formId = randomUUID();
    const scan = await uploadPdf(app, officerHeaders(r!), `intake:${formId}`, 'scan');
    const body = {
      unitCode: desk.unit,
      procedureCode: BIRTH_CODE,
      channel: 1,
      applicant: {
        citizenId: '066085001122',
        fullName: 'Y Blô Êban',
        phone: '0912345678',
        address: 'Buôn Ko Sier',
      },
      answers: { requesterCitizenId: '066085001122', childName: 'Y Đăng Khoa' },
      fileIds: [scan],
    };
    const key = randomUUID();
    const send = () =>
      app.server.inject({
        method: 'POST',
        url: '/api/officer/intake',
        headers: { ...officerHeaders(r!), 'idempotency-key': key },
        payload: body,
      });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    // Accepted Wed 7/10 14:00 with 1 working day → due Thu 8/10 17:00.
    expect(first.json()).toMatchObject({ statusCode: 2, dueAt: '2026-10-08T17:00:00+07:00' });
    expect(first.json().code).toMatch(new RegExp(`^DEMO66\\.${desk.unit}-261007-\\d{4}$`));
    const replay = await send();
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const rows = await app.database.db
      .selectFrom('dossiers')
      .select(['channel', 'applicant_citizen_id', 'submitted_by_user_id'])
      .where('applicant_citizen_id', '=', '066085001122')
      .execute();
    expect(rows).toEqual([
      { channel: 1, applicant_citizen_id: '066085001122', submitted_by_user_id: desk.receiver.id },
    ]);
    const view = await workspace(app, r!, first.json().id);
    expect(view.documents.map((d: { id: string }) => d.id)).toEqual([scan]);
    // Officers' screens show the ID masked, in the answers as in the header.
    expect(view.answers).toMatchObject({
      requesterCitizenId: '066*******22',
      childName: 'Y Đăng Khoa',
    });
    expect(JSON.stringify(view)).not.toContain('066085001122');
    expect(view.timeline[0].label).toBe('Nộp hồ sơ trực tiếp tại Bộ phận Một cửa');

    const notMine = await app.server.inject({
      method: 'POST',
      url: '/api/officer/intake',
      headers: { ...officerHeaders(r!), 'idempotency-key': randomUUID() },
      payload: { ...body, fileIds: [randomUUID()] },
    });
    expect(notMine.json().error.code).toBe('INTAKE_FILES_INVALID');
    const badId = await app.server.inject({
      method: 'POST',
      url: '/api/officer/intake',
      headers: { ...officerHeaders(r!), 'idempotency-key': randomUUID() },
      payload: { ...body, applicant: { ...body.applicant, citizenId: '12345' } },
    });
    expect(badId.statusCode).toBe(400);
  });
});
