import type { LightMyRequestResponse } from 'fastify';
import { type App, buildApp } from '../app';
import { type AppConfig, loadConfig } from '../config';
import type { DatabaseHandle } from '../db/client';
import { FixedClock } from '../lib/clock';
import type { OidcClient } from '../modules/identity/oidc.client';
import { createTestDatabase } from './test-db';

export interface TestApp extends App {
  config: AppConfig;
  database: DatabaseHandle;
  clock: FixedClock;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: FixedClock;
    oidc?: OidcClient | null;
    database?: DatabaseHandle;
  } = {},
): Promise<TestApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    TRACKING_RATE_LIMIT_PER_MINUTE: '100000',
    WEB_DIST_DIR: '/nonexistent',
    ...options.env,
  });
  const database = options.database ?? (await createTestDatabase());
  const clock = options.clock ?? new FixedClock(new Date());
  const app = await buildApp({
    config,
    database,
    clock,
    ...(options.oidc !== undefined ? { oidc: options.oidc } : {}),
  });
  return {
    ...app,
    config,
    database,
    clock,
    close: async () => {
      await app.server.close();
      if (!options.database) await database.close();
    },
  };
}

/** Cookie header value from a response's Set-Cookie headers (name=value pairs only). */
export function cookiesFrom(response: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of response.cookies) out[c.name] = c.value;
  return out;
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}
