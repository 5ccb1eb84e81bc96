import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { type Caller, COMMUNE_A, COMMUNE_B, call, signedIn } from './teams.test-support';

let app: TestApp;
let officerA: Caller;
let officerB: Caller;
let province: Caller;
let viewer: Caller;
let memberUser: Caller;
let otherMemberUser: Caller;
let teamA: string;
let teamB: string;
let ownMember: string;
let otherMember: string;

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-05-20T03:00:00Z'));
  officerA = await signedIn(app, [{ role: 'receiving_officer', unitCode: COMMUNE_A }]);
  officerB = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
  province = await signedIn(app, [{ role: 'province_admin', unitCode: '66' }]);
  viewer = await signedIn(app, [{ role: 'dashboard_viewer', unitCode: '66' }]);
  memberUser = await signedIn(app, [{ role: 'community_team_member', unitCode: COMMUNE_A }]);
  otherMemberUser = await signedIn(app, [{ role: 'community_team_member', unitCode: COMMUNE_A }]);

  const a = await call(app, officerA, 'POST', '/api/officer/teams', {
    communeCode: COMMUNE_A,
    village: 'Tổ dân phố 1',
    name: 'Tổ CNSCĐ TDP 1',
  });
  expect(a.statusCode, a.body).toBe(201);
  teamA = a.json().id;
  const b = await call(app, officerB, 'POST', '/api/officer/teams', {
    communeCode: COMMUNE_B,
    village: 'Khu phố 2',
    name: 'Tổ CNSCĐ KP 2',
  });
  expect(b.statusCode, b.body).toBe(201);
  teamB = b.json().id;
  const m1 = await call(app, officerA, 'POST', `/api/officer/teams/${teamA}/members`, {
    fullName: 'Nguyễn Thị Mai',
    role: 'doan_thanh_nien',
    phone: '0000 111 222',
    userId: memberUser.id,
  });
  expect(m1.statusCode, m1.body).toBe(201);
  ownMember = m1.json().id;
  expect(m1.json().phone).toBe('0000111222');
  const m2 = await call(app, officerA, 'POST', `/api/officer/teams/${teamA}/members`, {
    fullName: 'Trần Văn Nam',
    role: 'cong_an',
    userId: otherMemberUser.id,
  });
  ownMember = m1.json().id;
  otherMember = m2.json().id;
});
afterAll(async () => {
  await app.close();
});

