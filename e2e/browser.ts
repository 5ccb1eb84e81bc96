import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

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

/** Full-page PNG at e2e/screenshots/<name>.png (the folder is gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = `${screenshotsDir}${name}.png`;
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
