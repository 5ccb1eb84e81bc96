import { createHash, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInActor } from '../../http/actor';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { jpeg, multipart } from '../files/files.test-fixtures';
import type { PreparedResult, ResultDossier } from './results.service';
import {
  APPLICANT_SECRETS,
  decisionPdf,
  makeAcceptedDossier,
  officerActor,
  uploadAs,
} from './results.test-helpers';

let app: TestApp;
let dataDir: string;
let unitCode: string;
let officer: { actor: SignedInActor; session: { cookie: string; csrf: string } };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-results-'));
  app = await createTestApp({
    env: { DATA_DIR: dataDir, RESULT_VERIFY_RATE_LIMIT_PER_MINUTE: '100000' },
  });
  const commune = await app.database.db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'commune')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  unitCode = commune.code;
  officer = await officerActor(app, unitCode);
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function issue(
  source: { name: string; type: string; data: Buffer },
  outcome: 'approved' | 'refused' = 'approved',
): Promise<{ prepared: PreparedResult; dossier: ResultDossier; bytes: Buffer }> {
  const results = app.services.results;
  const dossier = await makeAcceptedDossier(app, unitCode);
  const sourceFileId = await uploadAs(app, officer.session, source);
  const prepared = await results.prepare({ actor: officer.actor, dossier, sourceFileId, outcome });
  await app.database.db
    .transaction()
    .execute((trx) => results.record(trx, app.clock, prepared, { issuedBy: officer.actor.userId }));
  const file = await results.openIssuedFile(prepared.id);
  const chunks: Buffer[] = [];
  for await (const c of file.stream) chunks.push(c as Buffer);
  return { prepared, dossier, bytes: Buffer.concat(chunks) };
}

function verifyFile(bytes: Buffer, resultId?: string) {
  const body = multipart([
    ...(resultId ? [{ name: 'resultId', value: resultId }] : []),
    { name: 'file', filename: 'ket-qua.pdf', contentType: 'application/pdf', data: bytes },
  ]);
  return app.server.inject({
    method: 'POST',
    url: '/api/results/verify',
    headers: body.headers,
    payload: body.payload,
  });
}

