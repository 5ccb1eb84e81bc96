import { randomUUID } from 'node:crypto';
import { type FormSchema, isFormFieldVisible } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, makeResident, signInOfficer, type TestResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { pdfBytes } from '../files/files.test-fixtures';
import { upload } from '../files/files.test-helpers';

let app: TestApp;
let resident: TestResident;
// A procedure offered online whose form is the generic one (identity + request + documents).
let genericCode: string;

beforeAll(async () => {
  app = await createTestApp();
  resident = await makeResident(app, {
    fullName: 'Trần Thị Mai',
    communeCode: '24133',
    phone: '0905123456',
    citizenId: '066190001234',
  });
  const list = await app.server.inject({ url: '/api/procedures?level=xa&online=true&limit=100' });
  for (const item of (list.json().items as { code: string; centralBranch: boolean }[]).filter(
    (i) => !i.centralBranch,
  )) {
    const form = (
      await app.server.inject({ url: `/api/procedures/${item.code}/form` })
    ).json() as FormSchema;
    if (form.origin === 'generic' && form.documents.some((d) => d.required)) {
      genericCode = item.code;
      break;
    }
  }
  expect(genericCode).toBeTruthy();
});
afterAll(async () => {
  await app.close();
});

function leafFields(form: FormSchema) {
  return form.fields.flatMap((f) =>
    'fields' in f && Array.isArray(f.fields) ? f.fields : [f],
  ) as {
    name: string;
    type: string;
    required?: boolean;
    options?: { value: string }[];
  }[];
}

/** Plausible answers for every field of a generic form, by type. */
function answersFor(form: FormSchema, prefilled: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...prefilled };
  for (const f of leafFields(form)) {
    if (answers[f.name] !== undefined && answers[f.name] !== '') continue;
    const sample: Record<string, unknown> = {
      text: 'Nguyễn Văn An',
      textarea: 'Đề nghị giải quyết theo quy định.',
      date: '1990-05-17',
      citizen_id: '066090001234',
      phone: '0905123456',
      email: 'an@example.vn',
      unit: '24133',
      address: 'Thôn 3, Phường Buôn Ma Thuột',
      number: 1,
      checkbox: true,
    };
    answers[f.name] = f.options?.length ? f.options[0]!.value : (sample[f.type] ?? 'Nội dung');
  }
  return answers;
}

async function startDraft(who: TestResident, code: string) {
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/drafts',
    headers: who.headers,
    payload: { procedureCode: code },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; answers: Record<string, unknown> };
}

