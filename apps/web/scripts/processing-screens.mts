/**
 * Screenshots of the one-stop processing screens (officer) and the resident's follow-up actions,
 * at 1280×800 and 390×844, into e2e/screenshots/. Run against a running platform:
 *
 *   BASE_URL=http://127.0.0.1:3000 SEED=1 LIVE_RESIDENT=1 npx tsx apps/web/scripts/processing-screens.mts
 *
 * SEED=1 makes dossiers through the real intake; LIVE_RESIDENT=1 adds the real resident journey
 * (demo mode, local IdP). One run sends a few hundred requests from one address: start the
 * platform with RATE_LIMIT_PER_MINUTE=5000 (and a fresh DATA_DIR) for it.
 *
 * Endpoints the API does not serve yet (404) answer with contract-shaped fixtures
 * (processing-fixtures.mts), so the screens can be looked at while the API is being written.
 * The resident-dossier-* screens use a fixture session and dossier (every variant at both sizes);
 * the resident-live-* ones come from the real journey.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoTotpSecret, totpCode } from '@cqs/api/src/modules/identity/totp';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type BrowserContext, chromium, type Page, type Route } from 'playwright-core';
import * as fx from './processing-fixtures.mts';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const out = fileURLToPath(new URL('../../../e2e/screenshots/', import.meta.url));
fs.mkdirSync(out, { recursive: true });
const only = process.env.ONLY ?? '';

const sizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'mobile', viewport: { width: 390, height: 844 } },
] as const;

/** A real one-page PDF (the API checks the bytes; signing stamps it). */
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

async function shot(page: Page, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
  console.log('screenshot', name);
}

/** Use the real API; when it answers 404 (not written yet) use the fixture. */
function realOr(fixture: (route: Route) => unknown) {
  return async (route: Route) => {
    const response = await route.fetch();
    if (response.status() === 404 && process.env.REAL_ONLY !== '1') {
      await route.fulfill({ json: fixture(route) });
    } else {
      await route.fulfill({ response });
    }
  };
}

async function mockProcessing(ctx: BrowserContext) {
  // An empty reception queue says little on a screenshot: show two fixture submissions instead.
  await ctx.route('**/api/officer/reception?*', async (route) => {
    const response = await route.fetch();
    const body = response.ok() ? await response.json() : null;
    if (body && body.items.length === 0 && process.env.REAL_ONLY !== '1') {
      await route.fulfill({ json: fx.receptionQueue });
    } else await route.fulfill({ response });
  });
  await ctx.route(
    '**/api/officer/work?*',
    realOr(() => fx.workQueue),
  );
  await ctx.route(
    '**/api/officer/units/*/officers',
    realOr(() => fx.unitOfficers),
  );
  await ctx.route(
    '**/api/officer/dossiers/assign',
    realOr((route) => {
      const body = route.request().postDataJSON() as { items: { id: string }[] };
      return fx.bulkAssign(body.items.map((i) => i.id));
    }),
  );
  await ctx.route(
    `**/api/officer/dossiers/${fx.DOSSIER_ID}`,
    realOr(() => fx.workspace),
  );
}

