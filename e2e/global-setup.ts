import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startMailbox } from './mailbox';

/**
 * Starts the product the way a person does (`node scripts/start.mjs`) on free ports, with a fresh
 * data directory (or, when DATABASE_URL is set, a fresh PostgreSQL schema), and hands its URL to
 * the end-to-end tests. The first run builds the web app, hence the long readiness timeout.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// E2E_READY_TIMEOUT_MS: more time on a machine shared with other heavy work.
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS) || 150_000;
const STOP_TIMEOUT_MS = 10_000;
/** Keep the tail of the server's output to explain a failed start. */
const OUTPUT_LIMIT = 64_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function twoFreePorts(): Promise<[number, number]> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return [first, second];
}

/** A fresh schema on the CI PostgreSQL; the server gets it as its search_path. */
export async function createSchema(
  url: string,
): Promise<{ serverUrl: string; drop: () => Promise<void> }> {
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  // libpq's `options` parameter; pg-connection-string passes it through to the startup packet.
  const options = `options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    serverUrl: `${url}${url.includes('?') ? '&' : '?'}${options}`,
    drop: () => run(`drop schema if exists ${schema} cascade`),
  };
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** start.mjs runs tsx, which runs node: kill the whole process group as a last resort. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || exited(child)) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export interface RunningServer {
  baseUrl: string;
  idpPort: number;
  mailDir: string;
  /** SIGTERM, wait, clean up; throws when the server did not stop cleanly. */
  stop: () => Promise<void>;
}

/**
 * Starts one instance of the product with its own data directory (or PostgreSQL schema), identity
 * provider port and SMTP mailbox. `env` adds variables (e.g. DEMO_CLOCK_OFFSET_MS); a DATA_DIR or
 * DATABASE_URL given there is the caller's to keep and remove (a restart on the same data).
 */
export async function startServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const [port, idpPort] = await twoFreePorts();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-e2e-'));
  // A caller that brings its own DATABASE_URL (a journey restarting the product on the same data)
  // keeps it; otherwise each server gets a fresh schema.
  const database =
    process.env.DATABASE_URL && !extraEnv.DATABASE_URL
      ? await createSchema(process.env.DATABASE_URL)
      : null;
  const mailDir = `${dataDir}-mail`;
  const mailbox = await startMailbox(mailDir);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOCAL_IDP_PORT: String(idpPort),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    APP_MODE: 'demo',
    // Notifications go to the real local SMTP server above, and the worker polls often.
    SMTP_URL: mailbox.url,
    OUTBOX_POLL_MS: '300',
    // Every browser of every test file comes from 127.0.0.1, and the limits are per address: the
    // whole suite is many people, not one. The limits themselves are tested in-process.
    RATE_LIMIT_PER_MINUTE: '5000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    TRACKING_RATE_LIMIT_PER_MINUTE: '1000',
    UPLOAD_RATE_LIMIT_PER_MINUTE: '1000',
    RESULT_VERIFY_RATE_LIMIT_PER_MINUTE: '1000',
    ...extraEnv,
  };
  // Vitest sets NODE_ENV=test; the product must run as it does for people (start.mjs defaults
  // it to production only when it is unset).
  delete env.NODE_ENV;
  delete env.OIDC_ISSUER;
  if (database) env.DATABASE_URL = database.serverUrl;
  else if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;

  const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let ready = false;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-OUTPUT_LIMIT);
    // After start-up, warnings and errors still belong in the test log.
    if (ready) process.stderr.write(text.replace(/^(?=.)/gm, '[server] '));
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const onExit = () => killGroup(server);
  process.once('exit', onExit);

  const cleanup = async () => {
    process.off('exit', onExit);
    let stoppedCleanly = true;
    if (!exited(server)) {
      server.kill('SIGTERM');
      if (!(await waitForExit(server, STOP_TIMEOUT_MS))) {
        stoppedCleanly = false;
        killGroup(server);
        await waitForExit(server, 2_000);
      }
      // `npm start` must stop cleanly on SIGTERM: close the server, the IdP and the database, exit 0.
      stoppedCleanly &&= server.exitCode === 0;
    }
    // A grandchild may outlive start.mjs if it was killed hard.
    killGroup(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(mailDir, { recursive: true, force: true });
    await mailbox.close();
    await database?.drop();
    if (ready && !stoppedCleanly) {
      throw new Error(
        `The server did not stop cleanly on SIGTERM (code ${server.exitCode}, signal ${server.signalCode})`,
      );
    }
  };

  try {
    await waitUntilReady(server, baseUrl, () => output);
  } catch (error) {
    await cleanup();
    throw error;
  }
  ready = true;
  return { baseUrl, idpPort, mailDir, stop: cleanup };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('idpPort', server.idpPort);
  project.provide('mailDir', server.mailDir);
  return server.stop;
}

async function waitUntilReady(
  server: ChildProcess,
  baseUrl: string,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited(server)) {
      throw new Error(
        `The server exited early (code ${server.exitCode}, signal ${server.signalCode}). Output:\n${output()}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `The server was not ready within ${READY_TIMEOUT_MS / 1000} s. Output:\n${output()}`,
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the product under test listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** LOCAL_IDP_PORT given to the server: the development identity provider listens there. */
    idpPort: number;
    /** Folder where the local SMTP server files every e-mail the platform sends (.eml). */
    mailDir: string;
  }
}
