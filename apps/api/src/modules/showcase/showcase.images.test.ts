import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app';
import { pdfBytes } from '../files/files.test-fixtures';
import {
  type Caller,
  COMMUNE,
  call,
  cameraJpeg,
  showcaseTestApp,
  signedIn,
  uploadFile,
} from './showcase.test-support';

let app: TestApp;
let close: () => Promise<void>;
let editor: Caller;

beforeAll(async () => {
  ({ app, close } = await showcaseTestApp());
  editor = await signedIn(app, [{ role: 'specialist', unitCode: COMMUNE }]);
});
afterAll(async () => close());

async function bytesOf(url: string): Promise<Buffer> {
  const res = await call(app, editor, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('image/webp');
  expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
  return res.rawPayload;
}

describe('commune showcase photos', () => {
  it('sc-12 a camera photo is resized to 1600 px and a 480 px thumbnail, WebP, with no Exif, GPS or XMP left', async () => {
    const original = await cameraJpeg(2400, 1800);
    // The fixture really carries what must go.
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(Buffer.from('TestCam'))).toBe(true);
    expect(before.xmp).toBeDefined();

    const up = await uploadFile(app, editor, COMMUNE, {
      name: 'IMG_0001.jpg',
      type: 'image/jpeg',
      data: original,
    });
    expect(up.statusCode, up.body).toBe(201);
    const res = await call(app, editor, 'POST', `/api/officer/showcase/${COMMUNE}/images`, {
      fileId: up.json().id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const image = res.json();
    expect(image.large).toMatchObject({ width: 1600, height: 1200 });
    expect(image.thumb).toMatchObject({ width: 480, height: 360 });

    for (const variant of [image.large, image.thumb]) {
      const bytes = await bytesOf(variant.url);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      for (const trace of ['TestCam', 'Nguyen Van A', 'GPS']) {
        expect(bytes.includes(Buffer.from(trace))).toBe(false);
      }
    }
    // The upload itself went through the files module's metadata removal.
    const source = await app.database.db
      .selectFrom('files')
      .select(['metadata_stripped', 'bundle_id'])
      .where('id', '=', up.json().id)
      .executeTakeFirstOrThrow();
    expect(source).toEqual({ metadata_stripped: true, bundle_id: `showcase:${COMMUNE}` });

    // Sending the same upload again answers the same image (a retried request makes no copy).
    const again = await call(app, editor, 'POST', `/api/officer/showcase/${COMMUNE}/images`, {
      fileId: up.json().id,
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(image.id);
  });

  it('sc-13 a small photo is never enlarged, and the editor lists it', async () => {
    // Newest first: on the frozen test clock, a later upload needs a later time.
    app.clock.advance(60_000);
    const up = await uploadFile(app, editor, COMMUNE, {
      name: 'nho.jpg',
      type: 'image/jpeg',
      data: await cameraJpeg(300, 200),
    });
    const res = await call(app, editor, 'POST', `/api/officer/showcase/${COMMUNE}/images`, {
      fileId: up.json().id,
    });
    expect(res.json().large).toMatchObject({ width: 300, height: 200 });
    expect(res.json().thumb).toMatchObject({ width: 300, height: 200 });
    const editorView = await call(app, editor, 'GET', `/api/officer/showcase/${COMMUNE}`);
    expect(editorView.json().images[0].id).toBe(res.json().id);
  });

  it('sc-14 a PDF or a file outside the showcase bundle is not made into a photo', async () => {
    const pdf = await uploadFile(app, editor, COMMUNE, {
      name: 'gioi-thieu.pdf',
      type: 'application/pdf',
      data: pdfBytes(),
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    const res = await call(app, editor, 'POST', `/api/officer/showcase/${COMMUNE}/images`, {
      fileId: pdf.json().id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SHOWCASE_IMAGE_INVALID');
    // Uploaded for another commune's bundle: not this commune's photo.
    const elsewhere = await uploadFile(app, editor, '22015', {
      name: 'anh.jpg',
      type: 'image/jpeg',
      data: await cameraJpeg(64, 64),
    });
    const wrong = await call(app, editor, 'POST', `/api/officer/showcase/${COMMUNE}/images`, {
      fileId: elsewhere.json().id,
    });
    expect(wrong.statusCode).toBe(404);
    const rows = await app.database.db.selectFrom('showcase_images').select('id').execute();
    expect(rows).toHaveLength(2);
  });
});
