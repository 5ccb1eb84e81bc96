import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, type SignedIn, signInOfficer, type TestOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';
import { ReceptionService } from './reception.service';

// Khai sinh: online channel 1 with no unit → 1 working day.
const BIRTH_CODE = '1.001193';

let app: TestApp;
let birthVersion: number;
let communes: string[];

beforeAll(async () => {
  app = await createTestApp();
  const db = app.database.db;
  const proc = await db
    .selectFrom('procedures')
    .select('current_version')
    .where('code', '=', BIRTH_CODE)
    .executeTakeFirstOrThrow();
  birthVersion = proc.current_version;
  const rows = await db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'commune')
    .orderBy('code')
    .limit(8)
    .execute();
  communes = rows.map((r) => r.code);
  expect(communes.length).toBe(8);
});
afterAll(async () => {
  await app.close();
});

/** An online dossier in status 1, as submission leaves it. */
async function makeDossier(
  unitCode: string,
  overrides: { citizenId?: string | null; statusCode?: number; email?: string | null } = {},
): Promise<string> {
  const id = randomUUID();
  const now = app.clock.now();
  await app.database.db
    .insertInto('dossiers')
    .values({
      id,
      reference: `TN-TEST-${id.slice(0, 8).toUpperCase()}`,
      procedure_code: BIRTH_CODE,
      procedure_version: birthVersion,
      applicant_user_id: null,
      submitted_by_user_id: null,
      receiving_unit_code: unitCode,
      handling_unit_code: unitCode,
      channel: 2,
      status_code: overrides.statusCode ?? 1,
      state: overrides.statusCode && overrides.statusCode !== 1 ? 'accepted' : 'submitted',
      answers: '{}',
      applicant_name: 'H’Hen Niê',
      applicant_citizen_id:
        overrides.citizenId === undefined ? '066190001234' : overrides.citizenId,
      applicant_phone: '0905123456',
      applicant_email: overrides.email === undefined ? 'hhen.nie@example.vn' : overrides.email,
      fee_vnd: null,
      payment_state: 'not_required',
      submitted_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Sets the clock to `at` (Vietnam time) with fresh sessions for the officers signed in there. */
async function at(iso: string, ...officers: TestOfficer[]): Promise<SignedIn[]> {
  const target = new Date(iso);
  app.clock.set(new Date(target.getTime() - 5 * 60_000));
  const sessions: SignedIn[] = [];
  for (const o of officers) sessions.push(await signInOfficer(app, o));
  app.clock.set(target);
  return sessions;
}

function accept(who: SignedIn, id: string, expectedRowVersion = 1) {
  return app.server.inject({
    method: 'POST',
    url: `/api/officer/dossiers/${id}/accept`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    payload: { expectedRowVersion },
  });
}

async function receiver(unitCode: string) {
  return makeOfficer(app, [{ role: 'receiving_officer', unitCode }]);
}

describe('accepting a dossier issues the official code', () => {
  it('numbers per unit and per Vietnam day, from 0001', async () => {
    const [a, b] = [communes[0]!, communes[1]!];
    await app.database.db
      .updateTable('units')
      .set({ identifier: 'H15.50.05.13' })
      .where('code', '=', a)
      .execute();
    const officerA = await receiver(a);
    const officerB = await receiver(b);
    const [sa] = await at('2026-10-08T09:00:00+07:00', officerA);
    const first = await accept(sa!, await makeDossier(a));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      code: 'H15.50.05.13-261008-0001',
      statusCode: 2,
      rowVersion: 2,
    });
    const second = await accept(sa!, await makeDossier(a));
    expect(second.json().code).toBe('H15.50.05.13-261008-0002');

    // 00:30 on 9/10 in Vietnam is still 8/10 in UTC: the day follows Asia/Ho_Chi_Minh.
    const [sa2, sb] = await at('2026-10-09T00:30:00+07:00', officerA, officerB);
    expect((await accept(sa2!, await makeDossier(a))).json().code).toBe('H15.50.05.13-261009-0001');
    // A unit without an identifier gets a visibly fake one in demo mode.
    expect((await accept(sb!, await makeDossier(b))).json().code).toBe(`DEMO66.${b}-261009-0001`);
  });

  it('50 parallel accepts in one unit and day get 50 distinct consecutive codes', async () => {
    const unit = communes[2]!;
    const officer = await receiver(unit);
    const [s] = await at('2026-10-12T10:00:00+07:00', officer);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await makeDossier(unit));
    const results = await Promise.all(ids.map((id) => accept(s!, id)));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => Number((r.json().code as string).slice(-4)));
    expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.json().code)).size).toBe(50);
  });

  it('two officers accepting the same dossier at once: one wins, one code consumed', async () => {
    const unit = communes[3]!;
    const o1 = await receiver(unit);
    const o2 = await makeOfficer(app, [{ role: 'unit_leader', unitCode: unit }]);
    const [s1, s2] = await at('2026-10-13T10:00:00+07:00', o1, o2);
    const id = await makeDossier(unit);
    const results = await Promise.all([accept(s1!, id), accept(s2!, id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.code).toBe('DOSSIER_CHANGED');
    const seq = await app.database.db
      .selectFrom('dossier_code_seq')
      .select('last_number')
      .where('unit_code', '=', unit)
      .where('day', '=', '2026-10-13')
      .executeTakeFirstOrThrow();
    expect(seq.last_number).toBe(1);
    const events = await app.database.db
      .selectFrom('dossier_events')
      .select('type')
      .where('dossier_id', '=', id)
      .where('type', '=', 'accepted')
      .execute();
    expect(events).toHaveLength(1);
    // A stale row version is refused without changing anything.
    const stale = await makeDossier(unit);
    const r = await accept(s1!, stale, 7);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('DOSSIER_CHANGED');
  });

  it('refuses a dossier that is not waiting for reception', async () => {
    const unit = communes[3]!;
    const officer = await receiver(unit);
    const [s] = await at('2026-10-14T10:00:00+07:00', officer);
    const res = await accept(s!, await makeDossier(unit, { statusCode: 4 }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DOSSIER_STATE_CONFLICT');
    expect(res.json().error.message).toMatch(/Mới đăng ký/);
  });

  it('hides foreign dossiers (404) and refuses readers without the permission (403)', async () => {
    const unit = communes[4]!;
    const foreign = await receiver(communes[5]!);
    const specialist = await makeOfficer(app, [{ role: 'specialist', unitCode: unit }]);
    const [sf, ss] = await at('2026-10-14T10:00:00+07:00', foreign, specialist);
    const id = await makeDossier(unit);
    const r404 = await accept(sf!, id);
    expect(r404.statusCode).toBe(404);
    expect(r404.json().error.code).toBe('DOSSIER_NOT_FOUND');
    expect((await accept(sf!, randomUUID())).statusCode).toBe(404);
    const r403 = await accept(ss!, id);
    expect(r403.statusCode).toBe(403);
    const row = await app.database.db
      .selectFrom('dossiers')
      .select(['status_code', 'code', 'row_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status_code: 1, code: null, row_version: 1 });
  });

  it('computes the due date across the 30/4–1/5 holidays and notifies with the code', async () => {
    const unit = communes[6]!;
    const officer = await receiver(unit);
    const [s] = await at('2026-04-29T14:59:00+07:00', officer);
    const id = await makeDossier(unit);
    const res = await accept(s!, id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.dueAt.slice(0, 10)).toBe('2026-05-04');
    const outbox = await app.database.db
      .selectFrom('outbox')
      .select(['channel', 'recipient', 'template', 'payload', 'dedupe_key'])
      .where('dedupe_key', 'like', `dossier.accepted:${id}:%`)
      .orderBy('channel')
      .execute();
    expect(outbox.map((o) => o.channel)).toEqual(['email', 'sms']);
    const email = outbox[0]!;
    expect(email.template).toBe('dossier.accepted');
    expect(email.dedupe_key).toBe(`dossier.accepted:${id}:email`);
    expect(email.payload).toMatchObject({ dossierCode: body.code, dueDate: '2026-05-04' });
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('dossier.accept');
    const tracking = await app.database.db
      .selectFrom('dossiers')
      .select(['state', 'status_code', 'code'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(tracking).toEqual({ state: 'accepted', status_code: 2, code: body.code });
  });

  it('in production refuses a unit without an identifier and consumes no number', async () => {
    const unit = communes[7]!;
    const officer = await receiver(unit);
    await at('2026-10-15T10:00:00+07:00');
    const db = app.database.db;
    const production = new ReceptionService({
      db,
      clock: app.clock,
      policy: app.services.policy,
      calendar: new CalendarService({
        db,
        repository: new CalendarRepository(db),
        clock: app.clock,
        policy: app.services.policy,
      }),
      mode: 'production',
      sinks: [],
    });
    const actor = {
      kind: 'officer' as const,
      userId: officer.id,
      sessionIdHash: 'x',
      csrfToken: 'x',
      grants: [{ role: 'receiving_officer' as const, unitCode: unit }],
      activeUnitCode: unit,
    };
    const id = await makeDossier(unit);
    await expect(production.accept(actor, id, 1, 'req-1')).rejects.toMatchObject({
      code: 'UNIT_IDENTIFIER_MISSING',
      status: 409,
    });
    const seq = await db
      .selectFrom('dossier_code_seq')
      .selectAll()
      .where('unit_code', '=', unit)
      .execute();
    expect(seq).toEqual([]);
  });
});

describe('reception queue', () => {
  it('lists only status-1 dossiers of the unit, oldest first, with masked ID numbers', async () => {
    const unit = communes[5]!;
    const other = communes[4]!;
    const officer = await receiver(unit);
    const outsider = await receiver(communes[0]!);
    const [s, so] = await at('2026-10-16T08:00:00+07:00', officer, outsider);
    const older = await makeDossier(unit);
    app.clock.advance(60_000);
    const newer = await makeDossier(unit, { citizenId: null });
    await makeDossier(unit, { statusCode: 2 });
    await makeDossier(other);
    const res = await app.server.inject({
      url: `/api/officer/reception?unitCode=${unit}`,
      headers: { cookie: s!.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; applicantCitizenIdMasked: string | null }[];
    const mine = items.filter((i) => i.id === older || i.id === newer);
    expect(items.map((i) => i.id)).toEqual(mine.map((i) => i.id));
    expect(items.map((i) => i.id).slice(-2)).toEqual([older, newer]);
    expect(items.find((i) => i.id === older)).toMatchObject({
      applicantCitizenIdMasked: '066*******34',
      procedureCode: BIRTH_CODE,
      channel: 2,
      rowVersion: 1,
    });
    expect(res.body).not.toContain('066190001234');
    expect(items.find((i) => i.id === newer)!.applicantCitizenIdMasked).toBeNull();
    const denied = await app.server.inject({
      url: `/api/officer/reception?unitCode=${unit}`,
      headers: { cookie: so!.cookie },
    });
    expect(denied.statusCode).toBe(403);
  });
});
