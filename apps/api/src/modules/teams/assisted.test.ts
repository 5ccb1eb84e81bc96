import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  COMMUNE_A,
  call,
  codeSentFor,
  consentByCode,
  genericProcedure,
  type Member,
  makeMember,
  readyRecord,
  submitRecord,
} from './assisted.test-support';

let app: TestApp;
let procedure: string;
let member: Member;

const resident = { fullName: 'Lò Thị Hoa', phone: '0912 345 678', citizenId: '066190012345' };
const codeUrl = (id: string) => `/api/officer/teams/assist/${id}/consent/code`;
const verifyUrl = (id: string) => `/api/officer/teams/assist/${id}/consent/code/verify`;

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-05-20T02:00:00Z'));
  procedure = await genericProcedure(app);
  member = await makeMember(app);
  // Building the app and picking a procedure takes a while on a busy machine.
}, 180_000);
afterAll(async () => {
  await app.close();
});

async function auditActions(objectId: string): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom('audit_log')
    .select(['action', 'outcome'])
    .where('object_id', '=', objectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => (r.outcome === 'success' ? r.action : `${r.action}:${r.outcome}`));
}

describe('starting an assisted dossier', () => {
  it('keeps a draft for the resident, prefilled, with the ID number masked in the list', async () => {
    const res = await call(app, member, 'POST', '/api/officer/teams/assist', {
      procedureCode: procedure,
      resident,
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      state: 'draft',
      communeCode: COMMUNE_A,
      member: { id: member.memberId, teamName: member.teamName },
      resident: {
        fullName: 'Lò Thị Hoa',
        phoneMasked: '091****678',
        citizenIdMasked: '066*******45',
        accountLinked: false,
      },
      consent: null,
      dossier: null,
    });
    expect(Object.values(view.answers)).toEqual(expect.arrayContaining(['Lò Thị Hoa']));
    expect(view.purpose).toContain('Lò Thị Hoa');
    const row = await app.database.db
      .selectFrom('assisted_submissions')
      .select(['resident_phone', 'resident_citizen_id', 'created_by'])
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    // Stored normalised, the way the outbox addresses a phone, and the ID number as typed.
    expect(row).toEqual({
      resident_phone: '+84912345678',
      resident_citizen_id: '066190012345',
      created_by: member.id,
    });
    const list = await call(app, member, 'GET', '/api/officer/teams/assist');
    const item = list.json().items.find((i: { id: string }) => i.id === view.id);
    expect(item.resident.citizenIdMasked).toBe('066*******45');
    expect(list.body).not.toContain('066190012345');
    expect(await auditActions(view.id)).toEqual(['teams.assist_start']);
  });

  it('refuses a malformed phone or ID number with field messages in Vietnamese', async () => {
    const res = await call(app, member, 'POST', '/api/officer/teams/assist', {
      procedureCode: procedure,
      resident: { fullName: 'Lò Thị Hoa', phone: '12345', citizenId: '0661' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['resident.phone', 'resident.citizenId']));
    expect(res.json().error.fields[0].message).toMatch(/số|Số/);
  });
});

describe('consent before submission', () => {
  it('refuses to submit without consent (409 ASSISTED_CONSENT_REQUIRED), writing nothing', async () => {
    const { id } = await readyRecord(app, member, procedure, resident);
    const before = await app.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await submitRecord(app, member, id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ASSISTED_CONSENT_REQUIRED');
    expect(res.json().error.message).toMatch(/đồng ý/);
    const after = await app.database.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('sends a 6-digit code by SMS through the outbox and keeps only a salted hash', async () => {
    const who = await makeMember(app);
    const { id } = await readyRecord(app, who, procedure, resident);
    const sent = await call(app, who, 'POST', codeUrl(id));
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().pendingCode).toMatchObject({ sentTo: '091****678', attemptsLeft: 5 });
    const expires = new Date(sent.json().pendingCode.expiresAt).getTime();
    expect(expires - app.clock.now().getTime()).toBe(10 * 60_000);
    const code = await codeSentFor(app, id);
    expect(code).toMatch(/^\d{6}$/);
    const outbox = await app.database.db
      .selectFrom('outbox')
      .select(['channel', 'recipient'])
      .where('dedupe_key', 'like', `assisted.code:${id}:%`)
      .executeTakeFirstOrThrow();
    expect(outbox).toEqual({ channel: 'sms', recipient: '+84912345678' });
    const stored = await app.database.db
      .selectFrom('assisted_consent_codes')
      .selectAll()
      .where('assisted_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored.code_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong code, an expired code, and locks a code after five attempts', async () => {
    const m = await makeMember(app);
    const { id } = await readyRecord(app, m, procedure, resident);
    expect((await call(app, m, 'POST', verifyUrl(id), { code: '123456' })).json().error.code).toBe(
      'ASSISTED_CODE_EXPIRED',
    );
    await call(app, m, 'POST', codeUrl(id));
    const code = await codeSentFor(app, id);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const res = await call(app, m, 'POST', verifyUrl(id), { code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ASSISTED_CODE_INVALID');
      expect(res.json().error.message).toContain(`Còn ${5 - attempt} lần`);
    }
    const fifth = await call(app, m, 'POST', verifyUrl(id), { code: wrong });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('ASSISTED_CODE_ATTEMPTS_EXCEEDED');
    // Even the right code is refused now: the code has no attempts left.
    const right = await call(app, m, 'POST', verifyUrl(id), { code });
    expect(right.json().error.code).toBe('ASSISTED_CODE_ATTEMPTS_EXCEEDED');
    expect((await submitRecord(app, m, id)).json().error.code).toBe('ASSISTED_CONSENT_REQUIRED');

    // A new code (after the one-minute wait) works, until it expires ten minutes later.
    app.clock.advance(61_000);
    expect((await call(app, m, 'POST', codeUrl(id))).statusCode).toBe(200);
    const fresh = await codeSentFor(app, id);
    app.clock.advance(10 * 60_000 + 1);
    const late = await call(app, m, 'POST', verifyUrl(id), { code: fresh });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('ASSISTED_CODE_EXPIRED');
    const events = await app.database.db
      .selectFrom('assisted_events')
      .select('type')
      .where('assisted_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events.filter((e) => e.type === 'code_failed')).toHaveLength(5);
    expect(await auditActions(id)).toContain('teams.assist_code_check:failure');
  });

  it('sends at most one code a minute and five an hour', async () => {
    const m = await makeMember(app);
    const { id } = await readyRecord(app, m, procedure, resident);
    expect((await call(app, m, 'POST', codeUrl(id))).statusCode).toBe(200);
    const again = await call(app, m, 'POST', codeUrl(id));
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('ASSISTED_CODE_RATE_LIMITED');
    for (let n = 2; n <= 5; n++) {
      app.clock.advance(61_000);
      expect((await call(app, m, 'POST', codeUrl(id))).statusCode).toBe(200);
    }
    app.clock.advance(61_000);
    expect((await call(app, m, 'POST', codeUrl(id))).json().error.code).toBe(
      'ASSISTED_CODE_RATE_LIMITED',
    );
    // Only the newest code is open; the older ones were closed and their SMS copies redacted.
    const open = await app.database.db
      .selectFrom('assisted_consent_codes')
      .select('id')
      .where('assisted_id', '=', id)
      .where('closed_at', 'is', null)
      .execute();
    expect(open).toHaveLength(1);
    const payloads = await app.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('dedupe_key', 'like', `assisted.code:${id}:%`)
      .execute();
    const codes = payloads.map((p) => (p.payload as { code: string }).code);
    expect(codes.filter((c) => /^\d{6}$/.test(c))).toHaveLength(1);
  });

  it('a change after the consent makes it stale: consent again, then submit', async () => {
    const m = await makeMember(app);
    const { id, answers } = await readyRecord(app, m, procedure, resident);
    await consentByCode(app, m, id);
    const given = await call(app, m, 'GET', `/api/officer/teams/assist/${id}`);
    expect(given.json().consent).toMatchObject({ method: 'otp', valid: true });
    // The name the member typed is corrected after the resident agreed.
    const nameField = Object.keys(answers).find((k) => answers[k] === 'Lò Thị Hoa')!;
    await call(app, m, 'PUT', `/api/officer/teams/assist/${id}`, {
      answers: { ...answers, [nameField]: 'Lò Thị Hoà' },
    });
    const stale = await call(app, m, 'GET', `/api/officer/teams/assist/${id}`);
    expect(stale.json().consent.valid).toBe(false);
    expect((await submitRecord(app, m, id)).json().error.code).toBe('ASSISTED_CONSENT_REQUIRED');
    app.clock.advance(61_000);
    await consentByCode(app, m, id);
    const res = await submitRecord(app, m, id, `again-${id}`);
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('submission with consent', () => {
  it('goes through the normal path; the activity, events and audit rows are written; the resident sees it marked', async () => {
    const m = await makeMember(app);
    const owner = await makeResident(app, {
      fullName: 'Lò Thị Hoa',
      citizenId: '066190054321',
      phone: '0912345679',
      communeCode: COMMUNE_A,
    });
    const { id } = await readyRecord(app, m, procedure, {
      fullName: 'Lò Thị Hoa',
      phone: '0912345679',
      citizenId: '066190054321',
    });
    await consentByCode(app, m, id);
    const consent = await app.database.db
      .selectFrom('assisted_consents')
      .selectAll()
      .where('assisted_id', '=', id)
      .executeTakeFirstOrThrow();
    // The existing account holding this ID number is linked at the consent.
    expect(consent).toMatchObject({
      method: 'otp',
      member_id: m.memberId,
      resident_user_id: owner.id,
      resident_name: 'Lò Thị Hoa',
    });
    expect(consent.purpose).toContain('đồng ý');
    // The code's SMS copy is redacted once used; the receipt SMS is queued.
    const sms = await app.database.db
      .selectFrom('outbox')
      .select(['template', 'payload'])
      .where('dedupe_key', 'like', `assisted.%:${id}:%`)
      .orderBy('created_at')
      .execute();
    expect(sms.map((s) => s.template)).toEqual(['assisted.consent_code', 'assisted.consent_given']);
    expect((sms[0]!.payload as { code: string }).code).toBe('••••••');

    const res = await submitRecord(app, m, id);
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json();
    expect(result.reference).toMatch(/^TN-\d{6}-[2-9A-Z]{6}$/);
    expect(result.receivingUnit.code).toBe(COMMUNE_A);
    const replay = await submitRecord(app, m, id);
    expect(replay.json().dossierId).toBe(result.dossierId);

    const dossier = await app.database.db
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', result.dossierId)
      .executeTakeFirstOrThrow();
    expect(dossier).toMatchObject({
      applicant_user_id: owner.id,
      submitted_by_user_id: m.id,
      applicant_name: 'Lò Thị Hoa',
      applicant_citizen_id: '066190054321',
      applicant_phone: '0912345679',
      channel: 2,
      status_code: 1,
    });
    const event = await app.database.db
      .selectFrom('dossier_events')
      .select(['type', 'actor_kind', 'data'])
      .where('dossier_id', '=', result.dossierId)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      type: 'submitted',
      actor_kind: 'officer',
      data: { assisted: { id, memberId: m.memberId, consentMethod: 'otp' } },
    });
    const files = await app.database.db
      .selectFrom('files')
      .select('bundle_id')
      .where('owner_user_id', '=', m.id)
      .execute();
    expect(files.every((f) => f.bundle_id === `dossier:${result.dossierId}`)).toBe(true);

    // The member's "assisted a submission" activity is logged automatically.
    const activities = await call(
      app,
      m,
      'GET',
      `/api/officer/teams/activities?unitCode=${COMMUNE_A}&kind=assisted_submission`,
    );
    expect(activities.json().items).toEqual([
      expect.objectContaining({
        memberId: m.memberId,
        kind: 'assisted_submission',
        dossierId: result.dossierId,
        residentConsent: true,
        source: 'assisted',
      }),
    ]);
    expect(await auditActions(id)).toEqual([
      'teams.assist_start',
      'teams.assist_code_sent',
      'teams.assist_consent',
      'teams.assist_submit',
    ]);
    const submitAudit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_id', '=', result.dossierId)
      .executeTakeFirstOrThrow();
    expect(submitAudit).toEqual({ action: 'dossier.submit', actor_id: m.id });

    // The resident's own list shows it, marked as assisted by the team.
    const mine = await app.server.inject({ url: '/api/my/dossiers', headers: owner.headers });
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        id: result.dossierId,
        assistedBy: { teamName: m.teamName, communeName: 'Phường Buôn Ma Thuột' },
      }),
    ]);
    const detail = await app.server.inject({
      url: `/api/my/dossiers/${result.dossierId}`,
      headers: owner.headers,
    });
    expect(detail.json().assistedBy.teamName).toBe(m.teamName);

    // Afterwards the member sees its status, not its contents.
    const after = await call(app, m, 'GET', `/api/officer/teams/assist/${id}`);
    expect(after.json()).toMatchObject({
      state: 'submitted',
      answers: {},
      dossier: { id: result.dossierId, statusCode: 1 },
    });
  });
});
