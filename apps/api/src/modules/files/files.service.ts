import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type FileMediaType, fileExtensions } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Actor, SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../audit/audit.service';
import {
  FileNotFoundError,
  FileTooLargeError,
  FileTypeNotAllowedError,
  UploadQuotaExceededError,
} from './files.errors';
import { inspectContent, sniffMediaType } from './files.inspect';
import { fileExtension, sanitiseFileName } from './files.names';
import type { FilesRepository } from './files.repository';
import { type FileStorage, type StagedFile, StagedTooLargeError } from './files.storage';
import type { FileRow } from './files.tables';

export interface FileRecord {
  id: string;
  ownerUserId: string;
  bundleId: string;
  purpose: string;
  /** Sanitised original name, for display. */
  name: string;
  mediaType: FileMediaType;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  metadataStripped: boolean;
  createdAt: Date;
}

/** May this (non-owner) actor read the file? Modules owning bundles supply one (officers by unit). */
export type FileReadCheck = (actor: Actor, file: FileRecord) => Promise<boolean>;
/** May the owner still delete it? The dossier module answers "only while the bundle is a draft". */
export type FileDeleteCheck = (actor: SignedInActor, file: FileRecord) => Promise<boolean>;

export interface UploadMeta {
  fileName: string | undefined;
  declaredType: string;
  bundleId: string;
  purpose: string;
}

// Clients in the wild send these aliases for JPEG; anything else must be the exact type.
const DECLARED_ALIASES: Record<string, FileMediaType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
};

function toRecord(row: FileRow): FileRecord {
  return {
    id: row.id,
    ownerUserId: row.owner_user_id,
    bundleId: row.bundle_id,
    purpose: row.purpose,
    name: row.original_name,
    mediaType: row.media_type,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    metadataStripped: row.metadata_stripped,
    createdAt: row.created_at,
  };
}

/**
 * The rules of uploaded files: what is accepted, how much, who may read and delete. Other
 * modules (dossiers, feedback) attach files to their records through `listBundle` and
 * `attachToBundle`, and widen read access through `addReadCheck`.
 */
export class FilesService {
  private readonly readChecks: FileReadCheck[] = [];
  private readonly deleteChecks: FileDeleteCheck[] = [];

  constructor(
    private readonly deps: {
      db: Db;
      clock: Clock;
      storage: FileStorage;
      repository: FilesRepository;
      limits: { maxFileBytes: number; quotaBytes: number };
    },
  ) {}

  get maxFileBytes(): number {
    return this.deps.limits.maxFileBytes;
  }

  addReadCheck(check: FileReadCheck): void {
    this.readChecks.push(check);
  }

  addDeleteCheck(check: FileDeleteCheck): void {
    this.deleteChecks.push(check);
  }

  /**
   * Receives the bytes of an upload into staging. `truncated` reports whether the transport
   * stopped reading at the size cap (multipart does), which also means "too large".
   */
  async stage(source: AsyncIterable<Buffer>, truncated: () => boolean): Promise<StagedFile> {
    const { storage, limits } = this.deps;
    let staged: StagedFile;
    try {
      staged = await storage.stage(source, limits.maxFileBytes);
    } catch (error) {
      if (error instanceof StagedTooLargeError) throw new FileTooLargeError(limits.maxFileBytes);
      throw error;
    }
    if (truncated()) {
      await storage.discard(staged);
      throw new FileTooLargeError(limits.maxFileBytes);
    }
    return staged;
  }

  async discard(staged: StagedFile): Promise<void> {
    await this.deps.storage.discard(staged);
  }

  /**
   * Validates staged bytes and stores them for the actor: the content decides the type, which
   * must agree with the declared type and the extension; image metadata is removed; the bundle
   * quota is checked under a lock. Staged bytes are always consumed: stored or discarded.
   */
  async store(
    actor: SignedInActor,
    staged: StagedFile,
    meta: UploadMeta,
    requestId: string,
  ): Promise<FileRecord> {
    const { storage, db, clock, repository, limits } = this.deps;
    const cleanup: StagedFile[] = [staged];
    try {
      if (staged.size === 0) throw new AppError('FILE_EMPTY');
      const name = sanitiseFileName(meta.fileName);
      const original = await storage.readStaged(staged);
      const mediaType = sniffMediaType(original);
      if (!mediaType) throw new FileTypeNotAllowedError();
      const declared = meta.declaredType.toLowerCase().split(';')[0]!.trim();
      if ((DECLARED_ALIASES[declared] ?? declared) !== mediaType) {
        throw new FileTypeNotAllowedError(`nội dung là ${mediaType}, khai báo là ${declared}`);
      }
      if (!fileExtensions[mediaType].includes(fileExtension(name))) {
        throw new FileTypeNotAllowedError(`đuôi tên tệp không khớp nội dung ${mediaType}`);
      }
      const inspected = inspectContent(mediaType, original);
      let final = staged;
      if (inspected.bytes !== original) {
        final = await storage.stage(inspected.bytes, limits.maxFileBytes);
        cleanup.push(final);
      }
      const now = clock.now();
      const id = randomUUID();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
      let committed = false;
      try {
        await db.transaction().execute(async (trx) => {
          await repository.lockBundle(trx, actor.userId, meta.bundleId);
          const used = await repository.bundleUsage(trx, actor.userId, meta.bundleId);
          if (used + final.size > limits.quotaBytes) {
            throw new UploadQuotaExceededError(limits.quotaBytes);
          }
          await repository.insert(trx, {
            id,
            owner_user_id: actor.userId,
            bundle_id: meta.bundleId,
            purpose: meta.purpose,
            original_name: name,
            stored_name: key,
            media_type: mediaType,
            size_bytes: final.size,
            sha256: final.sha256,
            width: inspected.width,
            height: inspected.height,
            metadata_stripped: inspected.metadataStripped,
            created_at: now,
            deleted_at: null,
          });
          await appendAudit(trx, clock, {
            actor,
            action: 'file.upload',
            objectType: 'file',
            objectId: id,
            requestId,
            details: {
              bundleId: meta.bundleId,
              purpose: meta.purpose,
              mediaType,
              size: final.size,
              sha256: final.sha256,
              metadataStripped: inspected.metadataStripped,
            },
          });
          // Last step inside the transaction: if the rename fails, nothing commits.
          await storage.commit(final, key);
          committed = true;
        });
      } catch (error) {
        // The bytes were moved in place but the row did not commit: take them back out.
        if (committed) await storage.remove(key);
        throw error;
      }
      return {
        id,
        ownerUserId: actor.userId,
        bundleId: meta.bundleId,
        purpose: meta.purpose,
        name,
        mediaType,
        size: final.size,
        sha256: final.sha256,
        width: inspected.width,
        height: inspected.height,
        metadataStripped: inspected.metadataStripped,
        createdAt: now,
      };
    } finally {
      for (const s of cleanup) await storage.discard(s);
    }
  }

