import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommuneMap } from '@cqs/shared';
import { examples } from '@cqs/shared/testing';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';
import { canvasColourAt, communePoint } from './choropleth';
import { DEMO_PASSWORD, freshTotp } from './demo-officers';
import { createSchema, type RunningServer, startServer } from './global-setup';

/**
 * Issue 7's acceptance journey. A birth registration is accepted at the counter of Phường Buôn Ma
 * Thuột on Monday 4/5/2026 (1 working day: due Tuesday 5/5); the product is then restarted on the
 * same data with its demo clock at Thursday 14/5/2026, where the ward processes and signs it —
 * 7 working days late. At 1440×900 the province leader opens the dashboard, clicks the ward on
 * the map, opens the on-time component, finds the dossier with "Trễ hạn 7 ngày làm việc" and
 * assigns the ward a task from there; at 390×844 the ward's leader reports 50 %; the province
 * leader's task page, left open, shows 50 % from the live stream without a reload.
 */

const WARD = { code: '24133', name: 'Phường Buôn Ma Thuột' };
/** The catalogue name of 1.001193, the birth registration accepted at the counter. */
const PROCEDURE_NAME = 'Thủ tục đăng ký khai sinh';
const ACCEPTED_AT = Date.parse('2026-05-04T09:00:00+07:00');
const PROCESSED_AT = Date.parse('2026-05-14T10:00:00+07:00');
const TASK_TITLE = 'Khắc phục hồ sơ trễ hạn khai sinh tại Phường Buôn Ma Thuột';
const TASK_DEADLINE = '2026-05-22';
const REPORT = 'Đã rà soát toàn bộ hồ sơ khai sinh tồn đọng, phân công lại chuyên viên xử lý.';

const desktop = viewports.find((v) => v.name === 'desktop')!;
const mobile = viewports.find((v) => v.name === 'mobile')!;
const wide: BrowserContextOptions = {
  ...desktop.context,
  viewport: { width: 1440, height: 900 },
};

let browser: Browser;
let server: RunningServer | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-e2e-dashboard-'));
let schema: Awaited<ReturnType<typeof createSchema>> | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  // Both runs of the product share one store: this data directory, or one PostgreSQL schema.
  if (process.env.DATABASE_URL) schema = await createSchema(process.env.DATABASE_URL);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await schema?.drop();
}, 30_000);

/** The product on the shared store, its demo clock standing at `at` (Vietnam time) now. */
async function startAt(at: number): Promise<{ base: string; offset: number }> {
  const offset = at - Date.now();
  server = await startServer({
    DEMO_CLOCK_OFFSET_MS: String(offset),
    DATA_DIR: dataDir,
    ...(schema ? { DATABASE_URL: schema.serverUrl } : {}),
  });
  step(`server ready at ${new Date(at).toISOString()}`);
  return { base: server.baseUrl, offset };
}

interface Officer {
  ctx: BrowserContext;
  page: Page;
}

/** An officer signed in; the browser's clock follows the server's demo clock (today's period). */
async function signIn(
  base: string,
  offset: number,
  username: string,
  options: BrowserContextOptions,
): Promise<Officer> {
  const ctx = await browser.newContext(options);
  await ctx.clock.install({ time: Date.now() + offset });
  const page = await ctx.newPage();
  await page.goto(`${base}/can-bo/dang-nhap`);
  await page.getByTestId('officer-username').fill(username);
  await page.getByTestId('officer-password').fill(DEMO_PASSWORD);
  await page.getByTestId('officer-totp').fill(await freshTotp(username, offset));
  await page.getByTestId('officer-submit').click();
  await page.waitForURL(`${base}/can-bo`);
  step(`${username} signed in`);
  return { ctx, page };
}

