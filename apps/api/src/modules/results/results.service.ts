import {
  createHash,
  createPublicKey,
  type KeyObject,
  randomUUID,
  X509Certificate,
} from 'node:crypto';
import type { Readable } from 'node:stream';
import type { PublicResult, ResultSigningKey, VerifyResultAnswer } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { FilesRepository } from '../files/files.repository';
import type { FilesService } from '../files/files.service';
import type { FileStorage } from '../files/files.storage';
import {
  algorithmOf,
  certificateValidAt,
  keyIdOf,
  type ResultAlgorithm,
  type SigningKey,
  signBytes,
  verifyBytes,
} from './results.keys';
import { buildIssuedPdf } from './results.pdf';
import type { ResultsRepository } from './results.repository';
import { canonicalStatement, type ResultStatement } from './results.statement';
import type { DossierResultRow } from './results.tables';

export interface ResultDossier {
  id: string;
  /** The official dossier code (issued at acceptance). */
  code: string;
  procedureName: string;
  /** The handling unit: its certificate signs when RESULT_UNIT_KEYS_DIR has one. */
  unitCode: string;
  unitName: string;
}

/** Everything `record` writes; made before the caller's transaction (file bytes cannot be in it). */
export interface PreparedResult {
  id: string;
  dossier: ResultDossier;
  sourceFileId: string;
  /** The stored, stamped PDF (bundle `dossier:<id>`, purpose `result`, owner = the officer). */
  fileId: string;
  sha256: string;
  signature: string;
  signingKeyId: string;
  algorithm: ResultAlgorithm;
  certificatePem: string | null;
  publicKeyPem: string;
  issuedAt: Date;
  outcome: 'approved' | 'refused';
  /** The page the QR code points to. */
  verifyUrl: string;
}

export interface IssuedFile {
  stream: Readable;
  name: string;
  mediaType: 'application/pdf';
  size: number;
  dossierId: string;
}

export interface ResultsServiceDeps {
  db: Db;
  clock: Clock;
  files: FilesService;
  /** Reads of stored bytes for the issuing officer's own upload and for the issued file. */
  filesRepository: FilesRepository;
  storage: FileStorage;
  repository: ResultsRepository;
  systemKey: SigningKey;
  unitKeys: Map<string, SigningKey>;
  publicUrl: string;
  log?: { warn(obj: object, msg: string): void };
}

const SOURCE_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function statementOf(row: DossierResultRow): ResultStatement {
  return {
    resultId: row.id,
    dossierId: row.dossier_id,
    dossierCode: row.dossier_code,
    sha256: row.sha256,
    issuedAt: row.issued_at.toISOString(),
    outcome: row.outcome,
  };
}

/**
 * E-results: issuing a stamped, hashed and signed result document for a dossier, and answering
 * anyone who asks whether a file is a genuine result. The processing service decides *when* a
 * result is issued (and checks the officer's rights); this service does the document and proof.
 */
export class ResultsService {
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(private readonly deps: ResultsServiceDeps) {
    for (const key of [deps.systemKey, ...deps.unitKeys.values()]) {
      this.publicKeys.set(key.keyId, createPublicKey(key.publicKeyPem));
    }
  }

  /** The verification page of a result (what its QR code points to). */
  verifyUrl(resultId: string): string {
    return `${this.deps.publicUrl}/xac-minh/${resultId}`;
  }

