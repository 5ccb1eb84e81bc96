import { createHash, createPublicKey, type JsonWebKey, randomBytes, verify } from 'node:crypto';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_BANNER_TEXT, escapeHtml } from './interaction-page';
import { type LocalIdp, startLocalIdp, VNEID_ACR } from './local-idp';
import { maskCitizenId, sampleResidents } from './sample-residents';

const CLIENT_ID = 'cqs-test-portal';
const CLIENT_SECRET = randomBytes(24).toString('base64url');
const REDIRECT_URI = 'http://127.0.0.1:5999/auth/callback';
const POST_LOGOUT_REDIRECT_URI = 'http://127.0.0.1:5999/logged-out';
const SCOPE = 'openid profile phone address citizen';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
  id_token_signing_alg_values_supported: string[];
  acr_values_supported: string[];
  scopes_supported: string[];
}

/** Minimal cookie jar: honours Path, drops cookies that are cleared. */
class CookieJar {
  readonly #cookies = new Map<string, { value: string; path: string }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = val;
        if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
        if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.#cookies.delete(key);
      else this.#cookies.set(key, { value, path });
    }
  }

  header(url: URL): string {
    const matches: string[] = [];
    for (const [key, { value, path }] of this.#cookies) {
      const p = url.pathname;
      const pathMatches =
        p === path || (p.startsWith(path) && (path.endsWith('/') || p[path.length] === '/'));
      if (pathMatches) matches.push(`${key.slice(0, key.indexOf(';'))}=${value}`);
    }
    return matches.join('; ');
  }
}

class Browser {
  readonly jar = new CookieJar();

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.jar.header(target);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.jar.store(response);
    return response;
  }

  /** Follows redirects (GET) until one points at the relying party's redirect_uri. */
  async followToRedirectUri(response: Response, base: string): Promise<URL> {
    let current = response;
    for (let hop = 0; hop < 10; hop += 1) {
      expect([302, 303]).toContain(current.status);
      const location = new URL(current.headers.get('location') ?? '', base);
      if (location.href.startsWith(REDIRECT_URI)) return location;
      current = await this.request(location);
    }
    throw new Error('too many redirects');
  }
}

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

interface StartedFlow {
  browser: Browser;
  interactionUrl: URL;
  state: string;
  nonce: string;
  verifier: string;
}

let idp: LocalIdp;
let discovery: Discovery;

async function startAuthorization(extra: Record<string, string> = {}): Promise<StartedFlow> {
  const browser = new Browser();
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const { verifier, challenge } = pkcePair();
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
  const response = await browser.request(url);
  expect(response.status).toBe(303);
  const interactionUrl = new URL(response.headers.get('location') ?? '', idp.issuer);
  expect(interactionUrl.pathname).toMatch(/^\/interaction\/[\w-]+$/);
  return { browser, interactionUrl, state, nonce, verifier };
}

async function submitForm(
  browser: Browser,
  url: URL,
  fields: Record<string, string>,
): Promise<Response> {
  return browser.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * Picks `sub` on the interaction page. Expects exactly login → resume →
 * redirect_uri: a consent step in between would show up as another redirect
 * to /interaction/… and fail here.
 */
async function loginAs(flow: StartedFlow, sub: string): Promise<URL> {
  const page = await flow.browser.request(flow.interactionUrl);
  expect(page.status).toBe(200);
  await page.text();
  const login = await submitForm(flow.browser, new URL(`${flow.interactionUrl.href}/login`), {
    account: sub,
  });
  expect(login.status).toBe(303);
  const resumeUrl = new URL(login.headers.get('location') ?? '', idp.issuer);
  expect(resumeUrl.origin).toBe(idp.issuer);
  const resume = await flow.browser.request(resumeUrl);
  expect(resume.status).toBe(303);
  const callback = new URL(resume.headers.get('location') ?? '');
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
  return callback;
}

async function redeemCode(
  code: string,
  verifier: string,
  auth: 'basic' | 'post' = 'basic',
): Promise<Response> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth === 'basic') {
    const credentials = `${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  } else {
    body.set('client_id', CLIENT_ID);
    body.set('client_secret', CLIENT_SECRET);
  }
  return fetch(discovery.token_endpoint, { method: 'POST', headers, body: body.toString() });
}

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Verifies an RS256 JWS against a JWKS with node:crypto and returns its payload. */
function verifyRs256(jwt: string, jwks: { keys: JsonWebKey[] }): Record<string, unknown> {
  const [headerSegment = '', payloadSegment = '', signatureSegment = ''] = jwt.split('.');
  const header = decodeSegment(headerSegment);
  if (header.alg !== 'RS256') throw new Error(`unexpected alg ${String(header.alg)}`);
  const jwk = jwks.keys.find((key) => key.kid === header.kid);
  if (!jwk) throw new Error('no JWK with the token kid');
  const valid = verify(
    'sha256',
    Buffer.from(`${headerSegment}.${payloadSegment}`),
    createPublicKey({ key: jwk, format: 'jwk' }),
    Buffer.from(signatureSegment, 'base64url'),
  );
  if (!valid) throw new Error('invalid signature');
  return decodeSegment(payloadSegment);
}

async function fetchJwks(): Promise<{ keys: JsonWebKey[] }> {
  const response = await fetch(discovery.jwks_uri);
  expect(response.status).toBe(200);
  return (await response.json()) as { keys: JsonWebKey[] };
}

beforeAll(async () => {
  idp = await startLocalIdp({
    port: 0,
    clients: [
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUris: [REDIRECT_URI],
        postLogoutRedirectUris: [POST_LOGOUT_REDIRECT_URI],
      },
    ],
  });
  const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
  discovery = (await response.json()) as Discovery;
});

afterAll(async () => {
  await idp?.close();
});

describe('local IdP discovery', () => {
  it('publishes the issuer for the real bound port, S256 PKCE, RS256 and the VNeID acr values', () => {
    expect(idp.port).toBeGreaterThan(0);
    expect(idp.issuer).toBe(`http://localhost:${idp.port}`);
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.code_challenge_methods_supported).not.toContain('plain');
    expect(discovery.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(discovery.acr_values_supported).toEqual(['urn:vneid:loa:1', 'urn:vneid:loa:2']);
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'profile', 'phone', 'address', 'citizen']),
    );
  });

  it('publishes only public RSA signing keys', async () => {
    const jwks = await fetchJwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    for (const privateMember of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      expect(jwks.keys[0]).not.toHaveProperty(privateMember);
    }
  });
});

