import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { NotificationsConfig } from './modules/notifications/notifications.providers';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The whole environment, parsed once at boot. Every variable has a laptop default so that
 * `npm start` needs none; production settings come from the environment.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** demo seeds demo officers and starts the local identity provider; production has neither. */
  APP_MODE: z.enum(['demo', 'production']).default('demo'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The URL residents type; used for redirects and for the Secure cookie flag. */
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** When set, PostgreSQL is used; otherwise embedded PGlite under DATA_DIR/pglite. */
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** OIDC relying party for residents (VNeID in production). Unset in demo → local provider. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().default('chinh-quyen-so'),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_ID_TOKEN_ALGS: z.string().default('RS256,ES256,PS256'),
  LOCAL_IDP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Sign-in attempts per client address per minute, on top of the per-account lock. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Public dossier look-ups per client address per minute (code + last 4 digits). */
  TRACKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  TRUST_PROXY: bool.default(false),
  /** Largest accepted upload, per file. */
  UPLOAD_MAX_FILE_MB: z.coerce.number().min(0.001).max(100).default(10),
  /** Total stored bytes one owner may keep in one bundle (a draft, dossier or report). */
  UPLOAD_QUOTA_MB: z.coerce.number().min(0.001).max(1000).default(50),
  /** Uploads per signed-in user per minute. */
  UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  WEB_DIST_DIR: z.string().optional(),
  /** Ed25519 private key (PEM) that signs e-results. Demo: generated once under DATA_DIR/keys. Production needs it. */
  RESULT_SIGNING_KEY_FILE: z.string().optional(),
  /** Optional directory of units' own keys: <unitCode>.key.pem + <unitCode>.cert.pem (X.509). */
  RESULT_UNIT_KEYS_DIR: z.string().optional(),
  /** Public result checks (page loads and file checks) per client address per minute. */
  RESULT_VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Notifications: e.g. smtp://user:pass@mail.example:587; unset → log (demo) or kept queued. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Chính quyền số Đắk Lắk <no-reply@localhost>'),
  SMS_PROVIDER_URL: z.string().url().optional(),
  SMS_PROVIDER_TOKEN: z.string().optional(),
  ZALO_PROVIDER_URL: z.string().url().optional(),
  ZALO_PROVIDER_TOKEN: z.string().optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).default(5_000),
  /** HMAC key shared with the payment gateway; random per process in demo. Production needs it: without it every confirmation is refused. */
  PAYMENT_WEBHOOK_SECRET: z
    .string()
    .min(32, 'PAYMENT_WEBHOOK_SECRET needs at least 32 characters')
    .optional(),
  /**
   * Demo only: shifts the server's clock by this many milliseconds (training on dates with
   * holidays, end-to-end tests of deadlines). Refused in production.
   */
  DEMO_CLOCK_OFFSET_MS: z.coerce.number().int().optional(),
  /** The in-process bank simulator (demo and tests only; never registered in production). */
  PAYMENT_SIMULATOR: bool.optional(),
  /** National portal (DVCQG) sync endpoint; unset → demo's built-in simulator, or no sync in production. */
  NATIONAL_SYNC_URL: z.string().url().optional(),
  /** Bearer token for NATIONAL_SYNC_URL; required with it in production. */
  NATIONAL_SYNC_TOKEN: z.string().optional(),
  /** Sends per record before it is marked failed (then an administrator retries it). */
  NATIONAL_SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  NATIONAL_SYNC_POLL_MS: z.coerce.number().int().min(100).default(10_000),
  /** Dashboard live notices: how often each API process polls the event tables for changes. */
  DASHBOARD_LIVE_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** Dashboard daily digest to leaders: the Vietnam hour (0–23) from which it is sent. */
  DASHBOARD_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Demo only: the API key of the one seeded Open311 client; unset → a random key printed at start. */
  OPEN311_DEMO_API_KEY: z
    .string()
    .min(16, 'OPEN311_DEMO_API_KEY needs at least 16 characters')
    .optional(),
  /** Assistant conversations are deleted this many days after their last message. */
  ASSISTANT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * Optional language model that only rewords the assistant's extractive answers: the base URL of
   * any OpenAI-compatible API up to /v1 (local vLLM, Ollama…). Unset → extractive only.
   */
  ASSISTANT_LLM_BASE_URL: z.string().url().optional(),
  ASSISTANT_LLM_MODEL: z.string().min(1).optional(),
  ASSISTANT_LLM_API_KEY: z.string().min(1).optional(),
  /** Past this the extractive answer is shown (the resident waits at most this long). */
  ASSISTANT_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4_000),
  /** Optional embeddings (OpenAI-compatible /v1/embeddings) fused with BM25. Unset → BM25 only. */
  ASSISTANT_EMBEDDINGS_BASE_URL: z.string().url().optional(),
  ASSISTANT_EMBEDDINGS_MODEL: z.string().min(1).optional(),
  ASSISTANT_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  /** For the question's embedding; indexing the catalogue's chunks allows longer per batch. */
  ASSISTANT_EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
});

