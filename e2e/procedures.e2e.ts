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

describe.each(viewports)('procedure search and page ($name)', (viewport) => {
  it('finds khai sinh typed without diacritics from the home page and shows its 7 components', async () => {
    const ctx = await browser.newContext(viewport.context);
    try {
      const page = await ctx.newPage();
      await page.goto(baseUrl);
      const box = page.getByRole('searchbox').first();
      await box.fill('dang ky khai sinh');
      await box.press('Enter');
      await page.waitForURL(/\/thu-tuc\?q=dang(%20|\+)ky(%20|\+)khai(%20|\+)sinh/);
      const results = page.getByTestId('procedure-results');
      await results.waitFor();
      const first = results.locator('li').first();
      expect(await first.innerText()).toContain('Thủ tục đăng ký khai sinh');
      expect(await first.innerText()).toContain('1.001193');
      await screenshot(page, `procedure-search-${viewport.name}`);

      await first.locator('a').first().click();
      await page.waitForURL(`${baseUrl}/thu-tuc/1.001193`);
      const detail = page.getByTestId('procedure-detail');
      await detail.waitFor();
      expect(await detail.locator('h1').innerText()).toBe('Thủ tục đăng ký khai sinh');
      const text = await detail.innerText();
      // Decree 63/2010 Art. 8(2): steps, method, documents, time limit, applicants, agency.
      for (const words of ['Giấy khai sinh', 'Hộ tịch', 'Miễn phí']) expect(text).toContain(words);
      const submit = page.getByTestId('submit-online');
      expect(await submit.getAttribute('href')).toBe('/nop-ho-so/1.001193');
      expect(await page.title()).toContain('Thủ tục đăng ký khai sinh');
      await screenshot(page, `procedure-page-${viewport.name}`);
    } finally {
      await ctx.close();
    }
  });
});
