import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app';
import { verifyAuditChain } from '../audit/audit.verify';
import {
  addPhoto,
  type Caller,
  COMMUNE,
  call,
  content,
  saveDraft,
  showcaseTestApp,
  signedIn,
} from './showcase.test-support';

let app: TestApp;
let close: () => Promise<void>;
let editor: Caller;
let leader: Caller;

beforeAll(async () => {
  ({ app, close } = await showcaseTestApp());
  editor = await signedIn(app, [{ role: 'specialist', unitCode: COMMUNE }]);
  leader = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE }]);
});
afterAll(async () => close());

const publicPage = () => call(app, null, 'GET', `/api/showcase/${COMMUNE}`);
const publicList = () => call(app, null, 'GET', '/api/showcase');

async function auditActions(): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom('audit_log')
    .select(['action', 'unit_code'])
    .where('action', 'like', 'showcase.%')
    .orderBy('id')
    .execute();
  for (const r of rows) expect(r.unit_code).toBe(COMMUNE);
  return rows.map((r) => r.action);
}

async function eventKinds(): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom('showcase_events')
    .select(['kind', 'draft_version'])
    .where('commune_code', '=', COMMUNE)
    .orderBy('at')
    .orderBy('draft_version')
    .execute();
  return rows.map((r) => `${r.kind}@${r.draft_version}`);
}

