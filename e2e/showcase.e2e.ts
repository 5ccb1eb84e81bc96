import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';
import { DEMO_PASSWORD, freshTotp } from './demo-officers';

const baseUrl = inject('baseUrl');
const mobile = viewports.find((v) => v.name === 'mobile')!;
const EDITOR = 'demo.chuyenvien.bmt';
const LEADER = 'demo.lanhdao.bmt';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function officer(username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext(mobile.context);
  const page = await ctx.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${baseUrl}/can-bo/dang-nhap`);
  await page.getByTestId('officer-username').fill(username);
  await page.getByTestId('officer-password').fill(DEMO_PASSWORD);
  await page.getByTestId('officer-totp').fill(await freshTotp(username));
  await page.getByTestId('officer-submit').click();
  await page.waitForURL(`${baseUrl}/can-bo`);
  return { ctx, page };
}

describe('commune showcase "Mỗi xã một KOL" (390×844)', () => {
  it('a resident opens a commune page with its products; officers add a product, preview and publish it', async () => {
    const resident = await browser.newContext(mobile.context);
    const page = await resident.newPage();
    try {
      // 1. The list of communes with a page, then Buôn Ma Thuột's page.
      await page.goto(`${baseUrl}/mot-xa-mot-kol`);
      const card = page.locator('.sc-commune', { hasText: 'Phường Buôn Ma Thuột' });
      await card.waitFor();
      await screenshot(page, 'showcase-1-list-mobile');
      await card.getByRole('link', { name: 'Phường Buôn Ma Thuột' }).click();
      await page.waitForURL(`${baseUrl}/xa-phuong/24133/gioi-thieu`);
      const products = page.getByTestId('showcase-products');
      await products.waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        'Phường Buôn Ma Thuột',
      );
      // Demo content says so, and its OCOP stars are only examples.
      await page.getByTestId('showcase-demo').waitFor();
      expect(await products.innerText()).toContain('Cà phê Robusta');
      expect(await products.innerText()).toContain('(ví dụ minh hoạ)');
      expect(await page.title()).toBe(
        'Giới thiệu Phường Buôn Ma Thuột — Mỗi xã một KOL — Chính quyền số Đắk Lắk',
      );
      // No layout shift: every photo has its size before it loads; below the fold they wait.
      const photos = await page.locator('.sc img').evaluateAll((imgs) =>
        imgs.map((img) => ({
          width: img.getAttribute('width'),
          height: img.getAttribute('height'),
          loading: img.getAttribute('loading'),
        })),
      );
      expect(photos.length).toBeGreaterThan(3);
      for (const p of photos) expect(Number(p.width) * Number(p.height)).toBeGreaterThan(0);
      expect(photos[0]?.loading).toBe('eager');
      expect(photos.slice(1).every((p) => p.loading === 'lazy')).toBe(true);
      await screenshot(page, 'showcase-2-page-mobile');

      // The address itself, as a link preview fetches it: title and description in the HTML.
      const html = await (
        await page.request.get(`${baseUrl}/xa-phuong/24133/gioi-thieu`, {
          headers: { accept: 'text/html' },
        })
      ).text();
      expect(html).toContain(
        '<meta property="og:title" content="Giới thiệu Phường Buôn Ma Thuột — Mỗi xã một KOL',
      );
      expect(html).toMatch(/<meta property="og:image" content="http[^"]+\/large"/);

      // 2. The ward's specialist adds a product with a photo and saves the draft.
      const editor = await officer(EDITOR);
      try {
        await editor.page.getByTestId('nav-showcase').click();
        await editor.page.getByTestId('sce-intro').waitFor();
        await editor.page.getByTestId('sce-add-product').click();
        const product = editor.page.locator('fieldset[data-testid^="sce-product-"]').last();
        await product.getByLabel('Tên sản phẩm').fill('Mật ong hoa cà phê (thử nghiệm e2e)');
        await product.getByLabel('Cơ sở sản xuất').fill('Tổ hợp tác thử');
        const photo = await sharp({
          create: { width: 2400, height: 1600, channels: 3, background: '#b5651d' },
        })
          .jpeg()
          .withExif({ IFD0: { Make: 'E2ECam' } })
          .toBuffer();
        await product
          .locator('input[type=file]')
          .setInputFiles({ name: 'mat-ong.jpg', mimeType: 'image/jpeg', buffer: photo });
        await product.getByText('Đã tải ảnh lên.').waitFor({ timeout: 30_000 });
        // A specialist prepares; publishing is for the leaders.
        expect(await editor.page.getByTestId('sce-publish').count()).toBe(0);
        await editor.page.getByTestId('sce-save').click();
        await expect
          .poll(() => editor.page.getByTestId('sce-status').innerText())
          .toBe('Đã lưu bản nháp.');
        await screenshot(editor.page, 'showcase-3-editor-mobile');
      } finally {
        await editor.ctx.close();
      }

      // The public page does not change before publishing.
      await page.reload();
      await products.waitFor();
      expect(await products.innerText()).not.toContain('Mật ong hoa cà phê');

      // 3. The leader previews the draft and publishes it.
      const leader = await officer(LEADER);
      try {
        await leader.page.goto(`${baseUrl}/can-bo/gioi-thieu-xa`);
        await leader.page.getByTestId('sce-intro').waitFor();
        await leader.page.getByTestId('sce-preview').click();
        const preview = leader.page.getByTestId('showcase-view');
        await preview.waitFor();
        expect(await preview.innerText()).toContain('Mật ong hoa cà phê (thử nghiệm e2e)');
        await screenshot(leader.page, 'showcase-4-preview-mobile');
        await leader.page.getByTestId('sce-publish').click();
        await expect
          .poll(() => leader.page.getByTestId('sce-status').innerText())
          .toContain('Đã công bố');
      } finally {
        await leader.ctx.close();
      }

      await page.reload();
      await products.waitFor();
      expect(await products.innerText()).toContain('Mật ong hoa cà phê (thử nghiệm e2e)');
      const newPhoto = products.getByRole('img', {
        name: 'Ảnh sản phẩm Mật ong hoa cà phê (thử nghiệm e2e)',
      });
      const size = await newPhoto.evaluate((img) => [
        img.getAttribute('width'),
        img.getAttribute('height'),
      ]);
      expect(size).toEqual(['480', '320']);
      await screenshot(page, 'showcase-5-published-mobile');
    } finally {
      await resident.close();
    }
  });
});