async function readyDraft(who: TestResident) {
  const draft = await startDraft(who, genericCode);
  const form = (
    await app.server.inject({ url: `/api/procedures/${genericCode}/form` })
  ).json() as FormSchema;
  const saved = await app.server.inject({
    method: 'PUT',
    url: `/api/drafts/${draft.id}`,
    headers: who.headers,
    payload: { answers: answersFor(form, draft.answers), currentStep: form.steps.at(-1)!.id },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const answers = answersFor(form, draft.answers);
  for (const doc of form.documents.filter((d) => d.required && isFormFieldVisible(d, answers))) {
    const res = await upload(
      app,
      { id: '', headers: who.headers },
      { name: `${doc.id}.pdf`, type: 'application/pdf', data: pdfBytes() },
      { bundleId: `draft:${draft.id}`, purpose: doc.id },
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  return draft;
}

function submit(who: TestResident, draftId: string, key: string | null, payload: object = {}) {
  return app.server.inject({
    method: 'POST',
    url: `/api/drafts/${draftId}/submit`,
    headers: { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });
}

describe('drafts', () => {
  it('starts the khai sinh form prefilled from the signed-in identity', async () => {
    const draft = await startDraft(resident, '1.001193');
    expect(Object.values(draft.answers)).toEqual(expect.arrayContaining(['Trần Thị Mai']));
  });

  it('saves as the resident goes and resumes from another device', async () => {
    const draft = await startDraft(resident, genericCode);
    await app.server.inject({
      method: 'PUT',
      url: `/api/drafts/${draft.id}`,
      headers: resident.headers,
      payload: { answers: { ghiChu: 'đang soạn dở' }, currentStep: 'buoc-2' },
    });
    const sameUserOtherSession = await app.services.sessions.create(resident.id);
    const res = await app.server.inject({
      url: `/api/drafts/${draft.id}`,
      headers: { cookie: `cqs_sid=${sameUserOtherSession.cookieValue}` },
    });
    expect(res.json()).toMatchObject({
      answers: { ghiChu: 'đang soạn dở' },
      currentStep: 'buoc-2',
    });
  });

  it("hides another resident's draft (404, not 403)", async () => {
    const draft = await startDraft(resident, genericCode);
    const other = await makeResident(app);
    const res = await app.server.inject({ url: `/api/drafts/${draft.id}`, headers: other.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DRAFT_NOT_FOUND');
  });

  it('refuses a procedure that is not offered online and an unknown procedure', async () => {
    const list = await app.server.inject({ url: '/api/procedures?online=false&limit=1' });
    const offline = list.json().items[0].code as string;
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/drafts',
      headers: resident.headers,
      payload: { procedureCode: offline },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROCEDURE_NOT_ONLINE');
    const unknown = await app.server.inject({
      method: 'POST',
      url: '/api/drafts',
      headers: resident.headers,
      payload: { procedureCode: '9.999999' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('submission', () => {
  it('requires an Idempotency-Key', async () => {
    const draft = await readyDraft(resident);
    const res = await submit(resident, draft.id, null);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });

  it('refuses missing answers with messages next to the fields, and writes nothing', async () => {
    const draft = await startDraft(resident, genericCode);
    await app.server.inject({
      method: 'PUT',
      url: `/api/drafts/${draft.id}`,
      headers: resident.headers,
      payload: { answers: {} },
    });
    const res = await submit(resident, draft.id, randomUUID());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FORM_INVALID');
    expect(res.json().error.fields.length).toBeGreaterThan(0);
    const draftRow = await app.database.db
      .selectFrom('drafts')
      .select('submitted_dossier_id')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(draftRow.submitted_dossier_id).toBeNull();
  });

  it('refuses a submission without the required documents', async () => {
    const draft = await startDraft(resident, genericCode);
    const form = (
      await app.server.inject({ url: `/api/procedures/${genericCode}/form` })
    ).json() as FormSchema;
    await app.server.inject({
      method: 'PUT',
      url: `/api/drafts/${draft.id}`,
      headers: resident.headers,
      payload: { answers: answersFor(form, draft.answers) },
    });
    const res = await submit(resident, draft.id, randomUUID());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('DOCUMENTS_MISSING');
    expect(res.json().error.fields[0].path).toMatch(/^documents\./);
  });

  it('submits: temporary reference at once, right receiving unit, event, audit, outbox, files moved', async () => {
    const draft = await readyDraft(resident);
    const res = await submit(resident, draft.id, randomUUID());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.reference).toMatch(/^TN-\d{6}-[2-9A-HJKMNP-Z]{6}$/);
    expect(body).toMatchObject({
      statusCode: 1,
      statusLabel: 'Mới đăng ký',
      receivingUnit: { code: '24133', name: 'Phường Buôn Ma Thuột' },
    });
    const db = app.database.db;
    const events = await db
      .selectFrom('dossier_events')
      .select(['type', 'public'])
      .where('dossier_id', '=', body.dossierId)
      .execute();
    expect(events).toEqual([{ type: 'submitted', public: true }]);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', body.dossierId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('dossier.submit');
    const outbox = await db
      .selectFrom('outbox')
      .select(['channel', 'template'])
      .where('dedupe_key', 'like', `dossier.received:${body.dossierId}:%`)
      .execute();
    expect(outbox.map((o) => o.channel).sort()).toEqual(['email', 'sms']);
    const files = await db
      .selectFrom('files')
      .select('bundle_id')
      .where('owner_user_id', '=', resident.id)
      .where('bundle_id', '=', `dossier:${body.dossierId}`)
      .execute();
    expect(files.length).toBeGreaterThan(0);
    const stored = await db
      .selectFrom('dossiers')
      .select(['procedure_version', 'channel'])
      .where('id', '=', body.dossierId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ procedure_version: 1, channel: 2 });
  });

  it('creates exactly one dossier for 20 parallel submissions with the same key', async () => {
    const draft = await readyDraft(resident);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => submit(resident, draft.id, key)),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.json().reference)).size).toBe(1);
    const dossiers = await app.database.db
      .selectFrom('drafts')
      .innerJoin('dossiers', 'dossiers.id', 'drafts.submitted_dossier_id')
      .select('dossiers.id')
      .where('drafts.id', '=', draft.id)
      .execute();
    expect(dossiers).toHaveLength(1);
  });

  it('refuses the same key with another body, and a second submission of the same draft', async () => {
    const draft = await readyDraft(resident);
    const key = randomUUID();
    expect((await submit(resident, draft.id, key)).statusCode).toBe(201);
    const otherBody = await submit(resident, draft.id, key, { receivingUnitCode: '22015' });
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const again = await submit(resident, draft.id, randomUUID());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DRAFT_ALREADY_SUBMITTED');
  });

  it('asks for the commune when the resident has none on record', async () => {
    const noCommune = await makeResident(app, { communeCode: null });
    const draft = await readyDraft(noCommune);
    const res = await submit(noCommune, draft.id, randomUUID());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code, res.body).toBe('RECEIVING_UNIT_REQUIRED');
    const chosen = await submit(noCommune, draft.id, randomUUID(), { receivingUnitCode: '22015' });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().receivingUnit.code).toBe('22015');
  });
});

describe('tracking and my dossiers', () => {
  let reference: string;
  let dossierId: string;
  beforeAll(async () => {
    const draft = await readyDraft(resident);
    const res = await submit(resident, draft.id, randomUUID());
    reference = res.json().reference;
    dossierId = res.json().dossierId;
  });

  it('finds a dossier by code and the last 4 digits of the phone or ID number, ignoring case and spaces', async () => {
    for (const last4 of ['3456', '1234']) {
      const res = await app.server.inject({
        url: `/api/tracking?code=${encodeURIComponent(` ${reference.toLowerCase()} `)}&last4=${last4}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        reference,
        statusLabel: 'Mới đăng ký',
        timeline: [{ type: 'submitted' }],
      });
      expect(res.body).not.toContain('Trần Thị Mai');
      expect(res.body).not.toContain('0905123456');
    }
  });

  it('answers a wrong last 4 digits exactly like an unknown code', async () => {
    const wrong = await app.server.inject({ url: `/api/tracking?code=${reference}&last4=0000` });
    const unknown = await app.server.inject({
      url: '/api/tracking?code=TN-000000-AAAAAA&last4=3456',
    });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('rate-limits the public look-up', async () => {
    const limited = await createTestApp({
      env: { TRACKING_RATE_LIMIT_PER_MINUTE: '3' },
      database: app.database,
      clock: app.clock,
    });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (await limited.server.inject({ url: `/api/tracking?code=${reference}&last4=0000` }))
            .statusCode,
        );
      expect(codes).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.server.close();
    }
  });

  it("lists the resident's own dossiers with a timeline; others get 404", async () => {
    const mine = await app.server.inject({ url: '/api/my/dossiers', headers: resident.headers });
    expect(mine.json().items.map((d: { id: string }) => d.id)).toContain(dossierId);
    const detail = await app.server.inject({
      url: `/api/my/dossiers/${dossierId}`,
      headers: resident.headers,
    });
    expect(detail.json()).toMatchObject({
      reference,
      nextStep: expect.stringContaining('Phường Buôn Ma Thuột'),
      rating: null,
    });
    const other = await makeResident(app);
    expect(
      (await app.server.inject({ url: `/api/my/dossiers/${dossierId}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    const otherList = await app.server.inject({ url: '/api/my/dossiers', headers: other.headers });
    expect(otherList.json().items).toEqual([]);
  });

  it("lets officers of the receiving unit read the dossier's documents, and nobody else", async () => {
    const file = await app.database.db
      .selectFrom('files')
      .select('id')
      .where('bundle_id', '=', `dossier:${dossierId}`)
      .executeTakeFirstOrThrow();
    const here = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'receiving_officer', unitCode: '24133' }]),
    );
    const elsewhere = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'receiving_officer', unitCode: '22015' }]),
    );
    const province = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
    );
    const read = (cookie: string) =>
      app.server.inject({ url: `/api/files/${file.id}`, headers: { cookie } });
    expect((await read(here.cookie)).statusCode).toBe(200);
    expect((await read(province.cookie)).statusCode).toBe(200);
    expect((await read(elsewhere.cookie)).statusCode).toBe(404);
    const other = await makeResident(app);
    expect((await read(other.headers.cookie!)).statusCode).toBe(404);
    expect((await read(resident.headers.cookie!)).statusCode).toBe(200);
  });

  it('takes a 1–5 star rating only after the result, once', async () => {
    const early = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${dossierId}/rating`,
      headers: resident.headers,
      payload: { stars: 5 },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('RATING_NOT_ALLOWED');
    await app.database.db
      .updateTable('dossiers')
      .set({ status_code: 10 })
      .where('id', '=', dossierId)
      .execute();
    const bad = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${dossierId}/rating`,
      headers: resident.headers,
      payload: { stars: 6 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe('Chọn từ 1 đến 5 sao');
    const ok = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${dossierId}/rating`,
      headers: resident.headers,
      payload: { stars: 4, comment: 'Cán bộ hướng dẫn tận tình' },
    });
    expect(ok.statusCode).toBe(201);
    const twice = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${dossierId}/rating`,
      headers: resident.headers,
      payload: { stars: 1 },
    });
    expect(twice.json().error.code).toBe('RATING_EXISTS');
    const detail = await app.server.inject({
      url: `/api/my/dossiers/${dossierId}`,
      headers: resident.headers,
    });
    expect(detail.json().rating).toEqual({ stars: 4, comment: 'Cán bộ hướng dẫn tận tình' });
  });
});