describe('local IdP interaction page', () => {
  it('shows the development banner and one labelled radio per resident, first preselected', async () => {
    const flow = await startAuthorization();
    const response = await flow.browser.request(flow.interactionUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();

    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain(DEV_BANNER_TEXT);
    expect(html).toContain('KHÔNG PHẢI VNeID');
    expect(html).toMatch(/<fieldset>\s*<legend>[^<]+<\/legend>/);
    expect(html).toContain('data-testid="idp-login"');
    expect(html).toMatch(/<button[^>]*>Đăng nhập<\/button>/);
    expect(html).toMatch(/<button[^>]*>Hủy<\/button>/);
    expect(html).not.toMatch(/<script|<link|src=/i);

    const radios = [...html.matchAll(/<input type="radio"[^>]*>/g)].map((m) => m[0]);
    expect(radios).toHaveLength(sampleResidents.length);
    expect(radios[0]).toContain(`data-testid="resident-${sampleResidents[0]?.sub}"`);
    expect(radios[0]).toContain(' checked');
    expect(radios.slice(1).some((radio) => radio.includes(' checked'))).toBe(false);

    for (const resident of sampleResidents) {
      const id = `resident-${resident.sub}`;
      expect(html).toContain(`data-testid="${id}"`);
      const label = html.match(new RegExp(`<label for="${id}">([\\s\\S]*?)</label>`))?.[1];
      expect(label, id).toBeDefined();
      expect(label).toContain(escapeHtml(resident.name));
      expect(label).toContain(maskCitizenId(resident.citizenId));
      expect(label).not.toContain(resident.citizenId);
      expect(label).toContain(escapeHtml(resident.commune.fullName));
      expect(label).toContain(`Mức ${resident.level}`);
    }
  });

  it('re-renders the page with an alert when the chosen resident is unknown', async () => {
    const flow = await startAuthorization();
    await (await flow.browser.request(flow.interactionUrl)).text();
    const response = await submitForm(flow.browser, new URL(`${flow.interactionUrl.href}/login`), {
      account: 'nobody',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/role="alert"/);
  });

  it('refuses the interaction page without the interaction cookie', async () => {
    const flow = await startAuthorization();
    const response = await fetch(flow.interactionUrl, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Phiên đăng nhập đã hết hạn');
  });
});

describe('local IdP authorization code flow', () => {
  it.each([
    { sub: 'demo-resident-01', auth: 'basic' as const },
    { sub: 'demo-resident-04', auth: 'post' as const },
  ])('signs in $sub and issues a verifiable ID token (client_$auth)', async ({ sub, auth }) => {
    const resident = sampleResidents.find((r) => r.sub === sub);
    if (!resident) throw new Error(`missing ${sub}`);

    const flow = await startAuthorization();
    const callback = await loginAs(flow, sub);
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('iss')).toBe(idp.issuer);
    expect(callback.searchParams.get('error')).toBeNull();
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const tokenResponse = await redeemCode(code ?? '', flow.verifier, auth);
    expect(tokenResponse.status).toBe(200);
    const tokens = (await tokenResponse.json()) as {
      id_token: string;
      access_token: string;
      token_type: string;
      scope: string;
    };
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.scope.split(' ').sort()).toEqual(SCOPE.split(' ').sort());

    const jwks = await fetchJwks();
    const claims = verifyRs256(tokens.id_token, jwks);
    const now = Math.floor(Date.now() / 1000);
    expect(claims.iss).toBe(idp.issuer);
    expect(claims.aud).toBe(CLIENT_ID);
    expect(claims.sub).toBe(sub);
    expect(claims.nonce).toBe(flow.nonce);
    expect(claims.acr).toBe(VNEID_ACR[resident.level]);
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + 60 * 60 + 5);
    expect(claims).toMatchObject({
      name: resident.name,
      birthdate: resident.birthdate,
      gender: resident.gender,
      phone_number: resident.phoneNumber,
      citizen_id: resident.citizenId,
      commune_code: resident.commune.code,
    });
    expect(claims.citizen_id).toMatch(/^\d{12}$/);
    expect(claims.commune_code).toMatch(/^\d{5}$/);
    expect((claims.address as { formatted?: string }).formatted).toContain(
      resident.commune.fullName,
    );

    // A tampered signature must not verify (guards the verifier itself).
    const [h, p, s = ''] = tokens.id_token.split('.');
    const flipped = `${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`;
    expect(() => verifyRs256(`${h}.${p}.${flipped}`, jwks)).toThrow('invalid signature');

    // userinfo returns the same claims.
    const userinfo = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({
      sub,
      name: resident.name,
      citizen_id: resident.citizenId,
      commune_code: resident.commune.code,
    });

    // The code is single-use.
    const replay = await redeemCode(code ?? '', flow.verifier, auth);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('redirects with error=access_denied when the resident cancels', async () => {
    const flow = await startAuthorization();
    await (await flow.browser.request(flow.interactionUrl)).text();
    const response = await submitForm(flow.browser, new URL(`${flow.interactionUrl.href}/abort`), {
      account: sampleResidents[0]?.sub ?? '',
    });
    const callback = await flow.browser.followToRedirectUri(response, idp.issuer);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(flow.state);
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('refuses a code redeemed with the wrong PKCE verifier', async () => {
    const flow = await startAuthorization();
    const callback = await loginAs(flow, 'demo-resident-02');
    const code = callback.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    const wrongVerifier = pkcePair().verifier;
    const response = await redeemCode(code, wrongVerifier, 'post');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('requires PKCE even for confidential clients', async () => {
    const browser = new Browser();
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: SCOPE,
      state: 'no-pkce',
      nonce: 'n',
    }).toString();
    const callback = await browser.followToRedirectUri(await browser.request(url), idp.issuer);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(callback.searchParams.get('state')).toBe('no-pkce');
  });

  it('rejects a wrong client secret at the token endpoint', async () => {
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'irrelevant',
        redirect_uri: REDIRECT_URI,
        code_verifier: pkcePair().verifier,
        client_id: CLIENT_ID,
        client_secret: 'wrong-secret',
      }).toString(),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('works with openid-client as the relying party (as apps/api uses it)', async () => {
    const config = await oidc.discovery(
      new URL(idp.issuer),
      CLIENT_ID,
      { client_secret: CLIENT_SECRET, id_token_signed_response_alg: 'RS256' },
      oidc.ClientSecretBasic(CLIENT_SECRET),
      { execute: [oidc.allowInsecureRequests] },
    );
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });

    const browser = new Browser();
    const start = await browser.request(authorizationUrl);
    const interactionUrl = new URL(start.headers.get('location') ?? '', idp.issuer);
    const callback = await loginAs(
      { browser, interactionUrl, state, nonce, verifier: codeVerifier },
      'demo-resident-03',
    );

    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: idp.issuer,
      sub: 'demo-resident-03',
      acr: VNEID_ACR[2],
      name: 'Trần Thị Thu Hà',
      citizen_id: '054179638781',
      commune_code: '22015',
    });
  });

  it('supports RP-initiated logout back to a registered post_logout_redirect_uri', async () => {
    const flow = await startAuthorization();
    const callback = await loginAs(flow, 'demo-resident-05');
    const tokenResponse = await redeemCode(callback.searchParams.get('code') ?? '', flow.verifier);
    const { id_token: idToken } = (await tokenResponse.json()) as { id_token: string };

    const endSession = new URL(discovery.end_session_endpoint);
    endSession.search = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: POST_LOGOUT_REDIRECT_URI,
      state: 'bye',
    }).toString();
    const confirmPage = await flow.browser.request(endSession);
    expect(confirmPage.status).toBe(200);
    const html = await confirmPage.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Đăng xuất');
    const action = html.match(/<form id="op\.logoutForm" method="post" action="([^"]+)"/)?.[1];
    const xsrf = html.match(/name="xsrf" value="([^"]+)"/)?.[1];
    expect(action).toBeDefined();
    expect(xsrf).toBeDefined();

    const confirmed = await submitForm(flow.browser, new URL(action ?? '', idp.issuer), {
      xsrf: xsrf ?? '',
      logout: 'yes',
    });
    expect(confirmed.status).toBe(303);
    const location = new URL(confirmed.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(POST_LOGOUT_REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('bye');
  });
});
