import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { exifGpsSegment, jpeg, pdfBytes, png } from './files.test-fixtures';
import {
  fileRowCount,
  filesOnDisk,
  makeResident,
  type Resident,
  upload,
} from './files.test-helpers';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MAX_FILE = Math.floor(0.05 * 1_048_576); // UPLOAD_MAX_FILE_MB below
const QUOTA = Math.floor(0.1 * 1_048_576); // UPLOAD_QUOTA_MB below

let app: TestApp;
let dataDir: string;
let alice: Resident;
let bob: Resident;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-files-'));
  app = await createTestApp({
    env: {
      DATA_DIR: dataDir,
      UPLOAD_MAX_FILE_MB: '0.05',
      UPLOAD_QUOTA_MB: '0.1',
      UPLOAD_RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  alice = await makeResident(app);
  bob = await makeResident(app);
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function storedPath(id: string): Promise<string> {
  const row = await app.database.db
    .selectFrom('files')
    .select(['stored_name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return path.join(dataDir, 'files', row.stored_name);
}

/** Runs a refused upload and checks that it left nothing behind, on disk or in the table. */
async function expectRefused(
  send: () => ReturnType<typeof upload>,
  status: number,
  code: string,
): Promise<string> {
  const diskBefore = filesOnDisk(app);
  const rowsBefore = await fileRowCount(app);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  expect(filesOnDisk(app)).toEqual(diskBefore);
  expect(await fileRowCount(app)).toBe(rowsBefore);
  return res.json().error.message;
}

describe('POST /api/files', () => {
  it('accepts a PDF, stores it outside the web root and serves it to its owner as an attachment', async () => {
    const data = pdfBytes(2000);
    const res = await upload(app, alice, {
      name: 'Đơn đề nghị cấp giấy.pdf',
      type: 'application/pdf',
      data,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      name: 'Đơn đề nghị cấp giấy.pdf',
      mediaType: 'application/pdf',
      size: data.length,
      sha256: sha256(data),
    });

    const onDisk = await storedPath(body.id);
    expect(fs.readFileSync(onDisk).equals(data)).toBe(true);
    expect(onDisk.startsWith(path.join(dataDir, 'files') + path.sep)).toBe(true);
    expect(path.relative(app.config.webDistDir, onDisk).startsWith('..')).toBe(true);
    expect(path.basename(onDisk)).toBe(body.id);
    expect(filesOnDisk(app).some((p) => p.startsWith('tmp'))).toBe(false);

    const got = await app.server.inject({ url: `/api/files/${body.id}`, headers: alice.headers });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(data)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Don de nghi cap giay.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn đề nghị cấp giấy.pdf')}`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('private, no-store');

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_id', '=', body.id)
      .execute();
    expect(audit).toEqual([{ action: 'file.upload', actor_id: alice.id }]);
  });

  it('refuses a PNG renamed .pdf with 415 naming the allowed types, storing nothing', async () => {
    const message = await expectRefused(
      () => upload(app, alice, { name: 'giay-to.pdf', type: 'application/pdf', data: png().bytes }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(message).toContain('PDF');
    expect(message).toMatch(/\.jpg.*\.png|\.png/);
    expect(message).toContain('không được chấp nhận');
  });

  it('refuses a declared type or an extension that disagrees with the content', async () => {
    const data = pdfBytes();
    await expectRefused(
      () => upload(app, alice, { name: 'a.pdf', type: 'image/png', data }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
    await expectRefused(
      () => upload(app, alice, { name: 'a.png', type: 'application/pdf', data }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
    await expectRefused(
      () =>
        upload(app, alice, { name: 'a.html', type: 'text/html', data: Buffer.from('<script>') }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
  });

  it('refuses an oversized file with 413 and stores nothing', async () => {
    const data = pdfBytes(MAX_FILE + 10_000);
    await expectRefused(
      () => upload(app, alice, { name: 'lon.pdf', type: 'application/pdf', data }),
      413,
      'FILE_TOO_LARGE',
    );
  });

  it('refuses an empty file and a request without a file', async () => {
    await expectRefused(
      () =>
        upload(app, alice, { name: 'rong.pdf', type: 'application/pdf', data: Buffer.alloc(0) }),
      400,
      'FILE_EMPTY',
    );
    await expectRefused(() => upload(app, alice, null), 400, 'FILE_MISSING');
  });

  it('refuses missing or malformed fields with per-field messages', async () => {
    const file = { name: 'a.pdf', type: 'application/pdf', data: pdfBytes() };
    const res = await upload(app, alice, file, { purpose: 'thanh-phan-ho-so' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('bundleId');
    const bad = await upload(app, alice, file, { bundleId: '../x', purpose: 'a' });
    expect(bad.statusCode).toBe(400);
    expect(filesOnDisk(app).some((p) => p.startsWith('tmp'))).toBe(false);
  });

  it('stores "../../etc/passwd.pdf" under a generated name and shows a sanitised name', async () => {
    const res = await upload(app, alice, {
      name: '../../etc/passwd.pdf',
      type: 'application/pdf',
      data: pdfBytes(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('passwd.pdf');
    const row = await app.database.db
      .selectFrom('files')
      .select(['stored_name', 'original_name'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.stored_name).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(row.stored_name).not.toContain('passwd');
    expect(row.original_name).toBe('passwd.pdf');
    expect(fs.existsSync(path.join(dataDir, 'etc'))).toBe(false);
  });

  it('removes GPS Exif from a JPEG and keeps the image data byte for byte', async () => {
    const original = jpeg({
      width: 24,
      height: 16,
      extra: [{ name: 'APP1', bytes: exifGpsSegment() }],
    });
    expect(original.bytes.includes(Buffer.from('Exif\0\0'))).toBe(true);
    const res = await upload(app, alice, {
      name: 'anh.jpg',
      type: 'image/jpeg',
      data: original.bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const got = await app.server.inject({
      url: `/api/files/${res.json().id}`,
      headers: alice.headers,
    });
    const served = got.rawPayload;
    const expected = Buffer.concat(
      original.parts.filter((p) => p.name !== 'APP1').map((p) => p.bytes),
    );
    expect(served.equals(expected)).toBe(true);
    expect(served.includes(Buffer.from('Exif'))).toBe(false);
    expect(served.includes(Buffer.from([0xff, 0xe1]))).toBe(false);
    expect(served.includes(Buffer.from([0x88, 0x25]))).toBe(false); // GPS IFD tag
    expect(res.json().size).toBe(served.length);
    expect(res.json().sha256).toBe(sha256(served));
    const row = await app.database.db
      .selectFrom('files')
      .select(['width', 'height', 'metadata_stripped'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ width: 24, height: 16, metadata_stripped: true });
  });

  it('removes PNG text and time chunks and keeps the rest', async () => {
    const original = png({
      extra: [
        { type: 'tEXt', data: Buffer.from('Comment\0Nguyễn Văn A, thôn 3', 'latin1') },
        { type: 'tIME', data: Buffer.from([0x07, 0xea, 5, 1, 8, 30, 0]) },
        { type: 'pHYs', data: Buffer.from([0, 0, 11, 19, 0, 0, 11, 19, 1]) },
      ],
    });
    const res = await upload(app, alice, {
      name: 'anh.png',
      type: 'image/png',
      data: original.bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const got = await app.server.inject({
      url: `/api/files/${res.json().id}`,
      headers: alice.headers,
    });
    const expected = Buffer.concat([
      original.bytes.subarray(0, 8),
      ...original.chunks.filter((c) => c.type !== 'tEXt' && c.type !== 'tIME').map((c) => c.bytes),
    ]);
    expect(got.rawPayload.equals(expected)).toBe(true);
    expect(got.rawPayload.includes(Buffer.from('tEXt'))).toBe(false);
    expect(got.rawPayload.includes(Buffer.from('Comment'))).toBe(false);
    expect(got.rawPayload.includes(Buffer.from('pHYs'))).toBe(true);
  });

  it('refuses pixel bombs', async () => {
    await expectRefused(
      () =>
        upload(app, alice, {
          name: 'bom.jpg',
          type: 'image/jpeg',
          data: jpeg({ width: 20_000, height: 20_000 }).bytes,
        }),
      413,
      'IMAGE_DIMENSIONS_TOO_LARGE',
    );
    await expectRefused(
      () =>
        upload(app, alice, {
          name: 'bom.png',
          type: 'image/png',
          data: png({ width: 10_000, height: 10_000 }).bytes, // 100 MP, each side allowed
        }),
      413,
      'IMAGE_DIMENSIONS_TOO_LARGE',
    );
  });

  it('refuses polyglots: data after the PNG end, a JPEG not ending in FF D9, junk before %PDF-', async () => {
    const zip = Buffer.from('PK\u0003\u0004 payload', 'latin1');
    await expectRefused(
      () =>
        upload(app, alice, {
          name: 'a.png',
          type: 'image/png',
          data: Buffer.concat([png().bytes, zip]),
        }),
      415,
      'FILE_CONTENT_INVALID',
    );
    await expectRefused(
      () =>
        upload(app, alice, {
          name: 'a.jpg',
          type: 'image/jpeg',
          data: Buffer.concat([jpeg().bytes, zip]),
        }),
      415,
      'FILE_CONTENT_INVALID',
    );
    await expectRefused(
      () =>
        upload(app, alice, {
          name: 'a.pdf',
          type: 'application/pdf',
          data: Buffer.concat([Buffer.from('GIF89a'), pdfBytes()]),
        }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
  });

  it('refuses an upload that would exceed the bundle quota with 413', async () => {
    const fields = { bundleId: 'draft:quota', purpose: 'thanh-phan-ho-so' };
    const part = () => ({ name: 'to.pdf', type: 'application/pdf', data: pdfBytes(40_000) });
    expect((await upload(app, alice, part(), fields)).statusCode).toBe(201);
    expect((await upload(app, alice, part(), fields)).statusCode).toBe(201);
    expect(2 * 40_000 + 40_000).toBeGreaterThan(QUOTA);
    await expectRefused(() => upload(app, alice, part(), fields), 413, 'UPLOAD_QUOTA_EXCEEDED');
    // The quota is per owner: another resident's files do not count against it.
    expect((await upload(app, bob, part(), fields)).statusCode).toBe(201);
  });

  it('refuses JSON bodies and anonymous uploads', async () => {
    const json = await app.server.inject({
      method: 'POST',
      url: '/api/files',
      headers: alice.headers,
      payload: { bundleId: 'x', purpose: 'y' },
    });
    expect(json.statusCode).toBe(415);
    const anonymous = await upload(app, null, {
      name: 'a.pdf',
      type: 'application/pdf',
      data: pdfBytes(),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET and DELETE /api/files/:id', () => {
  let fileId: string;
  beforeAll(async () => {
    const res = await upload(app, alice, {
      name: 'cccd.jpg',
      type: 'image/jpeg',
      data: jpeg().bytes,
    });
    fileId = res.json().id;
  });

  it('answers another resident with 404, as if the file did not exist', async () => {
    const other = await app.server.inject({ url: `/api/files/${fileId}`, headers: bob.headers });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('FILE_NOT_FOUND');
    const unknown = await app.server.inject({
      url: '/api/files/00000000-0000-4000-8000-000000000000',
      headers: bob.headers,
    });
    expect(unknown.json()).toEqual({
      error: { ...other.json().error, requestId: expect.any(String) },
    });
    const del = await app.server.inject({
      method: 'DELETE',
      url: `/api/files/${fileId}`,
      headers: bob.headers,
    });
    expect(del.statusCode).toBe(404);
  });

  it('answers anonymous requests with 401', async () => {
    const res = await app.server.inject({ url: `/api/files/${fileId}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lets the owner delete the file; it is gone afterwards and frees quota', async () => {
    const del = await app.server.inject({
      method: 'DELETE',
      url: `/api/files/${fileId}`,
      headers: alice.headers,
    });
    expect(del.statusCode).toBe(204);
    const after = await app.server.inject({ url: `/api/files/${fileId}`, headers: alice.headers });
    expect(after.statusCode).toBe(404);
    const again = await app.server.inject({
      method: 'DELETE',
      url: `/api/files/${fileId}`,
      headers: alice.headers,
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('upload rate limit', () => {
  it('limits uploads per user per minute', async () => {
    const limited = await createTestApp({
      database: app.database,
      env: { DATA_DIR: dataDir, UPLOAD_RATE_LIMIT_PER_MINUTE: '2' },
    });
    try {
      const file = { name: 'a.pdf', type: 'application/pdf', data: pdfBytes() };
      const codes: number[] = [];
      for (let i = 0; i < 3; i += 1) codes.push((await upload(limited, alice, file)).statusCode);
      expect(codes).toEqual([201, 201, 429]);
      // Counted per user, not per address: another resident may still upload.
      expect((await upload(limited, bob, file)).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
