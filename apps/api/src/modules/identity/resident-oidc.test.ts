import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIdp, startLocalIdp } from '../../idp/local-idp';
import { sampleResidents } from '../../idp/sample-residents';
import { FakeIssuer } from '../../test/fake-issuer';
import { cookieHeader, cookiesFrom, createTestApp, type TestApp } from '../../test/test-app';
import { OidcClient } from './oidc.client';

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

describe('resident sign-in against the local identity provider (full flow)', () => {
  let idp: LocalIdp;
  let app: TestApp;

  beforeAll(async () => {
    idp = await startLocalIdp({
      port: 0,
      clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, redirectUris: [CALLBACK] }],
    });
    app = await createTestApp({
      env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  /** Start at the portal, pick the resident at the provider, come back with the code. */
  async function throughProvider(sub: string, returnTo: string) {
    const start = await app.server.inject({
      url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
    });
    expect(start.statusCode).toBe(302);
    const authUrl = new URL(String(start.headers.location));
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('state')).toBeTruthy();
    expect(authUrl.searchParams.get('nonce')).toBeTruthy();
    const browser = new ProviderBrowser();
    const toInteraction = await browser.request(authUrl);
    const interaction = new URL(String(toInteraction.headers.get('location')), idp.issuer);
    const page = await browser.request(interaction);
    expect(await page.text()).toContain('KHÔNG PHẢI VNeID');
    let response = await browser.request(new URL(`${interaction.href}/login`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account: sub }).toString(),
    });
    for (let hop = 0; hop < 5; hop++) {
      const location = new URL(String(response.headers.get('location')), idp.issuer);
      if (location.href.startsWith(CALLBACK)) {
        return {
          callback: location,
          oidcCookie: cookiesFrom(start).cqs_oidc!,
          state: authUrl.searchParams.get('state')!,
        };
      }
      response = await browser.request(location);
    }
    throw new Error('the provider never redirected back');
  }

  it('signs a resident in, records the assurance level, and shows name and commune', async () => {
    const resident = sampleResidents.find((r) => r.level === 2)!;
    const { callback, oidcCookie } = await throughProvider(resident.sub, '/xa-phuong/22015');
    const done = await app.server.inject({
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `cqs_oidc=${oidcCookie}` },
    });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/xa-phuong/22015');
    const session = await app.server.inject({
      url: '/api/auth/session',
      headers: { cookie: cookieHeader(cookiesFrom(done)) },
    });
    const user = session.json().user;
    expect(user).toMatchObject({
      kind: 'resident',
      fullName: resident.name,
      communeCode: resident.commune.code,
      assuranceLevel: 2,
    });
    expect(user.communeName).toBe(resident.commune.fullName);
    expect(user.citizenIdMasked).not.toContain(resident.citizenId.slice(3, 10));

    const row = await app.database.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_subject', '=', resident.sub)
      .executeTakeFirstOrThrow();
    expect(row.oidc_issuer).toBe(idp.issuer);
    const stored = await app.database.db
      .selectFrom('sessions')
      .select(['acr', 'assurance_level'])
      .where('user_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ acr: 'urn:vneid:loa:2', assurance_level: 2 });
  });

  it('refuses a callback whose state does not match, and a replayed callback', async () => {
    const resident = sampleResidents[0]!;
    const { callback, oidcCookie } = await throughProvider(resident.sub, '/');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'trang-thai-gia');
    const wrong = await app.server.inject({
      url: `${tampered.pathname}${tampered.search}`,
      headers: { cookie: `cqs_oidc=${oidcCookie}` },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('OIDC_STATE_MISMATCH');
    expect(cookiesFrom(wrong).cqs_sid).toBeUndefined();
    // The pending login was consumed by the failed attempt: the genuine callback cannot be replayed.
    const replay = await app.server.inject({
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `cqs_oidc=${oidcCookie}` },
    });
    expect(replay.statusCode).toBe(400);
  });

  it('refuses a callback without the browser-bound login cookie', async () => {
    const { callback } = await throughProvider(sampleResidents[1]!.sub, '/');
    const res = await app.server.inject({ url: `${callback.pathname}${callback.search}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('OIDC_STATE_MISMATCH');
  });

  it('never redirects off-site after sign-in', async () => {
    const { callback, oidcCookie } = await throughProvider(
      sampleResidents[2]!.sub,
      '//evil.example/steal',
    );
    const done = await app.server.inject({
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `cqs_oidc=${oidcCookie}` },
    });
    expect(done.headers.location).toBe('/');
  });
});

describe('resident sign-in refuses forged ID tokens', () => {
  const fake = new FakeIssuer(CLIENT_ID);
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({
      oidc: new OidcClient({
        issuer: fake.issuer,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        redirectUri: CALLBACK,
        idTokenAlgs: ['RS256'],
        customFetch: fake.fetch,
      }),
    });
  });
  afterAll(async () => {
    await app.close();
  });

  async function signInWith(shape: Parameters<FakeIssuer['idToken']>[0]) {
    const start = await app.server.inject({ url: '/api/auth/oidc/start' });
    const authUrl = new URL(String(start.headers.location));
    fake.expectedNonce = authUrl.searchParams.get('nonce')!;
    fake.nextToken = () => shape;
    return app.server.inject({
      url: `/api/auth/oidc/callback?code=ma-uy-quyen&state=${authUrl.searchParams.get('state')}`,
      headers: { cookie: `cqs_oidc=${cookiesFrom(start).cqs_oidc}` },
    });
  }

  it('accepts a well-formed token (so each refusal below is caused by its one defect)', async () => {
    const res = await signInWith({});
    expect(res.statusCode).toBe(302);
    expect(cookiesFrom(res).cqs_sid).toBeTruthy();
  });

  it.each([
    ['a wrong nonce', { claims: { nonce: 'nonce-khac' } }],
    ['a wrong audience', { claims: { aud: 'ung-dung-khac' } }],
    [
      'an expired token',
      {
        claims: {
          exp: Math.floor(Date.now() / 1000) - 3600,
          iat: Math.floor(Date.now() / 1000) - 7200,
        },
      },
    ],
    ['alg: none', { header: { alg: 'none' }, unsigned: true }],
    ['a wrong issuer', { claims: { iss: 'https://gia-mao.example' } }],
    ['a signature by another key', { signingKey: new FakeIssuer(CLIENT_ID).otherKey }],
  ])('refuses %s', async (_label, shape) => {
    const before = await app.database.db.selectFrom('users').select('id').execute();
    const res = await signInWith(shape);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('OIDC_LOGIN_FAILED');
    expect(cookiesFrom(res).cqs_sid).toBeUndefined();
    const after = await app.database.db.selectFrom('users').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('keys residents on (issuer, subject): never merged by phone number', async () => {
    await signInWith({ claims: { sub: 'nguoi-a', phone_number: '0912000111' } });
    await signInWith({ claims: { sub: 'nguoi-a', phone_number: '0912999888', name: 'Tên mới' } });
    await signInWith({ claims: { sub: 'nguoi-b', phone_number: '0912999888' } });
    const rows = await app.database.db
      .selectFrom('users')
      .select(['oidc_subject', 'full_name', 'phone'])
      .where('oidc_subject', 'in', ['nguoi-a', 'nguoi-b'])
      .orderBy('oidc_subject')
      .execute();
    expect(rows).toEqual([
      { oidc_subject: 'nguoi-a', full_name: 'Tên mới', phone: '0912999888' },
      { oidc_subject: 'nguoi-b', full_name: 'Nguyễn Văn Thử', phone: '0912999888' },
    ]);
  });
});
