/**
 * Screenshots of the operations dashboard at 1440×900 and 390×844 into e2e/screenshots/, against
 * a running demo platform (seed it first with dashboard-seed.mts for numbers on the map):
 *
 *   BASE_URL=http://127.0.0.1:4917 npx tsx apps/web/scripts/dashboard-screens.mts
 *
 * Province leader: overview (map and table), a commune, a component drill, the feedback drill,
 * the steering view, the glossary, the prefilled task form. Commune leader: lands on the commune.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoTotpSecret, totpCode } from '@cqs/api/src/modules/identity/totp';
import { type Browser, chromium, type Page } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4917';
const out = fileURLToPath(new URL('../../../e2e/screenshots/', import.meta.url));
fs.mkdirSync(out, { recursive: true });
const only = process.env.ONLY ? new Set(process.env.ONLY.split(',')) : null;

const sizes = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** TOTP steps already used per account: the server refuses a replayed code. */
const usedSteps = new Map<string, number>();
async function signIn(page: Page, username: string) {
  const step = Math.floor(Date.now() / 30_000);
  if ((usedSteps.get(username) ?? -1) >= step) {
    await page.waitForTimeout((step + 1) * 30_000 - Date.now() + 300);
  }
  usedSteps.set(username, Math.floor(Date.now() / 30_000));
  await page.goto(`${base}/can-bo/dang-nhap`);
  await page.getByTestId('officer-username').fill(username);
  await page.getByTestId('officer-password').fill('demo-DakLak-2026');
  await page.getByTestId('officer-totp').fill(totpCode(demoTotpSecret(username), new Date()));
  await page.getByTestId('officer-submit').click();
  await page.waitForURL(`${base}/can-bo`);
}

async function shot(page: Page, name: string, size: keyof typeof sizes, fullPage = true) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}dashboard-${name}-${size}.png`, fullPage });
  // The first screen as well: what a leader sees without scrolling.
  if (fullPage) await page.screenshot({ path: `${out}dashboard-${name}-${size}-top.png` });
  // SEGMENTS=1: the whole page in screen-high slices, to look at closely.
  if (fullPage && process.env.SEGMENTS === '1') {
    const { width, height } = sizes[size];
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let i = 1; i * height < total && i < 8; i += 1) {
      await page.screenshot({
        path: `${out}dashboard-${name}-${size}-${i}.png`,
        fullPage: true,
        clip: { x: 0, y: i * height, width, height: Math.min(height, total - i * height) },
      });
    }
  }
  console.log(`dashboard-${name}-${size}.png`);
}

async function leaderPages(browser: Browser, size: keyof typeof sizes) {
  const ctx = await browser.newContext({ viewport: sizes[size], locale: 'vi-VN' });
  const page = await ctx.newPage();
  await signIn(page, 'demo.lanhdao.tinh');
  const want = (name: string) => !only || only.has(name);

  if (want('overview')) {
    await page.goto(`${base}/can-bo/dieu-hanh?view=map`);
    await page.getByTestId('db-map').waitFor();
    await page.locator('[data-testid="db-map"][data-ready="true"]').waitFor({ timeout: 20_000 });
    await shot(page, 'overview-map', size);
    await page.goto(`${base}/can-bo/dieu-hanh?view=table&indicator=on_time_rate`);
    await page.getByTestId('db-unit-table').waitFor();
    await shot(page, 'overview-table', size);
  }
  // The commune with the most late dossiers in the period: a drill with something in it.
  const code = await page.evaluate(async () => {
    const today = new Date().toISOString().slice(0, 10);
    const month = Math.floor(Number(today.slice(5, 7)) / 3.01) * 3 + 1;
    const from = `${today.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
    const res = await fetch(`/api/dashboard/service-index?unit=66&from=${from}&to=${today}`);
    const body = (await res.json()) as { units: { unitCode: string; onTimeRate: number | null }[] };
    const sorted = body.units
      .filter((u) => u.onTimeRate !== null)
      .sort((a, b) => (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0));
    return sorted[0]?.unitCode ?? '24133';
  });
  if (want('unit')) {
    await page.goto(`${base}/can-bo/dieu-hanh/don-vi/${code}?period=quarter`);
    await page.getByTestId('db-index').waitFor();
    await shot(page, 'unit', size);
  }
  if (want('drill')) {
    await page.goto(`${base}/can-bo/dieu-hanh/don-vi/${code}/chi-tieu/on_time?period=quarter`);
    await page.getByTestId('db-drill-count').filter({ hasText: /\d/ }).waitFor();
    await shot(page, 'drill', size);
    await page.getByTestId('db-assign').click();
    await page.getByTestId('tk-assign').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'assign-prefilled', size);
  }
  if (want('feedback')) {
    await page.goto(
      // The province's reports (the seed files a few through Open311), every filter.
      `${base}/can-bo/dieu-hanh/don-vi/66/phan-anh?period=quarter&filter=all`,
    );
    await page.getByTestId('db-feedback-drill').waitFor();
    await shot(page, 'feedback-drill', size);
  }
  if (want('steering')) {
    await page.goto(`${base}/can-bo/dieu-hanh/nhiem-vu`);
    await page.getByTestId('db-steering').waitFor();
    await shot(page, 'steering', size);
  }
  if (want('glossary')) {
    await page.goto(`${base}/can-bo/dieu-hanh/thuat-ngu#on_time`);
    await page.getByTestId('db-term-on_time').waitFor();
    await shot(page, 'glossary', size, size !== 'desktop');
  }
  await ctx.close();
}

async function communeLeader(browser: Browser, size: keyof typeof sizes) {
  const ctx = await browser.newContext({ viewport: sizes[size], locale: 'vi-VN' });
  const page = await ctx.newPage();
  await signIn(page, 'demo.lanhdao.bmt');
  await page.goto(`${base}/can-bo/dieu-hanh`);
  await page.getByTestId('db-unit').waitFor();
  await shot(page, 'commune-leader', size);
  await ctx.close();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  for (const size of ['desktop', 'phone'] as const) {
    await leaderPages(browser, size);
    if (!only || only.has('commune')) await communeLeader(browser, size);
  }
} finally {
  await browser.close();
}
