import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIdp, startLocalIdp } from '../../idp/local-idp';
import { type SampleResident, sampleResidents } from '../../idp/sample-residents';
import { cookieHeader, cookiesFrom, createTestApp, type TestApp } from '../../test/test-app';
import {
  call,
  consentByCode,
  genericProcedure,
  type Member,
  makeMember,
  readyRecord,
  submitRecord,
} from './assisted.test-support';

const CLIENT_ID = 'chinh-quyen-so';
const SECRET = randomBytes(24).toString('base64url');
const CALLBACK = 'http://localhost:3000/api/auth/oidc/callback';

/** A browser's cookie handling, just enough for the provider's own pages. */
class ProviderBrowser {
  private cookies = new Map<string, string>();
  async request(url: URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }
}

let idp: LocalIdp;
let app: TestApp;
let procedure: string;
let member: Member;

beforeAll(async () => {
  idp = await startLocalIdp({
    port: 0,
    clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, redirectUris: [CALLBACK] }],
  });
  app = await createTestApp({
    env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: SECRET },
  });
  procedure = await genericProcedure(app);
  member = await makeMember(app);
  // Building the app and picking a procedure takes a while on a busy machine.
}, 180_000);
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

const resident = (sub: string): SampleResident => sampleResidents.find((r) => r.sub === sub)!;
const asInput = (r: SampleResident, citizenId = r.citizenId) => ({
  fullName: r.name,
  phone: r.phoneNumber,
  citizenId,
});

/** The resident picks their account at the provider; returns the callback URL and login cookie. */
async function throughProvider(start: LightMyRequestResponse, sub: string) {
  expect(start.statusCode, start.body).toBe(302);
  const authUrl = new URL(String(start.headers.location));
  expect(authUrl.searchParams.get('prompt')).toBe('login');
  const browser = new ProviderBrowser();
  const toInteraction = await browser.request(authUrl);
  const interaction = new URL(String(toInteraction.headers.get('location')), idp.issuer);
  await browser.request(interaction);
  let response = await browser.request(new URL(`${interaction.href}/login`), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: sub }).toString(),
  });
  for (let hop = 0; hop < 5; hop++) {
    const location = new URL(String(response.headers.get('location')), idp.issuer);
    if (location.href.startsWith(CALLBACK)) {
      return {
        callback: `${location.pathname}${location.search}`,
        oidcCookie: cookiesFrom(start).cqs_oidc!,
        state: authUrl.searchParams.get('state')!,
      };
    }
    response = await browser.request(location);
  }
  throw new Error('the provider never redirected back');
}

/** The member's device: the member's session cookie plus the pending consent sign-in cookie. */
async function consentBySignIn(who: Member, id: string, sub: string) {
  const start = await call(app, who, 'GET', `/api/officer/teams/assist/${id}/consent/sign-in`);
  const { callback, oidcCookie } = await throughProvider(start, sub);
  return { callback, oidcCookie };
}

function callbackWith(url: string, memberCookie: string, oidcCookie: string) {
  return app.server.inject({
    url,
    headers: { cookie: `${memberCookie}; cqs_oidc=${oidcCookie}` },
  });
}

async function residentSignsIn(sub: string) {
  const start = await app.server.inject({ url: '/api/auth/oidc/start?returnTo=/ho-so-cua-toi' });
  const { callback, oidcCookie } = await throughProvider(start, sub);
  const done = await app.server.inject({
    url: callback,
    headers: { cookie: `cqs_oidc=${oidcCookie}` },
  });
  expect(done.statusCode).toBe(302);
  return { cookie: cookieHeader({ cqs_sid: cookiesFrom(done).cqs_sid! }) };
}