export type Env = z.infer<typeof EnvSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  mode: Env['APP_MODE'];
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  logLevel: Env['LOG_LEVEL'];
  session: { idleMs: number; absoluteMs: number };
  oidc: {
    issuer: string | undefined;
    clientId: string;
    clientSecret: string;
    idTokenAlgs: string[];
    localIdpPort: number;
  };
  rateLimitPerMinute: number;
  trackingRatePerMinute: number;
  /** E-results: signingKeyFile null → generated in demo, ephemeral in tests (production refuses). */
  results: {
    signingKeyFile: string | null;
    unitKeysDir: string | null;
    verifyRatePerMinute: number;
  };
  login: { maxFailures: number; lockMs: number; ratePerMinute: number };
  trustProxy: boolean;
  uploads: { maxFileBytes: number; quotaBytes: number; ratePerMinute: number };
  webDistDir: string;
  notifications: NotificationsConfig;
  /** webhookSecret null (production without PAYMENT_WEBHOOK_SECRET): every confirmation is refused. */
  payments: { webhookSecret: string | null; simulator: boolean };
  /** Demo only (DEMO_CLOCK_OFFSET_MS); 0 in production. */
  clockOffsetMs: number;
  /**
   * url null: demo's built-in simulator when `simulator`, otherwise sync is not configured and
   * records stay pending. The simulator accepts only `token`.
   */
  nationalSync: {
    url: string | null;
    token: string | null;
    simulator: boolean;
    maxAttempts: number;
    pollMs: number;
  };
  province: { code: string; name: string };
  /** demoApiKey: the seeded demo client's key (demo mode only; null in production). */
  open311: { demoApiKey: string | null };
  /** Operations dashboard: live poll interval, daily digest hour (Asia/Ho_Chi_Minh). */
  dashboard: { livePollMs: number; digestHour: number };
  assistant: AssistantConfig;
}

