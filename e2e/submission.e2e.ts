import { fileURLToPath } from 'node:url';
import { type SampleResident, sampleResidents } from '@cqs/api/src/idp/sample-residents';
import { pdfBytes } from '@cqs/api/src/modules/files/files.test-fixtures';
import { type FormSchema, findHandwrittenForm } from '@cqs/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';
import { waitForMail } from './mailbox';

/**
 * The acceptance journeys for online submission, at the mobile size: a free procedure
 * (khai sinh) from the home page's search to tracking, and a paid one (đăng ký thường trú) through
 * the demo VietQR payment. Every step checks what the page says and leaves a screenshot.
 */

const baseUrl = inject('baseUrl');
const idpPort = inject('idpPort');
const mailDir = inject('mailDir');

const mobile = viewports.find((v) => v.name === 'mobile');
if (!mobile) throw new Error('no mobile viewport');

const REFERENCE = /^TN-\d{6}-[A-Z0-9]{6}$/;

function resident(sub: string): SampleResident {
  const found = sampleResidents.find((r) => r.sub === sub);
  if (!found) throw new Error(`no sample resident ${sub}`);
  return found;
}

function form(code: string): FormSchema {
  const found = findHandwrittenForm(code);
  if (!found) throw new Error(`no hand-written form for ${code}`);
  return found;
}

const khaiSinh = form('1.001193');
const thuongTru = form('1.004222');

/** The PDF every upload sends: tiny and valid (the server inspects what it stores). */
const pdf = { name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: pdfBytes() };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext(mobile?.context);
  return { ctx, page: await ctx.newPage() };
}

/** On the local IdP: choose the resident and submit. */
async function signInAtIdp(page: Page, who: SampleResident): Promise<void> {
  await page.waitForURL(/\/interaction\/[A-Za-z0-9_-]+$/);
  expect(new URL(page.url()).port).toBe(String(idpPort));
  const label = page.locator(`label[for="resident-${who.sub}"]`);
  expect(await label.innerText()).toContain(who.name);
  await page.getByTestId(`resident-${who.sub}`).check();
  await page.getByTestId('idp-login').click();
}

/** The submit flow's page for a step id (form steps, giay-to, le-phi, kiem-tra, da-nop). */
async function onStep(page: Page, draftId: string, step: string): Promise<void> {
  await page.waitForURL(`${baseUrl}/nop-ho-so/ho-so/${draftId}/${step}`);
}

function draftIdOf(page: Page): string {
  const m = /\/nop-ho-so\/ho-so\/([^/]+)\//.exec(new URL(page.url()).pathname);
  if (!m?.[1]) throw new Error(`not on a draft page: ${page.url()}`);
  return m[1];
}

/** What a phone shows without scrolling, next to the full-page shot of a tall page. */
async function viewportShot(page: Page, name: string, testId?: string): Promise<void> {
  if (testId) await page.getByTestId(testId).scrollIntoViewIfNeeded();
  const dir = fileURLToPath(new URL('./screenshots/', import.meta.url));
  await page.screenshot({ path: `${dir}${name}-viewport.png`, animations: 'disabled' });
}

/** Amounts are written with a no-break space before "đ". */
const plain = (text: string) => text.replace(/\u00a0/g, ' ').trim();

async function value(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).inputValue();
}

/** The heading of a form step, and its position "Bước n/total" in the caption. */
async function expectStepHeading(
  page: Page,
  schema: FormSchema,
  stepId: string,
  position: number,
  total: number,
): Promise<void> {
  const step = schema.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  const flow = page.getByTestId('submit-flow');
  await flow.waitFor();
  await expect.poll(() => flow.locator('h1').innerText()).toBe(step.title.vi);
  expect(await flow.locator('.caption').innerText()).toContain(`Bước ${position}/${total}`);
}

/** Next, and the flow must move on: a stuck page shows the error summary, which is reported. */
async function next(page: Page, draftId: string, following: string): Promise<void> {
  await page.getByTestId('step-next').click();
  try {
    await onStep(page, draftId, following);
  } catch {
    const summary = page.getByTestId('error-summary');
    const text = (await summary.count()) ? await summary.innerText() : '(no error summary)';
    throw new Error(`"Tiếp tục" did not lead to ${following}; the page says: ${text}`);
  }
}

