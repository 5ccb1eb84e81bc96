import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { AppError } from '../../http/errors';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Signature algorithms accepted for ID tokens; `none` is never accepted. */
  idTokenAlgs: string[];
  /** Tests swap the HTTP transport to present forged provider responses. */
  customFetch?: oidc.CustomFetch;
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The relying party for residents: authorization code flow with PKCE (S256), `state` and
 * `nonce`. openid-client checks `iss`, `aud`, `exp`, `iat`, `nonce` and the algorithm allow-list,
 * but — as OIDC Core 3.1.3.7 permits for tokens received over TLS — not the signature; this
 * class verifies the signature against the issuer's JWKS as well (defence in depth: a mis-issued
 * certificate or a proxy must not be able to mint identities).
 */
export class OidcClient {
  private config: Promise<oidc.Configuration> | null = null;
  private jwks: { keys: ReturnType<typeof createLocalJWKSet>; fetchedAt: number } | null = null;

  constructor(private readonly settings: OidcSettings) {}

  get issuer(): string {
    return this.settings.issuer;
  }

  private async configuration(): Promise<oidc.Configuration> {
    this.config ??= (async () => {
      const issuerUrl = new URL(this.settings.issuer);
      const metadata = {
        client_secret: this.settings.clientSecret,
        // oauth4webapi accepts a list here (an allow-list), although the type says string.
        id_token_signed_response_alg: this.settings.idTokenAlgs as unknown as string,
      };
      const config = await oidc.discovery(
        issuerUrl,
        this.settings.clientId,
        metadata,
        oidc.ClientSecretBasic(this.settings.clientSecret),
        {
          // Plain HTTP only for a provider on this machine (the local development provider).
          ...(isLoopback(issuerUrl) ? { execute: [oidc.allowInsecureRequests] } : {}),
          ...(this.settings.customFetch ? { [oidc.customFetch]: this.settings.customFetch } : {}),
        },
      );
      if (this.settings.customFetch) config[oidc.customFetch] = this.settings.customFetch;
      return config;
    })().catch((error: unknown) => {
      this.config = null;
      throw new AppError('OIDC_UNAVAILABLE', { cause: error });
    });
    return this.config;
  }

  async start(): Promise<AuthorizationStart> {
    const config = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile phone email address citizen',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Each portal sign-in authenticates anew: on a shared device (a community-team member's
      // phone) the provider's own session must not sign in the previous resident silently.
      prompt: 'login',
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code and returns the verified ID-token claims; any check failing throws. */
  async finish(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedIdentity> {
    const config = await this.configuration();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new Error('no ID token');
      await this.verifySignature(config, tokens.id_token);
      return { issuer: claims.iss, subject: claims.sub, claims: { ...claims } };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('OIDC_LOGIN_FAILED', { cause: error });
    }
  }

  private async verifySignature(config: oidc.Configuration, idToken: string): Promise<void> {
    const options = {
      issuer: this.settings.issuer,
      audience: this.settings.clientId,
      algorithms: this.settings.idTokenAlgs,
    };
    try {
      await jwtVerify(idToken, await this.keySet(config, false), options);
    } catch (error) {
      // A key the cached set does not know may be a rotation: fetch the set once more.
      const code = (error as { code?: string }).code;
      if (code !== 'ERR_JWKS_NO_MATCHING_KEY') throw error;
      await jwtVerify(idToken, await this.keySet(config, true), options);
    }
  }

  private async keySet(config: oidc.Configuration, refresh: boolean) {
    if (this.jwks && !refresh && Date.now() - this.jwks.fetchedAt < 3_600_000)
      return this.jwks.keys;
    const uri = config.serverMetadata().jwks_uri;
    if (!uri) throw new Error('the issuer publishes no jwks_uri');
    const fetcher = this.settings.customFetch ?? fetch;
    const response = await fetcher(uri, {
      method: 'GET',
      headers: { accept: 'application/json' },
    } as never);
    if (!response.ok) throw new Error(`JWKS request failed: ${response.status}`);
    const keys = createLocalJWKSet((await response.json()) as JSONWebKeySet);
    this.jwks = { keys, fetchedAt: Date.now() };
    return keys;
  }
}
