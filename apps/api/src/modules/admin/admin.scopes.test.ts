import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let app: TestApp;
let communeLeader: SignedIn;
let provinceAdmin: SignedIn;
let departmentLeader: SignedIn;

beforeAll(async () => {
  app = await createTestApp();
  communeLeader = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'unit_leader', unitCode: '24133' }]),
  );
  provinceAdmin = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
  );
  departmentLeader = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'unit_leader', unitCode: '66-STP' }]),
  );
  await makeOfficer(app, [{ role: 'receiving_officer', unitCode: '22015' }], {
    username: 'tiepnhan.tuyhoa',
  });
});
afterAll(async () => {
  await app.close();
});

function get(session: SignedIn, url: string) {
  return app.server.inject({ url, headers: { cookie: session.cookie } });
}

describe('unit-scoped reads of officers', () => {
  it('a commune leader reads their own commune', async () => {
    const res = await get(communeLeader, '/api/admin/units/24133/officers');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.some((o: { roles: string[] }) => o.roles.includes('unit_leader'))).toBe(
      true,
    );
  });

  it("a commune leader cannot read another commune's officers, nor the province's", async () => {
    for (const unit of ['22015', '66', '66-STP']) {
      const res = await get(communeLeader, `/api/admin/units/${unit}/officers`);
      expect(res.statusCode, unit).toBe(403);
      expect(res.body).not.toContain('tiepnhan.tuyhoa');
    }
  });

  it('an unknown unit and a foreign unit look the same (no probing of ids)', async () => {
    const unknown = await get(communeLeader, '/api/admin/units/99999/officers');
    const foreign = await get(communeLeader, '/api/admin/units/22015/officers');
    expect(unknown.statusCode).toBe(foreign.statusCode);
    expect(unknown.json().error.code).toBe(foreign.json().error.code);
  });

  it('a department leader sees the department only, not the communes', async () => {
    expect((await get(departmentLeader, '/api/admin/units/66-STP/officers')).statusCode).toBe(200);
    expect((await get(departmentLeader, '/api/admin/units/24133/officers')).statusCode).toBe(403);
  });

  it('a province administrator reads any commune and department', async () => {
    const res = await get(provinceAdmin, '/api/admin/units/22015/officers');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { username: string }) => o.username)).toContain(
      'tiepnhan.tuyhoa',
    );
    expect((await get(provinceAdmin, '/api/admin/units/66-STP/officers')).statusCode).toBe(200);
  });
});

describe('unit-scoped audit log', () => {
  it('a commune leader, who has no audit permission, is refused even for their own commune', async () => {
    expect((await get(communeLeader, '/api/admin/audit?unitCode=24133')).statusCode).toBe(403);
  });

  it('a province administrator reads the audit rows of a commune', async () => {
    const res = await get(provinceAdmin, '/api/admin/audit?unitCode=22015');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.some((r: { action: string }) => r.action === 'officer.create')).toBe(
      true,
    );
  });
});