  /**
   * Throws FILE_NOT_FOUND (404, never 403: existence is not revealed) unless the actor owns the
   * file or a check allows it. `policyCheck` replaces the registered checks for one call.
   */
  async assertCanRead(actor: Actor, file: FileRecord, policyCheck?: FileReadCheck): Promise<void> {
    if (actor.kind !== 'anonymous' && actor.userId === file.ownerUserId) return;
    const checks = policyCheck ? [policyCheck] : this.readChecks;
    for (const check of checks) if (await check(actor, file)) return;
    throw new FileNotFoundError();
  }

  /** The file and its bytes, for an actor allowed to read it. Reads by others are audited. */
  async openForRead(
    actor: Actor,
    id: string,
    requestId: string,
  ): Promise<{ file: FileRecord; stream: Readable }> {
    const row = await this.deps.repository.findLive(id);
    if (!row) throw new FileNotFoundError();
    const file = toRecord(row);
    await this.assertCanRead(actor, file);
    if (actor.kind !== 'anonymous' && actor.userId !== file.ownerUserId) {
      await this.deps.db.transaction().execute((trx) =>
        appendAudit(trx, this.deps.clock, {
          actor,
          action: 'file.read',
          objectType: 'file',
          objectId: file.id,
          requestId,
          details: { bundleId: file.bundleId },
        }),
      );
    }
    return { file, stream: await this.deps.storage.open(row.stored_name) };
  }

  /** Soft delete by the owner while every delete check (e.g. "bundle is a draft") allows it. */
  async delete(actor: SignedInActor, id: string, requestId: string): Promise<void> {
    const { db, clock, repository } = this.deps;
    const row = await repository.findLive(id);
    if (!row || row.owner_user_id !== actor.userId) throw new FileNotFoundError();
    const file = toRecord(row);
    for (const check of this.deleteChecks) {
      if (!(await check(actor, file))) throw new AppError('FILE_NOT_DELETABLE');
    }
    await db.transaction().execute(async (trx) => {
      if (!(await repository.markDeleted(trx, id, clock.now()))) throw new FileNotFoundError();
      await appendAudit(trx, clock, {
        actor,
        action: 'file.delete',
        objectType: 'file',
        objectId: id,
        requestId,
        details: { bundleId: file.bundleId },
      });
    });
  }

  /**
   * Live files of a bundle, oldest first. Bundle ids of drafts come from clients, so callers
   * listing a draft pass its owner: another user could have used the same id.
   */
  async listBundle(
    bundleId: string,
    options: { ownerUserId?: string } = {},
  ): Promise<FileRecord[]> {
    const rows = await this.deps.repository.listBundle(bundleId, options.ownerUserId);
    return rows.map(toRecord);
  }

  /**
   * Moves the owner's files into another bundle (a draft's files into the submitted dossier),
   * in the caller's transaction. Unknown, deleted or foreign ids fail the whole call with 404;
   * the destination's quota applies.
   */
  async attachToBundle(
    trx: Db,
    actor: Actor,
    input: { fileIds: string[]; ownerUserId: string; bundleId: string; requestId?: string },
  ): Promise<FileRecord[]> {
    const { clock, repository, limits } = this.deps;
    const ids = [...new Set(input.fileIds)];
    const rows = await repository.findLiveOfOwner(trx, ids, input.ownerUserId);
    if (rows.length !== ids.length) throw new FileNotFoundError();
    const moving = rows.filter((r) => r.bundle_id !== input.bundleId);
    await repository.lockBundle(trx, input.ownerUserId, input.bundleId);
    const used = await repository.bundleUsage(trx, input.ownerUserId, input.bundleId);
    const adding = moving.reduce((sum, r) => sum + Number(r.size_bytes), 0);
    if (used + adding > limits.quotaBytes) throw new UploadQuotaExceededError(limits.quotaBytes);
    await repository.moveToBundle(
      trx,
      moving.map((r) => r.id),
      input.bundleId,
    );
    for (const r of moving) {
      await appendAudit(trx, clock, {
        actor,
        action: 'file.attach',
        objectType: 'file',
        objectId: r.id,
        requestId: input.requestId ?? null,
        details: { from: r.bundle_id, to: input.bundleId },
      });
    }
    return rows.map((r) => toRecord({ ...r, bundle_id: input.bundleId }));
  }
}
