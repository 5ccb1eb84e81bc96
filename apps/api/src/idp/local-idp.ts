/**
 * Local development identity provider (NOT VNeID).
 *
 * A real OpenID Connect provider built on `oidc-provider`, for demo mode and
 * tests: authorization code flow with mandatory PKCE (S256), RS256-signed ID
 * tokens carrying the resident's claims, `client_secret_basic` /
 * `client_secret_post` client authentication, and a resident picker page in
 * place of a real login. All state is in memory and lost on close.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type {
  Account,
  AccountClaims,
  ClientMetadata,
  Configuration,
  Grant,
  Interaction,
  JWK,
  KoaContextWithOIDC,
  Provider,
} from 'oidc-provider';
import {
  PAGE_CSP,
  renderErrorPage,
  renderLoginPage,
  renderLogoutPage,
  renderLogoutSuccessPage,
} from './interaction-page';
import { MemoryStore, memoryAdapterFactory } from './memory-adapter';
import {
  findSampleResident,
  formattedAddress,
  PROVINCE_FULL_NAME,
  type SampleResident,
  sampleResidents,
  type VneidLevel,
} from './sample-residents';

export interface LocalIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
}

export interface LocalIdpOptions {
  port: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Default `http://localhost:<actual port>`. Must not have a path. */
  issuer?: string;
  clients: LocalIdpClient[];
  /** Secret for signing the provider's cookies; random per start when omitted. */
  cookieSecret?: string;
}

export interface LocalIdp {
  issuer: string;
  port: number;
  close(): Promise<void>;
}

/** `acr` values for the two VNeID electronic identification levels. */
export const VNEID_ACR = {
  1: 'urn:vneid:loa:1',
  2: 'urn:vneid:loa:2',
} as const satisfies Record<VneidLevel, string>;

export function acrForLevel(level: VneidLevel): string {
  return VNEID_ACR[level];
}

/**
 * Scope → claims released by the local IdP. `acr` sits under `openid` so that
 * every ID token carries it; oidc-provider otherwise only includes `acr` when
 * the relying party asks for it (acr_values or the claims parameter).
 */
export const LOCAL_IDP_SCOPE_CLAIMS = {
  openid: ['sub', 'acr'],
  profile: ['name', 'birthdate', 'gender'],
  phone: ['phone_number'],
  email: ['email', 'email_verified'],
  address: ['address'],
  citizen: ['citizen_id', 'commune_code'],
} as const satisfies Record<string, readonly string[]>;

/** All claims of a sample resident; oidc-provider filters them by granted scope. */
export function residentClaims(resident: SampleResident): AccountClaims {
  return {
    sub: resident.sub,
    name: resident.name,
    birthdate: resident.birthdate,
    gender: resident.gender,
    phone_number: resident.phoneNumber,
    email: resident.email,
    email_verified: true,
    address: {
      formatted: formattedAddress(resident),
      street_address: resident.streetAddress,
      locality: resident.commune.fullName,
      region: PROVINCE_FULL_NAME,
      country: 'VN',
    },
    citizen_id: resident.citizenId,
    commune_code: resident.commune.code,
  };
}

const ABORT_DESCRIPTION = 'End-User aborted interaction'; // RFC 6749: ASCII only
const MAX_FORM_BYTES = 16 * 1024;
const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,128})(?:\/(login|abort))?\/?$/;

type OidcProviderModule = typeof import('oidc-provider');

let oidcProviderModule: Promise<OidcProviderModule> | undefined;

/**
 * Imports oidc-provider once. On Node 20 it prints "Unsupported runtime. Use
 * Node.js v22.x LTS" at import time; that one line is filtered (the flow is
 * covered by local-idp.test.ts on the project's Node version).
 */
function loadOidcProvider(): Promise<OidcProviderModule> {
  oidcProviderModule ??= (async () => {
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => {
      const [first] = args;
      if (
        typeof first === 'string' &&
        first.includes('oidc-provider WARNING: Unsupported runtime')
      ) {
        return;
      }
      originalWarn.apply(console, args);
    };
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = originalWarn;
    }
  })().catch((error: unknown) => {
    oidcProviderModule = undefined;
    throw error;
  });
  return oidcProviderModule;
}

async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    ...jwk,
    kty: 'RSA',
    kid: `local-idp-${randomBytes(8).toString('base64url')}`,
    alg: 'RS256',
    use: 'sig',
  };
}

