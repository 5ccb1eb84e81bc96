/**
 * Minimal type declarations for `oidc-provider` 9.x, which ships no types of
 * its own. Only the surface used by `local-idp.ts` is declared. If
 * `@types/oidc-provider` is ever added to the workspace, delete this file.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcClient {
    readonly clientId: string;
    readonly redirectUris: readonly string[];
  }

  export interface OidcSession {
    readonly accountId?: string;
    readonly uid: string;
    grantIdFor(clientId: string): string | undefined;
  }

  export interface Grant {
    readonly jti?: string;
    readonly accountId?: string;
    readonly clientId?: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    getOIDCScope(): string;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface OidcContext {
    readonly provider: Provider;
    readonly client?: OidcClient;
    readonly account?: { readonly accountId: string };
    readonly session?: OidcSession;
    readonly result?: InteractionResults;
    readonly requestParamOIDCScopes: ReadonlySet<string>;
    readonly requestParamClaims: ReadonlySet<string>;
  }

  export interface KoaContextWithOIDC {
    readonly oidc: OidcContext;
    readonly host: string;
    type: string;
    body: unknown;
    status: number;
    set(field: string, value: string): void;
  }

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(
      use: 'id_token' | 'userinfo',
      scope: string,
      claims: Record<string, unknown>,
      rejected: string[],
    ): AccountClaims | Promise<AccountClaims>;
  }

  export interface InteractionResults {
    login?: { accountId: string; acr?: string; amr?: string[]; remember?: boolean; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface Interaction {
    readonly uid: string;
    readonly returnTo: string;
    readonly prompt: {
      readonly name: string;
      readonly reasons: readonly string[];
      readonly details: Record<string, unknown>;
    };
    readonly params: Record<string, unknown>;
    readonly session?: { readonly accountId?: string; readonly uid?: string };
    readonly grantId?: string;
  }

  export interface ErrorOut {
    error: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
    application_type?: 'web' | 'native';
    [key: string]: unknown;
  }

  export interface JWK {
    kty: string;
    kid?: string;
    alg?: string;
    use?: string;
    [key: string]: unknown;
  }

  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: unknown;
    jti?: string;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  type TTLValue = number | ((ctx: KoaContextWithOIDC, token: unknown, client: unknown) => number);

  export interface Configuration {
    adapter?: (modelName: string) => Adapter;
    clients?: ClientMetadata[];
    clientDefaults?: Partial<ClientMetadata>;
    clientAuthMethods?: string[];
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: OidcClient) => boolean;
    findAccount?: (
      ctx: KoaContextWithOIDC,
      sub: string,
      token?: unknown,
    ) => Promise<Account | undefined> | Account | undefined;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => string };
    claims?: Record<string, null | string[]>;
    scopes?: string[];
    acrValues?: string[];
    responseTypes?: string[];
    conformIdTokenClaims?: boolean;
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: OidcClient) => boolean };
    jwks?: { keys: JWK[] };
    cookies?: {
      keys?: string[];
      long?: Record<string, unknown>;
      short?: Record<string, unknown>;
    };
    enabledJWA?: Record<string, string[]>;
    features?: Record<string, Record<string, unknown>>;
    ttl?: Record<string, TTLValue>;
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => void | Promise<void>;
    [key: string]: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantConstructor;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export class OIDCProviderError extends Error {
    readonly status: number;
    readonly statusCode: number;
    readonly error: string;
    readonly error_description?: string;
  }

  export const errors: {
    readonly OIDCProviderError: typeof OIDCProviderError;
    readonly SessionNotFound: typeof OIDCProviderError;
  };

  export default Provider;
}
