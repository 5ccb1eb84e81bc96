import { randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { SignedInActor } from '../../http/actor';
import { makeOfficer, signInOfficer } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { multipart } from '../files/files.test-fixtures';
import type { ResultDossier } from './results.service';

export const BIRTH_CODE = '1.001193';

/** An officer with a role at the unit, as the actor the processing service would pass. */
export async function officerActor(
  app: TestApp,
  unitCode: string,
): Promise<{ actor: SignedInActor; session: { cookie: string; csrf: string } }> {
  const officer = await makeOfficer(app, [{ role: 'unit_leader', unitCode }]);
  const session = await signInOfficer(app, officer);
  return {
    actor: {
      kind: 'officer',
      userId: officer.id,
      sessionIdHash: 'test',
      csrfToken: session.csrf,
      grants: [{ role: 'unit_leader', unitCode }],
      activeUnitCode: unitCode,
    },
    session,
  };
}

/** Uploads a file through the real upload route as the signed-in user. */
export async function uploadAs(
  app: TestApp,
  session: { cookie: string; csrf: string },
  file: { name: string; type: string; data: Buffer },
): Promise<string> {
  const body = multipart([
    { name: 'bundleId', value: `result-draft:${randomUUID()}` },
    { name: 'purpose', value: 'result-source' },
    { name: 'file', filename: file.name, contentType: file.type, data: file.data },
  ]);
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A two-page decision letter, as a unit's document system would export it. */
export async function decisionPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['QUYET DINH so 12/QD-UBND', 'Trang 2']) {
    doc.addPage([595.28, 841.89]).drawText(text, { x: 72, y: 760, size: 14, font });
  }
  return Buffer.from(await doc.save());
}

/** The next number under a code prefix: a random one once collided with an earlier dossier of the same file. */
async function nextFreeCode(db: TestApp['database']['db'], prefix: string): Promise<string> {
  const last = await db
    .selectFrom('dossiers')
    .select('code')
    .where('code', 'like', `${prefix}%`)
    .orderBy('code', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastNumber = last?.code ? Number(last.code.slice(prefix.length)) : 0;
  return `${prefix}${String(lastNumber + 1).padStart(4, '0')}`;
}

/** An accepted dossier with an official code and an applicant whose data must never leak. */
export async function makeAcceptedDossier(app: TestApp, unitCode: string): Promise<ResultDossier> {
  const db = app.database.db;
  const proc = await db
    .selectFrom('procedures')
    .select('current_version')
    .where('code', '=', BIRTH_CODE)
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom('units')
    .select('full_name')
    .where('code', '=', unitCode)
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  const code = await nextFreeCode(db, `DEMO66.${unitCode}-261008-`);
  const now = app.clock.now();
  await db
    .insertInto('dossiers')
    .values({
      id,
      reference: `TN-TEST-${id.slice(0, 8).toUpperCase()}`,
      code,
      procedure_code: BIRTH_CODE,
      procedure_version: proc.current_version,
      applicant_user_id: null,
      submitted_by_user_id: null,
      receiving_unit_code: unitCode,
      handling_unit_code: unitCode,
      channel: 2,
      status_code: 4,
      state: 'accepted',
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
  return {
    id,
    code,
    procedureName: 'Đăng ký khai sinh',
    unitCode,
    unitName: unit.full_name,
  };
}

/** Applicant data planted by makeAcceptedDossier: none of it may appear in a public answer. */
export const APPLICANT_SECRETS = ['Niê', '066190001234', '0905123456', 'hhen.nie'];