  /**
   * Builds, stores and signs the issued PDF from a file the officer uploaded. Call it before the
   * transaction that changes the dossier, then `record` inside it. If that transaction fails, the
   * stored PDF stays as an unreferenced file of the dossier's bundle: harmless, and never genuine
   * (no result row carries its hash).
   */
  async prepare(input: {
    actor: SignedInActor;
    dossier: ResultDossier;
    sourceFileId: string;
    outcome: 'approved' | 'refused';
    requestId?: string;
  }): Promise<PreparedResult> {
    const { clock, files, filesRepository, storage } = this.deps;
    const { actor, dossier } = input;
    if (actor.kind !== 'officer') throw new AppError('FORBIDDEN');
    const source = await filesRepository.findLive(input.sourceFileId);
    // The document must come from an officer: the signer's own upload, or a draft uploaded by a
    // colleague (a specialist drafts, the leader signs). A resident's upload never becomes a
    // result, whatever bundle it was put in.
    if (
      !source ||
      !SOURCE_TYPES.has(source.media_type) ||
      (source.owner_user_id !== actor.userId &&
        !(await this.deps.repository.isOfficer(source.owner_user_id)))
    ) {
      throw new AppError('RESULT_SOURCE_INVALID');
    }
    const sourceBytes = await readAll(await storage.open(source.stored_name));

    const id = randomUUID();
    const issuedAt = clock.now();
    const verifyUrl = this.verifyUrl(id);
    const pdf = await buildIssuedPdf({
      source: sourceBytes,
      mediaType: source.media_type,
      stamp: {
        heading: 'Kết quả điện tử – xác minh tại',
        verifyUrl,
        detail: `Mã hồ sơ: ${dossier.code} · ${dossier.unitName}`,
      },
      title: `Kết quả giải quyết hồ sơ ${dossier.code}`,
      issuedAt,
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');

    const staged = await files.stage(
      (async function* () {
        yield pdf;
      })(),
      () => false,
    );
    const stored = await files.store(
      actor,
      staged,
      {
        fileName: `ket-qua-${dossier.code}.pdf`,
        declaredType: 'application/pdf',
        bundleId: `dossier:${dossier.id}`,
        purpose: 'result',
      },
      input.requestId ?? id,
    );
    // The files module must keep PDFs byte for byte; the hash we sign is the hash we stored.
    if (stored.sha256 !== sha256) throw new Error('stored result bytes differ from the issued PDF');

    const key = this.signingKeyFor(dossier.unitCode, issuedAt);
    const signature = signBytes(
      key,
      canonicalStatement({
        resultId: id,
        dossierId: dossier.id,
        dossierCode: dossier.code,
        sha256,
        issuedAt: issuedAt.toISOString(),
        outcome: input.outcome,
      }),
    );
    return {
      id,
      dossier,
      sourceFileId: source.id,
      fileId: stored.id,
      sha256,
      signature,
      signingKeyId: key.keyId,
      algorithm: key.algorithm,
      certificatePem: key.certificatePem,
      publicKeyPem: key.publicKeyPem,
      issuedAt,
      outcome: input.outcome,
      verifyUrl,
    };
  }

  /**
   * Records a prepared result inside the caller's transaction (with the dossier's state change
   * and the audit row, which the caller writes). `issuedAt` is the signed instant from `prepare`;
   * `clock` is accepted so callers pass the same clock to every step of their transaction.
   */
  async record(
    trx: Db,
    _clock: Clock,
    prepared: PreparedResult,
    by: { issuedBy: string },
  ): Promise<{ id: string; verifyUrl: string }> {
    const { repository } = this.deps;
    await repository.rememberKey(trx, {
      key_id: prepared.signingKeyId,
      algorithm: prepared.algorithm,
      public_key_pem: prepared.publicKeyPem,
      certificate: prepared.certificatePem,
      unit_code: prepared.certificatePem ? prepared.dossier.unitCode : null,
      first_used_at: prepared.issuedAt,
    });
    await repository.insert(trx, {
      id: prepared.id,
      dossier_id: prepared.dossier.id,
      dossier_code: prepared.dossier.code,
      procedure_name: prepared.dossier.procedureName,
      unit_code: prepared.dossier.unitCode,
      unit_name: prepared.dossier.unitName,
      source_file_id: prepared.sourceFileId,
      file_id: prepared.fileId,
      sha256: prepared.sha256,
      signature: prepared.signature,
      signing_key_id: prepared.signingKeyId,
      algorithm: prepared.algorithm,
      certificate: prepared.certificatePem,
      issued_at: prepared.issuedAt,
      issued_by: by.issuedBy,
      outcome: prepared.outcome,
      revoked_at: null,
      revoked_reason: null,
    });
    return { id: prepared.id, verifyUrl: prepared.verifyUrl };
  }

  /** Withdraws a result (e.g. issued in error), in the caller's transaction; the caller audits. */
  async revoke(trx: Db, clock: Clock, input: { resultId: string; reason: string }): Promise<void> {
    const row = await this.deps.repository.find(input.resultId, trx);
    if (!row) throw new AppError('RESULT_NOT_FOUND');
    const reason = input.reason.trim();
    if (!reason) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'reason', message: 'Vui lòng nêu lý do thu hồi kết quả' }],
      });
    }
    if (!(await this.deps.repository.revoke(trx, row.id, clock.now(), reason))) {
      throw new AppError('RESULT_ALREADY_REVOKED');
    }
  }

  /** The public record of a result, with its signature checked again now. */
  async getPublic(id: string): Promise<PublicResult> {
    const row = await this.deps.repository.find(id);
    if (!row) throw new AppError('RESULT_NOT_FOUND');
    return this.toPublic(row);
  }

  /**
   * Is a file with this sha256 a genuine result? Genuine means: a recorded result has exactly
   * these bytes, its signature verifies, and it has not been revoked. With `resultId` (the QR
   * page asking about its own result) the bytes must be that result's.
   */
  async verifyHash(sha256: string, resultId?: string): Promise<VerifyResultAnswer> {
    const row = await this.deps.repository.findBySha256(sha256.toLowerCase());
    if (!row) return { genuine: false, reason: 'unknown' };
    if (resultId && row.id !== resultId) return { genuine: false, reason: 'different_result' };
    const result = await this.toPublic(row);
    if (!result.signatureValid) return { genuine: false, reason: 'signature_invalid' };
    if (result.revoked) return { genuine: false, reason: 'revoked' };
    return { genuine: true, result };
  }

  /** Every key that signs or has signed results, for offline verification. */
  async listKeys(): Promise<ResultSigningKey[]> {
    const { systemKey, unitKeys } = this.deps;
    const current = [systemKey, ...unitKeys.values()];
    const out: ResultSigningKey[] = current.map((k) => ({
      keyId: k.keyId,
      algorithm: k.algorithm,
      publicKeyPem: k.publicKeyPem,
      certificatePem: k.certificatePem,
      current: true,
    }));
    const seen = new Set(out.map((k) => k.keyId));
    for (const row of await this.deps.repository.listKeys()) {
      if (seen.has(row.key_id)) continue;
      out.push({
        keyId: row.key_id,
        algorithm: row.algorithm,
        publicKeyPem: row.public_key_pem,
        certificatePem: row.certificate,
        current: false,
      });
    }
    return out;
  }

  /**
   * The issued PDF's bytes. No access check here: the caller (the applicant's download, an
   * officer's route with dossiers.read on the unit) decides who may have it.
   */
  async openIssuedFile(resultId: string): Promise<IssuedFile> {
    const row = await this.deps.repository.find(resultId);
    if (!row) throw new AppError('RESULT_NOT_FOUND');
    const file = await this.deps.filesRepository.findLive(row.file_id);
    if (!file) throw new AppError('RESULT_NOT_FOUND');
    return {
      stream: await this.deps.storage.open(file.stored_name),
      name: file.original_name,
      mediaType: 'application/pdf',
      size: Number(file.size_bytes),
      dossierId: row.dossier_id,
    };
  }

  /** Results of a dossier, oldest first (public shape; the caller checks access). */
  async listForDossier(dossierId: string): Promise<PublicResult[]> {
    const rows = await this.deps.repository.listForDossier(dossierId);
    return Promise.all(rows.map((r) => this.toPublic(r)));
  }

  private signingKeyFor(unitCode: string, at: Date): SigningKey {
    const unitKey = this.deps.unitKeys.get(unitCode);
    if (!unitKey?.certificate) return this.deps.systemKey;
    if (!certificateValidAt(unitKey.certificate, at)) {
      // An expired certificate would make the result fail verification; the system key still
      // proves the result came from this platform.
      this.deps.log?.warn(
        { unitCode, validTo: unitKey.certificate.validTo },
        'unit result certificate not valid now; signing with the system key',
      );
      return this.deps.systemKey;
    }
    return unitKey;
  }

  private async publicKeyFor(row: DossierResultRow): Promise<KeyObject | null> {
    if (row.certificate) {
      const certificate = new X509Certificate(row.certificate);
      if (!certificateValidAt(certificate, row.issued_at)) return null;
      const key = certificate.publicKey;
      return keyIdOf(key) === row.signing_key_id ? key : null;
    }
    const known = this.publicKeys.get(row.signing_key_id);
    if (known) return known;
    const stored = await this.deps.repository.findKey(row.signing_key_id);
    if (!stored) return null;
    const key = createPublicKey(stored.public_key_pem);
    if (keyIdOf(key) !== row.signing_key_id) return null;
    this.publicKeys.set(row.signing_key_id, key);
    return key;
  }

  private async signatureValid(row: DossierResultRow): Promise<boolean> {
    const key = await this.publicKeyFor(row);
    if (!key) return false;
    try {
      if (algorithmOf(key) !== row.algorithm) return false;
    } catch {
      return false;
    }
    return verifyBytes(row.algorithm, key, canonicalStatement(statementOf(row)), row.signature);
  }

  private async toPublic(row: DossierResultRow): Promise<PublicResult> {
    return {
      id: row.id,
      dossierCode: row.dossier_code,
      procedureName: row.procedure_name,
      unitName: row.unit_name,
      issuedAt: row.issued_at.toISOString(),
      outcome: row.outcome,
      sha256: row.sha256,
      algorithm: row.algorithm,
      signingKeyId: row.signing_key_id,
      unitCertificate: row.certificate !== null,
      signatureValid: await this.signatureValid(row),
      revoked: row.revoked_at !== null,
      revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
      statement: canonicalStatement(statementOf(row)).toString('utf8'),
      signature: row.signature,
    };
  }
}