function validateOptions(opts: LocalIdpOptions): void {
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new TypeError('LocalIdpOptions.port must be an integer between 0 and 65535');
  }
  if (opts.clients.length === 0) {
    throw new TypeError('LocalIdpOptions.clients must contain at least one client');
  }
  const ids = new Set<string>();
  for (const client of opts.clients) {
    if (!client.clientId) throw new TypeError('LocalIdpClient.clientId must not be empty');
    if (ids.has(client.clientId)) {
      throw new TypeError(`duplicate LocalIdpClient.clientId: ${client.clientId}`);
    }
    ids.add(client.clientId);
    if (!client.clientSecret) {
      throw new TypeError(`LocalIdpClient ${client.clientId}: clientSecret must not be empty`);
    }
    if (client.redirectUris.length === 0) {
      throw new TypeError(`LocalIdpClient ${client.clientId}: redirectUris must not be empty`);
    }
  }
  if (opts.cookieSecret !== undefined && opts.cookieSecret.length < 16) {
    throw new TypeError('LocalIdpOptions.cookieSecret must be at least 16 characters');
  }
}

function normalizeIssuer(issuer: string): string {
  const url = new URL(issuer);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError('LocalIdpOptions.issuer must be an http(s) URL');
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    // The provider and the interaction pages are served from the root of this server.
    throw new TypeError('LocalIdpOptions.issuer must be an origin without path, query or fragment');
  }
  return url.origin;
}

function toClientMetadata(client: LocalIdpClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: [...client.redirectUris],
    ...(client.postLogoutRedirectUris
      ? { post_logout_redirect_uris: [...client.postLogoutRedirectUris] }
      : {}),
    application_type: 'web',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    // Either method is accepted at the token endpoint: oidc-provider treats
    // client_secret_basic and client_secret_post as interchangeable.
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  };
}

function setPageHeaders(ctx: KoaContextWithOIDC): void {
  ctx.set('Content-Security-Policy', PAGE_CSP);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
}

/**
 * First-party clients only: every requested OIDC scope (and claim) is granted
 * without a consent screen. Follows the `loadExistingGrant` pattern from the
 * oidc-provider documentation.
 */
async function loadOrCreateGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { client, account, session, provider } = ctx.oidc;
  if (!client || !account) return undefined;

  const grantId = ctx.oidc.result?.consent?.grantId ?? session?.grantIdFor(client.clientId);
  let grant = grantId ? await provider.Grant.find(grantId) : undefined;
  if (!grant || grant.accountId !== account.accountId || grant.clientId !== client.clientId) {
    grant = new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
  }

  const scopes = [...ctx.oidc.requestParamOIDCScopes];
  if (scopes.length > 0) grant.addOIDCScope(scopes.join(' '));
  const claims = [...ctx.oidc.requestParamClaims];
  if (claims.length > 0) grant.addOIDCClaims(claims);

  await grant.save();
  return grant;
}

