import type { OfficerRole } from '@cqs/shared';
import { createOfficer } from '../modules/identity/officers.admin';
import { totpCode } from '../modules/identity/totp';
import { cookieHeader, cookiesFrom, type TestApp } from './test-app';

let counter = 0;

export interface TestOfficer {
  id: string;
  username: string;
  password: string;
  totpSecret: string;
}

export async function makeOfficer(
  app: TestApp,
  grants: { role: OfficerRole; unitCode: string }[],
  overrides: { username?: string; password?: string } = {},
): Promise<TestOfficer> {
  counter += 1;
  const username = overrides.username ?? `officer${counter}.${Date.now() % 100000}`;
  const password = overrides.password ?? `Mat-khau-${counter}-dai-du`;
  const { id, totpSecret } = await createOfficer(app.database.db, app.clock, {
    username,
    fullName: `Cán bộ thử ${counter}`,
    password,
    grants,
  });
  return { id, username, password, totpSecret };
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

/** Signs an officer in through the real route; moves the clock one TOTP step first. */
export async function signInOfficer(app: TestApp, officer: TestOfficer): Promise<SignedIn> {
  app.clock.advance(30_000);
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/auth/officer/login',
    payload: {
      username: officer.username,
      password: officer.password,
      totp: totpCode(officer.totpSecret, app.clock.now()),
    },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { cookie: cookieHeader(cookiesFrom(res)), csrf: res.json().csrfToken };
}
