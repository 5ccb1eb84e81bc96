import { examples } from '@cqs/shared/testing';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';
import { DEMO_PASSWORD, freshTotp } from './demo-officers';
import { type RunningServer, startServer } from './global-setup';

/**
 * Issue 4's acceptance journey, on its own server whose demo clock stands at Wednesday 29/4/2026
 * 13:30 (Vietnam): a resident submits a birth registration online; the counter accepts it before
 * 15:00, so with 1 working day and the 30/4–1/5 holidays and the weekend the due date is Monday
 * 4/5/2026; the leader assigns it; the specialist asks for a supplement; the resident answers it on
 * the dossier page; the specialist submits the result for signature; the leader signs; the resident
 * downloads the e-result (which returns it) and checks it on the public verification page.
 */

const START = Date.parse('2026-04-29T13:30:00+07:00');
const offset = START - Date.now();
const desktop = viewports.find((v) => v.name === 'desktop')!;
const mobile = viewports.find((v) => v.name === 'mobile')!;

let server: RunningServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = await startServer({ DEMO_CLOCK_OFFSET_MS: String(offset) });
  base = server.baseUrl;
  browser = await launchBrowser();
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

async function samplePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, {
    x: 60,
    y: 760,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await doc.save());
}

async function officer(username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext(desktop.context);
  const page = await ctx.newPage();
  await page.goto(`${base}/can-bo/dang-nhap`);
  await page.getByTestId('officer-username').fill(username);
  await page.getByTestId('officer-password').fill(DEMO_PASSWORD);
  await page.getByTestId('officer-totp').fill(await freshTotp(username, offset));
  await page.getByTestId('officer-submit').click();
  await page.waitForURL(`${base}/can-bo`);
  return { ctx, page };
}

async function openWorkspace(page: Page, id: string): Promise<void> {
  await page.goto(`${base}/can-bo/ho-so/${id}`);
  await page.getByTestId('workspace').waitFor();
  await page.waitForLoadState('networkidle');
}

/** Chooses an action in the workspace, fills its form, sends it and waits for the notice. */
async function act(page: Page, action: string, fill: (p: Page) => Promise<void> = async () => {}) {
  await page.getByTestId(`action-${action}`).click();
  await fill(page);
  await page.getByTestId('action-submit').click();
  const notice = page.locator('[data-testid=ws-notice], [data-testid=action-error]').first();
  await notice.waitFor();
  expect(await notice.getAttribute('data-testid'), await notice.innerText()).toBe('ws-notice');
  await page.waitForLoadState('networkidle');
}

async function status(page: Page): Promise<string> {
  return (await page.getByTestId('ws-status').innerText()).trim();
}

