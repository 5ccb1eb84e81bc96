import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, signInOfficer, type TestOfficer } from '../../test/factories';
import { cookieHeader, cookiesFrom, createTestApp, type TestApp } from '../../test/test-app';
import { totpCode } from './totp';

let app: TestApp;
let officer: TestOfficer;

beforeAll(async () => {
  app = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
  officer = await makeOfficer(app, [
    { role: 'receiving_officer', unitCode: '24133' },
    { role: 'specialist', unitCode: '22015' },
  ]);
});
afterAll(async () => {
  await app.close();
});

function login(body: Record<string, unknown>) {
  return app.server.inject({ method: 'POST', url: '/api/auth/officer/login', payload: body });
}

describe('officer sign-in with password + TOTP', () => {
  it('signs in with the right password and code and returns the grants and a CSRF token', async () => {
    app.clock.advance(30_000);
    const res = await login({
      username: officer.username,
      password: officer.password,
      totp: totpCode(officer.totpSecret, app.clock.now()),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.authenticated).toBe(true);
    expect(body.user.kind).toBe('officer');
    expect(body.user.grants.map((g: { unitCode: string }) => g.unitCode).sort()).toEqual([
      '22015',
      '24133',
    ]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('sets a HttpOnly, SameSite=Lax session cookie of at least 128 random bits; Secure over HTTPS', async () => {
    const res = await (async () => {
      app.clock.advance(30_000);
      return login({
        username: officer.username,
        password: officer.password,
        totp: totpCode(officer.totpSecret, app.clock.now()),
      });
    })();
    const cookie = res.cookies.find((c) => c.name === 'cqs_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);

    const https = await createTestApp({
      env: { PUBLIC_URL: 'https://dichvucong.daklak.example' },
      database: app.database,
      clock: app.clock,
    });
    try {
      app.clock.advance(30_000);
      const secureRes = await https.server.inject({
        method: 'POST',
        url: '/api/auth/officer/login',
        payload: {
          username: officer.username,
          password: officer.password,
          totp: totpCode(officer.totpSecret, app.clock.now()),
        },
      });
      const secure = secureRes.cookies.find((c) => c.name === '__Host-cqs_sid')!;
      expect(secure.secure).toBe(true);
      expect(secure.httpOnly).toBe(true);
    } finally {
      await https.server.close();
    }
  });

  it('refuses a wrong password and a wrong code with the same message', async () => {
    app.clock.advance(30_000);
    const badPassword = await login({
      username: officer.username,
      password: 'sai',
      totp: totpCode(officer.totpSecret, app.clock.now()),
    });
    const badCode = await login({
      username: officer.username,
      password: officer.password,
      totp: '000000',
    });
    const unknownUser = await login({ username: 'khong.ton.tai', password: 'x', totp: '123456' });
    for (const res of [badPassword, badCode, unknownUser]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    // The failures above count against the account; a success resets the counter.
    app.clock.advance(30_000);
    const ok = await login({
      username: officer.username,
      password: officer.password,
      totp: totpCode(officer.totpSecret, app.clock.now()),
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a TOTP code that was already used', async () => {
    const fresh = await makeOfficer(app, [{ role: 'specialist', unitCode: '24133' }]);
    app.clock.advance(30_000);
    const code = totpCode(fresh.totpSecret, app.clock.now());
    const first = await login({ username: fresh.username, password: fresh.password, totp: code });
    expect(first.statusCode).toBe(200);
    const replay = await login({ username: fresh.username, password: fresh.password, totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TOTP_REPLAYED');
    // A code from an earlier step, still inside the drift window, is a replay too.
    app.clock.advance(30_000);
    const older = totpCode(fresh.totpSecret, new Date(app.clock.now().getTime() - 60_000));
    const late = await login({ username: fresh.username, password: fresh.password, totp: older });
    expect(late.statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right credentials, until the lock expires', async () => {
    const target = await makeOfficer(app, [{ role: 'specialist', unitCode: '24133' }]);
    for (let i = 0; i < 3; i++) {
      const res = await login({
        username: target.username,
        password: 'sai-mat-khau',
        totp: '123456',
      });
      expect(res.statusCode).toBe(401);
    }
    app.clock.advance(30_000);
    const locked = await login({
      username: target.username,
      password: target.password,
      totp: totpCode(target.totpSecret, app.clock.now()),
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().error.message).toMatch(/quá nhiều lần/);

    app.clock.advance(15 * 60_000 + 1_000);
    const after = await login({
      username: target.username,
      password: target.password,
      totp: totpCode(target.totpSecret, app.clock.now()),
    });
    expect(after.statusCode).toBe(200);
  });

  it('throttles sign-in attempts per client address, whatever the account', async () => {
    const throttled = await createTestApp({
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '2' },
      database: app.database,
      clock: app.clock,
    });
    try {
      const attempt = () =>
        throttled.server.inject({
          method: 'POST',
          url: '/api/auth/officer/login',
          payload: { username: `khach${Math.random()}`, password: 'x', totp: '123456' },
        });
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      const third = await attempt();
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await throttled.server.close();
    }
  });

  it('records successful and failed sign-ins in the audit log', async () => {
    const rows = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', '=', 'auth.officer.login')
      .execute();
    expect(rows.some((r) => r.outcome === 'success')).toBe(true);
    expect(rows.some((r) => r.outcome === 'failure')).toBe(true);
  });
});

describe('sessions', () => {
  it('logout destroys the session: the old cookie no longer works', async () => {
    const session = await signInOfficer(app, officer);
    const me = await app.server.inject({
      url: '/api/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(me.json().authenticated).toBe(true);
    const out = await app.server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.server.inject({
      url: '/api/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(after.json().authenticated).toBe(false);
  });

  it('rotates the session at sign-in: the cookie from before a re-login is refused', async () => {
    const first = await signInOfficer(app, officer);
    app.clock.advance(30_000);
    const again = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/login',
      headers: { cookie: first.cookie },
      payload: {
        username: officer.username,
        password: officer.password,
        totp: totpCode(officer.totpSecret, app.clock.now()),
      },
    });
    expect(again.statusCode).toBe(200);
    const second = cookieHeader(cookiesFrom(again));
    expect(second).not.toBe(first.cookie);
    const old = await app.server.inject({
      url: '/api/auth/session',
      headers: { cookie: first.cookie },
    });
    expect(old.json().authenticated).toBe(false);
    const current = await app.server.inject({
      url: '/api/auth/session',
      headers: { cookie: second },
    });
    expect(current.json().authenticated).toBe(true);
  });

  it('expires a session after the idle timeout and after the absolute timeout', async () => {
    const idle = await signInOfficer(app, officer);
    app.clock.advance(31 * 60_000);
    expect(
      (
        await app.server.inject({ url: '/api/auth/session', headers: { cookie: idle.cookie } })
      ).json().authenticated,
    ).toBe(false);

    const busy = await signInOfficer(app, officer);
    // Active every 20 minutes, so never idle, but past the 12-hour absolute limit.
    for (let i = 0; i < 37; i++) {
      app.clock.advance(20 * 60_000);
      await app.server.inject({ url: '/api/auth/session', headers: { cookie: busy.cookie } });
    }
    expect(
      (
        await app.server.inject({ url: '/api/auth/session', headers: { cookie: busy.cookie } })
      ).json().authenticated,
    ).toBe(false);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const session = await signInOfficer(app, officer);
    const missing = await app.server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_FAILED');
    const wrong = await app.server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    const crossSite = await app.server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        origin: 'https://evil.example',
      },
    });
    expect(crossSite.statusCode).toBe(403);
    // Still signed in: none of the refused requests did anything.
    expect(
      (
        await app.server.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } })
      ).json().authenticated,
    ).toBe(true);
  });

  it('switches the working unit only to a unit the officer holds a role in', async () => {
    const session = await signInOfficer(app, officer);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const ok = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/unit',
      headers,
      payload: { unitCode: '22015' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.activeUnitCode).toBe('22015');
    const me = await app.server.inject({ url: '/api/auth/session', headers });
    expect(me.json().user.activeUnitCode).toBe('22015');
    const denied = await app.server.inject({
      method: 'POST',
      url: '/api/auth/officer/unit',
      headers,
      payload: { unitCode: '24373' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('UNIT_NOT_GRANTED');
  });
});
