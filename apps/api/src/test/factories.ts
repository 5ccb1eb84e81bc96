import { randomUUID } from 'node:crypto';
import type { OfficerRole } from '@cqs/shared';
import type { Db } from '../db/client';
import type { Clock } from '../lib/clock';
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

export interface TestResident {
  id: string;
  headers: Record<string, string>;
}

/** What makeResident needs of the app: the test app, or a benchmark's app and database. */
export type ResidentFactoryApp = Pick<TestApp, 'services'> & {
  clock: Clock;
  database: { db: Db };
};

/** A resident with a live session and a profile, as the OIDC callback would leave one. */
export async function makeResident(
  app: ResidentFactoryApp,
  profile: {
    fullName?: string;
    communeCode?: string | null;
    phone?: string | null;
    citizenId?: string | null;
    email?: string | null;
  } = {},
): Promise<TestResident> {
  counter += 1;
  const id = randomUUID();
  const now = app.clock.now();
  await app.database.db
    .insertInto('users')
    .values({
      id,
      kind: 'resident',
      full_name: profile.fullName ?? 'Nguyễn Văn Thử',
      oidc_issuer: 'https://idp.test.example',
      oidc_subject: id,
      citizen_id:
        profile.citizenId === undefined
          ? `0660900${String(10000 + counter).slice(-5)}`
          : profile.citizenId,
      birth_date: '1990-05-17',
      gender: 'male',
      phone:
        profile.phone === undefined ? `09051${String(10000 + counter).slice(-5)}` : profile.phone,
      email: profile.email === undefined ? `cong.dan.${counter}@example.vn` : profile.email,
      address: 'Thôn 3',
      commune_code: profile.communeCode === undefined ? '24133' : profile.communeCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const session = await app.services.sessions.create(id, {
    acr: 'urn:vneid:loa:2',
    assuranceLevel: 2,
  });
  return {
    id,
    headers: { cookie: `cqs_sid=${session.cookieValue}`, 'x-csrf-token': session.csrfToken },
  };
}
