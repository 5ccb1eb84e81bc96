import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The signature schemes a result may carry; recorded per result and checked by the table. */
export type ResultAlgorithm = 'Ed25519' | 'Ed448' | 'RSA-SHA256' | 'ECDSA-SHA256';

export interface SigningKey {
  /** First 16 hex characters of sha256 over the public key's SubjectPublicKeyInfo (DER). */
  keyId: string;
  algorithm: ResultAlgorithm;
  privateKey: KeyObject;
  publicKeyPem: string;
  /** The unit's X.509 certificate (PEM) when this is a unit key; null for the system key. */
  certificatePem: string | null;
  certificate: X509Certificate | null;
  unitCode: string | null;
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function algorithmOf(key: KeyObject): ResultAlgorithm {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    case 'rsa':
      return 'RSA-SHA256';
    case 'ec':
      return 'ECDSA-SHA256';
    default:
      // RSA-PSS keys, DSA and others are not accepted: one simple, documented set for verifiers.
      throw new Error(`unsupported key type for result signing: ${key.asymmetricKeyType}`);
  }
}

/** Ed25519/Ed448 sign the message itself; RSA (PKCS#1 v1.5) and ECDSA (DER) sign its SHA-256. */
function digestOf(algorithm: ResultAlgorithm): string | null {
  return algorithm === 'RSA-SHA256' || algorithm === 'ECDSA-SHA256' ? 'sha256' : null;
}

export function signBytes(key: SigningKey, message: Buffer): string {
  return sign(digestOf(key.algorithm), message, key.privateKey).toString('base64url');
}

export function verifyBytes(
  algorithm: ResultAlgorithm,
  publicKey: KeyObject,
  message: Buffer,
  signatureB64url: string,
): boolean {
  try {
    return verify(
      digestOf(algorithm),
      message,
      publicKey,
      Buffer.from(signatureB64url, 'base64url'),
    );
  } catch {
    // A key of another type than the recorded algorithm, or a malformed signature: not valid.
    return false;
  }
}

function toSigningKey(
  privateKey: KeyObject,
  certificate: X509Certificate | null,
  unitCode: string | null,
): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    algorithm: algorithmOf(privateKey),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    certificatePem: certificate ? certificate.toString() : null,
    certificate,
    unitCode,
  };
}

export const DEMO_KEY_FILE = path.join('keys', 'result-signing-ed25519.pem');

/**
 * The system key that signs results when a unit has no certificate of its own.
 * - `keyFile` set: that Ed25519 private key (PEM), always.
 * - tests: a fresh key in memory, so test runs never write into the data directory.
 * - demo: generated once into DATA_DIR/keys (mode 0600) and reused, so results issued before a
 *   restart still verify.
 * - production without a key: refused by loadConfig before we get here; refused again here.
 */
export function loadSystemKey(options: {
  keyFile: string | null;
  dataDir: string;
  mode: 'demo' | 'production';
  ephemeral?: boolean;
}): SigningKey {
  if (options.keyFile) {
    const key = createPrivateKey(fs.readFileSync(options.keyFile));
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new Error(`RESULT_SIGNING_KEY_FILE must hold an Ed25519 private key (PEM)`);
    }
    return toSigningKey(key, null, null);
  }
  if (options.ephemeral) {
    return toSigningKey(generateKeyPairSync('ed25519').privateKey, null, null);
  }
  if (options.mode !== 'demo') {
    throw new Error(
      'RESULT_SIGNING_KEY_FILE is required in production mode: the Ed25519 key that signs e-results',
    );
  }
  const file = path.join(options.dataDir, DEMO_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const pem = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    try {
      // 'wx': if another process created it a moment ago, keep theirs.
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return toSigningKey(createPrivateKey(fs.readFileSync(file)), null, null);
}

/**
 * Units' own keys: `<unitCode>.key.pem` + `<unitCode>.cert.pem` in one directory. A pair that does
 * not match, or a key without its certificate, stops the start: a silent fallback would issue
 * results under the wrong signer.
 */
export function loadUnitKeys(dir: string | null): Map<string, SigningKey> {
  const keys = new Map<string, SigningKey>();
  if (!dir) return keys;
  for (const name of fs.readdirSync(dir).sort()) {
    const match = /^(.+)\.key\.pem$/.exec(name);
    if (!match) continue;
    const unitCode = match[1]!;
    const certFile = path.join(dir, `${unitCode}.cert.pem`);
    if (!fs.existsSync(certFile)) {
      throw new Error(`RESULT_UNIT_KEYS_DIR: ${name} has no ${unitCode}.cert.pem beside it`);
    }
    const privateKey = createPrivateKey(fs.readFileSync(path.join(dir, name)));
    const certificate = new X509Certificate(fs.readFileSync(certFile));
    if (!certificate.checkPrivateKey(privateKey)) {
      throw new Error(`RESULT_UNIT_KEYS_DIR: ${unitCode}.cert.pem does not match ${name}`);
    }
    keys.set(unitCode, toSigningKey(privateKey, certificate, unitCode));
  }
  return keys;
}

/** Is the certificate within its validity period at `at`? */
export function certificateValidAt(certificate: X509Certificate, at: Date): boolean {
  return new Date(certificate.validFrom) <= at && at <= new Date(certificate.validTo);
}