async function signInOfficer(page: Page, username: string) {
  await page.goto(`${base}/can-bo/dang-nhap`);
  await page.getByTestId('officer-username').fill(username);
  await page.getByTestId('officer-password').fill('demo-DakLak-2026');
  await page.getByTestId('officer-totp').fill(totpCode(demoTotpSecret(username), new Date()));
  await page.getByTestId('officer-submit').click();
  await page.waitForURL(`${base}/can-bo`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

/** A few dossiers at the counter (real API), so that the queue and the workspace have content. */
async function seed(page: Page, unitCode: string): Promise<string[]> {
  const session = await (await page.request.get(`${base}/api/auth/session`)).json();
  const people = [
    ['066190000011', 'Nguyễn Thị Hoa', '1.001193'],
    ['066190000022', 'Y Bih Niê', '1.000894'],
    ['066190000033', 'Trần Văn Nam', '1.004222'],
  ] as const;
  const ids: string[] = [];
  for (const [citizenId, fullName, procedureCode] of people) {
    const res = await page.request.post(`${base}/api/officer/intake`, {
      headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': crypto.randomUUID() },
      data: {
        unitCode,
        procedureCode,
        channel: 1,
        applicant: { citizenId, fullName, phone: '0905123456' },
        acceptNow: true,
      },
    });
    const body = await res.json();
    if (!res.ok()) console.error('seed failed', res.status(), body);
    else ids.push(body.id);
  }
  return ids;
}

type State = Awaited<ReturnType<BrowserContext['storageState']>>;
const states = new Map<string, State>();

/** A page signed in as `username` (one real sign-in per account, then its cookies are reused). */
async function officerPage(username: string, size: (typeof sizes)[number]) {
  const ctx = await browser.newContext({
    viewport: size.viewport,
    locale: 'vi-VN',
    storageState: states.get(username),
  });
  await mockProcessing(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  if (!states.has(username)) {
    await signInOfficer(page, username);
    states.set(username, await ctx.storageState());
  }
  return { ctx, page };
}

async function settle(page: Page, testId: string) {
  await page.getByTestId(testId).waitFor();
  await page.waitForLoadState('networkidle');
}

/** A birth registration submitted online by the signed-in resident (drafts API). */
async function submitOnline(page: Page): Promise<{ dossierId: string; unit: string }> {
  // The token is read before each write: the session may renew it meanwhile.
  const csrf = async () => ({
    'x-csrf-token': (await (await page.request.get(`${base}/api/auth/session`)).json()).csrfToken,
  });
  const created = await page.request.post(`${base}/api/drafts`, {
    headers: await csrf(),
    data: { procedureCode: '1.001193' },
  });
  const draft = await created.json();
  if (!created.ok()) throw new Error(`draft: ${created.status()} ${JSON.stringify(draft)}`);
  const { examples } = await import('../../../packages/shared/src/forms/examples.fixture.ts');
  const answers = { ...examples['khai-sinh'], ...draft.answers };
  const saved = await page.request.put(`${base}/api/drafts/${draft.id}`, {
    headers: await csrf(),
    data: { answers },
  });
  if (!saved.ok()) throw new Error(`draft save: ${saved.status()} ${await saved.text()}`);
  const form = await (await page.request.get(`${base}/api/procedures/1.001193/form`)).json();
  for (const doc of form.documents as { id: string; required: boolean }[]) {
    if (!doc.required) continue;
    await page.request.post(`${base}/api/files`, {
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
  }
  const submitted = await page.request.post(`${base}/api/drafts/${draft.id}/submit`, {
    headers: { ...(await csrf()), 'idempotency-key': crypto.randomUUID() },
    data: {},
  });
  const result = await submitted.json();
  if (!submitted.ok()) throw new Error(`submit: ${submitted.status()} ${JSON.stringify(result)}`);
  console.log('live dossier', result.reference, 'at', result.receivingUnit.code);
  return { dossierId: result.dossierId, unit: result.receivingUnit.code };
}

/**
 * The resident's side against the real API: a sample resident (local IdP) submits a birth
 * registration online, the counter accepts it in the reception screen, the leader assigns it,
 * the specialist asks for a supplement, and the resident answers it on the dossier page.
 */
async function residentLive() {
  const size = sizes[0];
  const ctx = await browser.newContext({ viewport: size.viewport, locale: 'vi-VN' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(`${base}/api/auth/oidc/start?returnTo=${encodeURIComponent('/ho-so-cua-toi')}`);
  await page.getByTestId('resident-demo-resident-01').check();
  await page.getByTestId('idp-login').click();
  await page.waitForURL(`${base}/ho-so-cua-toi`);
  const { dossierId, unit } = await submitOnline(page);

  // The counter accepts it from the reception screen.
  const counter = await officerPage(unit === '24133' ? 'demo.tiepnhan.bmt' : 'demo.eakar', size);
  await counter.page.goto(`${base}/can-bo/tiep-nhan`);
  await settle(counter.page, 'reception');
  await shot(counter.page, 'processing-reception-live-desktop');
  await counter.page
    .locator(`tr:has(a[href$="${dossierId}"]) [data-testid=reception-accept]`)
    .click();
  await counter.page.getByTestId('reception-message').waitFor();
  await shot(counter.page, 'processing-reception-accepted-desktop');
  await counter.ctx.close();

  // Leader assigns, specialist asks for a supplement (through the API: the screens are shown above).
  const leader = await officerPage('demo.lanhdao.bmt', size);
  const act = async (p: Page, body: Record<string, unknown>, path = 'actions') => {
    const s2 = await (await p.request.get(`${base}/api/auth/session`)).json();
    const ws = await (await p.request.get(`${base}/api/officer/dossiers/${dossierId}`)).json();
    const url =
      path === 'assign'
        ? `${base}/api/officer/dossiers/assign`
        : `${base}/api/officer/dossiers/${dossierId}/actions`;
    const data =
      path === 'assign'
        ? { ...body, items: [{ id: dossierId, expectedRowVersion: ws.rowVersion }] }
        : { ...body, expectedRowVersion: ws.rowVersion };
    const res = await p.request.post(url, { headers: { 'x-csrf-token': s2.csrfToken }, data });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  };
  const officers = await (
    await leader.page.request.get(`${base}/api/officer/units/${unit}/officers`)
  ).json();
  const specialistId = officers.items.find((o: { roles: string[] }) =>
    o.roles.includes('specialist'),
  ).id;
  await act(leader.page, { assigneeId: specialistId }, 'assign');
  await leader.ctx.close();
  const specialist = await officerPage('demo.chuyenvien.bmt', size);
  await act(specialist.page, {
    action: 'request_supplement',
    reason: 'Giấy chứng sinh bị mờ, không đọc được họ tên người mẹ.',
    documents: ['Giấy chứng sinh (bản chụp rõ nét)'],
  });
  await specialist.ctx.close();

  // The resident answers on the dossier page.
  await page.goto(`${base}/ho-so-cua-toi/${dossierId}`);
  await page.getByTestId('supplement-request').waitFor();
  await shot(page, 'resident-live-supplement-desktop');
  await page.getByTestId('supplement-upload').setInputFiles({
    name: 'giay-chung-sinh-ro-net.pdf',
    mimeType: 'application/pdf',
    buffer: await samplePdf('Giay chung sinh'),
  });
  await page.locator('.follow-up__files li').first().waitFor();
  await page.getByTestId('supplement-note').fill('Đã chụp lại giấy chứng sinh rõ nét.');
  await page.getByTestId('supplement-submit').click();
  await page.getByTestId('supplement-done').waitFor();
  await page.waitForLoadState('networkidle');
  await shot(page, 'resident-live-resubmitted-desktop');
  if (await page.getByTestId('withdraw-open').count()) {
    await page.getByTestId('withdraw-open').click();
    await page.getByTestId('withdraw-reason').fill('Tôi sẽ nộp lại cùng hồ sơ của người cha.');
    await page.getByTestId('withdraw-next').click();
    await page.getByTestId('withdraw-confirm').click();
    await page.getByTestId('withdraw-done').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'resident-live-withdrawn-desktop');
  }

  // Guidance before acceptance: the counter asks from the workspace, the resident completes,
  // the counter accepts from the workspace ("accept" has its own route).
  const second = await submitOnline(page);
  const desk = await officerPage(
    second.unit === '24133' ? 'demo.tiepnhan.bmt' : 'demo.eakar',
    size,
  );
  await desk.page.goto(`${base}/can-bo/ho-so/${second.dossierId}`);
  await settle(desk.page, 'workspace');
  await desk.page.getByTestId('action-guide_to_complete').click();
  await desk.page.getByTestId('field-reason').fill('Thiếu bản chụp căn cước của người cha.');
  await desk.page.getByTestId('field-documents').fill('Căn cước của người cha (hai mặt)');
  await desk.page.getByTestId('action-submit').click();
  await desk.page.getByTestId('ws-notice').waitFor();
  await shot(desk.page, 'processing-workspace-guided-desktop');
  await page.goto(`${base}/ho-so-cua-toi/${second.dossierId}`);
  await page.getByTestId('supplement-request').waitFor();
  await shot(page, 'resident-live-guidance-desktop');
  await page.getByTestId('supplement-note').fill('Đã gửi bổ sung tại quầy.');
  await page.getByTestId('supplement-submit').click();
  await page.getByTestId('supplement-done').waitFor();
  await desk.page.reload();
  await settle(desk.page, 'workspace');
  await desk.page.getByTestId('action-accept').click();
  await desk.page.getByTestId('action-submit').click();
  await desk.page.getByTestId('ws-notice').waitFor();
  await desk.page.waitForLoadState('networkidle');
  await shot(desk.page, 'processing-workspace-accepted-desktop');
  await desk.ctx.close();

  // A result: the specialist finishes with the e-result PDF; the resident downloads it.
  const third = await submitOnline(page);
  const api = async (username: string, path: string, data: Record<string, unknown>) => {
    const o = await officerPage(username, size);
    const s2 = await (await o.page.request.get(`${base}/api/auth/session`)).json();
    const ws = await (
      await o.page.request.get(`${base}/api/officer/dossiers/${third.dossierId}`)
    ).json();
    const body =
      path === 'assign'
        ? { ...data, items: [{ id: third.dossierId, expectedRowVersion: ws.rowVersion }] }
        : { ...data, expectedRowVersion: ws.rowVersion };
    const url =
      path === 'assign'
        ? `${base}/api/officer/dossiers/assign`
        : `${base}/api/officer/dossiers/${third.dossierId}/${path}`;
    const res = await o.page.request.post(url, {
      headers: { 'x-csrf-token': s2.csrfToken },
      data: body,
    });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    await o.ctx.close();
  };
  await api('demo.tiepnhan.bmt', 'accept', {});
  const who = await officerPage('demo.lanhdao.bmt', size);
  const team = await (
    await who.page.request.get(`${base}/api/officer/units/${third.unit}/officers`)
  ).json();
  await who.ctx.close();
  await api('demo.lanhdao.bmt', 'assign', {
    assigneeId: team.items.find((o: { roles: string[] }) => o.roles.includes('specialist')).id,
  });
  const sp = await officerPage('demo.chuyenvien.bmt', size);
  await sp.page.goto(`${base}/can-bo/ho-so/${third.dossierId}`);
  await settle(sp.page, 'workspace');
  await sp.page.getByTestId('action-mark_finished').click();
  if (await sp.page.getByTestId('field-resultFileId-input').count()) {
    await sp.page.getByTestId('field-resultFileId-input').setInputFiles({
      name: 'trich-luc-khai-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Trich luc khai sinh'),
    });
    await sp.page.locator('.proc-files__item').first().waitFor();
  }
  await sp.page.getByTestId('action-submit').click();
  await sp.page.locator('[data-testid=ws-notice], [data-testid=action-error]').first().waitFor();
  await sp.page.waitForLoadState('networkidle');
  await shot(sp.page, 'processing-workspace-finished-desktop');
  await sp.ctx.close();
  await page.goto(`${base}/ho-so-cua-toi/${third.dossierId}`);
  await page.getByTestId('dossier-detail').waitFor();
  await page.waitForLoadState('networkidle');
  await shot(page, 'resident-live-result-desktop');
  if (await page.getByTestId('result-download').count()) {
    const href = await page.getByTestId('result-download').getAttribute('href');
    const pdf = await page.request.get(`${base}${href}`);
    console.log('result download', pdf.status(), pdf.headers()['content-type']);
    const verify = await page.getByTestId('result-verify').getAttribute('href');
    await page.goto(`${base}${verify}`);
    await page.waitForLoadState('networkidle');
    await shot(page, 'resident-live-verify-desktop');
  }
  await ctx.close();
}

try {
  let ids: string[] = [];
  for (const size of sizes) {
    if (only === 'resident' || (only && !only.includes(size.name))) continue;
    const n = size.name;

    // Receiving officer: reception queue and the in-person intake form.
    {
      const { ctx, page } = await officerPage('demo.tiepnhan.bmt', size);
      if (ids.length === 0 && process.env.SEED === '1') ids = await seed(page, '24133');
      await page.goto(`${base}/can-bo/tiep-nhan`);
      await settle(page, 'reception');
      await shot(page, `processing-reception-${n}`);
      await page.goto(`${base}/can-bo/tiep-nhan/truc-tiep`);
      await settle(page, 'intake');
      await page.getByTestId('intake-submit').click();
      await page.getByTestId('intake-errors').waitFor();
      await shot(page, `processing-intake-errors-${n}`);
      await page.getByTestId('intake-procedure-search').fill('khai sinh');
      await page.getByTestId('intake-procedure-option').first().click();
      await page.getByTestId('intake-citizen-id').fill('066190000044');
      await page.getByTestId('intake-fullName').fill('H’Hen Niê');
      await page.getByTestId('intake-phone').fill('0912345678');
      await page.getByTestId('intake-scans-input').setInputFiles([
        { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: await samplePdf('To khai') },
        {
          name: 'giay-chung-sinh.pdf',
          mimeType: 'application/pdf',
          buffer: await samplePdf('GCS'),
        },
      ]);
      await page.locator('.proc-files__item').nth(1).waitFor();
      await shot(page, `processing-intake-filled-${n}`);
      if (process.env.SEED === '1') {
        // A double click must make one dossier (same Idempotency-Key).
        await page.getByTestId('intake-submit').dblclick();
        await settle(page, 'intake-result');
        await shot(page, `processing-intake-done-${n}`);
      }
      await ctx.close();
    }

    // Unit leader: the unit's queue and bulk assignment.
    {
      const { ctx, page } = await officerPage('demo.lanhdao.bmt', size);
      await page.goto(`${base}/can-bo/ho-so?scope=unit`);
      await settle(page, 'work-queue');
      await shot(page, `processing-queue-${n}`);
      if (ids[1] && n === 'mobile') {
        // After the specialist's "Trình ký", the leader signs (desktop run did that step).
        await page.goto(`${base}/can-bo/ho-so/${ids[1]}`);
        await settle(page, 'workspace');
        await shot(page, `processing-workspace-leader-${n}`);
        const sign = page.getByTestId('action-sign');
        if (await sign.count()) {
          await sign.click();
          await page.getByTestId('action-submit').click();
          await page
            .locator('[data-testid=ws-notice], [data-testid=action-error]')
            .first()
            .waitFor();
          await page.waitForLoadState('networkidle');
          await shot(page, `processing-workspace-signed-${n}`);
        }
      }
      const rows = page.getByTestId('queue-row');
      if ((await rows.count()) >= 2 && n === 'desktop') {
        // The two dossiers seeded by this run (else the first two rows).
        const pick = ids.length >= 2 ? ids.slice(0, 2) : [];
        if (pick.length === 2) {
          for (const id of pick) {
            await page.locator(`tr:has(a[href$="${id}"]) input[type=checkbox]`).check();
          }
        } else {
          await rows.nth(0).locator('input[type=checkbox]').check();
          await rows.nth(1).locator('input[type=checkbox]').check();
        }
        await settle(page, 'assign-panel');
        await page
          .getByTestId('assign-assignee')
          .selectOption({ label: process.env.ASSIGNEE ?? 'Trần Văn Hùng (demo)' })
          .catch(async () => {
            await page.getByTestId('assign-assignee').selectOption({ index: 1 });
          });
        await page.getByTestId('assign-submit').click();
        await page.getByTestId('assign-report').waitFor();
        await page.waitForLoadState('networkidle');
        await shot(page, `processing-queue-assign-${n}`);
      }
      const third = ids[2];
      if (third && n === 'desktop') {
        // Someone else acts first: the officer is told and sees the dossier as it is now.
        await page.goto(`${base}/can-bo/ho-so/${third}`);
        await settle(page, 'workspace');
        const ws = await (await page.request.get(`${base}/api/officer/dossiers/${third}`)).json();
        const officers = await (
          await page.request.get(`${base}/api/officer/units/24133/officers`)
        ).json();
        const specialist = officers.items.find((o: { roles: string[] }) =>
          o.roles.includes('specialist'),
        );
        const session = await (await page.request.get(`${base}/api/auth/session`)).json();
        await page.request.post(`${base}/api/officer/dossiers/assign`, {
          headers: { 'x-csrf-token': session.csrfToken },
          data: {
            assigneeId: specialist.id,
            items: [{ id: third, expectedRowVersion: ws.rowVersion }],
          },
        });
        await page.getByTestId('action-assign').click();
        await page.getByTestId('field-assigneeId').selectOption({ index: 1 });
        await page.getByTestId('action-submit').click();
        await page.getByTestId('ws-notice').waitFor();
        await page.waitForLoadState('networkidle');
        await shot(page, `processing-workspace-conflict-${n}`);
      }
      await ctx.close();
    }

    // Specialist: my queue, the workspace and an action form.
    {
      const { ctx, page } = await officerPage('demo.chuyenvien.bmt', size);
      await page.goto(`${base}/can-bo/ho-so?scope=mine`);
      await settle(page, 'work-queue');
      await shot(page, `processing-my-queue-${n}`);
      const first = ids[0] ?? fx.DOSSIER_ID;
      await page.goto(`${base}/can-bo/ho-so/${first}`);
      await settle(page, 'workspace');
      await shot(page, `processing-workspace-${n}`);
      if (n === 'desktop') {
        // The same page in English (strings fetched on demand).
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'Actions' }).waitFor();
        await shot(page, `processing-workspace-en-${n}`);
        await page.getByRole('button', { name: 'Tiếng Việt' }).click();
        await page.getByRole('heading', { name: 'Thao tác' }).waitFor();
      }
      const transfer = page.getByTestId('action-transfer');
      if ((await transfer.count()) && n === 'desktop') {
        await transfer.click();
        await page.getByTestId('field-toUnitCode').fill('tư pháp');
        await page.getByTestId('unit-option').first().waitFor();
        await shot(page, `processing-workspace-transfer-${n}`);
      }
      const supplement = page.getByTestId('action-request_supplement');
      if (await supplement.count()) {
        await supplement.click();
        await page.getByTestId('action-submit').click();
        await page.getByTestId('action-error').waitFor();
        await shot(page, `processing-workspace-action-errors-${n}`);
        if (n === 'desktop' && process.env.SEED === '1') {
          await page.getByTestId('field-reason').fill('Bản chụp giấy chứng sinh bị mờ.');
          await page.getByTestId('field-documents').fill('Giấy chứng sinh (bản chụp rõ nét)');
          await page.getByTestId('action-submit').click();
          await page.getByTestId('ws-notice').waitFor();
          await page.waitForLoadState('networkidle');
          await shot(page, `processing-workspace-after-action-${n}`);
        }
      }
      const second = ids[1];
      if (second && n === 'desktop' && process.env.SEED === '1') {
        // Result upload: "Trình ký" with the e-result PDF (bundle result:<id>).
        await page.goto(`${base}/can-bo/ho-so/${second}`);
        await settle(page, 'workspace');
        await page.getByTestId('action-submit_for_signature').click();
        await page.getByTestId('field-resultFileId-input').setInputFiles({
          name: 'giay-khai-sinh.pdf',
          mimeType: 'application/pdf',
          buffer: await samplePdf('Giay khai sinh'),
        });
        await page.locator('.proc-files__item').first().waitFor();
        await shot(page, `processing-workspace-result-upload-${n}`);
        await page.getByTestId('action-submit').click();
        await page.getByTestId('ws-notice').waitFor();
      }
      await ctx.close();
    }
  }

  if (process.env.LIVE_RESIDENT === '1') await residentLive();

  if (!only || only === 'resident') {
    for (const size of sizes) {
      for (const variant of ['supplement', 'result'] as const) {
        const ctx = await browser.newContext({ viewport: size.viewport, locale: 'vi-VN' });
        await ctx.route('**/api/auth/session', (r) => r.fulfill({ json: fx.residentSession }));
        await ctx.route(`**/api/my/dossiers/${fx.DOSSIER_ID}`, (r) =>
          r.fulfill({ json: fx.residentDetail(variant) }),
        );
        const page = await ctx.newPage();
        page.on('pageerror', (e) => console.error('pageerror', e.message));
        await page.goto(`${base}/ho-so-cua-toi/${fx.DOSSIER_ID}`);
        await page.getByTestId('dossier-detail').waitFor();
        await shot(page, `resident-dossier-${variant}-${size.name}`);
        if (variant === 'supplement') {
          await page.getByTestId('supplement-submit').click();
          await page.getByTestId('withdraw-open').click();
          await page.getByTestId('withdraw-reason').fill('Tôi nộp nhầm thủ tục');
          await page.getByTestId('withdraw-next').click();
          await page.getByTestId('withdraw-confirmation').waitFor();
          await shot(page, `resident-dossier-withdraw-${size.name}`);
        }
        await ctx.close();
      }
    }
  }
} finally {
  await browser.close();
}
