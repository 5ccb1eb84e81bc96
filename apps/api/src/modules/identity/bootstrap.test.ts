import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-db';
import { BootstrapAlreadyDoneError, bootstrapFirstAdmin } from './bootstrap';
import { totpCode } from './totp';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({
    env: { APP_MODE: 'production', OIDC_CLIENT_SECRET: 'x'.repeat(32) },
  });
});
afterAll(async () => {
  await app.close();
});

describe('first administrator bootstrap', () => {
  it('production mode starts with no officer accounts at all', async () => {
    const officers = await app.database.db
      .selectFrom('users')
      .select('id')
      .where('kind', '=', 'officer')
      .execute();
    expect(officers).toEqual([]);
  });

  it('creates one administrator who can sign in with the printed password and TOTP secret', async () => {
    const result = await bootstrapFirstAdmin(app.database.db, app.clock, {
      username: 'quantri',
      fullName: 'Quản trị viên',
      provinceCode: '66',
    });
    expect(result.password.length).toBeGreaterThanOrEqual(20);
    expect(result.totpUri).toMatch(/^otpauth:\/\/totp\//);
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/login',
      payload: {
        username: 'quantri',
        password: result.password,
        totp: totpCode(result.totpSecret, app.clock.now()),
      },
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .user.grants.map((g: { role: string }) => g.role)
        .sort(),
    ).toEqual(['province_admin', 'system_admin']);
  });

  it('is single-use: a second run is refused and creates nothing', async () => {
    await expect(
      bootstrapFirstAdmin(app.database.db, app.clock, {
        username: 'quantri2',
        fullName: 'X',
        provinceCode: '66',
      }),
    ).rejects.toBeInstanceOf(BootstrapAlreadyDoneError);
    const admins = await app.database.db
      .selectFrom('grants')
      .select('user_id')
      .where('role', '=', 'system_admin')
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('lets exactly one of two concurrent runs succeed', async () => {
    const database = await createTestDatabase();
    try {
      const runs = await Promise.allSettled([
        bootstrapFirstAdmin(database.db, app.clock, {
          username: 'a.admin',
          fullName: 'A',
          provinceCode: '66',
        }),
        bootstrapFirstAdmin(database.db, app.clock, {
          username: 'b.admin',
          fullName: 'B',
          provinceCode: '66',
        }),
      ]);
      expect(runs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const officers = await database.db
        .selectFrom('users')
        .select('username')
        .where('kind', '=', 'officer')
        .execute();
      expect(officers).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
