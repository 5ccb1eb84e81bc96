import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { NationalSyncInput } from './national-sync.payload';
import { enqueueNationalSync } from './national-sync.service';
import type { SyncLogger } from './national-sync.worker';

/** Test-only helpers: dossiers and events written directly, and a local "national portal". */

export const silentSyncLogger: SyncLogger = { info() {}, warn() {}, error() {} };

// Khai sinh, as the reception tests use it.
export const BIRTH_CODE = '1.001193';

export async function birthVersion(db: Db): Promise<number> {
  const proc = await db
    .selectFrom('procedures')
    .select('current_version')
    .where('code', '=', BIRTH_CODE)
    .executeTakeFirstOrThrow();
  return proc.current_version;
}

/** An online dossier in status 1, as submission leaves it. */
export async function insertDossier(
  db: Db,
  clock: Clock,
  unitCode: string,
  overrides: { code?: string | null } = {},
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = `TN-TEST-${id.slice(0, 8).toUpperCase()}`;
  const now = clock.now();
  await db
    .insertInto('dossiers')
    .values({
      id,
      reference,
      code: overrides.code ?? null,
      procedure_code: BIRTH_CODE,
      procedure_version: await birthVersion(db),
      applicant_user_id: null,
      submitted_by_user_id: null,
      receiving_unit_code: unitCode,
      handling_unit_code: unitCode,
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
  return { id, reference };
}

export async function insertEvent(
  db: Db,
  clock: Clock,
  dossierId: string,
  type: string,
  statusCode: number,
): Promise<number> {
  const row = await db
    .insertInto('dossier_events')
    .values({
      dossier_id: dossierId,
      type,
      status_code: statusCode,
      at: clock.now(),
      actor_id: null,
      actor_kind: 'system',
      unit_code: null,
      public: true,
      note: null,
      data: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The input a dossier service would pass, for a dossier in status 1 (override what matters). */
export function syncInput(
  dossier: { id: string; reference: string },
  unitCode: string,
  event: { id: number; type: string; at: Date },
  overrides: Partial<NationalSyncInput['dossier']> = {},
): NationalSyncInput {
  return {
    eventId: event.id,
    eventType: event.type,
    at: event.at,
    dossier: {
      id: dossier.id,
      code: null,
      reference: dossier.reference,
      procedureCode: BIRTH_CODE,
      procedureVersion: 1,
      receivingUnitCode: unitCode,
      handlingUnitCode: unitCode,
      receivingUnitIdentifier: null,
      channel: 2,
      statusCode: 1,
      submittedAt: event.at,
      acceptedAt: null,
      dueAt: null,
      apologyDueAt: null,
      finishedAt: null,
      returnedAt: null,
      returnChannel: null,
      feeVnd: null,
      paymentState: 'not_required',
      paidOnline: false,
      digitised: false,
      applicantAssuranceLevel: 2,
      applicantCitizenId: '066190001234',
      ...overrides,
    },
  };
}

/** Writes an event and its sync record in one transaction, as a dossier service does. */
export async function recordEvent(
  db: Db,
  clock: Clock,
  dossier: { id: string; reference: string },
  unitCode: string,
  type: string,
  overrides: Partial<NationalSyncInput['dossier']> = {},
): Promise<number> {
  const statusCode = overrides.statusCode ?? 1;
  return db.transaction().execute(async (trx) => {
    const eventId = await insertEvent(trx, clock, dossier.id, type, statusCode);
    await enqueueNationalSync(
      trx,
      clock,
      syncInput(dossier, unitCode, { id: eventId, type, at: clock.now() }, overrides),
    );
    return eventId;
  });
}

export interface PortalRequest {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown> & { MaHoSo: string; SuKien: { LoaiSuKien: string } };
}

/**
 * A stand-in for the national portal: answers with the planned responses, then 200. A planned
 * `delayMs` holds the answer back (for timeouts).
 */
export async function startPortal() {
  const requests: PortalRequest[] = [];
  const plan: {
    status: number;
    body?: string;
    headers?: Record<string, string>;
    delayMs?: number;
  }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      const answer = plan.shift() ?? { status: 200 };
      const respond = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body ?? JSON.stringify({ ok: answer.status < 300 }));
      };
      if (answer.delayMs) setTimeout(respond, answer.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/dongbo/hoso`,
    requests,
    plan: (...answers: typeof plan) => plan.push(...answers),
    reset: () => {
      requests.length = 0;
      plan.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
