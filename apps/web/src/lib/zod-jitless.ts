/**
 * zod compiles fast object parsers with `new Function` when it may, and probes whether it may by
 * trying once. Our CSP forbids eval (script-src 'self'), so the probe fails — harmlessly, but the
 * browser reports a CSP violation on every page that parses a response (Lighthouse "best practices",
 * the DevTools Issues panel). Jitless mode skips the probe; the interpreted parser is what runs
 * under this CSP anyway. Imported first in main.tsx, before any schema is built.
 *
 * zod keeps its configuration on `globalThis.__zod_globalConfig` (shared by every copy of zod) and
 * adopts an object already there; setting it directly keeps zod itself out of the entry chunk
 * (`import { config } from 'zod'` adds ~4 KB gzip to the first load). zod-jitless.test.ts checks
 * that zod still honours it.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });

// A module, so the test can import it.
export {};
