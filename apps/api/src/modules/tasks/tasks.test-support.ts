import { randomUUID } from 'node:crypto';
import type { OfficerRole } from '@cqs/shared';
import { makeOfficer, type SignedIn, signInOfficer, type TestOfficer } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { multipart, pdfBytes } from '../files/files.test-fixtures';

/** Buôn Ma Thuột ward, Tuy Hòa ward and Ea Kar commune: real communes of the province. */
export const COMMUNE_A = '24133';
export const COMMUNE_B = '22015';
export const COMMUNE_C = '24373';
export const PROVINCE = '66';

export interface Officer extends SignedIn {
  id: string;
  email: string;
  account: TestOfficer;
}

let counter = 0;

/** A signed-in officer with an e-mail address (so that messages to them are queued). */
export async function officer(
  app: TestApp,
  grants: { role: OfficerRole; unitCode: string }[],
): Promise<Officer> {
  counter += 1;
  const made = await makeOfficer(app, grants);
  const email = `can-bo-${counter}-${made.id.slice(0, 8)}@example.vn`;
  await app.database.db.updateTable('users').set({ email }).where('id', '=', made.id).execute();
  return { id: made.id, email, account: made, ...(await signInOfficer(app, made)) };
}

/**
 * Moves the clock to a Vietnam local time, signing the officers in again just before it (sessions
 * expire over the days a test jumps; each sign-in moves the clock one TOTP step), so the clock
 * reads exactly `local` afterwards.
 */
export async function travel(app: TestApp, local: string, officers: Officer[]): Promise<void> {
  const target = vn(local);
  app.clock.set(new Date(target.getTime() - 60_000));
  for (const o of officers) Object.assign(o, await signInOfficer(app, o.account));
  app.clock.set(target);
}

export function call(
  app: TestApp,
  who: SignedIn,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const all: Record<string, string> = { cookie: who.cookie, ...headers };
  if (method !== 'GET') all['x-csrf-token'] = who.csrf;
  return app.server.inject({
    method,
    url,
    headers: all,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export function createTask(
  app: TestApp,
  who: SignedIn,
  body: Record<string, unknown>,
  key: string = randomUUID(),
) {
  return call(app, who, 'POST', '/api/officer/tasks', body, { 'idempotency-key': key });
}

/** Uploads a small PDF through the real files route; answers its id. */
export async function uploadPdf(
  app: TestApp,
  who: SignedIn,
  name = 'bao-cao.pdf',
): Promise<string> {
  const body = multipart([
    { name: 'bundleId', value: `task-upload:${randomUUID()}` },
    { name: 'purpose', value: 'task-report' },
    { name: 'file', filename: name, contentType: 'application/pdf', data: pdfBytes() },
  ]);
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** Messages queued to one address with one template. */
export async function outboxCount(app: TestApp, email: string, template: string): Promise<number> {
  const row = await app.database.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient', '=', email.toLowerCase())
    .where('template', '=', template)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Vietnam local time → instant (UTC+7, no daylight saving). */
export function vn(local: string): Date {
  return new Date(`${local}+07:00`);
}
