import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { decisionPdf } from '../results/results.test-helpers';
import {
  act,
  at,
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
  communes = await communesFrom(app, 20);
});

afterAll(async () => {
  await app.close();
});

async function dossierRow(id: string) {
  return app.database.db
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function outboxTemplates(id: string): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom('outbox')
    .select(['template', 'dedupe_key'])
    .where('dedupe_key', 'like', `%${id}%`)
    .where('channel', '=', 'email')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.template);
}

describe('one dossier from acceptance to the returned result', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await makeDesk(app, communes[0]!);
  });

  it('accept → assign → supplement (clock paused) → resubmit → sign → download returns it', async () => {
    const [r, l] = await at(app, '2026-04-29T14:00:00+07:00', desk.receiver, desk.leader);
    const { id, resident } = await submittedDossier(app, desk.unit);

    // Accepted Wed 29/4 14:00 with 1 working day: 30/4 and 1/5 are holidays, 2–3/5 a weekend.
    const accepted = await act(app, r!, id, { action: 'accept', expectedRowVersion: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      statusCode: 2,
      dueAt: '2026-05-04T17:00:00+07:00',
      rowVersion: 2,
    });
    // The receiving officer cannot assign: that is the leader's.
    expect(accepted.json().allowedActions.map((a: { name: string }) => a.name)).not.toContain(
      'assign',
    );

    const leaderView = await workspace(app, l!, id);
    const assign = leaderView.allowedActions.find((a: { name: string }) => a.name === 'assign');
    expect(assign).toMatchObject({ fields: ['assigneeId', 'stepWorkingDays'] });
    const assigned = await act(app, l!, id, {
      action: 'assign',
      expectedRowVersion: 2,
      assigneeId: desk.specialist.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      statusCode: 4,
      state: 'processing',
      step: 'appraisal',
      assignee: { id: desk.specialist.id },
      stepDueAt: '2026-05-04T17:00:00+07:00',
    });

    // Mon 4/5 09:00: the specialist asks for a supplement (form 02); the clock stops.
    const [s1] = await at(app, '2026-05-04T09:00:00+07:00', desk.specialist);
    const supplement = await act(app, s1!, id, {
      action: 'request_supplement',
      expectedRowVersion: 3,
      reason: 'Bản sao giấy chứng sinh bị mờ',
      documents: ['Giấy chứng sinh (bản sao rõ nét)'],
    });
    expect(supplement.statusCode, supplement.body).toBe(200);
    expect(supplement.json()).toMatchObject({
      statusCode: 5,
      band: 'paused',
      pausedSince: '2026-05-04T09:00:00+07:00',
      supplementRequests: 1,
      countedLate: false,
      forms: expect.arrayContaining(['01', '02']),
    });

    let headers = await residentHeaders(app, resident.id);
    const mine = await app.server.inject({
      method: 'GET',
      url: `/api/my/dossiers/${id}`,
      headers,
    });
    expect(mine.json()).toMatchObject({
      statusCode: 5,
      pendingRequest: {
        kind: 'supplement',
        note: 'Bản sao giấy chứng sinh bị mờ',
        documents: ['Giấy chứng sinh (bản sao rõ nét)'],
      },
      canWithdraw: true,
      result: null,
    });

    // Wed 6/5 10:00 the resident resubmits. No working day was used before the pause (30/4–3/5
    // are days off), so the one day counts again from 6/5 (day 0) → due Thu 7/5 17:00.
    app.clock.set(new Date('2026-05-06T10:00:00+07:00'));
    headers = await residentHeaders(app, resident.id);
    const empty = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${id}/resubmit`,
      headers,
      payload: {},
    });
    expect(empty.json().error.code).toBe('NOTHING_TO_RESUBMIT');
    const fileId = await uploadPdf(app, headers, `supplement:${id}`, 'bo-sung');
    const resubmitted = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${id}/resubmit`,
      headers,
      payload: { fileIds: [fileId], note: 'Đã bổ sung bản rõ nét' },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const [s2, l2] = await at(app, '2026-05-06T10:30:00+07:00', desk.specialist, desk.leader);
    const afterResubmit = await workspace(app, s2!, id);
    expect(afterResubmit).toMatchObject({
      statusCode: 4,
      step: 'appraisal',
      dueAt: '2026-05-07T17:00:00+07:00',
      pausedSince: null,
    });
    expect(afterResubmit.documents.map((d: { id: string }) => d.id)).toContain(fileId);

    // The specialist drafts the result and submits it; the leader signs it.
    const draft = await uploadPdf(
      app,
      officerHeaders(s2!),
      `result:${id}`,
      'result',
      await decisionPdf(),
    );
    const submitted = await act(app, s2!, id, {
      action: 'submit_for_signature',
      expectedRowVersion: afterResubmit.rowVersion,
      resultFileId: draft,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'awaiting_signature', statusCode: 4 });

    // The leader sees and opens the drafted result before signing it.
    const toSign = await workspace(app, l2!, id);
    expect(toSign.documents.map((d: { id: string }) => d.id)).toContain(draft);
    const opened = await app.server.inject({
      method: 'GET',
      url: `/api/files/${draft}`,
      headers: { cookie: l2!.cookie },
    });
    expect(opened.statusCode).toBe(200);

    // The specialist may not sign; the leader may.
    const notTheirs = await act(app, s2!, id, {
      action: 'sign',
      expectedRowVersion: submitted.json().rowVersion,
    });
    expect(notTheirs.statusCode).toBe(403);
    expect(notTheirs.json().error.code).toBe('ROLE_NOT_ALLOWED');
    const signed = await act(app, l2!, id, {
      action: 'sign',
      expectedRowVersion: submitted.json().rowVersion,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ statusCode: 9, outcome: 'approved' });
    const resultId = signed.json().resultId as string;
    expect(resultId).toMatch(/^[0-9a-f-]{36}$/);

    // The resident downloads the stamped result: an online dossier is thereby returned (9 → 10).
    headers = await residentHeaders(app, resident.id);
    const download = await app.server.inject({
      method: 'GET',
      url: `/api/my/dossiers/${id}/result`,
      headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verify = await app.server.inject({ method: 'GET', url: `/api/results/${resultId}` });
    expect(verify.json()).toMatchObject({ signatureValid: true, revoked: false });
    const row = await dossierRow(id);
    expect(row).toMatchObject({ status_code: 10, state: 'returned', return_channel: 'online' });

    expect(await eventTypes(app, id)).toEqual([
      'submitted',
      'accepted',
      'assign',
      'request_supplement',
      'resubmit',
      'submit_for_signature',
      'sign',
      'return_result',
    ]);
    // The resident was told at each public step, once per step.
    expect(await outboxTemplates(id)).toEqual([
      'dossier.accepted',
      'dossier.supplement_requested',
      'dossier.result_ready',
    ]);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'dossier.accept',
      'dossier.assign',
      'dossier.request_supplement',
      'dossier.resubmit',
      'dossier.submit_for_signature',
      'dossier.sign',
      'dossier.return_result',
    ]);
  });
});

