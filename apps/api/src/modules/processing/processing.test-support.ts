import { randomUUID } from 'node:crypto';
import type { OfficerRole } from '@cqs/shared';
import {
  makeOfficer,
  makeResident,
  type SignedIn,
  signInOfficer,
  type TestOfficer,
  type TestResident,
} from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { multipart, pdfBytes } from '../files/files.test-fixtures';

// Khai sinh: online channel, 1 working day.
export const BIRTH_CODE = '1.001193';

/**
 * Six communes from `offset` in code order: each test file takes its own, so dossier codes and
 * queues of one file never meet another's.
 */
export async function communesFrom(app: TestApp, offset: number): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'commune')
    .orderBy('code')
    .offset(offset)
    .limit(6)
    .execute();
  return rows.map((r) => r.code);
}

export interface Desk {
  unit: string;
  receiver: TestOfficer;
  leader: TestOfficer;
  specialist: TestOfficer;
  otherSpecialist: TestOfficer;
}

export async function makeDesk(app: TestApp, unit: string): Promise<Desk> {
  const one = (role: OfficerRole) => makeOfficer(app, [{ role, unitCode: unit }]);
  return {
    unit,
    receiver: await one('receiving_officer'),
    leader: await one('unit_leader'),
    specialist: await one('specialist'),
    otherSpecialist: await one('specialist'),
  };
}

/** Moves the clock to `iso` (Vietnam time) and signs the officers in there. */
export async function at(app: TestApp, iso: string, ...officers: TestOfficer[]) {
  const target = new Date(iso);
  app.clock.set(new Date(target.getTime() - 5 * 60_000));
  const sessions: SignedIn[] = [];
  for (const o of officers) sessions.push(await signInOfficer(app, o));
  app.clock.set(target);
  return sessions;
}

/** An online dossier in status 1 from a signed-in resident, as submission leaves it. */
export async function submittedDossier(
  app: TestApp,
  unit: string,
  resident?: TestResident,
): Promise<{ id: string; resident: TestResident }> {
  const db = app.database.db;
  const who =
    resident ??
    (await makeResident(app, {
      fullName: 'H’Hen Niê',
      citizenId: '066190001234',
      phone: '0905123456',
      email: 'hhen.nie@example.vn',
    }));
  const version = await db
    .selectFrom('procedures')
    .select('current_version')
    .where('code', '=', BIRTH_CODE)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const now = app.clock.now();
  await db
    .insertInto('dossiers')
    .values({
      id,
      reference: `TN-TEST-${id.slice(0, 8).toUpperCase()}`,
      procedure_code: BIRTH_CODE,
      procedure_version: version.current_version,
      applicant_user_id: who.id,
      submitted_by_user_id: who.id,
      receiving_unit_code: unit,
      handling_unit_code: unit,
      channel: 2,
      status_code: 1,
      state: 'submitted',
      answers: '{}',
      applicant_name: 'H’Hen Niê',
      applicant_citizen_id: '066190001234',
      applicant_phone: '0905123456',
      applicant_email: 'hhen.nie@example.vn',
      fee_vnd: null,
      payment_state: 'not_required',
      submitted_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('dossier_events')
    .values({
      dossier_id: id,
      type: 'submitted',
      status_code: 1,
      at: now,
      actor_id: who.id,
      actor_kind: 'resident',
      unit_code: unit,
      public: true,
      note: null,
      data: '{"channel":2}',
    })
    .execute();
  return { id, resident: who };
}

export function act(
  app: TestApp,
  who: SignedIn,
  id: string,
  body: Record<string, unknown> & { action: string; expectedRowVersion: number },
) {
  return app.server.inject({
    method: 'POST',
    url: `/api/officer/dossiers/${id}/actions`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    payload: body,
  });
}

export async function workspace(app: TestApp, who: SignedIn, id: string) {
  const res = await app.server.inject({
    method: 'GET',
    url: `/api/officer/dossiers/${id}`,
    headers: { cookie: who.cookie },
  });
  if (res.statusCode !== 200) throw new Error(`workspace ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Uploads a PDF as the given user (officer session or resident headers) into a bundle. */
export async function uploadPdf(
  app: TestApp,
  headers: Record<string, string>,
  bundleId: string,
  purpose: string,
  data: Buffer = pdfBytes(),
): Promise<string> {
  const body = multipart([
    { name: 'bundleId', value: bundleId },
    { name: 'purpose', value: purpose },
    { name: 'file', filename: 'ket-qua.pdf', contentType: 'application/pdf', data },
  ]);
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export const officerHeaders = (s: SignedIn) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

export async function eventTypes(app: TestApp, id: string): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom('dossier_events')
    .select('type')
    .where('dossier_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.type);
}

/** A fresh session for a resident (sessions expire when a test moves the clock on by days). */
export async function residentHeaders(app: TestApp, residentId: string) {
  const session = await app.services.sessions.create(residentId, {
    acr: 'urn:vneid:loa:2',
    assuranceLevel: 2,
  });
  return { cookie: `cqs_sid=${session.cookieValue}`, 'x-csrf-token': session.csrfToken };
}
