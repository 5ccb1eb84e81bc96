import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app';
import { escapeHtml, injectMeta } from './showcase.page';
import {
  addPhoto,
  type Caller,
  COMMUNE,
  call,
  content,
  OTHER_COMMUNE,
  saveDraft,
  showcaseTestApp,
  signedIn,
} from './showcase.test-support';

// The built index.html as Vite leaves it: the description spread over lines, a title, a script.
const INDEX = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="Chính quyền số tỉnh Đắk Lắk — cổng dịch vụ công."
    />
    <title>Chính quyền số — Tỉnh Đắk Lắk</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

let app: TestApp;
let close: () => Promise<void>;
let leader: Caller;

beforeAll(async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-sc-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  ({ app, close } = await showcaseTestApp({
    WEB_DIST_DIR: dist,
    PUBLIC_URL: 'https://dichvucong.daklak.example',
  }));
  const closeApp = close;
  close = async () => {
    await closeApp();
    fs.rmSync(dist, { recursive: true, force: true });
  };
  leader = await signedIn(app, [{ role: 'unit_leader', unitCode: COMMUNE }]);
});
afterAll(async () => close());

const page = (code: string, accept = 'text/html,application/xhtml+xml') =>
  app.server.inject({ method: 'GET', url: `/xa-phuong/${code}/gioi-thieu`, headers: { accept } });

function metaContent(html: string, attr: 'name' | 'property', key: string): string | undefined {
  const re = new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`);
  return re.exec(html)?.[1];
}

describe('showcase page address: the app shell with the commune in its title and sharing tags', () => {
  it('sc-15 a published page gets its title, description, canonical and Open Graph tags', async () => {
    const cover = await addPhoto(app, leader, COMMUNE, { width: 1200, height: 800 });
    const saved = await saveDraft(
      app,
      leader,
      COMMUNE,
      0,
      content({ coverImageId: cover.id, introduction: 'Đất cà phê.\n\nĐoạn hai.' }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    await call(app, leader, 'POST', `/api/officer/showcase/${COMMUNE}/publish`, { version: 1 });

    const res = await page(COMMUNE);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).toContain(
      '<title>Giới thiệu Phường Buôn Ma Thuột — Mỗi xã một KOL — Chính quyền số Đắk Lắk</title>',
    );
    expect(metaContent(html, 'name', 'description')).toBe('Đất cà phê.');
    expect(metaContent(html, 'property', 'og:url')).toBe(
      `https://dichvucong.daklak.example/xa-phuong/${COMMUNE}/gioi-thieu`,
    );
    expect(metaContent(html, 'property', 'og:image')).toBe(
      `https://dichvucong.daklak.example/api/showcase/images/${cover.id}/large`,
    );
    expect(metaContent(html, 'property', 'og:image:width')).toBe('1200');
    // The app itself still loads.
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-abc.js">');
    expect(html).toContain('<div id="root"></div>');
  });

  it('sc-16 a name or text with <script>, quotes and $& stays text in the injected tags', async () => {
    const hostile = 'Cà phê <script>alert("x")</script> & "ngon" \'thật\' $& $1';
    const saved = await saveDraft(app, leader, COMMUNE, 1, content({ introduction: hostile }));
    expect(saved.statusCode, saved.body).toBe(200);
    await call(app, leader, 'POST', `/api/officer/showcase/${COMMUNE}/publish`, { version: 2 });
    const html = (await page(COMMUNE)).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('"ngon"');
    const description = metaContent(html, 'name', 'description');
    expect(description).toBe(
      'Cà phê &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;ngon&quot; &#39;thật&#39; $&amp; $1',
    );
    expect(metaContent(html, 'property', 'og:description')).toBe(description);
    // The only script is the app's own.
    expect(html.match(/<script/g)).toHaveLength(1);

    // The same holds for a commune name, through the pure function.
    const injected = injectMeta(INDEX, {
      title: '</title><script>x()</script>',
      description: '"><img src=x onerror=y>',
      url: 'https://a.example/"x',
      image: null,
      siteName: 'S',
    });
    expect(injected).toContain('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
    expect(injected).not.toContain('<img');
    expect(injected).toContain(`content="${escapeHtml('"><img src=x onerror=y>')}"`);
  });

  it('sc-17 an unpublished or unknown commune gets the plain shell; JSON clients get a 404', async () => {
    const plain = await page(OTHER_COMMUNE);
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(INDEX);
    const unknown = await page('99999');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(INDEX);
    const json = await page(COMMUNE, 'application/json');
    expect(json.statusCode).toBe(404);
    expect(json.json().error.code).toBe('NOT_FOUND');
  });
});
