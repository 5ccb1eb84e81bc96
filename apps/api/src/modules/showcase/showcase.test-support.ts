import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OfficerRole, ShowcaseContent, ShowcaseImage } from '@cqs/shared';
import sharp from 'sharp';
import { makeOfficer, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { multipart } from '../files/files.test-fixtures';
import { SHOWCASE_PHOTO_PURPOSE, showcaseBundle } from './showcase.service';

/** Buôn Ma Thuột ward and Tuy Hòa ward: two real communes of the province. */
export const COMMUNE = '24133';
export const OTHER_COMMUNE = '22015';

export interface Caller extends SignedIn {
  id: string;
}

export async function signedIn(
  app: TestApp,
  grants: { role: OfficerRole; unitCode: string }[],
): Promise<Caller> {
  const officer = await makeOfficer(app, grants);
  return { id: officer.id, ...(await signInOfficer(app, officer)) };
}

/** A test app whose uploads go to a fresh folder, removed by `close`. */
export async function showcaseTestApp(env: Record<string, string> = {}): Promise<{
  app: TestApp;
  dataDir: string;
  close: () => Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-showcase-'));
  const app = await createTestApp({ env: { DATA_DIR: dataDir, ...env } });
  app.clock.set(new Date('2026-05-20T03:00:00Z'));
  return {
    app,
    dataDir,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function call(
  app: TestApp,
  who: SignedIn | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
) {
  const headers: Record<string, string> = {};
  if (who) {
    headers.cookie = who.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
  }
  return app.server.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/**
 * A camera-like JPEG: `width`×`height` pixels with Exif (camera make, GPS position near Buôn Ma
 * Thuột) and an XMP packet, so tests can check that none of it survives.
 */
export async function cameraJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 120, g: 80, b: 40 } },
  })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Phone 1', Copyright: 'Nguyen Van A' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '12/1 40/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 2/1 0/1',
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Nguyen Van A</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

/** Uploads through the files module (the feedback photos' pipeline), as the web editor does. */
export async function uploadFile(
  app: TestApp,
  who: SignedIn,
  code: string,
  file: { name: string; type: string; data: Buffer },
) {
  const body = multipart([
    { name: 'bundleId', value: showcaseBundle(code) },
    { name: 'purpose', value: SHOWCASE_PHOTO_PURPOSE },
    { name: 'file', filename: file.name, contentType: file.type, data: file.data },
  ]);
  return app.server.inject({
    method: 'POST',
    url: '/api/files',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...body.headers },
    payload: body.payload,
  });
}

/** Upload + make the showcase image; answers the image as the editor receives it. */
export async function addPhoto(
  app: TestApp,
  who: SignedIn,
  code: string,
  size = { width: 800, height: 600 },
): Promise<ShowcaseImage> {
  const up = await uploadFile(app, who, code, {
    name: 'anh.jpg',
    type: 'image/jpeg',
    data: await cameraJpeg(size.width, size.height),
  });
  if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  const res = await call(app, who, 'POST', `/api/officer/showcase/${code}/images`, {
    fileId: up.json().id,
  });
  if (res.statusCode !== 201) throw new Error(`image: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function content(overrides: Partial<ShowcaseContent> = {}): ShowcaseContent {
  return {
    introduction: 'Phường có nhiều vườn cà phê.\n\nĐoạn thứ hai.',
    coverImageId: null,
    gallery: [],
    products: [
      {
        id: randomUUID(),
        name: 'Cà phê rang xay',
        description: 'Rang mộc',
        producerName: 'HTX thử',
        producerContact: '0000 000 001',
        ocopStars: 4,
        priceText: '',
        imageIds: [],
      },
    ],
    ambassadors: [
      {
        id: randomUUID(),
        name: 'Chị Thử',
        description: '',
        imageId: null,
        links: [{ label: 'Trang', url: 'https://example.com/chi-thu' }],
      },
    ],
    ...overrides,
  };
}

export async function saveDraft(
  app: TestApp,
  who: SignedIn,
  code: string,
  version: number,
  body: ShowcaseContent,
) {
  return call(app, who, 'PUT', `/api/officer/showcase/${code}/draft`, { version, content: body });
}
