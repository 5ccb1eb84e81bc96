import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DEMO_KEY_FILE, keyIdOf, loadSystemKey, loadUnitKeys } from './results.keys';
import { decisionPdf, makeAcceptedDossier, officerActor, uploadAs } from './results.test-helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-result-keys-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A self-signed unit certificate from the openssl CLI (node:crypto cannot create X.509). */
function makeUnitCertificate(dir: string, unitCode: string, keyArgs: string[], days: number) {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      ...keyArgs,
      '-nodes',
      '-keyout',
      path.join(dir, `${unitCode}.key.pem`),
      '-out',
      path.join(dir, `${unitCode}.cert.pem`),
      '-days',
      String(days),
      '-subj',
      `/C=VN/O=UBND ${unitCode}/CN=Ket qua dien tu ${unitCode}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

describe('the system key', () => {
  it('is generated once in demo mode (mode 0600) and reused after a restart', () => {
    const dataDir = path.join(tmp, 'demo');
    const first = loadSystemKey({ keyFile: null, dataDir, mode: 'demo' });
    const file = path.join(dataDir, DEMO_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadSystemKey({ keyFile: null, dataDir, mode: 'demo' });
    expect(second.keyId).toBe(first.keyId);
    expect(first.algorithm).toBe('Ed25519');
    const der = createPublicKey(first.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(first.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    // RESULT_SIGNING_KEY_FILE takes precedence and is the same key when pointed at that file.
    expect(loadSystemKey({ keyFile: file, dataDir: tmp, mode: 'production' }).keyId).toBe(
      first.keyId,
    );
  });

  it('is required in production mode, with a clear message', () => {
    expect(() =>
      loadConfig({
        APP_MODE: 'production',
        NODE_ENV: 'production',
        OIDC_CLIENT_SECRET: 'x'.repeat(32),
      }),
    ).toThrow(/RESULT_SIGNING_KEY_FILE is required in production mode/);
    expect(() => loadSystemKey({ keyFile: null, dataDir: tmp, mode: 'production' })).toThrow(
      /RESULT_SIGNING_KEY_FILE/,
    );
  });

  it('must be Ed25519', () => {
    const dir = path.join(tmp, 'rsa');
    makeUnitCertificate(dir, 'x', ['rsa:2048'], 30);
    expect(() =>
      loadSystemKey({ keyFile: path.join(dir, 'x.key.pem'), dataDir: tmp, mode: 'demo' }),
    ).toThrow(/Ed25519/);
  });
});

describe('unit certificates', () => {
  it('refuses a key whose certificate is missing or belongs to another key', () => {
    const dir = path.join(tmp, 'mismatch');
    makeUnitCertificate(dir, 'a', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 30);
    makeUnitCertificate(dir, 'b', ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 30);
    fs.copyFileSync(path.join(dir, 'a.cert.pem'), path.join(dir, 'b.cert.pem'));
    expect(() => loadUnitKeys(dir)).toThrow(/b.cert.pem does not match/);
    fs.rmSync(path.join(dir, 'b.cert.pem'));
    expect(() => loadUnitKeys(dir)).toThrow(/has no b.cert.pem/);
  });

  describe('issuing with the handling unit certificate', () => {
    let app: TestApp;
    let unitCode: string;
    let otherUnit: string;
    const keysDir = path.join(tmp, 'units');

    beforeAll(async () => {
      const probe = await createTestApp({ env: { DATA_DIR: path.join(tmp, 'probe') } });
      const rows = await probe.database.db
        .selectFrom('units')
        .select('code')
        .where('kind', '=', 'commune')
        .orderBy('code')
        .limit(2)
        .execute();
      await probe.close();
      [unitCode, otherUnit] = rows.map((r) => r.code) as [string, string];
      makeUnitCertificate(keysDir, unitCode, ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256'], 2);
      app = await createTestApp({
        env: {
          DATA_DIR: path.join(tmp, 'app'),
          RESULT_UNIT_KEYS_DIR: keysDir,
          RESULT_VERIFY_RATE_LIMIT_PER_MINUTE: '100000',
        },
      });
    });
    afterAll(async () => {
      await app.close();
    });

    async function issueFor(unit: string) {
      const { actor, session } = await officerActor(app, unit);
      const dossier = await makeAcceptedDossier(app, unit);
      const sourceFileId = await uploadAs(app, session, {
        name: 'quyet-dinh.pdf',
        type: 'application/pdf',
        data: await decisionPdf(),
      });
      const results = app.services.results;
      const prepared = await results.prepare({ actor, dossier, sourceFileId, outcome: 'approved' });
      await app.database.db
        .transaction()
        .execute((trx) => results.record(trx, app.clock, prepared, { issuedBy: actor.userId }));
      return prepared;
    }

    it('signs with the unit key, stores the certificate and verifies with its public key', async () => {
      const prepared = await issueFor(unitCode);
      const certificatePem = fs.readFileSync(path.join(keysDir, `${unitCode}.cert.pem`), 'utf8');
      const certificate = new X509Certificate(certificatePem);
      expect(prepared.algorithm).toBe('ECDSA-SHA256');
      expect(prepared.signingKeyId).toBe(keyIdOf(certificate.publicKey));
      const row = await app.database.db
        .selectFrom('dossier_results')
        .select(['certificate', 'algorithm'])
        .where('id', '=', prepared.id)
        .executeTakeFirstOrThrow();
      expect(new X509Certificate(row.certificate!).fingerprint256).toBe(certificate.fingerprint256);

      const pub = (await app.server.inject({ url: `/api/results/${prepared.id}` })).json();
      expect(pub).toMatchObject({ unitCertificate: true, signatureValid: true });
      // Offline: the statement from the public answer, the certificate's key, SHA-256 + ECDSA.
      expect(
        verify(
          'sha256',
          Buffer.from(pub.statement),
          certificate.publicKey,
          Buffer.from(pub.signature, 'base64url'),
        ),
      ).toBe(true);
      const keys = (await app.server.inject({ url: '/api/results/keys' })).json().keys;
      expect(keys).toContainEqual(
        expect.objectContaining({ keyId: prepared.signingKeyId, algorithm: 'ECDSA-SHA256' }),
      );
    });

    it('uses the system key for a unit without a certificate', async () => {
      const prepared = await issueFor(otherUnit);
      expect(prepared.algorithm).toBe('Ed25519');
      expect(prepared.certificatePem).toBeNull();
    });

    it('falls back to the system key once the unit certificate has expired', async () => {
      app.clock.advance(3 * 24 * 3_600_000);
      const prepared = await issueFor(unitCode);
      expect(prepared.algorithm).toBe('Ed25519');
      expect((await app.services.results.getPublic(prepared.id)).signatureValid).toBe(true);
    });
  });
});