/** A JSON API call with the session of `page` (CSRF header as the web app sends it). */
async function call<T>(
  page: Page,
  base: string,
  method: 'GET' | 'POST',
  url: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const session = await (await page.request.get(`${base}/api/auth/session`)).json();
  const response = await page.request.fetch(`${base}${url}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, ...headers },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function samplePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(text, {
    x: 60,
    y: 760,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await doc.save());
}

interface Workspace {
  rowVersion: number;
  statusCode: number;
  code: string | null;
}

async function act(page: Page, base: string, id: string, body: Record<string, unknown>) {
  const ws = await call<Workspace>(page, base, 'GET', `/api/officer/dossiers/${id}`);
  return call<Workspace>(page, base, 'POST', `/api/officer/dossiers/${id}/actions`, {
    ...body,
    expectedRowVersion: ws.rowVersion,
  });
}

/** Monday 4/5/2026 09:00: the counter takes a birth registration in person and accepts it. */
async function acceptAtTheCounter(): Promise<{ id: string; code: string }> {
  const { base, offset } = await startAt(ACCEPTED_AT);
  const counter = await signIn(base, offset, 'demo.tiepnhan.bmt', desktop.context);
  const intake = await call<{ id: string; code: string; dueAt: string }>(
    counter.page,
    base,
    'POST',
    '/api/officer/intake',
    {
      unitCode: WARD.code,
      procedureCode: '1.001193',
      channel: 1,
      applicant: { citizenId: '066196001234', fullName: 'Nguyễn Thị Mai', phone: '0905123456' },
      answers: examples['khai-sinh'],
      acceptNow: true,
    },
    { 'idempotency-key': randomUUID() },
  );
  // Day 0 is Monday 4/5 (before 15:00) and the procedure takes 1 working day.
  expect(intake.dueAt.slice(0, 10)).toBe('2026-05-05');
  await counter.ctx.close();
  await server?.stop();
  server = undefined;
  return { id: intake.id, code: intake.code };
}

/** Thursday 14/5/2026: the ward's leader assigns, the specialist drafts, the leader signs. */
async function finishLate(base: string, offset: number, wardLeader: Officer, id: string) {
  const officers = await call<{ items: { id: string; roles: string[] }[] }>(
    wardLeader.page,
    base,
    'GET',
    `/api/officer/units/${WARD.code}/officers`,
  );
  const specialistId = officers.items.find((o) => o.roles.includes('specialist'))?.id;
  await act(wardLeader.page, base, id, { action: 'assign', assigneeId: specialistId });

  const specialist = await signIn(base, offset, 'demo.chuyenvien.bmt', desktop.context);
  const session = await (await specialist.page.request.get(`${base}/api/auth/session`)).json();
  const upload = await specialist.page.request.post(`${base}/api/files`, {
    headers: { 'x-csrf-token': session.csrfToken },
    multipart: {
      bundleId: `result:${id}`,
      purpose: 'result',
      file: {
        name: 'trich-luc-khai-sinh.pdf',
        mimeType: 'application/pdf',
        buffer: await samplePdf('Trich luc khai sinh'),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { id: resultFileId } = (await upload.json()) as { id: string };
  await act(specialist.page, base, id, { action: 'submit_for_signature', resultFileId });
  await specialist.ctx.close();

  const signed = await act(wardLeader.page, base, id, { action: 'sign' });
  expect(signed.statusCode).toBe(9);
}

/** Hover the ward on the canvas map, check the tooltip names it, and click it. */
async function clickWardOnMap(page: Page, base: string): Promise<void> {
  const map = (await (await page.request.get(`${base}/api/units/map`)).json()) as CommuneMap;
  expect(map.communes).toHaveLength(102);
  const chart = page.locator('[data-testid="db-map"] .db-map__canvas');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the map has no box');
  const point = communePoint(map, WARD.code, box);
  // The ward is drawn in the colour of its class, the one its table row repeats as a swatch.
  const swatch = await page
    .locator(`[data-testid="db-unit-row"][data-code="${WARD.code}"] .db-swatch`)
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await canvasColourAt(page, '[data-testid="db-map"] canvas', point)).toBe(swatch);
  await page.mouse.move(point.x, point.y);
  await page.getByTestId('db-map').getByText(WARD.name, { exact: true }).waitFor();
  await page.mouse.click(point.x, point.y);
}

const started = Date.now();
/** Progress in the test log: on a slow, shared machine it shows where the time went. */
function step(text: string): void {
  console.log(`[dashboard-journey ${((Date.now() - started) / 1000).toFixed(0)} s] ${text}`);
}

/** Has this page been reloaded since the marker was set? */
const marker = (page: Page) =>
  page.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker ?? null);

describe('operations dashboard journey (issue 7)', () => {
  it('map → ward → late dossier → task for the ward → its report arrives live', async () => {
    step('phase 1: the counter accepts on 4/5');
    const dossier = await acceptAtTheCounter();
    step('phase 2: restart at 14/5');
    const { base, offset } = await startAt(PROCESSED_AT);
    const ward = await signIn(base, offset, 'demo.lanhdao.bmt', mobile.context);
    step('ward processes and signs');
    await finishLate(base, offset, ward, dossier.id);
    step('province leader signs in');

    // The province leader opens the dashboard: headline numbers, the map and its table.
    const leader = await signIn(base, offset, 'demo.lanhdao.tinh', wide);
    const lp = leader.page;
    await lp.getByRole('link', { name: 'Điều hành' }).first().click();
    await lp.waitForURL(`${base}/can-bo/dieu-hanh`);
    await lp.getByTestId('db-overview').waitFor();
    await lp.evaluate(() => {
      (window as unknown as { journeyMarker?: string }).journeyMarker = 'opened';
    });
    await lp.locator('[data-testid="db-live"][data-state="live"]').waitFor();
    await lp.locator('[data-testid="db-map"][data-ready="true"]').waitFor();
    await expect.poll(() => lp.getByTestId('db-unit-row').count()).toBe(102);
    // The table is the accessible way to the same page as the map.
    const rowLink = lp.getByTestId(`db-unit-link-${WARD.code}`);
    expect(await rowLink.innerText()).toBe(WARD.name);
    expect(await rowLink.getAttribute('href')).toBe(`/can-bo/dieu-hanh/don-vi/${WARD.code}`);
    await screenshot(lp, 'dashboard-journey-01-overview-desktop');

    step('click on the map');
    await clickWardOnMap(lp, base);
    await lp.waitForURL(`${base}/can-bo/dieu-hanh/don-vi/${WARD.code}`);
    await lp.locator(`[data-testid="db-unit"][data-code="${WARD.code}"]`).waitFor();
    // The heading shows the code until the unit's numbers (and its name) arrive.
    await expect.poll(() => lp.getByTestId('db-unit-name').innerText()).toBe(WARD.name);
    const onTime = lp.getByTestId('db-component-on_time');
    await onTime.waitFor();
    expect(await onTime.getAttribute('data-status')).toBe('computed');
    await screenshot(lp, 'dashboard-journey-02-ward-desktop');

    step('drill');
    // The on-time component drills to the dossier that lost its points, with why.
    await lp.getByTestId('db-drill-on_time').click();
    await lp.locator('[data-testid="db-drill"][data-component="on_time"]').waitFor();
    const row = lp.locator(`[data-testid="db-drill-row"][data-dossier="${dossier.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('db-drill-dossier').innerText()).toBe(dossier.code);
    // The procedure by its name (the code is secondary).
    expect(await row.locator('.db-procedure__name').innerText()).toBe(PROCEDURE_NAME);
    expect(await row.locator('[data-reason="late"]').innerText()).toBe(
      'Trễ hạn 7 ngày làm việc (hạn 05/05/2026)',
    );
    await screenshot(lp, 'dashboard-journey-03-late-dossier-desktop');

    step('assign');
    // "Giao nhiệm vụ cho đơn vị này": the form comes prefilled with the ward.
    await lp.getByTestId('db-assign').click();
    await lp.waitForURL(/\/can-bo\/nhiem-vu\/giao-moi\?/);
    await lp.locator(`[data-testid="tk-chosen"] [data-code="${WARD.code}"]`).waitFor();
    // Units by their official names in the task views.
    expect(
      await lp.locator(`[data-testid="tk-chosen"] [data-code="${WARD.code}"]`).innerText(),
    ).toContain(WARD.name);
    expect(await lp.getByTestId('tk-title').inputValue()).toContain(WARD.name);
    expect(await lp.getByTestId('tk-description').inputValue()).not.toBe('');
    await screenshot(lp, 'dashboard-journey-04-assign-prefilled-desktop');
    await lp.getByTestId('tk-title').fill(TASK_TITLE);
    await lp.getByTestId('tk-deadline').fill(TASK_DEADLINE);
    // From here on, the task page's own live stream (not the dashboard's) must carry the report.
    const streams: string[] = [];
    lp.on('request', (r) => {
      if (r.url().includes('/api/dashboard/live')) streams.push(r.url());
    });
    await lp.getByTestId('tk-submit').click();
    await lp.waitForURL(/\/can-bo\/nhiem-vu\/[0-9a-f-]{36}$/);
    expect(await lp.getByTestId('tk-task-title').innerText()).toBe(TASK_TITLE);
    const leaderRow = lp.locator(`[data-testid="tk-assignment-row"][data-unit="${WARD.code}"]`);
    const progress = leaderRow.locator('.tk-progress');
    expect(await progress.getAttribute('data-percent')).toBe('0');
    expect(await leaderRow.innerText()).toContain(WARD.name);
    const reference = (await lp.getByTestId('tk-reference').innerText()).trim();
    await expect.poll(() => streams.length).toBeGreaterThan(0);
    await screenshot(lp, 'dashboard-journey-05-task-assigned-desktop');

    step('ward reports');
    // The ward's leader, on a phone, finds the task on the ward's board and reports 50 %.
    const wp = ward.page;
    await wp.goto(`${base}/can-bo/nhiem-vu`);
    const boardRow = wp.locator(`[data-testid="tk-board-row"][data-reference="${reference}"]`);
    await boardRow.waitFor();
    expect(await boardRow.getAttribute('data-status')).toBe('in_progress');
    await screenshot(wp, 'dashboard-journey-06-ward-board-mobile');
    await boardRow.getByRole('link', { name: TASK_TITLE }).click();
    await wp.getByTestId('tk-report-panel').waitFor();
    await wp.getByTestId('tk-percent').fill('50');
    await wp.getByTestId('tk-progress-text').fill(REPORT);
    await screenshot(wp, 'dashboard-journey-07-ward-report-mobile');
    await wp.getByTestId('tk-send-progress').click();
    await wp.getByTestId('tk-notice').waitFor();
    expect(
      await wp
        .locator(`[data-testid="tk-assignment-row"][data-unit="${WARD.code}"] .tk-progress`)
        .getAttribute('data-percent'),
    ).toBe('50');
    await screenshot(wp, 'dashboard-journey-08-ward-reported-mobile');

    step('waiting for the live update');
    // The province leader's page, untouched, shows the report within seconds.
    await expect.poll(() => progress.getAttribute('data-percent'), { timeout: 10_000 }).toBe('50');
    await expect.poll(() => lp.getByTestId('tk-timeline').innerText()).toContain(REPORT);
    expect(await marker(lp)).toBe('opened');
    await screenshot(lp, 'dashboard-journey-09-report-live-desktop');

    step('phone-size screenshots');
    // The leader's pages at 390×844.
    await lp.setViewportSize({ width: 390, height: 844 });
    await screenshot(lp, 'dashboard-journey-10-task-mobile');
    await lp.goto(`${base}/can-bo/dieu-hanh`);
    // A phone lists the first 10 communes, with a keyboard-operable toggle for all 102.
    await expect.poll(() => lp.getByTestId('db-unit-row').count()).toBe(10);
    await screenshot(lp, 'dashboard-journey-11-overview-mobile');
    const allRows = lp.getByTestId('db-unit-table-toggle');
    expect(await allRows.getAttribute('aria-expanded')).toBe('false');
    await allRows.focus();
    await lp.keyboard.press('Enter');
    await expect.poll(() => lp.getByTestId('db-unit-row').count()).toBe(102);
    expect(await allRows.getAttribute('aria-expanded')).toBe('true');
    await lp.getByTestId(`db-unit-link-${WARD.code}`).click();
    await lp.getByTestId('db-drill-on_time').click();
    await lp.locator(`[data-testid="db-drill-row"][data-dossier="${dossier.id}"]`).waitFor();
    await screenshot(lp, 'dashboard-journey-12-late-dossier-mobile');

    await leader.ctx.close();
    await ward.ctx.close();
  }, 360_000);
});