describe('consent by the resident signing in on the member device', () => {
  it("records the consent for the resident's subject and leaves the member's session alone", async () => {
    const r = resident('demo-resident-01');
    const { id } = await readyRecord(app, member, procedure, asInput(r));
    const { callback, oidcCookie } = await consentBySignIn(member, id, r.sub);
    const done = await callbackWith(callback, member.cookie, oidcCookie);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe(`/can-bo/to-cong-nghe/ho-tro/${id}/dong-y?dong-y=ok`);
    // No session is created or replaced: no session cookie in the answer.
    expect(cookiesFrom(done).cqs_sid).toBeUndefined();
    const session = await call(app, member, 'GET', '/api/auth/session');
    expect(session.json().user).toMatchObject({ kind: 'officer', id: member.id });

    const user = await app.database.db
      .selectFrom('users')
      .select(['id', 'citizen_id'])
      .where('oidc_subject', '=', r.sub)
      .executeTakeFirstOrThrow();
    const sessions = await app.database.db
      .selectFrom('sessions')
      .select('user_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([]);
    const consent = await app.database.db
      .selectFrom('assisted_consents')
      .selectAll()
      .where('assisted_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({
      method: 'sign_in',
      resident_user_id: user.id,
      acr: 'urn:vneid:loa:2',
      member_id: member.memberId,
    });
    const view = await call(app, member, 'GET', `/api/officer/teams/assist/${id}`);
    expect(view.json()).toMatchObject({
      consent: { method: 'sign_in', valid: true },
      resident: { accountLinked: true },
    });

    const submitted = await submitRecord(app, member, id);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const dossierId = submitted.json().dossierId;
    const own = await residentSignsIn(r.sub);
    const mine = await app.server.inject({ url: '/api/my/dossiers', headers: own });
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id: dossierId, assistedBy: expect.objectContaining({}) }),
    ]);
  });

  it('refuses a callback that comes back in another session', async () => {
    const r = resident('demo-resident-07');
    const { id } = await readyRecord(app, member, procedure, asInput(r));
    const { callback, oidcCookie } = await consentBySignIn(member, id, r.sub);
    const other = await makeMember(app);
    const done = await callbackWith(callback, other.cookie, oidcCookie);
    expect(done.headers.location).toBe(
      `/can-bo/to-cong-nghe/ho-tro/${id}/dong-y?dong-y=ASSISTED_CONSENT_SESSION_MISMATCH`,
    );
    const consents = await app.database.db
      .selectFrom('assisted_consents')
      .select('id')
      .where('assisted_id', '=', id)
      .execute();
    expect(consents).toEqual([]);
  });

  it('refuses the consent of someone else than the resident named on the dossier', async () => {
    const r = resident('demo-resident-03');
    const { id } = await readyRecord(app, member, procedure, asInput(r, '054179000000'));
    const { callback, oidcCookie } = await consentBySignIn(member, id, r.sub);
    const done = await callbackWith(callback, member.cookie, oidcCookie);
    expect(done.headers.location).toContain('dong-y=ASSISTED_CONSENT_IDENTITY_MISMATCH');
    expect((await submitRecord(app, member, id)).json().error.code).toBe(
      'ASSISTED_CONSENT_REQUIRED',
    );
    const denied = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('object_id', '=', id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ action: 'teams.assist_consent', outcome: 'denied' }]);
  });

  it('goes back to the consent page when the resident cancels at the provider', async () => {
    const r = resident('demo-resident-09');
    const { id } = await readyRecord(app, member, procedure, asInput(r));
    const start = await call(app, member, 'GET', `/api/officer/teams/assist/${id}/consent/sign-in`);
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const done = await callbackWith(
      `/api/auth/oidc/callback?error=access_denied&state=${state}`,
      member.cookie,
      cookiesFrom(start).cqs_oidc!,
    );
    expect(done.headers.location).toBe(`/can-bo/to-cong-nghe/ho-tro/${id}/dong-y?dong-y=cancelled`);
  });
});

describe('a resident without an account yet', () => {
  it('gets the dossier consented by code at their first sign-in with that ID number', async () => {
    const r = resident('demo-resident-10');
    const { id } = await readyRecord(app, member, procedure, asInput(r));
    await consentByCode(app, member, id);
    const submitted = await submitRecord(app, member, id);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const dossierId = submitted.json().dossierId;
    const before = await app.database.db
      .selectFrom('dossiers')
      .select('applicant_user_id')
      .where('id', '=', dossierId)
      .executeTakeFirstOrThrow();
    expect(before.applicant_user_id).toBeNull();

    const own = await residentSignsIn(r.sub);
    const mine = await app.server.inject({ url: '/api/my/dossiers', headers: own });
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        id: dossierId,
        assistedBy: { teamName: member.teamName, communeName: 'Phường Buôn Ma Thuột' },
      }),
    ]);
    const link = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind'])
      .where('object_id', '=', id)
      .where('action', '=', 'teams.assist_link_resident')
      .execute();
    expect(link).toEqual([{ action: 'teams.assist_link_resident', actor_kind: 'resident' }]);
  });
});
