import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app';
import { DEMO_SHOWCASES } from './showcase.demo-data';
import { call, showcaseTestApp } from './showcase.test-support';

let app: TestApp;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await showcaseTestApp());
});
afterAll(async () => close());

describe('demo showcases', () => {
  it('sc-19 are made once for real communes, clearly labelled, with drawn pictures served like uploads', async () => {
    expect(await app.services.showcase.seedDemo()).toBe(DEMO_SHOWCASES.length);
    expect(await app.services.showcase.seedDemo()).toBe(0);

    const list = (await call(app, null, 'GET', '/api/showcase')).json().items;
    const published = DEMO_SHOWCASES.filter((d) => !d.draftOnly).map((d) => d.communeCode);
    expect(list.map((i: { communeCode: string }) => i.communeCode).sort()).toEqual(
      [...published].sort(),
    );
    for (const item of list) {
      expect(item.isDemo).toBe(true);
      expect(item.excerpt).toContain('[DEMO]');
      expect(item.cover).not.toBeNull();
    }
    // The draft-only demo stays private.
    const draftOnly = DEMO_SHOWCASES.find((d) => d.draftOnly)!.communeCode;
    expect((await call(app, null, 'GET', `/api/showcase/${draftOnly}`)).statusCode).toBe(404);

    const page = (await call(app, null, 'GET', '/api/showcase/24133')).json();
    expect(page.communeName).toBe('Phường Buôn Ma Thuột');
    expect(page.introduction).toContain('ví dụ minh hoạ');
    for (const product of page.products) {
      expect(product.name).toMatch(/^\[DEMO\]/);
      expect(product.producerContact).toMatch(/0000\d{6} \(số demo\)/);
      // OCOP stars on a demo product are only ever presented as an example.
      if (product.ocopStars !== null) expect(product.description).toContain('ví dụ minh hoạ');
    }
    for (const a of page.ambassadors) {
      expect(a.name).toContain('(demo)');
      for (const link of a.links) expect(link.url).toMatch(/^https:\/\/example\.com\//);
    }
    const cover = await call(app, null, 'GET', page.cover.large.url);
    expect(cover.statusCode).toBe(200);
    const meta = await sharp(cover.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual([
      'webp',
      page.cover.large.width,
      page.cover.large.height,
    ]);
    expect(page.cover.thumb.width).toBeLessThanOrEqual(480);
  });
});
