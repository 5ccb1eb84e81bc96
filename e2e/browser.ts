import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's chromium; playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const screenshotsDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Viewport {
  /** Used in test and screenshot names. */
  name: 'mobile' | 'desktop';
  context: BrowserContextOptions;
}

/** The two sizes every flow is checked at; scale 1 keeps the screenshots small. */
export const viewports: Viewport[] = [
  {
    name: 'desktop',
    context: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'vi-VN' },
  },
  {
    name: 'mobile',
    context: {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    },
  },
];

/**
 * Full-page PNG at e2e/screenshots/<name>.png (the folder is gitignored). Then fails the test if
 * the page is wider than the viewport, a layout bug that is easy to miss in a picture.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = `${screenshotsDir}${name}.png`;
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  expect(await horizontalOverflow(page), `${name}: page wider than the viewport`).toBe(0);
  return file;
}

/**
 * How many CSS pixels the page is wider than its viewport (0 when nothing sticks out sideways).
 * Elements that scroll inside their own box (overflow-x: auto) do not count.
 */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
