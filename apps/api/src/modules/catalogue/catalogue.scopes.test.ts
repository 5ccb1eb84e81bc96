import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let app: TestApp;
let provinceAdmin: SignedIn;
let communeOfficer: SignedIn;
let communeAdmin: SignedIn;

beforeAll(async () => {
  app = await createTestApp();
  provinceAdmin = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
  );
  communeOfficer = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'receiving_officer', unitCode: '22015' }]),
  );
  // The right role at the wrong unit: a commune grant never covers the province catalogue.
  communeAdmin = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'province_admin', unitCode: '22015' }]),
  );
});
afterAll(async () => {
  await app.close();
});

const settings = {
  offeredOnline: true,
  onlineLevel: 'toan_trinh',
  receivingLevel: 'commune',
  responsibleUnitCode: '66-STP',
  feeOverrides: { truc_tiep: { feeVnd: 5000, note: 'Lệ phí theo Nghị quyết của HĐND tỉnh' } },
  localNotes: 'Tiếp nhận cả ngày thứ Bảy tại Trung tâm.',
};

function publish(who: SignedIn | null, code: string, payload: Record<string, unknown>) {
  return app.server.inject({
    method: 'POST',
    url: `/api/admin/procedures/${code}/versions`,
    headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {},
    payload,
  });
}

describe('publishing a procedure version', () => {
  it('creates version 2 with the new settings, keeps version 1, and audits it', async () => {
    const res = await publish(provinceAdmin, '1.004222', { ...settings, baseVersion: 1 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, inForce: true, ...settings });

    const detail = (await app.server.inject({ url: '/api/procedures/1.004222' })).json();
    expect(detail).toMatchObject({ version: 2, latestVersion: 2, local: settings });
    expect(detail.record.code).toBe('1.004222');
    expect(detail.fees).toContainEqual({
      channel: 'truc_tiep',
      feeVnd: 5000,
      note: 'Lệ phí theo Nghị quyết của HĐND tỉnh',
      source: 'local',
    });
    expect(detail.fees).toContainEqual(
      expect.objectContaining({ channel: 'truc_tuyen', feeVnd: 10000, source: 'catalogue' }),
    );

    const versions = await app.server.inject({
      url: '/api/admin/procedures/1.004222/versions',
      headers: { cookie: provinceAdmin.cookie },
    });
    expect(versions.statusCode).toBe(200);
    const items = versions.json().items;
    expect(items).toHaveLength(2);
    expect(items.map((v: { version: number; inForce: boolean }) => [v.version, v.inForce])).toEqual(
      [
        [1, false],
        [2, true],
      ],
    );

    // Version 1 is untouched: the record and the seed's settings are still there.
    const rows = await app.database.db
      .selectFrom('procedure_versions')
      .select([
        'version',
        'offered_online',
        'online_level',
        'local_notes',
        sql<string>`record->>'name'`.as('name'),
      ])
      .where('procedure_code', '=', '1.004222')
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      {
        version: 1,
        offered_online: true,
        online_level: null,
        local_notes: null,
        name: 'Đăng ký thường trú',
      },
      {
        version: 2,
        offered_online: true,
        online_level: 'toan_trinh',
        local_notes: settings.localNotes,
        name: 'Đăng ký thường trú',
      },
    ]);

    const audit = await app.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'catalogue.publish')
      .where('object_id', '=', '1.004222')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      object_type: 'procedure',
      unit_code: '66',
      actor_role: 'province_admin',
    });
    expect(audit[0]!.details).toMatchObject({ version: 2, previousVersion: 1 });
  });

  it('refreshes the search index: the online filter follows the new version', async () => {
    const code = '1.000894'; // Thủ tục đăng ký kết hôn
    const before = await app.server.inject({ url: '/api/procedures?q=1.000894&online=false' });
    expect(before.json().total).toBe(0);
    const res = await publish(provinceAdmin, code, {
      ...settings,
      offeredOnline: false,
      onlineLevel: null,
      feeOverrides: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await app.server.inject({ url: '/api/procedures?q=1.000894&online=false' });
    expect(after.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
  });

  it('refuses a stale base version, a past effective date and an unknown unit', async () => {
    const stale = await publish(provinceAdmin, '1.004222', { ...settings, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('PROCEDURE_VERSION_CONFLICT');

    const past = new Date(app.clock.now().getTime() - 86_400_000).toISOString();
    const back = await publish(provinceAdmin, '1.004222', { ...settings, effectiveFrom: past });
    expect(back.statusCode).toBe(422);
    expect(back.json().error.code).toBe('PROCEDURE_EFFECTIVE_FROM_INVALID');

    const unit = await publish(provinceAdmin, '1.004222', {
      ...settings,
      responsibleUnitCode: '66-XYZ',
    });
    expect(unit.statusCode).toBe(422);
    expect(unit.json().error.code).toBe('PROCEDURE_UNIT_UNKNOWN');

    const incoherent = await publish(provinceAdmin, '1.004222', {
      ...settings,
      offeredOnline: false,
    });
    expect(incoherent.statusCode).toBe(400);
    const extra = await publish(provinceAdmin, '1.004222', { ...settings, record: {} });
    expect(extra.statusCode).toBe(400);

    const missing = await publish(provinceAdmin, '9.999999', settings);
    expect(missing.statusCode).toBe(404);
  });

  it('forbids commune officers, even a province_admin role granted at a commune', async () => {
    for (const who of [communeOfficer, communeAdmin]) {
      const res = await publish(who, '1.001266', settings);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const anonymous = await publish(null, '1.001266', settings);
    expect(anonymous.statusCode).toBe(401);
    const count = await app.database.db
      .selectFrom('procedure_versions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('procedure_code', '=', '1.001266')
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('keeps versions immutable in the database', async () => {
    await expect(
      sql`update procedure_versions set local_notes = 'x' where procedure_code = '1.004222'`.execute(
        app.database.db,
      ),
    ).rejects.toThrow(/immutable/);
  });

  // Last: it moves the clock past the test sessions' lifetime.
  it('keeps the version in force until a future effective date', async () => {
    const code = '1.001193';
    const effectiveFrom = new Date(app.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const res = await publish(provinceAdmin, code, { ...settings, effectiveFrom });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, inForce: false });
    expect((await app.server.inject({ url: `/api/procedures/${code}` })).json()).toMatchObject({
      version: 1,
      latestVersion: 2,
    });
    app.clock.advance(8 * 86_400_000);
    expect((await app.server.inject({ url: `/api/procedures/${code}` })).json().version).toBe(2);
  });
});
