import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import { makeOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { FileNotFoundError } from './files.errors';
import { FilesRepository } from './files.repository';
import { type FileRecord, FilesService } from './files.service';
import { DiskFileStorage } from './files.storage';
import { pdfBytes } from './files.test-fixtures';
import { makeResident } from './files.test-helpers';

let app: TestApp;
let dataDir: string;
let service: FilesService;
let storage: DiskFileStorage;
let alice: SignedInActor;
let bob: SignedInActor;
let officer: Actor;

const asResident = (userId: string): SignedInActor => ({
  kind: 'resident',
  userId,
  sessionIdHash: 'test',
  csrfToken: 'test',
  assuranceLevel: 1,
});

function newService(): FilesService {
  return new FilesService({
    db: app.database.db,
    clock: app.clock,
    storage,
    repository: new FilesRepository(app.database.db),
    limits: { maxFileBytes: 100_000, quotaBytes: 20_000 },
  });
}

async function store(
  svc: FilesService,
  actor: SignedInActor,
  bundleId: string,
  size = 1000,
): Promise<FileRecord> {
  const staged = await svc.stage(Readable.from([pdfBytes(size)]), () => false);
  return svc.store(
    actor,
    staged,
    { fileName: 'giay-to.pdf', declaredType: 'application/pdf', bundleId, purpose: 'test' },
    'req-test',
  );
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-files-svc-'));
  app = await createTestApp({ env: { DATA_DIR: dataDir } });
  storage = new DiskFileStorage(path.join(dataDir, 'files'));
  service = newService();
  alice = asResident((await makeResident(app)).id);
  bob = asResident((await makeResident(app)).id);
  const o = await makeOfficer(app, [{ role: 'receiving_officer', unitCode: '66' }]);
  officer = {
    kind: 'officer',
    userId: o.id,
    sessionIdHash: 'test',
    csrfToken: 'test',
    grants: [{ role: 'receiving_officer', unitCode: '66' }],
    activeUnitCode: '66',
  };
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('read access hooks', () => {
  it('denies non-owners by default with FILE_NOT_FOUND, and lets a policy check allow officers', async () => {
    const file = await store(service, alice, 'draft:hooks');
    await expect(service.assertCanRead(bob, file)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(service.assertCanRead(officer, file)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(service.assertCanRead(alice, file)).resolves.toBeUndefined();
    const unitCheck = async (actor: Actor) => actor.kind === 'officer';
    await expect(service.assertCanRead(officer, file, unitCheck)).resolves.toBeUndefined();
    await expect(service.assertCanRead(bob, file, unitCheck)).rejects.toBeInstanceOf(
      FileNotFoundError,
    );
  });

  it('serves officers through a registered check and audits their reads', async () => {
    const svc = newService();
    const file = await store(svc, alice, 'dossier:audited');
    await expect(svc.openForRead(officer, file.id, 'r1')).rejects.toBeInstanceOf(FileNotFoundError);
    svc.addReadCheck(
      async (actor, f) => actor.kind === 'officer' && f.bundleId.startsWith('dossier:'),
    );
    const { stream } = await svc.openForRead(officer, file.id, 'r2');
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).length).toBe(file.size);
    const reads = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'request_id'])
      .where('object_id', '=', file.id)
      .where('action', '=', 'file.read')
      .execute();
    expect(reads).toEqual([{ action: 'file.read', request_id: 'r2' }]);
  });
});

describe('delete hook', () => {
  it('refuses deletion with 409 when a check says the bundle is no longer a draft', async () => {
    const svc = newService();
    svc.addDeleteCheck(async (_actor, f) => f.bundleId.startsWith('draft:'));
    const submitted = await store(svc, alice, 'dossier:sent');
    const error = await svc.delete(alice, submitted.id, 'r').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FILE_NOT_DELETABLE');
    expect((error as AppError).status).toBe(409);
    const draft = await store(svc, alice, 'draft:open');
    await svc.delete(alice, draft.id, 'r');
    expect(await svc.listBundle('draft:open')).toEqual([]);
  });
});

describe('bundles', () => {
  it('lists a bundle, optionally only one owner’s files (draft ids come from clients)', async () => {
    const a = await store(service, alice, 'draft:shared-id');
    const b = await store(service, bob, 'draft:shared-id');
    expect((await service.listBundle('draft:shared-id')).map((f) => f.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(
      (await service.listBundle('draft:shared-id', { ownerUserId: alice.userId })).map((f) => f.id),
    ).toEqual([a.id]);
  });

  it('attaches the owner’s files to another bundle in the caller’s transaction, all or nothing', async () => {
    const one = await store(service, alice, 'draft:move');
    const two = await store(service, alice, 'draft:move');
    const foreign = await store(service, bob, 'draft:move');
    await expect(
      app.database.db.transaction().execute((trx) =>
        service.attachToBundle(trx, alice, {
          fileIds: [one.id, foreign.id],
          ownerUserId: alice.userId,
          bundleId: 'dossier:moved',
        }),
      ),
    ).rejects.toBeInstanceOf(FileNotFoundError);
    expect(await service.listBundle('dossier:moved')).toEqual([]);

    const moved = await app.database.db.transaction().execute((trx) =>
      service.attachToBundle(trx, alice, {
        fileIds: [one.id, two.id],
        ownerUserId: alice.userId,
        bundleId: 'dossier:moved',
      }),
    );
    expect(moved.map((f) => f.bundleId)).toEqual(['dossier:moved', 'dossier:moved']);
    expect((await service.listBundle('dossier:moved')).map((f) => f.id).sort()).toEqual(
      [one.id, two.id].sort(),
    );
    expect(await service.listBundle('draft:move', { ownerUserId: alice.userId })).toEqual([]);
  });

  it('applies the destination quota when attaching', async () => {
    const big = await store(service, alice, 'draft:big', 12_000);
    await store(service, alice, 'dossier:full', 12_000);
    const error = await app.database.db
      .transaction()
      .execute((trx) =>
        service.attachToBundle(trx, alice, {
          fileIds: [big.id],
          ownerUserId: alice.userId,
          bundleId: 'dossier:full',
        }),
      )
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('UPLOAD_QUOTA_EXCEEDED');
  });
});

describe('storage', () => {
  it('refuses a storage root inside the web root', () => {
    expect(
      () => new DiskFileStorage('/srv/web/dist/files', { forbiddenRoots: ['/srv/web/dist'] }),
    ).toThrow();
    expect(
      () => new DiskFileStorage('/srv/web/dist', { forbiddenRoots: ['/srv/web/dist'] }),
    ).toThrow();
    expect(
      () => new DiskFileStorage('/srv/data/files', { forbiddenRoots: ['/srv/web/dist'] }),
    ).not.toThrow();
  });

  it('leaves nothing in staging when a stream is over its limit', async () => {
    await expect(storage.stage(Buffer.alloc(2000), 1000)).rejects.toThrow();
    const tmp = path.join(dataDir, 'files', 'tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });
});