describe('issuing an e-result', () => {
  it('stamps the pages of a PDF, stores it in the dossier and signs its hash', async () => {
    const source = await decisionPdf();
    const { prepared, dossier, bytes } = await issue({
      name: 'quyet-dinh.pdf',
      type: 'application/pdf',
      data: source,
    });
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(prepared.sha256);
    expect(bytes.equals(source)).toBe(false);
    const issued = await PDFDocument.load(new Uint8Array(bytes));
    expect(issued.getPageCount()).toBe(2);
    expect(issued.getTitle()).toBe(`Kết quả giải quyết hồ sơ ${dossier.code}`);
    expect(prepared.verifyUrl).toBe(`${app.config.publicUrl}/xac-minh/${prepared.id}`);

    const fileRow = await app.database.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', prepared.fileId)
      .executeTakeFirstOrThrow();
    expect(fileRow).toMatchObject({
      bundle_id: `dossier:${dossier.id}`,
      purpose: 'result',
      owner_user_id: officer.actor.userId,
      media_type: 'application/pdf',
      sha256: prepared.sha256,
    });
  });

  it('puts an image on an A4 page', async () => {
    const { bytes, prepared } = await issue(
      { name: 'ket-qua.jpg', type: 'image/jpeg', data: jpeg({ width: 64, height: 96 }).bytes },
      'refused',
    );
    const issued = await PDFDocument.load(new Uint8Array(bytes));
    expect(issued.getPageCount()).toBe(1);
    const { width, height } = issued.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(prepared.outcome).toBe('refused');
  });

  it('verifies offline with a published key and the documented statement format', async () => {
    const { prepared, dossier } = await issue({
      name: 'quyet-dinh.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const keys = (await app.server.inject({ url: '/api/results/keys' })).json().keys as {
      keyId: string;
      algorithm: string;
      publicKeyPem: string;
    }[];
    const key = keys.find((k) => k.keyId === prepared.signingKeyId);
    expect(key?.algorithm).toBe('Ed25519');
    // Built here by hand from docs/E-RESULTS.md, not with the service's own function.
    const statement = `{"dossierCode":"${dossier.code}","dossierId":"${dossier.id}","issuedAt":"${prepared.issuedAt.toISOString()}","outcome":"approved","resultId":"${prepared.id}","sha256":"${prepared.sha256}","v":1}`;
    const signature = Buffer.from(prepared.signature, 'base64url');
    expect(verify(null, Buffer.from(statement), key!.publicKeyPem, signature)).toBe(true);
    const tampered = statement.replace('"approved"', '"refused"');
    expect(verify(null, Buffer.from(tampered), key!.publicKeyPem, signature)).toBe(false);

    const pub = (await app.server.inject({ url: `/api/results/${prepared.id}` })).json();
    expect(pub.statement).toBe(statement);
    expect(pub.signature).toBe(prepared.signature);
  });

  it("accepts a colleague's draft: a specialist uploads, the leader signs", async () => {
    const dossier = await makeAcceptedDossier(app, unitCode);
    const specialist = await officerActor(app, unitCode);
    const draft = await uploadAs(app, specialist.session, {
      name: 'du-thao.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const prepared = await app.services.results.prepare({
      actor: officer.actor,
      dossier,
      sourceFileId: draft,
      outcome: 'approved',
    });
    expect(prepared.sourceFileId).toBe(draft);
  });

  it('refuses a resident upload as source, and a resident as issuer', async () => {
    const dossier = await makeAcceptedDossier(app, unitCode);
    const resident = await makeResident(app);
    const residentFile = await uploadAs(
      app,
      { cookie: resident.headers.cookie!, csrf: resident.headers['x-csrf-token']! },
      { name: 'giay-to.pdf', type: 'application/pdf', data: await decisionPdf() },
    );
    await expect(
      app.services.results.prepare({
        actor: officer.actor,
        dossier,
        sourceFileId: residentFile,
        outcome: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'RESULT_SOURCE_INVALID' });
    const ownFile = await uploadAs(app, officer.session, {
      name: 'quyet-dinh.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const asResident = {
      kind: 'resident',
      userId: resident.id,
      sessionIdHash: 'x',
      csrfToken: 'x',
      assuranceLevel: 2,
    } as const;
    await expect(
      app.services.results.prepare({
        actor: asResident,
        dossier,
        sourceFileId: ownFile,
        outcome: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('checking a presented file', () => {
  it('says genuine for the exact bytes, and not for a file with one byte changed', async () => {
    const { prepared, bytes } = await issue({
      name: 'quyet-dinh.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const genuine = await verifyFile(bytes, prepared.id);
    expect(genuine.statusCode, genuine.body).toBe(200);
    expect(genuine.json()).toMatchObject({
      genuine: true,
      result: { id: prepared.id, signatureValid: true, revoked: false, outcome: 'approved' },
    });

    const altered = Buffer.from(bytes);
    altered[Math.floor(altered.length / 2)]! ^= 0x01;
    expect((await verifyFile(altered)).json()).toEqual({ genuine: false, reason: 'unknown' });

    const byHash = await app.server.inject({
      method: 'POST',
      url: '/api/results/verify',
      payload: { sha256: prepared.sha256.toUpperCase() },
    });
    expect(byHash.json()).toMatchObject({ genuine: true, result: { id: prepared.id } });
  });

  it('says not genuine when the file is another result than the QR page asks about', async () => {
    const first = await issue({
      name: 'a.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const second = await issue({ name: 'b.jpg', type: 'image/jpeg', data: jpeg().bytes });
    expect((await verifyFile(second.bytes, first.prepared.id)).json()).toEqual({
      genuine: false,
      reason: 'different_result',
    });
  });

  it('says not genuine once the result is revoked, and keeps the row otherwise unchangeable', async () => {
    const { prepared, bytes } = await issue({
      name: 'quyet-dinh.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const results = app.services.results;
    await app.database.db.transaction().execute((trx) =>
      results.revoke(trx, app.clock, {
        resultId: prepared.id,
        reason: 'Ban hành nhầm, đã thay bằng văn bản khác',
      }),
    );
    expect((await verifyFile(bytes)).json()).toEqual({ genuine: false, reason: 'revoked' });
    const pub = (await app.server.inject({ url: `/api/results/${prepared.id}` })).json();
    expect(pub).toMatchObject({ revoked: true, signatureValid: true });
    expect(pub.revokedAt).toBe(app.clock.now().toISOString());

    await expect(
      app.database.db
        .transaction()
        .execute((trx) =>
          results.revoke(trx, app.clock, { resultId: prepared.id, reason: 'lần hai' }),
        ),
    ).rejects.toMatchObject({ code: 'RESULT_ALREADY_REVOKED' });
    await expect(
      sql`update dossier_results set outcome = 'refused' where id = ${prepared.id}`.execute(
        app.database.db,
      ),
    ).rejects.toThrow(/only a first revocation/);
    await expect(
      sql`delete from dossier_results where id = ${prepared.id}`.execute(app.database.db),
    ).rejects.toThrow(/never deleted/);
  });

  it('says signature_invalid when the recorded signature does not match the statement', async () => {
    const results = app.services.results;
    const dossier = await makeAcceptedDossier(app, unitCode);
    const sourceFileId = await uploadAs(app, officer.session, {
      name: 'quyet-dinh.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const prepared = await results.prepare({
      actor: officer.actor,
      dossier,
      sourceFileId,
      outcome: 'approved',
    });
    // A forged record: the outcome differs from what was signed.
    const forged = { ...prepared, outcome: 'refused' as const };
    await app.database.db
      .transaction()
      .execute((trx) => results.record(trx, app.clock, forged, { issuedBy: officer.actor.userId }));
    const answer = await results.verifyHash(prepared.sha256);
    expect(answer).toEqual({ genuine: false, reason: 'signature_invalid' });
    expect((await results.getPublic(prepared.id)).signatureValid).toBe(false);
  });
});

describe('public answers', () => {
  it('carry no personal data of the applicant', async () => {
    const { prepared, bytes } = await issue({
      name: 'quyet-dinh.pdf',
      type: 'application/pdf',
      data: await decisionPdf(),
    });
    const answers = [
      (await app.server.inject({ url: `/api/results/${prepared.id}` })).body,
      (await verifyFile(bytes, prepared.id)).body,
      (await app.server.inject({ url: '/api/results/keys' })).body,
    ];
    for (const body of answers) {
      for (const secret of APPLICANT_SECRETS) expect(body).not.toContain(secret);
    }
    expect(JSON.parse(answers[0]!)).toMatchObject({
      dossierCode: prepared.dossier.code,
      procedureName: 'Đăng ký khai sinh',
      unitName: prepared.dossier.unitName,
    });
  });

  it('answers 404 with its own code for an unknown result, 400 for a malformed id', async () => {
    const unknown = await app.server.inject({
      url: '/api/results/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('RESULT_NOT_FOUND');
    const malformed = await app.server.inject({ url: '/api/results/abc' });
    expect(malformed.statusCode).toBe(400);
  });

  it('refuses a check without a file or hash', async () => {
    const empty = await app.server.inject({
      method: 'POST',
      url: '/api/results/verify',
      payload: { sha256: 'not-a-hash' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
    const body = multipart([{ name: 'resultId', value: '00000000-0000-4000-8000-000000000000' }]);
    const noFile = await app.server.inject({
      method: 'POST',
      url: '/api/results/verify',
      headers: body.headers,
      payload: body.payload,
    });
    expect(noFile.json().error.code).toBe('FILE_MISSING');
  });
});