/** An OpenAI-compatible endpoint: base URL up to /v1, model name, optional bearer key. */
export interface OpenAiCompatibleConfig {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

/** llm / embeddings null: off (the default), the assistant is extractive and BM25 only. */
export interface AssistantConfig {
  retentionDays: number;
  llm: OpenAiCompatibleConfig | null;
  embeddings: OpenAiCompatibleConfig | null;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ / invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  // Tests of production behaviour sign results with an ephemeral key; a real deployment must
  // keep its key, or results issued before a restart would stop verifying.
  if (e.APP_MODE === 'production' && !e.RESULT_SIGNING_KEY_FILE && e.NODE_ENV !== 'test') {
    throw new Error(
      'RESULT_SIGNING_KEY_FILE is required in production mode (the Ed25519 private key, PEM, that signs e-results; create one with: openssl genpkey -algorithm ed25519 -out result-signing.pem)',
    );
  }
  if (e.APP_MODE === 'production' && !e.OIDC_CLIENT_SECRET) {
    throw new Error('OIDC_CLIENT_SECRET is required in production mode');
  }
  if (e.APP_MODE === 'production' && e.NATIONAL_SYNC_URL && !e.NATIONAL_SYNC_TOKEN) {
    throw new Error('NATIONAL_SYNC_TOKEN is required with NATIONAL_SYNC_URL in production mode');
  }
  if (e.APP_MODE === 'production' && e.DEMO_CLOCK_OFFSET_MS) {
    throw new Error('DEMO_CLOCK_OFFSET_MS is for demo mode only');
  }
  const syncSimulator = e.APP_MODE === 'demo' && !e.NATIONAL_SYNC_URL;
  const assistant: AssistantConfig = {
    retentionDays: e.ASSISTANT_RETENTION_DAYS,
    llm: provider('ASSISTANT_LLM', {
      baseUrl: e.ASSISTANT_LLM_BASE_URL,
      model: e.ASSISTANT_LLM_MODEL,
      apiKey: e.ASSISTANT_LLM_API_KEY,
      timeoutMs: e.ASSISTANT_LLM_TIMEOUT_MS,
    }),
    embeddings: provider('ASSISTANT_EMBEDDINGS', {
      baseUrl: e.ASSISTANT_EMBEDDINGS_BASE_URL,
      model: e.ASSISTANT_EMBEDDINGS_MODEL,
      apiKey: e.ASSISTANT_EMBEDDINGS_API_KEY,
      timeoutMs: e.ASSISTANT_EMBEDDINGS_TIMEOUT_MS,
    }),
  };
  return {
    env: e.NODE_ENV,
    mode: e.APP_MODE,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    databasePoolMax: e.DATABASE_POOL_MAX,
    logLevel: e.LOG_LEVEL,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      // Demo mode shares a per-process random secret with its own local provider.
      clientSecret: e.OIDC_CLIENT_SECRET ?? randomBytes(24).toString('base64url'),
      idTokenAlgs: e.OIDC_ID_TOKEN_ALGS.split(',')
        .map((s) => s.trim())
        .filter((s) => s && s !== 'none'),
      localIdpPort: e.LOCAL_IDP_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1),
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trackingRatePerMinute: e.TRACKING_RATE_LIMIT_PER_MINUTE,
    results: {
      signingKeyFile: e.RESULT_SIGNING_KEY_FILE ? path.resolve(e.RESULT_SIGNING_KEY_FILE) : null,
      unitKeysDir: e.RESULT_UNIT_KEYS_DIR ? path.resolve(e.RESULT_UNIT_KEYS_DIR) : null,
      verifyRatePerMinute: e.RESULT_VERIFY_RATE_LIMIT_PER_MINUTE,
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      ratePerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    trustProxy: e.TRUST_PROXY,
    clockOffsetMs: e.DEMO_CLOCK_OFFSET_MS ?? 0,
    uploads: {
      maxFileBytes: Math.floor(e.UPLOAD_MAX_FILE_MB * 1_048_576),
      quotaBytes: Math.floor(e.UPLOAD_QUOTA_MB * 1_048_576),
      ratePerMinute: e.UPLOAD_RATE_LIMIT_PER_MINUTE,
    },
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    province: { code: '66', name: 'Đắk Lắk' },
    dashboard: { livePollMs: e.DASHBOARD_LIVE_POLL_MS, digestHour: e.DASHBOARD_DIGEST_HOUR },
    assistant,
    open311: {
      demoApiKey:
        e.APP_MODE === 'demo'
          ? (e.OPEN311_DEMO_API_KEY ?? `o311_demo_${randomBytes(18).toString('base64url')}`)
          : null,
    },
    payments: {
      // Demo mode signs its own simulated confirmations, so a per-process secret is enough; in
      // production no secret means no confirmation can be verified, so none is accepted.
      webhookSecret:
        e.PAYMENT_WEBHOOK_SECRET ??
        (e.APP_MODE === 'demo' ? randomBytes(32).toString('base64url') : null),
      simulator: e.APP_MODE === 'demo' && (e.PAYMENT_SIMULATOR ?? true),
    },
    nationalSync: {
      url: e.NATIONAL_SYNC_URL || null,
      // The demo simulator gets a per-process token, so only this process's worker can call it.
      token:
        e.NATIONAL_SYNC_TOKEN || (syncSimulator ? randomBytes(24).toString('base64url') : null),
      simulator: syncSimulator,
      maxAttempts: e.NATIONAL_SYNC_MAX_ATTEMPTS,
      pollMs: e.NATIONAL_SYNC_POLL_MS,
    },
    notifications: {
      smtpUrl: e.SMTP_URL || undefined,
      mailFrom: e.MAIL_FROM,
      sms: { url: e.SMS_PROVIDER_URL || undefined, token: e.SMS_PROVIDER_TOKEN || undefined },
      zalo: { url: e.ZALO_PROVIDER_URL || undefined, token: e.ZALO_PROVIDER_TOKEN || undefined },
      pollMs: e.OUTBOX_POLL_MS,
    },
  };
}

/**
 * An optional provider is on when its base URL is set; the model must then be named too (a
 * server with several models answers with the wrong one or refuses), and a model without a URL
 * is a typo worth stopping for rather than silently staying offline.
 */
function provider(
  prefix: string,
  v: {
    baseUrl?: string | undefined;
    model?: string | undefined;
    apiKey?: string | undefined;
    timeoutMs: number;
  },
): OpenAiCompatibleConfig | null {
  if (!v.baseUrl) {
    if (v.model || v.apiKey) {
      throw new Error(
        `${prefix}_BASE_URL is required with ${prefix}_MODEL or ${prefix}_API_KEY (the OpenAI-compatible API up to /v1, e.g. http://127.0.0.1:11434/v1)`,
      );
    }
    return null;
  }
  if (!/^https?:\/\//.test(v.baseUrl)) {
    throw new Error(`${prefix}_BASE_URL must be an http(s) URL, e.g. http://127.0.0.1:8000/v1`);
  }
  if (!v.model) {
    throw new Error(
      `${prefix}_MODEL is required with ${prefix}_BASE_URL (the model name the server serves)`,
    );
  }
  return {
    baseUrl: v.baseUrl.replace(/\/+$/, ''),
    model: v.model,
    apiKey: v.apiKey ?? null,
    timeoutMs: v.timeoutMs,
  };
}
