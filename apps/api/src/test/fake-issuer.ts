import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import type { CustomFetch } from 'openid-client';

function b64url(value: object | Buffer): string {
  return (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString(
    'base64url',
  );
}

export interface IdTokenOptions {
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  /** Sign with this key instead of the published one. */
  signingKey?: KeyObject;
  unsigned?: boolean;
}

/**
 * An OpenID provider that exists only as a fetch function: discovery, JWKS and a token endpoint
 * whose ID token each test shapes (wrong audience, expired, alg none…). It lets the tests prove
 * that the relying party refuses each forged token, which a well-behaved provider never issues.
 */
export class FakeIssuer {
  readonly issuer = 'https://dinhdanh.test.example';
  readonly kid = randomUUID();
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  /** Set by each test before the callback: how the next ID token is made. */
  nextToken: (nonce: string) => IdTokenOptions = () => ({});
  /** The nonce the relying party sent, read from the authorization URL by the test. */
  expectedNonce = '';

  constructor(readonly clientId: string) {}

  idToken(options: IdTokenOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid, ...options.header };
    const claims = {
      iss: this.issuer,
      aud: this.clientId,
      sub: 'cong-dan-001',
      iat: now,
      exp: now + 300,
      nonce: this.expectedNonce,
      name: 'Nguyễn Văn Thử',
      citizen_id: '066090001234',
      commune_code: '24133',
      phone_number: '0905123456',
      acr: 'urn:vneid:loa:2',
      ...options.claims,
    };
    const input = `${b64url(header)}.${b64url(claims)}`;
    if (options.unsigned) return `${input}.`;
    const signature = sign(
      'sha256',
      Buffer.from(input),
      options.signingKey ?? this.keys.privateKey,
    );
    return `${input}.${b64url(signature)}`;
  }

  readonly fetch: CustomFetch = async (url) => {
    const target = new URL(url);
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    if (target.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer: this.issuer,
        authorization_endpoint: `${this.issuer}/auth`,
        token_endpoint: `${this.issuer}/token`,
        jwks_uri: `${this.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256', 'none'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (target.pathname === '/jwks') {
      const jwk = this.keys.publicKey.export({ format: 'jwk' });
      return json({ keys: [{ ...jwk, kid: this.kid, alg: 'RS256', use: 'sig' }] });
    }
    if (target.pathname === '/token') {
      return json({
        access_token: randomUUID(),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: this.idToken(this.nextToken(this.expectedNonce)),
      });
    }
    return new Response('not found', { status: 404 });
  };
}
