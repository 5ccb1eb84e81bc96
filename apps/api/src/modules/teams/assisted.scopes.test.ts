import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident, type TestResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  COMMUNE_A,
  COMMUNE_B,
  call,
  consentByCode,
  genericProcedure,
  type Member,
  makeMember,
  readyRecord,
  signedIn,
  submitRecord,
} from './assisted.test-support';

let app: TestApp;
let procedure: string;
let memberA: Member;
let memberB: Member;
let resident: TestResident;
/** Member A's record (submitted) and member B's record (submitted) for the same resident. */
let recordA: string;
let dossierA: string;
let recordB: string;
let dossierB: string;

const person = { fullName: 'Hoàng Thị Lụa', phone: '0987654321', citizenId: '066190077777' };

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-05-20T02:00:00Z'));
  procedure = await genericProcedure(app);
  memberA = await makeMember(app);
  memberB = await makeMember(app);
  resident = await makeResident(app, {
    fullName: person.fullName,
    citizenId: person.citizenId,
    phone: person.phone,
    communeCode: COMMUNE_A,
  });
  recordA = (await readyRecord(app, memberA, procedure, person)).id;
  await consentByCode(app, memberA, recordA);
  dossierA = (await submitRecord(app, memberA, recordA)).json().dossierId;
  recordB = (await readyRecord(app, memberB, procedure, person)).id;
  await consentByCode(app, memberB, recordB);
  dossierB = (await submitRecord(app, memberB, recordB)).json().dossierId;
  expect(dossierA).toBeTruthy();
  expect(dossierB).toBeTruthy();
  // Building the app and picking a procedure takes a while on a busy machine.
}, 180_000);
afterAll(async () => {
  await app.close();
});

describe('a member sees only the dossiers they assisted', () => {
  it("lists only the member's own records", async () => {
    const a = await call(app, memberA, 'GET', '/api/officer/teams/assist');
    expect(a.json().items.map((i: { id: string }) => i.id)).toEqual([recordA]);
    const b = await call(app, memberB, 'GET', '/api/officer/teams/assist');
    expect(b.json().items.map((i: { id: string }) => i.id)).toEqual([recordB]);
  });

  it("answers 404 for another member's record, whatever the action", async () => {
    const draft = (await readyRecord(app, memberB, procedure, person)).id;
    const base = `/api/officer/teams/assist`;
    const attempts = [
      call(app, memberA, 'GET', `${base}/${recordB}`),
      call(app, memberA, 'GET', `${base}/${draft}`),
      call(app, memberA, 'PUT', `${base}/${draft}`, { answers: {} }),
      call(app, memberA, 'POST', `${base}/${draft}/consent/code`),
      call(app, memberA, 'POST', `${base}/${draft}/consent/code/verify`, { code: '123456' }),
      call(app, memberA, 'POST', `${base}/${draft}/cancel`),
      call(app, memberA, 'GET', `${base}/${draft}/consent/sign-in`),
      submitRecord(app, memberA, draft),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ASSISTED_NOT_FOUND');
    }
    // Nothing happened to member B's draft.
    const events = await app.database.db
      .selectFrom('assisted_events')
      .select('type')
      .where('assisted_id', '=', draft)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['started']);
  });

  it("never reads the resident's dossiers through the officer or resident routes", async () => {
    for (const id of [dossierA, dossierB]) {
      const workspace = await call(app, memberA, 'GET', `/api/officer/dossiers/${id}`);
      expect([403, 404]).toContain(workspace.statusCode);
    }
    const mine = await call(app, memberA, 'GET', '/api/my/dossiers');
    expect(mine.statusCode).toBe(403);
    const one = await call(app, memberA, 'GET', `/api/my/dossiers/${dossierB}`);
    expect(one.statusCode).toBe(403);
    // The member's own record shows the status only, never the answers.
    const own = await call(app, memberA, 'GET', `/api/officer/teams/assist/${recordA}`);
    expect(own.json().answers).toEqual({});
    expect(own.body).not.toContain(person.citizenId);
  });

  it("cannot read another member's uploaded documents", async () => {
    const draft = (await readyRecord(app, memberB, procedure, person)).id;
    const file = await app.database.db
      .selectFrom('files')
      .select('id')
      .where('bundle_id', '=', `assisted:${draft}`)
      .executeTakeFirstOrThrow();
    const res = await call(app, memberA, 'GET', `/api/files/${file.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('the resident sees both dossiers; another resident sees neither', async () => {
    const mine = await app.server.inject({ url: '/api/my/dossiers', headers: resident.headers });
    expect(
      mine
        .json()
        .items.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([dossierA, dossierB].sort());
    const other = await makeResident(app, { communeCode: COMMUNE_A });
    const theirs = await app.server.inject({ url: '/api/my/dossiers', headers: other.headers });
    expect(theirs.json().items).toEqual([]);
    const direct = await app.server.inject({
      url: `/api/my/dossiers/${dossierA}`,
      headers: other.headers,
    });
    expect(direct.statusCode).toBe(404);
  });
});

describe('who may assist', () => {
  it('refuses officers without a linked active membership or without teams.assist', async () => {
    const body = { procedureCode: procedure, resident: person };
    const unlinked = await signedIn(app, [{ role: 'community_team_member', unitCode: COMMUNE_A }]);
    const res = await call(app, unlinked, 'POST', '/api/officer/teams/assist', body);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ASSISTED_MEMBERSHIP_REQUIRED');
    const officer = await signedIn(app, [{ role: 'receiving_officer', unitCode: COMMUNE_A }]);
    expect((await call(app, officer, 'POST', '/api/officer/teams/assist', body)).statusCode).toBe(
      403,
    );
    const res2 = await app.server.inject({
      method: 'POST',
      url: '/api/officer/teams/assist',
      headers: resident.headers,
      payload: body,
    });
    expect(res2.statusCode).toBe(403);
  });

  it('a member whose membership ends can no longer send codes or submit', async () => {
    const m = await makeMember(app, COMMUNE_B);
    const { id } = await readyRecord(app, m, procedure, person);
    const registrar = await signedIn(app, [{ role: 'receiving_officer', unitCode: COMMUNE_B }]);
    const off = await call(app, registrar, 'PATCH', `/api/officer/teams/members/${m.memberId}`, {
      status: 'inactive',
    });
    expect(off.statusCode, off.body).toBe(200);
    const code = await call(app, m, 'POST', `/api/officer/teams/assist/${id}/consent/code`);
    expect(code.json().error.code).toBe('ASSISTED_MEMBERSHIP_REQUIRED');
    expect((await submitRecord(app, m, id)).json().error.code).toBe('ASSISTED_MEMBERSHIP_REQUIRED');
  });
});
