import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import type { SignedIn, TestOfficer } from '../../test/factories';
import { signInOfficer } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { CalendarRepository } from '../calendar/calendar.repository';
import { CalendarService } from '../calendar/calendar.service';

// Khai sinh: online channel with 1 working day (as in reception.test.ts).
export const BIRTH_CODE = '1.001193';
/** Phường Buôn Ma Thuột. */
export const BMT = '24133';

/** The text of every page, with runs of whitespace (line breaks of wrapped lines) as one space. */
export async function pdfText(bytes: Buffer | Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

export async function currentVersion(app: TestApp, code = BIRTH_CODE): Promise<number> {
  const row = await app.database.db
    .selectFrom('procedures')
    .select('current_version')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.current_version;
}

/** An online dossier in status 1, as submission leaves it (same shape as reception.test.ts). */
export async function makeDossier(
  app: TestApp,
  unitCode: string,
  overrides: {
    applicantUserId?: string | null;
    applicantName?: string;
    handlingUnitCode?: string;
  } = {},
): Promise<string> {
  const id = randomUUID();
  const now = app.clock.now();
  await app.database.db
    .insertInto('dossiers')
    .values({
      id,
      reference: `TN-TEST-${id.slice(0, 8).toUpperCase()}`,
      procedure_code: BIRTH_CODE,
      procedure_version: await currentVersion(app),
      applicant_user_id: overrides.applicantUserId ?? null,
      submitted_by_user_id: overrides.applicantUserId ?? null,
      receiving_unit_code: unitCode,
      handling_unit_code: overrides.handlingUnitCode ?? unitCode,
      channel: 2,
      status_code: 1,
      state: 'submitted',
      answers: '{}',
      applicant_name: overrides.applicantName ?? 'H’Hen Niê',
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
  return id;
}

/** Appends an event as the processing service would (type, time, actor, unit, note, data). */
export async function addEvent(
  app: TestApp,
  dossierId: string,
  e: {
    type: string;
    at: string;
    actorId?: string | null;
    unitCode?: string | null;
    note?: string | null;
    data?: Record<string, unknown>;
    statusCode?: number;
  },
): Promise<number> {
  const row = await app.database.db
    .insertInto('dossier_events')
    .values({
      dossier_id: dossierId,
      type: e.type,
      status_code: e.statusCode ?? 4,
      at: new Date(e.at),
      actor_id: e.actorId ?? null,
      actor_kind: e.actorId ? 'officer' : 'system',
      unit_code: e.unitCode ?? null,
      public: true,
      note: e.note ?? null,
      data: JSON.stringify(e.data ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Sets the clock to `iso` with fresh sessions for the officers signed in there. */
export async function at(
  app: TestApp,
  iso: string,
  ...officers: TestOfficer[]
): Promise<SignedIn[]> {
  const target = new Date(iso);
  app.clock.set(new Date(target.getTime() - 5 * 60_000));
  const sessions: SignedIn[] = [];
  for (const o of officers) sessions.push(await signInOfficer(app, o));
  app.clock.set(target);
  return sessions;
}

/**
 * Accepts a dossier as the reception desk does (code, status 2, due date from the real calendar,
 * an `accepted` event), written directly so these tests depend only on the data contract.
 */
export async function acceptDirectly(
  app: TestApp,
  dossierId: string,
  opts: { at: string; officerId: string; unitCode: string; code: string },
): Promise<{ code: string; dueAt: Date; countFrom: Date }> {
  const db = app.database.db;
  const calendar = new CalendarService({
    db,
    repository: new CalendarRepository(db),
    clock: app.clock,
    policy: app.services.policy,
  });
  const acceptedAt = new Date(opts.at);
  const due = await calendar.due(acceptedAt, 1, 'working_days');
  await db
    .updateTable('dossiers')
    .set({
      code: opts.code,
      status_code: 2,
      state: 'accepted',
      accepted_at: acceptedAt,
      due_at: due.due,
      time_limit_amount: 1,
      time_limit_unit: 'working_days',
    })
    .where('id', '=', dossierId)
    .execute();
  await addEvent(app, dossierId, {
    type: 'accepted',
    at: opts.at,
    actorId: opts.officerId,
    unitCode: opts.unitCode,
    statusCode: 2,
    data: {
      code: opts.code,
      dueAt: due.due.toISOString(),
      countFrom: due.countFrom.toISOString(),
      timeLimit: { amount: 1, unit: 'working_days' },
    },
  });
  return { code: opts.code, dueAt: due.due, countFrom: due.countFrom };
}

export function getAs(app: TestApp, who: { cookie: string } | Record<string, string>, url: string) {
  const headers = 'cookie' in who && typeof who.cookie === 'string' ? { cookie: who.cookie } : who;
  return app.server.inject({ method: 'GET', url, headers });
}
