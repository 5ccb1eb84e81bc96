import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import {
  addPhoto,
  type Caller,
  COMMUNE,
  call,
  cameraJpeg,
  content,
  OTHER_COMMUNE,
  saveDraft,
  showcaseTestApp,
  signedIn,
  uploadFile,
} from './showcase.test-support';

let app: TestApp;
let close: () => Promise<void>;
let editor: Caller;
let leader: Caller;
let otherLeader: Caller;
let otherEditor: Caller;
let receiving: Caller;
let provinceAdmin: Caller;

beforeAll(async () => {
  ({ app, close } = await showcaseTestApp());
  editor = await signedIn(app, [{ role: 'specialist', unitCode: COMMUNE }]);
  leader = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE }]);
  otherLeader = await signedIn(app, [{ role: 'unit_leader', unitCode: OTHER_COMMUNE }]);
  otherEditor = await signedIn(app, [{ role: 'specialist', unitCode: OTHER_COMMUNE }]);
  receiving = await signedIn(app, [{ role: 'receiving_officer', unitCode: COMMUNE }]);
  provinceAdmin = await signedIn(app, [{ role: 'province_admin', unitCode: '66' }]);
  const saved = await saveDraft(app, editor, COMMUNE, 0, content());
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(async () => close());

const base = `/api/officer/showcase/${COMMUNE}`;

describe('commune showcase: who may edit and publish', () => {
  it("sc-07 another commune's officer gets 403 on every editor route of this commune", async () => {
    for (const who of [otherLeader, otherEditor]) {
      const attempts = [
        await call(app, who, 'GET', base),
        await call(app, who, 'GET', `${base}/preview`),
        await saveDraft(app, who, COMMUNE, 1, content()),
        await call(app, who, 'POST', `${base}/publish`, { version: 1 }),
        await call(app, who, 'POST', `${base}/unpublish`),
        await call(app, who, 'POST', `${base}/images`, { fileId: crypto.randomUUID() }),
      ];
      for (const res of attempts) {
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
    // Nothing changed: still the first draft, unpublished.
    const state = await call(app, editor, 'GET', base);
    expect(state.json()).toMatchObject({ draftVersion: 1, publishedVersion: null });
  });

  it('sc-08 a specialist edits but does not publish; the leader publishes; a one-stop desk officer does neither', async () => {
    const refused = await call(app, editor, 'POST', `${base}/publish`, { version: 1 });
    expect(refused.statusCode).toBe(403);
    expect((await call(app, receiving, 'GET', base)).statusCode).toBe(403);
    expect((await saveDraft(app, receiving, COMMUNE, 1, content())).statusCode).toBe(403);
    const ok = await call(app, leader, 'POST', `${base}/publish`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().canPublish).toBe(true);
    expect((await call(app, editor, 'POST', `${base}/unpublish`)).statusCode).toBe(403);
  });

  it('sc-09 the province administrator edits and publishes any commune, and sees all 102 in the picker', async () => {
    const saved = await saveDraft(app, provinceAdmin, OTHER_COMMUNE, 0, content());
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await call(
      app,
      provinceAdmin,
      'POST',
      `/api/officer/showcase/${OTHER_COMMUNE}/publish`,
      { version: 1 },
    );
    expect(published.statusCode, published.body).toBe(200);
    const picker = (await call(app, provinceAdmin, 'GET', '/api/officer/showcase')).json().items;
    expect(picker).toHaveLength(102);
    expect(picker.find((c: { communeCode: string }) => c.communeCode === OTHER_COMMUNE)).toEqual({
      communeCode: OTHER_COMMUNE,
      communeName: 'Phường Tuy Hòa',
      state: 'published',
    });
    const mine = (await call(app, editor, 'GET', '/api/officer/showcase')).json().items;
    expect(mine.map((c: { communeCode: string }) => c.communeCode)).toEqual([COMMUNE]);
    // The province itself has no showcase page.
    const province = await call(app, provinceAdmin, 'GET', '/api/officer/showcase/66');
    expect(province.statusCode).toBe(400);
    expect(province.json().error.code).toBe('SHOWCASE_UNIT_NOT_COMMUNE');
  });

  it("sc-10 a draft cannot use another commune's photo, nor turn another officer's upload into a photo", async () => {
    const foreign = await addPhoto(app, otherEditor, OTHER_COMMUNE);
    const res = await saveDraft(app, editor, COMMUNE, 1, content({ coverImageId: foreign.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SHOWCASE_IMAGE_UNKNOWN');
    const unknown = await saveDraft(
      app,
      editor,
      COMMUNE,
      1,
      content({ gallery: [{ imageId: crypto.randomUUID(), caption: '' }] }),
    );
    expect(unknown.json().error.code).toBe('SHOWCASE_IMAGE_UNKNOWN');
    // The other commune's editor cannot read this commune's draft photos either.
    const own = await addPhoto(app, editor, COMMUNE);
    const peek = await call(app, otherEditor, 'GET', `/api/showcase/images/${own.id}/large`);
    expect(peek.statusCode).toBe(404);
    // An upload belongs to its uploader: a colleague cannot turn it into a photo.
    const up = await uploadFile(app, editor, COMMUNE, {
      name: 'anh.jpg',
      type: 'image/jpeg',
      data: await cameraJpeg(64, 48),
    });
    const taken = await call(app, leader, 'POST', `${base}/images`, { fileId: up.json().id });
    expect(taken.statusCode).toBe(404);
    expect(taken.json().error.code).toBe('FILE_NOT_FOUND');
  });

  it('sc-11 residents and anonymous callers cannot reach the editor', async () => {
    const resident = await makeResident(app);
    const asResident = await app.server.inject({
      method: 'GET',
      url: base,
      headers: resident.headers,
    });
    expect(asResident.statusCode).toBe(403);
    const anonymous = await call(app, null, 'GET', base);
    expect(anonymous.statusCode).toBe(401);
  });
});