describe('commune showcase: draft, preview, publish', () => {
  let cover: string;

  it('sc-01 the public sees nothing before publishing, the editor starts from an empty draft', async () => {
    const page = await publicPage();
    expect(page.statusCode).toBe(404);
    expect(page.json().error.code).toBe('SHOWCASE_NOT_PUBLISHED');
    expect((await publicList()).json().items).toEqual([]);
    const start = await call(app, editor, 'GET', `/api/officer/showcase/${COMMUNE}`);
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({
      communeName: 'Phường Buôn Ma Thuột',
      draftVersion: 0,
      publishedVersion: null,
      canPublish: false,
      draft: { introduction: '', products: [] },
    });
  });

  it('sc-02 a saved draft shows in the preview and stays private', async () => {
    cover = (await addPhoto(app, editor, COMMUNE)).id;
    const saved = await saveDraft(app, editor, COMMUNE, 0, content({ coverImageId: cover }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ draftVersion: 1, publishedVersion: null });
    const preview = await call(app, editor, 'GET', `/api/officer/showcase/${COMMUNE}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      introduction: 'Phường có nhiều vườn cà phê.\n\nĐoạn thứ hai.',
      publishedAt: null,
      cover: { id: cover },
      products: [{ name: 'Cà phê rang xay', ocopStars: 4 }],
    });
    expect((await publicPage()).statusCode).toBe(404);
    // A draft photo is not for everybody: the same answer as an unknown image.
    const anon = await call(app, null, 'GET', `/api/showcase/images/${cover}/thumb`);
    expect(anon.statusCode).toBe(404);
    const own = await call(app, editor, 'GET', `/api/showcase/images/${cover}/thumb`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
  });

  it('sc-03 publishing copies the draft; later edits stay in the draft until published again', async () => {
    const published = await call(app, leader, 'POST', `/api/officer/showcase/${COMMUNE}/publish`, {
      version: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ draftVersion: 1, publishedVersion: 1 });
    const page = await publicPage();
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      communeCode: COMMUNE,
      communeName: 'Phường Buôn Ma Thuột',
      products: [{ name: 'Cà phê rang xay' }],
      ambassadors: [{ name: 'Chị Thử', links: [{ url: 'https://example.com/chi-thu' }] }],
      isDemo: false,
    });
    expect(page.json().publishedAt).toBe(app.clock.now().toISOString());
    const image = await call(app, null, 'GET', `/api/showcase/images/${cover}/large`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.headers['cache-control']).toContain('public');
    const list = (await publicList()).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      communeCode: COMMUNE,
      excerpt: 'Phường có nhiều vườn cà phê.',
      productCount: 1,
      ambassadorCount: 1,
      cover: { id: cover },
    });

    const edited = await saveDraft(
      app,
      editor,
      COMMUNE,
      1,
      content({ introduction: 'Bản sửa chưa công bố.', products: [] }),
    );
    expect(edited.json()).toMatchObject({ draftVersion: 2, publishedVersion: 1 });
    expect((await publicPage()).json().introduction).toBe(
      'Phường có nhiều vườn cà phê.\n\nĐoạn thứ hai.',
    );
    // The cover left the draft but is still on the public page: still public.
    expect((await call(app, null, 'GET', `/api/showcase/images/${cover}/thumb`)).statusCode).toBe(
      200,
    );
    const managed = await call(app, editor, 'GET', '/api/officer/showcase');
    expect(managed.json().items).toEqual([
      { communeCode: COMMUNE, communeName: 'Phường Buôn Ma Thuột', state: 'changed' },
    ]);

    const again = await call(app, leader, 'POST', `/api/officer/showcase/${COMMUNE}/publish`, {
      version: 2,
    });
    expect(again.statusCode, again.body).toBe(200);
    const now = (await publicPage()).json();
    expect(now.introduction).toBe('Bản sửa chưa công bố.');
    expect(now.products).toEqual([]);
    expect(now.cover).toBeNull();
    // The cover is no longer shown anywhere public.
    expect((await call(app, null, 'GET', `/api/showcase/images/${cover}/thumb`)).statusCode).toBe(
      404,
    );
  });

  it('sc-04 stale versions are refused: a save or a publish never overwrites unseen changes', async () => {
    const stale = await saveDraft(app, editor, COMMUNE, 1, content());
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('SHOWCASE_VERSION_CONFLICT');
    const stalePublish = await call(
      app,
      leader,
      'POST',
      `/api/officer/showcase/${COMMUNE}/publish`,
      {
        version: 1,
      },
    );
    expect(stalePublish.statusCode).toBe(409);
    expect(stalePublish.json().error.code).toBe('SHOWCASE_VERSION_CONFLICT');
    const emptyIntro = await saveDraft(app, editor, COMMUNE, 2, content({ introduction: '  ' }));
    expect(emptyIntro.statusCode).toBe(200);
    const nothing = await call(app, leader, 'POST', `/api/officer/showcase/${COMMUNE}/publish`, {
      version: 3,
    });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe('SHOWCASE_NOTHING_TO_PUBLISH');
  });

  it('sc-05 unpublishing takes the page down and keeps the draft; twice is refused', async () => {
    const down = await call(app, leader, 'POST', `/api/officer/showcase/${COMMUNE}/unpublish`);
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json()).toMatchObject({
      draftVersion: 3,
      publishedVersion: null,
      publishedAt: null,
    });
    expect((await publicPage()).statusCode).toBe(404);
    expect((await publicList()).json().items).toEqual([]);
    const twice = await call(app, leader, 'POST', `/api/officer/showcase/${COMMUNE}/unpublish`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('SHOWCASE_NOT_PUBLISHED_YET');
  });

  it('sc-06 every change has its event and its audit row, and the audit chain holds', async () => {
    expect(await eventKinds()).toEqual([
      'image_added@0',
      'draft_saved@1',
      'published@1',
      'draft_saved@2',
      'published@2',
      'draft_saved@3',
      'unpublished@3',
    ]);
    expect(await auditActions()).toEqual([
      'showcase.image_added',
      'showcase.draft_saved',
      'showcase.published',
      'showcase.draft_saved',
      'showcase.published',
      'showcase.draft_saved',
      'showcase.unpublished',
    ]);
    expect((await verifyAuditChain(app.database.db)).ok).toBe(true);
    // Events are a record: they cannot be rewritten.
    await expect(
      app.database.db.deleteFrom('showcase_events').where('commune_code', '=', COMMUNE).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('sc-18 a javascript: or relative link is refused with the field named; nothing is saved', async () => {
    const before = await call(app, editor, 'GET', `/api/officer/showcase/${COMMUNE}`);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '/trang-cua-toi']) {
      const bad = content();
      bad.ambassadors[0]!.links = [{ label: 'Trang', url }];
      const res = await saveDraft(app, editor, COMMUNE, before.json().draftVersion, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.fields).toEqual([
        expect.objectContaining({
          path: expect.stringContaining('ambassadors.0.links.0.url'),
          message: expect.stringContaining('https://'),
        }),
      ]);
    }
    const after = await call(app, editor, 'GET', `/api/officer/showcase/${COMMUNE}`);
    expect(after.json().draftVersion).toBe(before.json().draftVersion);
  });
});