describe('refusals change nothing', () => {
  let desk: Desk;
  let stranger: Desk;
  beforeAll(async () => {
    desk = await makeDesk(app, communes[1]!);
    stranger = await makeDesk(app, communes[2]!);
  });

  async function unchanged(id: string, version: number, events: number) {
    const row = await dossierRow(id);
    expect(row.row_version).toBe(version);
    expect((await eventTypes(app, id)).length).toBe(events);
  }

  it('wrong state, wrong role, wrong unit, not the assignee, stale version, missing reason', async () => {
    const [r, l, s, other, foreign] = await at(
      app,
      '2026-10-14T09:00:00+07:00',
      desk.receiver,
      desk.leader,
      desk.specialist,
      desk.otherSpecialist,
      stranger.leader,
    );
    const { id } = await submittedDossier(app, desk.unit);
    const signEarly = await act(app, l!, id, { action: 'sign', expectedRowVersion: 1 });
    expect([signEarly.statusCode, signEarly.json().error.code]).toEqual([
      409,
      'ACTION_NOT_ALLOWED_IN_STATE',
    ]);
    const foreignTry = await act(app, foreign!, id, { action: 'accept', expectedRowVersion: 1 });
    expect([foreignTry.statusCode, foreignTry.json().error.code]).toEqual([
      404,
      'DOSSIER_NOT_FOUND',
    ]);
    const noReason = await act(app, r!, id, { action: 'refuse_to_accept', expectedRowVersion: 1 });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'REASON_REQUIRED']);
    const unknown = await act(app, r!, id, { action: 'teleport', expectedRowVersion: 1 });
    expect(unknown.json().error.code).toBe('ACTION_UNKNOWN');
    await unchanged(id, 1, 1);

    expect((await act(app, r!, id, { action: 'accept', expectedRowVersion: 1 })).statusCode).toBe(
      200,
    );
    const stale = await act(app, l!, id, {
      action: 'assign',
      expectedRowVersion: 1,
      assigneeId: desk.specialist.id,
    });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'DOSSIER_CHANGED']);
    const notSpecialist = await act(app, l!, id, {
      action: 'assign',
      expectedRowVersion: 2,
      assigneeId: desk.receiver.id,
    });
    expect(notSpecialist.json().error.code).toBe('ASSIGNEE_INVALID');
    const receiverAssigns = await act(app, r!, id, {
      action: 'assign',
      expectedRowVersion: 2,
      assigneeId: desk.specialist.id,
    });
    expect([receiverAssigns.statusCode, receiverAssigns.json().error.code]).toEqual([
      403,
      'ROLE_NOT_ALLOWED',
    ]);
    await unchanged(id, 2, 2);

    await act(app, l!, id, {
      action: 'assign',
      expectedRowVersion: 2,
      assigneeId: desk.specialist.id,
    });
    const intruder = await act(app, other!, id, {
      action: 'request_supplement',
      expectedRowVersion: 3,
      reason: 'Thiếu giấy tờ',
      documents: ['Tờ khai'],
    });
    expect([intruder.statusCode, intruder.json().error.code]).toEqual([403, 'NOT_ASSIGNED_TO_YOU']);
    expect((await workspace(app, other!, id)).allowedActions).toEqual([]);
    const noDocuments = await act(app, s!, id, {
      action: 'request_supplement',
      expectedRowVersion: 3,
      reason: 'Thiếu giấy tờ',
    });
    expect(noDocuments.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'documents' }],
    });
    await unchanged(id, 3, 3);
  });

  it('two officers acting at once: one wins, the other gets a conflict', async () => {
    const [l, s] = await at(app, '2026-10-15T09:00:00+07:00', desk.leader, desk.specialist);
    const [r] = await at(app, '2026-10-15T09:00:00+07:00', desk.receiver);
    const { id } = await submittedDossier(app, desk.unit);
    await act(app, r!, id, { action: 'accept', expectedRowVersion: 1 });
    await act(app, l!, id, {
      action: 'assign',
      expectedRowVersion: 2,
      assigneeId: desk.specialist.id,
    });
    const answers = await Promise.all([
      act(app, s!, id, { action: 'submit_for_signature', expectedRowVersion: 3 }),
      act(app, l!, id, { action: 'stop', expectedRowVersion: 3, reason: 'Người dân đề nghị dừng' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('DOSSIER_CHANGED');
    expect((await dossierRow(id)).row_version).toBe(4);
    expect((await eventTypes(app, id)).length).toBe(4);
  });
});
