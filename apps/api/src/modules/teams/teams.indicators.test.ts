import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertDossier } from '../national-sync/national-sync.test-support';
import { DEMO_PREFIX, seedDemoTeams } from './teams.demo';
import { outcomeOf } from './teams.indicators';
import { type Caller, COMMUNE_A, COMMUNE_B, call, signedIn } from './teams.test-support';

let app: TestApp;
let officerA: Caller;
let province: Caller;

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-05-20T03:00:00Z'));
  officerA = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  province = await signedIn(app, [{ role: 'dashboard_viewer', unitCode: '66' }]);
});
afterAll(async () => {
  await app.close();
});

async function team(communeCode: string, village: string, name: string, who: Caller) {
  const res = await call(app, who, 'POST', '/api/officer/teams', { communeCode, village, name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function member(teamId: string, fullName: string, who: Caller, status = 'active') {
  const res = await call(app, who, 'POST', `/api/officer/teams/${teamId}/members`, {
    fullName,
    role: 'khac',
    status,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
async function activity(memberId: string, who: Caller, body: Record<string, unknown>) {
  const res = await call(app, who, 'POST', '/api/officer/teams/activities', {
    memberId,
    date: '2026-05-10',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('indicators against hand-computed values', () => {
  it('counts per village and the province roll-up by commune', async () => {
    const admin = await signedIn(app, [{ role: 'province_admin', unitCode: '66' }]);
    // Commune A: village "Thôn 1" has 2 teams, "Thôn 2" has 1 (plus an inactive team, not counted).
    const t1 = await team(COMMUNE_A, 'Thôn 1', 'Tổ 1a', officerA);
    const t2 = await team(COMMUNE_A, 'Thôn 1', 'Tổ 1b', officerA);
    const t3 = await team(COMMUNE_A, 'Thôn 2', 'Tổ 2', officerA);
    const gone = await team(COMMUNE_A, 'Thôn 2', 'Tổ cũ', officerA);
    await call(app, officerA, 'PATCH', `/api/officer/teams/${gone}`, { status: 'inactive' });
    const m1 = await member(t1, 'A', officerA);
    const m2 = await member(t1, 'B', officerA);
    await member(t1, 'C', officerA, 'inactive');
    const m3 = await member(t2, 'D', officerA);
    const m4 = await member(t3, 'E', officerA);
    // Commune B: one team, one member.
    const tb = await team(COMMUNE_B, 'Khu phố 1', 'Tổ KP1', admin);
    const mb = await member(tb, 'F', admin);

    const d1 = await insertDossier(app.database.db, app.clock, COMMUNE_A); // status 1: in progress
    const d2 = await insertDossier(app.database.db, app.clock, COMMUNE_A);
    await app.database.db
      .updateTable('dossiers')
      .set({ status_code: 10 })
      .where('id', '=', d2.id)
      .execute();
    const d3 = await insertDossier(app.database.db, app.clock, COMMUNE_A);
    await app.database.db
      .updateTable('dossiers')
      .set({ status_code: 3 })
      .where('id', '=', d3.id)
      .execute();

    // Thôn 1: guided ×2, linked ×3, assisted ×2 (d1, d2), training 15 + 20, other ×1.
    await activity(m1, officerA, { kind: 'guided_online_service' });
    await activity(m2, officerA, { kind: 'guided_online_service' });
    await activity(m1, officerA, { kind: 'linked_vneid' });
    await activity(m2, officerA, { kind: 'linked_vneid' });
    await activity(m3, officerA, { kind: 'linked_vneid' });
    await activity(m1, officerA, { kind: 'assisted_submission', dossierId: d1.id });
    await activity(m3, officerA, { kind: 'assisted_submission', dossierId: d2.id });
    await activity(m1, officerA, { kind: 'training_session', attendees: 15 });
    await activity(m3, officerA, { kind: 'training_session', attendees: 20 });
    await activity(m2, officerA, { kind: 'other' });
    // Thôn 2: assisted ×2 on the same dossier d3 (counted once), assisted ×1 without a dossier.
    await activity(m4, officerA, { kind: 'assisted_submission', dossierId: d3.id });
    await activity(m4, officerA, {
      kind: 'assisted_submission',
      dossierId: d3.id,
      date: '2026-05-11',
    });
    await activity(m4, officerA, { kind: 'assisted_submission' });
    // Outside the date filter below.
    await activity(m4, officerA, { kind: 'linked_vneid', date: '2026-04-01' });
    // Commune B.
    await activity(mb, admin, { kind: 'linked_vneid' });

    const res = await call(
      app,
      officerA,
      'GET',
      `/api/officer/teams/indicators?unitCode=${COMMUNE_A}&from=2026-05-01`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.breakdownBy).toBe('village');
    expect(body.includesDemo).toBe(false);
    const byVillage = Object.fromEntries(body.breakdown.map((b: { key: string }) => [b.key, b]));
    expect(byVillage['Thôn 1']).toMatchObject({
      teams: 2,
      members: 3,
      activities: {
        guided_online_service: 2,
        linked_vneid: 3,
        assisted_submission: 2,
        training_session: 2,
        other: 1,
      },
      activitiesTotal: 10,
      residentsHelped: 7,
      trainingAttendees: 35,
      accountsLinked: 3,
      dossiersAssisted: 2,
      dossierOutcomes: { inProgress: 1, completed: 1, notAccepted: 0, withdrawnOrStopped: 0 },
    });
    expect(byVillage['Thôn 2']).toMatchObject({
      teams: 1,
      members: 1,
      activitiesTotal: 3,
      residentsHelped: 3,
      accountsLinked: 0,
      dossiersAssisted: 1,
      dossierOutcomes: { inProgress: 0, completed: 0, notAccepted: 1, withdrawnOrStopped: 0 },
    });
    expect(body.totals).toMatchObject({
      teams: 3,
      members: 4,
      activitiesTotal: 13,
      residentsHelped: 10,
      trainingAttendees: 35,
      accountsLinked: 3,
      dossiersAssisted: 3,
    });

    const all = (
      await call(app, province, 'GET', '/api/officer/teams/indicators?unitCode=66')
    ).json();
    expect(all.breakdownBy).toBe('commune');
    // Every commune is listed (zeros included), 102 of them.
    expect(all.breakdown).toHaveLength(102);
    const a = all.breakdown.find((b: { key: string }) => b.key === COMMUNE_A);
    const b = all.breakdown.find((x: { key: string }) => x.key === COMMUNE_B);
    expect(a).toMatchObject({ teams: 3, members: 4, activitiesTotal: 14, accountsLinked: 4 });
    expect(b).toMatchObject({ teams: 1, members: 1, activitiesTotal: 1, accountsLinked: 1 });
    expect(all.totals).toMatchObject({
      teams: 4,
      members: 5,
      activitiesTotal: 15,
      accountsLinked: 5,
    });

    const denied = await call(
      app,
      officerA,
      'GET',
      `/api/officer/teams/indicators?unitCode=${COMMUNE_B}`,
    );
    expect(denied.statusCode).toBe(403);
  });

  it('maps national status codes to outcomes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(outcomeOf)).toEqual([
      'inProgress',
      'inProgress',
      'notAccepted',
      'inProgress',
      'inProgress',
      'inProgress',
      'withdrawnOrStopped',
      'withdrawnOrStopped',
      'completed',
      'completed',
    ]);
  });
});

describe('demo data generator', () => {
  it('creates labelled teams for all 102 communes, deterministically, and only once', async () => {
    const db = app.database.db;
    const first = await seedDemoTeams(db, app.clock);
    expect(first.communes).toBe(102);
    expect(first.teams).toBeGreaterThanOrEqual(204);
    expect(first.teams).toBeLessThanOrEqual(306);
    const second = await seedDemoTeams(db, app.clock);
    expect(second).toEqual({ communes: 0, teams: 0, members: 0, activities: 0 });
    const demo = await db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('is_demo', '=', true)
      .orderBy('id')
      .execute();
    expect(demo).toHaveLength(first.teams);
    expect(demo.every((t) => t.name.startsWith(DEMO_PREFIX))).toBe(true);
    const phones = await db
      .selectFrom('team_members')
      .select('phone')
      .where('is_demo', '=', true)
      .execute();
    expect(phones.length).toBe(first.members);
    expect(phones.every((p) => /^0000\d{6}$/.test(p.phone ?? ''))).toBe(true);
    const acts = await db
      .selectFrom('team_activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('is_demo', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(acts.n)).toBe(first.activities);

    // Deterministic: wiping and seeding again gives the same rows.
    const before = await db
      .selectFrom('team_members')
      .select(['id', 'full_name', 'phone'])
      .where('is_demo', '=', true)
      .orderBy('id')
      .execute();
    await db.deleteFrom('team_activities').where('is_demo', '=', true).execute();
    await db.deleteFrom('team_members').where('is_demo', '=', true).execute();
    await db.deleteFrom('teams').where('is_demo', '=', true).execute();
    expect(await seedDemoTeams(db, app.clock)).toEqual(first);
    const after = await db
      .selectFrom('team_members')
      .select(['id', 'full_name', 'phone'])
      .where('is_demo', '=', true)
      .orderBy('id')
      .execute();
    expect(after).toEqual(before);

    const indicators = (
      await call(app, province, 'GET', '/api/officer/teams/indicators?unitCode=66')
    ).json();
    expect(indicators.includesDemo).toBe(true);
  });
});