/** The resident's online birth registration through the drafts API (the submit pages have their own journey). */
async function submitOnline(page: Page): Promise<{ id: string; reference: string }> {
  const csrf = async () => ({
    'x-csrf-token': (await (await page.request.get(`${base}/api/auth/session`)).json()).csrfToken,
  });
  const created = await page.request.post(`${base}/api/drafts`, {
    headers: await csrf(),
    data: { procedureCode: '1.001193' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const draft = await created.json();
  const saved = await page.request.put(`${base}/api/drafts/${draft.id}`, {
    headers: await csrf(),
    data: { answers: { ...examples['khai-sinh'], ...draft.answers } },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  const form = await (await page.request.get(`${base}/api/procedures/1.001193/form`)).json();
  for (const doc of form.documents as { id: string; required: boolean }[]) {
    if (!doc.required) continue;
    const up = await page.request.post(`${base}/api/files`, {
      headers: await csrf(),
      multipart: {
        bundleId: `draft:${draft.id}`,
        purpose: doc.id,
        file: {
          name: `${doc.id}.pdf`,
          mimeType: 'application/pdf',
          buffer: await samplePdf(doc.id),
        },
      },
    });
    expect(up.status(), await up.text()).toBe(201);
  }
  const submitted = await page.request.post(`${base}/api/drafts/${draft.id}/submit`, {
    headers: { ...(await csrf()), 'idempotency-key': crypto.randomUUID() },
    data: {},
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  const body = await submitted.json();
  return { id: body.dossierId, reference: body.reference };
}

describe('one-stop back office in Chromium', () => {
  it('accept → supplement → resubmit → sign → result returned and verified; due date across the holidays', async () => {
    // The resident (Phường Buôn Ma Thuột) signs in with the local identity provider and submits.
    const residentCtx = await browser.newContext(mobile.context);
    const resident = await residentCtx.newPage();
    await resident.goto(
      `${base}/api/auth/oidc/start?returnTo=${encodeURIComponent('/ho-so-cua-toi')}`,
    );
    await resident.getByTestId('resident-demo-resident-01').check();
    await resident.getByTestId('idp-login').click();
    await resident.waitForURL(`${base}/ho-so-cua-toi`);
    const dossier = await submitOnline(resident);

    // The counter accepts it from the reception queue.
    const counter = await officer('demo.tiepnhan.bmt');
    await counter.page.goto(`${base}/can-bo/tiep-nhan`);
    await counter.page.getByTestId('reception').waitFor();
    const row = counter.page.locator(`[data-testid=reception-row]:has(a[href$="${dossier.id}"])`);
    expect(await row.innerText()).toContain(dossier.reference);
    await screenshot(counter.page, 'journey-officer-01-reception');
    await row.getByTestId('reception-accept').click();
    const accepted = counter.page.getByTestId('reception-message');
    await accepted.waitFor();
    expect(await accepted.innerText()).toMatch(/DEMO66\.24133-260429-\d{4}/);
    // Day 0 is Wed 29/4 (before 15:00); 30/4 and 1/5 are holidays, 2–3/5 the weekend → Mon 4/5.
    await openWorkspace(counter.page, dossier.id);
    expect(await counter.page.getByTestId('ws-due').innerText()).toContain('04/05/2026');
    expect(await counter.page.getByTestId('ws-code').innerText()).toMatch(/DEMO66\.24133-260429-/);
    await screenshot(counter.page, 'journey-officer-02-accepted');
    await counter.ctx.close();

    // The leader assigns it to the specialist.
    const leader = await officer('demo.lanhdao.bmt');
    await openWorkspace(leader.page, dossier.id);
    await act(leader.page, 'assign', async (p) => {
      await p.getByTestId('field-assigneeId').selectOption({ label: 'Trần Văn Hùng (demo)' });
    });
    expect(await leader.page.getByTestId('ws-assignee').innerText()).toContain('Trần Văn Hùng');

    // The specialist asks for a supplement (form 02): the clock stops.
    const specialist = await officer('demo.chuyenvien.bmt');
    await openWorkspace(specialist.page, dossier.id);
    await act(specialist.page, 'request_supplement', async (p) => {
      await p
        .getByTestId('field-reason')
        .fill('Giấy chứng sinh bị mờ, không đọc được họ tên người mẹ.');
      await p.getByTestId('field-documents').fill('Giấy chứng sinh (bản chụp rõ nét)');
    });
    expect(await status(specialist.page)).toContain('Yêu cầu bổ sung');
    await screenshot(specialist.page, 'journey-officer-03-supplement');

    // The resident sees the request on the dossier page, uploads and resubmits.
    await resident.goto(`${base}/ho-so-cua-toi/${dossier.id}`);
    const request = resident.getByTestId('supplement-request');
    await request.waitFor();
    expect(await request.innerText()).toContain('Giấy chứng sinh (bản chụp rõ nét)');
    expect(await request.innerText()).toContain('không đọc được họ tên người mẹ');
    await screenshot(resident, 'journey-resident-04-supplement-request');
    await resident.getByTestId('supplement-upload').setInputFiles({
      name: 'giay-chung-sinh-ro-net.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Giay chung sinh'),
    });
    await resident.locator('.follow-up__files li').first().waitFor();
    await resident.getByTestId('supplement-note').fill('Đã chụp lại giấy chứng sinh rõ nét.');
    await resident.getByTestId('supplement-submit').click();
    await resident.getByTestId('supplement-done').waitFor();
    await screenshot(resident, 'journey-resident-05-resubmitted');

    // The specialist processes it and submits the drafted result for signature.
    await openWorkspace(specialist.page, dossier.id);
    expect(await status(specialist.page)).toContain('Đang xử lý');
    // Resubmitted the same day before 15:00: nothing was used, the due date is still Mon 4/5.
    expect(await specialist.page.getByTestId('ws-due').innerText()).toContain('04/05/2026');
    expect(await specialist.page.getByTestId('ws-documents').innerText()).toContain(
      'giay-chung-sinh-ro-net.pdf',
    );
    await act(specialist.page, 'submit_for_signature', async (p) => {
      await p.getByTestId('field-resultFileId-input').setInputFiles({
        name: 'trich-luc-khai-sinh.pdf',
        mimeType: 'application/pdf',
        buffer: await samplePdf('Trich luc khai sinh'),
      });
      await p.locator('.proc-files__item').first().waitFor();
    });
    await specialist.ctx.close();

    // The leader signs: the e-result is issued (status 9).
    await openWorkspace(leader.page, dossier.id);
    await act(leader.page, 'sign');
    expect(await status(leader.page)).toContain('Đã xử lý xong');
    await screenshot(leader.page, 'journey-officer-06-signed');
    await leader.ctx.close();

    // The resident downloads the result (an online result is thereby returned) and verifies it.
    await resident.goto(`${base}/ho-so-cua-toi/${dossier.id}`);
    const download = resident.getByTestId('result-download');
    await download.waitFor();
    const href = await download.getAttribute('href');
    const file = await resident.request.get(`${base}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    const bytes = await file.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await resident.reload();
    await resident.getByTestId('dossier-detail').waitFor();
    await expect
      .poll(async () => resident.getByTestId('dossier-detail').innerText())
      .toContain('Đã trả kết quả');
    await screenshot(resident, 'journey-resident-07-result');

    const verifyHref = await resident.getByTestId('result-verify').getAttribute('href');
    const checker = await (await browser.newContext(mobile.context)).newPage();
    await checker.goto(`${base}${verifyHref}`);
    await checker.getByTestId('result-record').waitFor();
    expect(await checker.getByTestId('result-signature').innerText()).toMatch(/hợp lệ/i);
    await checker.getByTestId('check-file').setInputFiles({
      name: 'ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    await checker.getByTestId('check-submit').click();
    const verdict = checker.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.innerText()).toContain('Đúng là văn bản kết quả gốc');
    await screenshot(checker, 'journey-public-08-verified');
    // A different file is not the result.
    await checker.getByTestId('check-file').setInputFiles({
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Gia mao'),
    });
    await checker.getByTestId('check-submit').click();
    await expect.poll(() => verdict.innerText()).not.toContain('Đúng là văn bản kết quả gốc');
    await residentCtx.close();
  }, 240_000);
});
