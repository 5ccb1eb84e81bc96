import type { DashboardTeams } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertDossier } from '../national-sync/national-sync.test-support';
import { type Caller, COMMUNE_A, COMMUNE_B, call, signedIn } from '../teams/teams.test-support';

/**
 * Community-team indicators on the dashboard (issue 7 §9), computed by hand:
 * commune A — teams "Tổ 1" (members M1, M2) and "Tổ 2" (M3); M1 guided 1 resident and linked 1
 * VNeID account, M2 linked 1, M3 helped file 1 dossier and trained 20 people (not counted as
 * residents helped); one more link dated 1/4, outside a May period.
 * → teams 2, members 3, residents helped 5 (4 in May), accounts linked 3 (2 in May), dossiers 1.
 * commune B — one team, one member, one link → 1, 1, 1, 1, 0.
 */
let app: TestApp;
let officerA: Caller;

beforeAll(async () => {
  app = await createTestApp();
  app.clock.set(new Date('2026-05-20T03:00:00Z'));
  officerA = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE_A }]);
  const officerB = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE_B }]);
  const post = async (who: Caller, url: string, body: Record<string, unknown>) => {
    const res = await call(app, who, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const team = (who: Caller, communeCode: string, village: string, name: string) =>
    post(who, '/api/officer/teams', { communeCode, village, name });
  const member = (who: Caller, teamId: string, fullName: string) =>
    post(who, `/api/officer/teams/${teamId}/members`, { fullName, role: 'khac', status: 'active' });
  const activity = (who: Caller, memberId: string, body: Record<string, unknown>) =>
    post(who, '/api/officer/teams/activities', { memberId, date: '2026-05-10', ...body });

  const t1 = await team(officerA, COMMUNE_A, 'Thôn 1', 'Tổ 1');
  const t2 = await team(officerA, COMMUNE_A, 'Thôn 2', 'Tổ 2');
  const m1 = await member(officerA, t1, 'Y Bih Niê');
  const m2 = await member(officerA, t1, 'H’Hen Niê');
  const m3 = await member(officerA, t2, 'Nguyễn Văn An');
  const dossier = await insertDossier(app.database.db, app.clock, COMMUNE_A);
  await activity(officerA, m1, { kind: 'guided_online_service' });
  await activity(officerA, m1, { kind: 'linked_vneid' });
  await activity(officerA, m2, { kind: 'linked_vneid' });
  await activity(officerA, m2, { kind: 'linked_vneid', date: '2026-04-01' });
  await activity(officerA, m3, { kind: 'assisted_submission', dossierId: dossier.id });
  await activity(officerA, m3, { kind: 'training_session', attendees: 20 });
  const tb = await team(officerB, COMMUNE_B, 'Khu phố 1', 'Tổ KP1');
  const mb = await member(officerB, tb, 'Trần Thị Bình');
  await activity(officerB, mb, { kind: 'linked_vneid' });
});
afterAll(async () => {
  await app?.close();
});

const get = (who: { cookie: string } | null, url: string) =>
  app.server.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

describe('community-team indicators on the dashboard', () => {
  it('the province sees every commune, the same numbers as the teams module', async () => {
    const province = await signedIn(app, [{ role: 'unit_leader', unitCode: '66' }]);
    const res = await get(province, '/api/dashboard/teams?unit=66');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DashboardTeams;
    expect(body.unit.code).toBe('66');
    expect(body.includesDemo).toBe(false);
    expect(body.totals).toEqual({
      teams: 3,
      members: 4,
      residentsHelped: 6,
      accountsLinked: 4,
      dossiersAssisted: 1,
    });
    const byCode = Object.fromEntries(body.units.map((u) => [u.code, u]));
    expect(byCode[COMMUNE_A]).toMatchObject({
      teams: 2,
      members: 3,
      residentsHelped: 5,
      accountsLinked: 3,
      dossiersAssisted: 1,
    });
    expect(byCode[COMMUNE_B]).toMatchObject({ teams: 1, members: 1, residentsHelped: 1 });
    const communes = await app.database.db
      .selectFrom('units')
      .select('code')
      .where('kind', '=', 'commune')
      .where('parent_code', '=', '66')
      .execute();
    expect(body.units).toHaveLength(communes.length);
    const own = await get(province, '/api/officer/teams/indicators?unitCode=66');
    expect(own.json().totals).toMatchObject(body.totals);
    for (const key of Object.keys(body.totals)) {
      expect(body.definitions[key]?.vi.length, key).toBeGreaterThan(20);
    }
  });

  it('a commune leader sees their commune as one row, over a period if asked', async () => {
    const all = await get(officerA, '/api/dashboard/teams');
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json() as DashboardTeams;
    expect(body.unit.code).toBe(COMMUNE_A);
    expect(body.units).toEqual([{ code: COMMUNE_A, name: body.unit.name, ...body.totals }]);
    expect(body.totals.residentsHelped).toBe(5);
    const may = await get(officerA, '/api/dashboard/teams?from=2026-05-01&to=2026-05-31');
    expect((may.json() as DashboardTeams).totals).toEqual({
      teams: 2,
      members: 3,
      residentsHelped: 4,
      accountsLinked: 2,
      dossiersAssisted: 1,
    });
  });

  it('refuses other units, residents and strangers', async () => {
    for (const unit of [COMMUNE_B, '66']) {
      expect((await get(officerA, `/api/dashboard/teams?unit=${unit}`)).statusCode).toBe(403);
    }
    const resident = await makeResident(app);
    const session = await app.services.sessions.create(resident.id, {
      acr: 'urn:vneid:loa:2',
      assuranceLevel: 2,
    });
    const asResident = await get(
      { cookie: `cqs_sid=${session.cookieValue}` },
      '/api/dashboard/teams',
    );
    expect(asResident.statusCode).toBe(403);
    expect((await get(null, '/api/dashboard/teams')).statusCode).toBe(401);
  });
});