function buildConfiguration(
  opts: LocalIdpOptions,
  signingKey: JWK,
  store: MemoryStore,
): Configuration {
  return {
    adapter: memoryAdapterFactory(store),
    clients: opts.clients.map(toClientMetadata),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    jwks: { keys: [signingKey] },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    cookies: { keys: [opts.cookieSecret ?? randomBytes(32).toString('base64url')] },
    scopes: ['openid'],
    claims: {
      acr: null,
      auth_time: null,
      iss: null,
      sid: null,
      ...Object.fromEntries(
        Object.entries(LOCAL_IDP_SCOPE_CLAIMS).map(([scope, claims]) => [scope, [...claims]]),
      ),
    },
    acrValues: [VNEID_ACR[1], VNEID_ACR[2]],
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const resident = findSampleResident(sub);
      if (!resident) return undefined;
      return { accountId: resident.sub, claims: () => residentClaims(resident) };
    },
    loadExistingGrant: loadOrCreateGrant,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 60 * 60,
      IdToken: 60 * 60,
      Session: 60 * 60,
      Grant: 60 * 60,
      Interaction: 10 * 60,
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx: KoaContextWithOIDC, form: string) {
          setPageHeaders(ctx);
          ctx.type = 'html';
          ctx.body = renderLogoutPage(ctx.host, form);
        },
        postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
          setPageHeaders(ctx);
          ctx.type = 'html';
          ctx.body = renderLogoutSuccessPage();
        },
      },
    },
    renderError(ctx, out) {
      setPageHeaders(ctx);
      ctx.type = 'html';
      const detail = out.error_description ? `${out.error}: ${out.error_description}` : out.error;
      ctx.body = renderErrorPage(
        'Không thể xử lý yêu cầu đăng nhập',
        'Nhà cung cấp định danh thử nghiệm đã từ chối yêu cầu. Vui lòng quay lại ứng dụng và thử lại.',
        detail,
      );
    },
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendHtml(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  extraHeaders: Record<string, string> = {},
): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    ...extraHeaders,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function methodNotAllowedPage(method: string): string {
  return renderErrorPage(
    'Phương thức không được hỗ trợ',
    `Địa chỉ này không chấp nhận phương thức ${method}.`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    throw new HttpError(415, 'Yêu cầu phải gửi dưới dạng biểu mẫu.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_FORM_BYTES) throw new HttpError(413, 'Dữ liệu gửi lên quá lớn.');
    chunks.push(buf);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function createInteractionHandler(
  provider: Provider,
  errors: OidcProviderModule['errors'],
): (req: IncomingMessage, res: ServerResponse, uid: string, action?: string) => Promise<void> {
  const loginPage = (details: Interaction, errorMessage?: string) =>
    renderLoginPage({
      uid: details.uid,
      clientId: String(details.params.client_id ?? ''),
      residents: sampleResidents,
      selectedSub:
        typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined,
      errorMessage,
    });

  async function finishConsent(req: IncomingMessage, res: ServerResponse, details: Interaction) {
    // Not normally reached: loadExistingGrant grants everything up front.
    const accountId = details.session?.accountId;
    if (!accountId) throw new HttpError(400, 'Phiên đăng nhập không hợp lệ.');
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
    if (Array.isArray(missingOIDCScope)) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (Array.isArray(missingOIDCClaims)) grant.addOIDCClaims(missingOIDCClaims.map(String));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse, uid: string, action?: string) {
    const method = req.method ?? 'GET';
    if (action === undefined && method !== 'GET' && method !== 'HEAD') {
      req.resume();
      sendHtml(req, res, 405, methodNotAllowedPage(method), { Allow: 'GET, HEAD' });
      return;
    }
    if (action !== undefined && method !== 'POST') {
      req.resume();
      sendHtml(req, res, 405, methodNotAllowedPage(method), { Allow: 'POST' });
      return;
    }

    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      req.resume();
      throw new HttpError(400, 'Phiên đăng nhập không khớp với yêu cầu.');
    }

    if (action === 'abort') {
      req.resume();
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: ABORT_DESCRIPTION },
        { mergeWithLastSubmission: false },
      );
      return;
    }

    if (details.prompt.name === 'consent' && action === undefined) {
      await finishConsent(req, res, details);
      return;
    }
    if (details.prompt.name !== 'login') {
      req.resume();
      throw new HttpError(400, 'Bước đăng nhập này không được hỗ trợ.');
    }

    if (action === undefined) {
      sendHtml(req, res, 200, loginPage(details));
      return;
    }

    const form = await readForm(req);
    const resident = findSampleResident(form.get('account') ?? '');
    if (!resident) {
      sendHtml(req, res, 400, loginPage(details, 'Vui lòng chọn một cư dân mẫu trong danh sách.'));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: resident.sub, acr: acrForLevel(resident.level) } },
      { mergeWithLastSubmission: false },
    );
  }

  return (req, res, uid, action) =>
    handle(req, res, uid, action).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof errors.SessionNotFound) {
        sendHtml(
          req,
          res,
          400,
          renderErrorPage(
            'Phiên đăng nhập đã hết hạn',
            'Không tìm thấy phiên đăng nhập hoặc phiên đã hết hạn. Vui lòng quay lại ứng dụng và đăng nhập lại.',
            error.error,
          ),
        );
        return;
      }
      if (error instanceof HttpError) {
        sendHtml(req, res, error.status, renderErrorPage('Yêu cầu không hợp lệ', error.message));
        return;
      }
      console.error('[local-idp] interaction handler failed:', error);
      sendHtml(req, res, 500, renderErrorPage('Lỗi máy chủ', 'Đã xảy ra lỗi không mong muốn.'));
    });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Starts the local development IdP on its own `node:http` server. */
export async function startLocalIdp(opts: LocalIdpOptions): Promise<LocalIdp> {
  validateOptions(opts);
  const host = opts.host ?? '127.0.0.1';
  const [{ Provider, errors }, signingKey] = await Promise.all([
    loadOidcProvider(),
    generateSigningKey(),
  ]);

  let listener: RequestListener | undefined;
  const server = createServer((req, res) => {
    if (listener) {
      listener(req, res);
      return;
    }
    res.writeHead(503, { 'Retry-After': '1' }).end();
  });
  await listen(server, opts.port, host);

  const store = new MemoryStore();
  let provider: Provider;
  let issuer: string;
  let port: number;
  try {
    port = (server.address() as AddressInfo).port;
    issuer = normalizeIssuer(opts.issuer ?? `http://localhost:${port}`);
    provider = new Provider(issuer, buildConfiguration(opts, signingKey, store));
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  provider.proxy = false;
  provider.on('server_error', (_ctx: unknown, error: unknown) => {
    console.error('[local-idp] server_error:', error);
  });

  const providerCallback = provider.callback();
  const handleInteraction = createInteractionHandler(provider, errors);
  listener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const match = INTERACTION_PATH.exec(path);
    if (match) {
      void handleInteraction(req, res, match[1] ?? '', match[2]);
      return;
    }
    if (path.startsWith('/interaction/')) {
      req.resume();
      sendHtml(req, res, 404, renderErrorPage('Không tìm thấy trang', path));
      return;
    }
    void providerCallback(req, res);
  };

  let closing: Promise<void> | undefined;
  return {
    issuer,
    port,
    close() {
      closing ??= closeServer(server).finally(() => store.clear());
      return closing;
    },
  };
}