/** "Đã lưu lúc hh:mm" once the autosave has caught up. */
async function expectSaved(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 })
    .toMatch(/^Đã lưu lúc \d{2}:\d{2}$/);
}

async function upload(page: Page, docId: string, docName: string): Promise<void> {
  const block = page.getByTestId(`doc-${docId}`);
  expect(await block.locator('h2').innerText()).toBe(docName);
  await page.getByTestId(`upload-${docId}`).setInputFiles(pdf);
  await expect
    .poll(() => block.locator('.submit-file__name').allInnerTexts(), { timeout: 15_000 })
    .toEqual([pdf.name]);
  const error = block.locator('.field__error');
  expect(await error.count(), `upload of ${docId} failed`).toBe(0);
}

async function submitAndConfirm(page: Page, draftId: string): Promise<string> {
  await page.getByTestId('review-submit').click();
  try {
    await onStep(page, draftId, 'da-nop');
  } catch {
    const summary = page.getByTestId('error-summary');
    const alert = page.locator('[role="alert"]');
    const text = (await summary.count())
      ? await summary.innerText()
      : (await alert.count())
        ? await alert.first().innerText()
        : '(no message)';
    throw new Error(`"Nộp hồ sơ" did not lead to the confirmation; the page says: ${text}`);
  }
  const done = page.getByTestId('submit-done');
  await done.waitFor();
  expect(await done.locator('h1').innerText()).toBe('Đã nộp hồ sơ');
  const reference = (await page.getByTestId('submit-reference').innerText()).trim();
  expect(reference).toMatch(REFERENCE);
  return reference;
}

