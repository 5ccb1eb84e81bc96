import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('communes and wards (mobile)', () => {
  it('finds Phường Tuy Hòa without diacritics and lists its former units', async () => {
    const mobile = viewports.find((v) => v.name === 'mobile');
    const ctx = await browser.newContext(mobile?.context);
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/xa-phuong`);
      const count = page.getByTestId('units-count');
      // The full list first, so that the search below visibly narrows it.
      await expect.poll(() => count.innerText()).toMatch(/^Tìm thấy \d+ xã\/phường$/);
      const total = Number((await count.innerText()).match(/\d+/)?.[0]);
      expect(total).toBeGreaterThan(50);

      await page.getByRole('searchbox', { name: 'Tìm xã/phường' }).fill('tuy hoa');
      await page.waitForURL(/\?q=tuy\+hoa$/);
      await expect
        .poll(async () => Number((await count.innerText()).match(/\d+/)?.[0]))
        .toBeLessThan(total);
      const link = page.locator('a.unit-list__link', { hasText: 'Phường Tuy Hòa' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('/xa-phuong/22015');
      await screenshot(page, 'units-search-mobile');

      await link.click();
      await page.waitForURL(`${baseUrl}/xa-phuong/22015`);
      const detail = page.getByTestId('unit-detail');
      await detail.waitFor();
      expect(await detail.locator('h1').innerText()).toBe('Phường Tuy Hòa');
      const former = await detail.locator('tbody th[scope="row"]').allInnerTexts();
      expect(former.map((f) => f.trim())).toContain('Phường 1');
      expect(await page.title()).toContain('Phường Tuy Hòa');
      await screenshot(page, 'unit-detail-mobile');
    } finally {
      await ctx.close();
    }
  });
});