describe('who sees and manages which teams', () => {
  it('a commune officer lists only their commune; another commune is forbidden', async () => {
    const own = await call(app, officerA, 'GET', `/api/officer/teams?unitCode=${COMMUNE_A}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((t: { id: string }) => t.id)).toEqual([teamA]);
    expect(own.json().items[0]).toMatchObject({ memberCount: 2, communeCode: COMMUNE_A });
    expect(
      (await call(app, officerA, 'GET', `/api/officer/teams?unitCode=${COMMUNE_B}`)).statusCode,
    ).toBe(403);
    expect((await call(app, officerA, 'GET', '/api/officer/teams?unitCode=66')).statusCode).toBe(
      403,
    );
  });

  it("a commune officer can neither read nor change another commune's team", async () => {
    expect((await call(app, officerA, 'GET', `/api/officer/teams/${teamB}`)).statusCode).toBe(404);
    const patch = await call(app, officerA, 'PATCH', `/api/officer/teams/${teamB}`, {
      status: 'inactive',
    });
    expect(patch.statusCode).toBe(404);
    const add = await call(app, officerA, 'POST', `/api/officer/teams/${teamB}/members`, {
      fullName: 'Người Lạ',
      role: 'khac',
    });
    expect(add.statusCode).toBe(404);
    const create = await call(app, officerA, 'POST', '/api/officer/teams', {
      communeCode: COMMUNE_B,
      village: 'Khu phố 9',
      name: 'Tổ lạ',
    });
    expect(create.statusCode).toBe(403);
    const still = await app.database.db
      .selectFrom('teams')
      .select('status')
      .where('id', '=', teamB)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('active');
  });

  it('the province sees every commune and manages any team; a dashboard viewer only reads', async () => {
    const all = await call(app, province, 'GET', '/api/officer/teams?unitCode=66');
    expect(
      all
        .json()
        .items.map((t: { id: string }) => t.id)
        .sort(),
    ).toEqual([teamA, teamB].sort());
    const renamed = await call(app, province, 'PATCH', `/api/officer/teams/${teamB}`, {
      name: 'Tổ CNSCĐ Khu phố 2',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe('Tổ CNSCĐ Khu phố 2');
    expect((await call(app, viewer, 'GET', '/api/officer/teams?unitCode=66')).json().total).toBe(2);
    expect(
      (await call(app, viewer, 'GET', `/api/officer/teams/${teamA}`)).json().members,
    ).toHaveLength(2);
    const denied = await call(app, viewer, 'PATCH', `/api/officer/teams/${teamA}`, {
      status: 'inactive',
    });
    expect(denied.statusCode).toBe(404);
  });

  it('a team name is unique in its commune; a team belongs to a commune, not the province', async () => {
    const dup = await call(app, officerA, 'POST', '/api/officer/teams', {
      communeCode: COMMUNE_A,
      village: 'Tổ dân phố 3',
      name: 'Tổ CNSCĐ TDP 1',
    });
    expect(dup.json().error.code).toBe('TEAM_NAME_TAKEN');
    const atProvince = await call(app, province, 'POST', '/api/officer/teams', {
      communeCode: '66',
      village: 'x',
      name: 'y',
    });
    expect(atProvince.json().error.code).toBe('TEAM_UNIT_NOT_COMMUNE');
  });

  it('only an account with the member role in that commune can be linked to a member', async () => {
    const res = await call(app, officerA, 'POST', `/api/officer/teams/${teamA}/members`, {
      fullName: 'Lê Văn C',
      role: 'khac',
      userId: officerB.id,
    });
    expect(res.json().error.code).toBe('TEAM_USER_NOT_OFFICER');
  });

  it('every write left an audit row', async () => {
    const rows = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('action', 'like', 'teams.%')
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'teams.create')).toHaveLength(2);
    expect(actions.filter((a) => a === 'teams.member_create')).toHaveLength(2);
    expect(rows.some((r) => r.action === 'teams.update' && r.object_id === teamB)).toBe(true);
    // The phone number is not copied into the audit log.
    const details = await app.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'teams.member_create')
      .execute();
    expect(JSON.stringify(details)).not.toContain('0000111222');
  });
});

describe('members log their own activities', () => {
  it('a member logs for themselves without naming the member, and sees only their own', async () => {
    const mine = await call(app, memberUser, 'POST', '/api/officer/teams/activities', {
      date: '2026-05-19',
      kind: 'linked_vneid',
      residentConsent: true,
      residentRef: 'Bà N.T.H, TDP 1',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({
      memberId: ownMember,
      source: 'manual',
      residentRef: 'Bà N.T.H, TDP 1',
    });
    const theirs = await call(app, otherMemberUser, 'POST', '/api/officer/teams/activities', {
      date: '2026-05-19',
      kind: 'training_session',
      attendees: 12,
    });
    expect(theirs.statusCode, theirs.body).toBe(201);

    const list = await call(
      app,
      memberUser,
      'GET',
      `/api/officer/teams/activities?unitCode=${COMMUNE_A}`,
    );
    expect(list.json().items.map((a: { memberId: string }) => a.memberId)).toEqual([ownMember]);
    const all = await call(
      app,
      officerA,
      'GET',
      `/api/officer/teams/activities?unitCode=${COMMUNE_A}`,
    );
    expect(all.json().total).toBe(2);
  });

  it('a member cannot log for another member, even in the same team', async () => {
    const res = await call(app, memberUser, 'POST', '/api/officer/teams/activities', {
      memberId: otherMember,
      date: '2026-05-19',
      kind: 'other',
    });
    expect(res.statusCode).toBe(404);
    // An officer of the commune may log for any member of it.
    const byOfficer = await call(app, officerA, 'POST', '/api/officer/teams/activities', {
      memberId: otherMember,
      date: '2026-05-18',
      kind: 'guided_online_service',
    });
    expect(byOfficer.statusCode, byOfficer.body).toBe(201);
    const fromB = await call(app, officerB, 'POST', '/api/officer/teams/activities', {
      memberId: otherMember,
      date: '2026-05-18',
      kind: 'other',
    });
    expect(fromB.statusCode).toBe(404);
  });

  it('refuses an account without a membership, dates after today, ID numbers and references without consent', async () => {
    const none = await call(app, officerA, 'POST', '/api/officer/teams/activities', {
      date: '2026-05-19',
      kind: 'other',
    });
    expect(none.json().error.code).toBe('TEAM_MEMBERSHIP_REQUIRED');
    const future = await call(app, memberUser, 'POST', '/api/officer/teams/activities', {
      date: '2026-05-21',
      kind: 'other',
    });
    expect(future.json().error.fields[0].path).toBe('date');
    const idNumber = await call(app, memberUser, 'POST', '/api/officer/teams/activities', {
      date: '2026-05-19',
      kind: 'other',
      residentConsent: true,
      residentRef: 'CCCD 066190001234',
    });
    expect(idNumber.statusCode).toBe(400);
    const noConsent = await call(app, memberUser, 'POST', '/api/officer/teams/activities', {
      date: '2026-05-19',
      kind: 'other',
      residentRef: 'Ông A',
    });
    expect(noConsent.statusCode).toBe(400);
    const training = await call(app, memberUser, 'POST', '/api/officer/teams/activities', {
      date: '2026-05-19',
      kind: 'training_session',
    });
    expect(training.statusCode).toBe(400);
  });

  it('an inactive member logs nothing more', async () => {
    await call(app, officerA, 'PATCH', `/api/officer/teams/members/${ownMember}`, {
      status: 'inactive',
    });
    const res = await call(app, memberUser, 'POST', '/api/officer/teams/activities', {
      memberId: ownMember,
      date: '2026-05-19',
      kind: 'other',
    });
    expect(res.json().error.code).toBe('TEAM_MEMBER_INACTIVE');
    await call(app, officerA, 'PATCH', `/api/officer/teams/members/${ownMember}`, {
      status: 'active',
    });
  });
});