describe('online submission (mobile)', () => {
  it('journey A: khai sinh from the search box to tracking, free of charge', async () => {
    const who = resident('demo-resident-01'); // H'Linh Niê, Phường Buôn Ma Thuột
    const { ctx, page } = await newPage();
    try {
      // Home → search typed without diacritics → results.
      await page.goto(`${baseUrl}/`);
      const box = page.getByRole('searchbox').first();
      await box.fill('dang ky khai sinh');
      await box.press('Enter');
      await page.waitForURL(/\/thu-tuc\?q=/);
      const results = page.getByTestId('procedure-results');
      await results.waitFor();
      const first = results.locator('li').first();
      expect(await first.innerText()).toContain('Thủ tục đăng ký khai sinh');
      expect(await first.innerText()).toContain('1.001193');
      await screenshot(page, 'submit-a01-search');

      // The procedure page → "Nộp trực tuyến".
      await first.locator('a').first().click();
      await page.waitForURL(`${baseUrl}/thu-tuc/1.001193`);
      const detail = page.getByTestId('procedure-detail');
      await detail.waitFor();
      expect(await detail.locator('h1').innerText()).toBe('Thủ tục đăng ký khai sinh');
      expect(await detail.innerText()).toContain('Miễn phí');
      const submitOnline = page.getByTestId('submit-online');
      await submitOnline.scrollIntoViewIfNeeded();
      await screenshot(page, 'submit-a02-procedure');
      await viewportShot(page, 'submit-a02-procedure', 'submit-online');
      await submitOnline.click();

      // Signed out: the page explains why signing in is needed.
      await page.waitForURL(`${baseUrl}/nop-ho-so/1.001193`);
      const explain = page.getByTestId('submit-sign-in');
      await explain.waitFor();
      expect(await explain.locator('h1').innerText()).toBe(
        'Bạn cần đăng nhập để nộp hồ sơ trực tuyến',
      );
      expect(await explain.innerText()).toContain('VNeID');
      const signIn = page.getByTestId('submit-sign-in-button');
      expect(await signIn.getAttribute('href')).toBe(
        `/api/auth/oidc/start?returnTo=${encodeURIComponent('/nop-ho-so/1.001193')}`,
      );
      await screenshot(page, 'submit-a03-sign-in-needed');
      await signIn.click();
      await signInAtIdp(page, who);

      // Back where the journey was, signed in: what to prepare, then start.
      await page.waitForURL(`${baseUrl}/nop-ho-so/1.001193`);
      const start = page.getByTestId('submit-start');
      await start.waitFor();
      expect(await start.locator('h1').innerText()).toBe('Thủ tục đăng ký khai sinh');
      expect((await page.getByTestId('submit-fee').innerText()).trim()).toBe('Miễn phí');
      expect((await page.getByTestId('resident-name').innerText()).trim()).toBe(who.name);
      await screenshot(page, 'submit-a04-start');
      await page.getByTestId('start-draft').click();

      // The pages of this journey: six form steps, uploads, review (no fee step: it is free).
      const pages = [...khaiSinh.steps.map((s) => s.id), 'giay-to', 'kiem-tra'];
      const total = pages.length;
      await page.waitForURL(/\/nop-ho-so\/ho-so\/[^/]+\/requester$/);
      const draftId = draftIdOf(page);

      // Step 1, requester: prefilled from the identity.
      await expectStepHeading(page, khaiSinh, 'requester', 1, total);
      expect(await value(page, 'field-requesterName')).toBe(who.name);
      expect(await value(page, 'field-requesterCitizenId')).toBe(who.citizenId);
      expect(await value(page, 'field-requesterBirthDate')).toBe(who.birthdate);
      expect(await value(page, 'field-requesterPhone')).toBe(who.phoneNumber);
      // The commune select gets its options from /api/units: its value shows once they arrive.
      await expect.poll(() => value(page, 'field-requesterCommune')).toBe(who.commune.code);
      expect(await value(page, 'field-requesterAddress')).toContain(who.streetAddress);
      await screenshot(page, 'submit-a05-requester-prefilled');
      // "Tiếp tục" without the relationship: the summary names it.
      await page.getByTestId('step-next').click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      expect(await summary.innerText()).toContain('Cần sửa các mục sau');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'error-summary',
      );
      await screenshot(page, 'submit-a06-requester-error');
      await page.getByTestId('field-relationship-me').check();
      expect(await summary.count()).toBe(0);
      await next(page, draftId, 'child');

      // Step 2, the child (values from packages/shared/src/forms/examples.fixture.ts).
      await expectStepHeading(page, khaiSinh, 'child', 2, total);
      await page.getByTestId('field-childName').fill('Y Đăng Khoa Niê');
      await page.getByTestId('field-childGender-nam').check();
      await page.getByTestId('field-childBirthDate').fill('2026-02-20');
      await page.getByTestId('field-childBirthPlace').fill('Bệnh viện Đa khoa vùng Tây Nguyên');
      await page.getByTestId('field-childEthnicity').fill('Ê Đê');
      await page.getByTestId('field-childNationality').fill('Việt Nam');
      await page.getByTestId('field-childHometown').fill('xã Ea Kao, tỉnh Đắk Lắk');
      await expectSaved(page);
      await screenshot(page, 'submit-a07-child');
      await next(page, draftId, 'mother');

      // Step 3, the mother: the resident herself.
      await expectStepHeading(page, khaiSinh, 'mother', 3, total);
      await page.getByTestId('field-motherName').fill(who.name);
      await page.getByTestId('field-motherBirthYear').fill(who.birthdate.slice(0, 4));
      await page.getByTestId('field-motherEthnicity').fill('Ê Đê');
      await page.getByTestId('field-motherNationality').fill('Việt Nam');
      await page
        .getByTestId('field-motherResidence')
        .fill(`${who.streetAddress}, ${who.commune.fullName}`);
      await page.getByTestId('field-motherCitizenId').fill(who.citizenId);
      await screenshot(page, 'submit-a08-mother');
      await next(page, draftId, 'father');

      // Step 4, the father: his fields appear once "Khai thông tin người cha" is chosen.
      await expectStepHeading(page, khaiSinh, 'father', 4, total);
      expect(await page.getByTestId('field-fatherName').count()).toBe(0);
      await page.getByTestId('field-fatherKnown-co').check();
      await page.getByTestId('field-fatherName').fill('Y Bhin Niê');
      await page.getByTestId('field-fatherBirthYear').fill('1990');
      await page.getByTestId('field-fatherEthnicity').fill('Ê Đê');
      await page.getByTestId('field-fatherNationality').fill('Việt Nam');
      await page
        .getByTestId('field-fatherResidence')
        .fill(`${who.streetAddress}, ${who.commune.fullName}`);
      await page.getByTestId('field-parentsMarried-co').check();
      await screenshot(page, 'submit-a09-father');
      await next(page, draftId, 'proof');

      // Step 5, proof of birth.
      await expectStepHeading(page, khaiSinh, 'proof', 5, total);
      await page.getByTestId('field-birthProof-giay_chung_sinh').check();
      expect(await page.getByTestId('field-witnessName').count()).toBe(0);
      await screenshot(page, 'submit-a10-proof');
      await next(page, draftId, 'confirm');

      // Step 6, copies and the declaration.
      await expectStepHeading(page, khaiSinh, 'confirm', 6, total);
      await page.getByTestId('field-copies').fill('2');
      await page.getByTestId('field-commitment').check();
      await screenshot(page, 'submit-a11-confirm');
      await next(page, draftId, 'giay-to');

      // Uploads: the birth notice and the marriage certificate are required by these answers.
      const uploads = page.getByTestId('step-uploads');
      await uploads.waitFor();
      expect(await uploads.locator('h1').innerText()).toBe('Tải lên giấy tờ');
      expect(await page.locator('[data-testid="submit-flow"] .caption').innerText()).toContain(
        `Bước 7/${total}`,
      );
      const required = khaiSinh.documents.filter((d) =>
        ['birthNotice', 'marriageCertificate'].includes(d.id),
      );
      expect(required.map((d) => d.id)).toEqual(['birthNotice', 'marriageCertificate']);
      // Documents for cases not chosen are not asked for.
      expect(await page.getByTestId('doc-witnessStatement').count()).toBe(0);
      expect(await page.getByTestId('doc-authorisation').count()).toBe(0);
      await screenshot(page, 'submit-a12-uploads-empty');
      for (const d of required) await upload(page, d.id, d.name.vi);
      await screenshot(page, 'submit-a13-uploads-done');
      await next(page, draftId, 'kiem-tra');

      // Review: the answers, the documents, where it goes.
      const review = page.getByTestId('step-review');
      await review.waitFor();
      expect(await review.locator('h1').innerText()).toBe('Kiểm tra lại thông tin');
      const answer = (name: string) => page.getByTestId(`review-${name}`).innerText();
      expect(await answer('requesterName')).toBe(who.name);
      expect(await answer('requesterCitizenId')).toBe(who.citizenId);
      expect(await answer('relationship')).toBe('Mẹ');
      expect(await answer('childName')).toBe('Y Đăng Khoa Niê');
      expect(await answer('childGender')).toBe('Nam');
      expect(await answer('childBirthDate')).toBe('20/02/2026');
      expect(await answer('fatherName')).toBe('Y Bhin Niê');
      expect(await answer('parentsMarried')).toBe('Đã đăng ký kết hôn');
      expect(await answer('birthProof')).toBe('Giấy chứng sinh');
      expect(await answer('copies')).toBe('2');
      const reviewText = await review.innerText();
      expect(reviewText).toContain('Giấy chứng sinh');
      expect(reviewText).toContain(pdf.name);
      expect((await page.getByTestId('review-receiving-unit').innerText()).trim()).not.toBe('');
      await screenshot(page, 'submit-a14-review');
      await viewportShot(page, 'submit-a14-review', 'review-childName');
      await viewportShot(page, 'submit-a14-review-bottom', 'review-submit');

      // Submit → the temporary reference.
      const reference = await submitAndConfirm(page, draftId);
      expect(await page.getByTestId('submit-done').innerText()).toContain(
        'Thủ tục đăng ký khai sinh',
      );
      await screenshot(page, 'submit-a15-confirmation');

      // The tracking link carries the reference; the last 4 digits of the phone unlock it.
      await page.getByTestId('track-link').click();
      await page.waitForURL(`${baseUrl}/tra-cuu-ho-so?ma=${reference}`);
      expect(await page.getByTestId('track-code').inputValue()).toBe(reference);
      await page.getByTestId('track-last4').fill(who.phoneNumber.slice(-4));
      await page.getByTestId('track-submit').click();
      const result = page.getByTestId('track-result');
      await result.waitFor();
      expect((await page.getByTestId('track-status').innerText()).trim()).toBe('Mới đăng ký');
      expect(await result.innerText()).toContain(reference);
      expect(await result.innerText()).toContain('Thủ tục đăng ký khai sinh');
      await screenshot(page, 'submit-a16-tracking');
      await viewportShot(page, 'submit-a16-tracking', 'track-result');

      // "Hồ sơ của tôi" lists it.
      await page.goto(`${baseUrl}/ho-so-cua-toi`);
      const mine = page.getByTestId(`my-dossier-${reference}`);
      await mine.waitFor();
      expect(await mine.innerText()).toContain('Thủ tục đăng ký khai sinh');
      expect(await mine.innerText()).toContain('Mới đăng ký');
      await screenshot(page, 'submit-a17-my-dossiers');

      // The notification e-mail, sent by the outbox worker through the real local SMTP server to
      // the address the identity provider released, carries the temporary reference.
      const mail = await waitForMail(mailDir, who.email, /mã tham chiếu tạm thời/);
      expect(mail.subject).toContain(reference);
      expect(mail.text ?? '').toContain(reference);
      expect(mail.text ?? '').toContain('Thủ tục đăng ký khai sinh');
    } finally {
      await ctx.close();
    }
  });

  it('journey B: đăng ký thường trú with the 10.000 đ fee paid by (simulated) VietQR', async () => {
    const who = resident('demo-resident-03'); // Trần Thị Thu Hà, Phường Tuy Hòa
    const { ctx, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/thu-tuc/1.004222`);
      const detail = page.getByTestId('procedure-detail');
      await detail.waitFor();
      expect(await detail.locator('h1').innerText()).toMatch(/thường trú/i);
      const submitOnline = page.getByTestId('submit-online');
      expect(await submitOnline.getAttribute('href')).toBe('/nop-ho-so/1.004222');
      await submitOnline.click();
      await page.getByTestId('submit-sign-in-button').click();
      await signInAtIdp(page, who);

      await page.waitForURL(`${baseUrl}/nop-ho-so/1.004222`);
      const start = page.getByTestId('submit-start');
      await start.waitFor();
      expect(plain(await page.getByTestId('submit-fee').innerText())).toBe('10.000 đ');
      await screenshot(page, 'submit-b01-start');
      await page.getByTestId('start-draft').click();

      const pages = [...thuongTru.steps.map((s) => s.id), 'giay-to', 'le-phi', 'kiem-tra'];
      const total = pages.length;
      await page.waitForURL(/\/nop-ho-so\/ho-so\/[^/]+\/applicant$/);
      const draftId = draftIdOf(page);

      // Applicant: prefilled, gender included.
      await expectStepHeading(page, thuongTru, 'applicant', 1, total);
      expect(await value(page, 'field-requesterName')).toBe(who.name);
      expect(await value(page, 'field-requesterCitizenId')).toBe(who.citizenId);
      expect(await page.getByTestId('field-requesterGender-nu').isChecked()).toBe(true);
      await screenshot(page, 'submit-b02-applicant');
      await next(page, draftId, 'address');

      // The new address, rented (which requires the notarised lease).
      await expectStepHeading(page, thuongTru, 'address', 2, total);
      await page.getByTestId('field-newAddress').fill('Số 45 đường Lê Duẩn, tổ dân phố 7');
      await page.getByTestId('field-newCommune').selectOption(who.commune.code);
      await page.getByTestId('field-residenceBasis-thue_muon').check();
      await screenshot(page, 'submit-b03-address');
      await next(page, draftId, 'household');

      await expectStepHeading(page, thuongTru, 'household', 3, total);
      await page.getByTestId('field-joinHousehold-co').check();
      await page.getByTestId('field-headName').fill('Nguyễn Văn Bình');
      await page.getByTestId('field-headCitizenId').fill('066060001111');
      await page.getByTestId('field-relationToHead').fill('Người thuê nhà');
      await page.getByTestId('field-consentMode-vneid').check();
      await screenshot(page, 'submit-b04-household');
      await next(page, draftId, 'members');

      // One member moving together (a group field), the declaration.
      await expectStepHeading(page, thuongTru, 'members', 4, total);
      await page.getByTestId('add-members').click();
      await page.getByTestId('field-members.0.name').fill('Lê Minh Khang');
      await page.getByTestId('field-members.0.birthDate').fill('2019-06-01');
      await page.getByTestId('field-members.0.gender-nam').check();
      await page.getByTestId('field-members.0.relation').fill('Con');
      await page.getByTestId('field-commitment').check();
      await screenshot(page, 'submit-b05-members');
      await next(page, draftId, 'giay-to');

      const lease = thuongTru.documents.find((d) => d.id === 'leaseContract');
      if (!lease) throw new Error('no leaseContract document');
      await page.getByTestId('step-uploads').waitFor();
      expect(await page.getByTestId('doc-writtenConsent').count()).toBe(0);
      await upload(page, lease.id, lease.name.vi);
      await screenshot(page, 'submit-b06-uploads');
      await next(page, draftId, 'le-phi');

      // The fee: the amount, the VietQR image, then the demo payment.
      const fee = page.getByTestId('step-fee');
      await fee.waitFor();
      expect(await fee.locator('h1').innerText()).toBe('Nộp lệ phí');
      expect(plain(await page.getByTestId('fee-amount').innerText())).toBe('10.000 đ');
      const qr = fee.locator('img.submit-pay__qr');
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/(png|svg\+xml);base64,/);
      expect(plain((await qr.getAttribute('alt')) ?? '')).toBe('Mã QR chuyển khoản 10.000 đ');
      expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      expect(await fee.innerText()).toContain('Nội dung chuyển khoản');
      expect((await page.getByTestId('step-next').innerText()).trim()).toBe('Thanh toán sau');
      await screenshot(page, 'submit-b07-fee-qr');
      await viewportShot(page, 'submit-b07-fee-qr', 'pay-simulate');
      await page.getByTestId('pay-simulate').click();
      const paid = page.getByTestId('fee-paid');
      await paid.waitFor();
      expect(await paid.locator('h2').innerText()).toBe('Đã thanh toán lệ phí');
      const receipt = (await page.getByTestId('fee-receipt').innerText()).trim();
      // PRODUCT BUG (reported): the API's payment status names the receipt `receiptNo`, the web
      // reads `receiptNumber` (apps/web/src/features/submit/submit-api.ts PaymentView), so
      // "Số biên lai" falls back to the transfer note. Soft: the rest of the journey still runs.
      expect
        .soft(receipt, `"Số biên lai" shows ${receipt}, not the receipt number BL-yyyy-nnnnnn`)
        .toMatch(/^BL-\d{4}-\d{6}$/);
      expect((await page.getByTestId('step-next').innerText()).trim()).toBe('Tiếp tục');
      await screenshot(page, 'submit-b08-fee-paid');
      await next(page, draftId, 'kiem-tra');

      const review = page.getByTestId('step-review');
      await review.waitFor();
      expect(await page.getByTestId('review-requesterName').innerText()).toBe(who.name);
      expect(await page.getByTestId('review-residenceBasis').innerText()).toBe(
        'Nhà thuê, mượn, ở nhờ',
      );
      expect(await page.getByTestId('review-members').innerText()).toContain('Lê Minh Khang');
      expect(plain(await review.innerText())).toContain('Lệ phí: 10.000 đ');
      const unit = page.getByTestId('receiving-unit');
      if (await unit.count()) await unit.selectOption(who.commune.code);
      await screenshot(page, 'submit-b09-review');
      await viewportShot(page, 'submit-b09-review', 'review-members');
      await viewportShot(page, 'submit-b09-review-bottom', 'review-submit');

      const reference = await submitAndConfirm(page, draftId);
      // Paid before submitting: no "not paid yet" warning.
      expect(await page.getByTestId('submit-done').innerText()).not.toContain(
        'Lệ phí chưa được thanh toán',
      );
      await screenshot(page, 'submit-b10-confirmation');

      await page.getByTestId('my-dossier-link').click();
      await page.waitForURL(/\/ho-so-cua-toi\/[0-9a-f-]{36}$/);
      const dossier = page.getByTestId('dossier-detail');
      await dossier.waitFor();
      expect(await dossier.innerText()).toContain(reference);
      const feeLine = page.getByTestId('dossier-fee');
      expect(plain(await feeLine.innerText()).replace(/\s+/g, ' ')).toBe(
        '10.000 đ · Đã thanh toán',
      );
      await screenshot(page, 'submit-b11-dossier-paid');
    } finally {
      await ctx.close();
    }
  });
});
