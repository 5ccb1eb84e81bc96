import { fileURLToPath } from 'node:url';
import { type SampleResident, sampleResidents } from '@cqs/api/src/idp/sample-residents';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';

/**
 * The acceptance journey for the assistant, at the mobile size: a resident opens the chat
 * from the home page, asks without diacritics which documents a birth registration needs (the
 * documents of 1.001193 with the citation), follows up on the fee, asks to submit, and lands in
 * the online form of 1.001193 (after signing in at the local IdP), prefilled from the identity.
 */

const baseUrl = inject('baseUrl');
const idpPort = inject('idpPort');

const mobile = viewports.find((v) => v.name === 'mobile');
if (!mobile) throw new Error('no mobile viewport');

const BIRTH = '1.001193';
/** "<section> của thủ tục «(Thủ tục) đăng ký khai sinh» (mã 1.001193)": the answer names its source. */
const BIRTH_HEADING = (section: string) =>
  new RegExp(`${section} của thủ tục «(Thủ tục )?đăng ký khai sinh» \\(mã 1\\.001193\\)`, 'i');

function resident(sub: string): SampleResident {
  const found = sampleResidents.find((r) => r.sub === sub);
  if (!found) throw new Error(`no sample resident ${sub}`);
  return found;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What a phone shows without scrolling (the panel is a full-screen sheet). */
async function viewportShot(page: Page, name: string): Promise<void> {
  const dir = fileURLToPath(new URL('./screenshots/', import.meta.url));
  await page.screenshot({ path: `${dir}${name}-viewport.png`, animations: 'disabled' });
}

/** Types a question, sends it with Enter, and returns the new reply once it is shown. */
async function ask(page: Page, question: string, expectedReplies: number) {
  // The first question of a fresh server builds the search index: a loaded machine takes a while.
  const timeout = expectedReplies === 1 ? 90_000 : 20_000;
  const input = page.getByTestId('assistant-input');
  await input.fill(question);
  await input.press('Enter');
  const replies = page.getByTestId('assistant-reply');
  await expect.poll(() => replies.count(), { timeout }).toBe(expectedReplies);
  const error = page.getByTestId('assistant-error');
  expect(await error.count(), 'the assistant showed an error').toBe(0);
  // Answered: the box is empty again, ready for the next question.
  expect(await input.inputValue()).toBe('');
  const reply = replies.nth(expectedReplies - 1);
  // The new reply's start is in view (the panel's log scrolls to it), under the panel's header.
  await expect
    .poll(async () => {
      const box = await reply.boundingBox();
      return box !== null && box.y >= 40 && box.y < 400;
    })
    .toBe(true);
  return reply;
}

describe('assistant (mobile)', () => {
  it('documents of khai sinh with the citation, the fee as a follow-up, then the online form', async () => {
    const who = resident('demo-resident-01');
    const ctx = await browser.newContext(mobile.context);
    const page = await ctx.newPage();
    try {
      await page.goto(`${baseUrl}/`);
      const launcher = page.getByTestId('assistant-launcher');
      await launcher.waitFor();
      expect((await launcher.innerText()).trim()).toBe('Hỏi trợ lý');
      await screenshot(page, 'assistant-01-home');

      // The panel: a modal dialog filling the phone's screen, focus in the question box.
      await launcher.click();
      const panel = page.getByTestId('assistant-panel');
      await panel.waitFor();
      expect(await panel.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      const box = await panel.boundingBox();
      expect(box?.width).toBe(390);
      expect(await page.getByRole('dialog', { name: 'Trợ lý thủ tục' }).count()).toBe(1);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('assistant-input');
      expect(await page.getByLabel('Câu hỏi của bạn').count()).toBe(1);
      expect(await page.getByTestId('assistant-starter-documents').count()).toBe(1);
      await viewportShot(page, 'assistant-02-panel-empty');

      // Esc closes it and gives focus back to the launcher; it opens again with the keyboard.
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
        .toBe('assistant-launcher');
      await page.keyboard.press('Enter');
      await panel.waitFor();

      // 1. Documents, typed without diacritics.
      const documents = await ask(page, 'lam giay khai sinh can giay to gi', 1);
      const documentsText = await documents.innerText();
      expect(documentsText).toMatch(BIRTH_HEADING('Thành phần hồ sơ'));
      expect(documentsText).toContain('Giấy chứng sinh');
      // The quoted items are a real list, not one run-on paragraph.
      expect(await documents.locator('ul.assistant-reply__list li').count()).toBeGreaterThan(1);
      const citation = documents.getByTestId(`citation-${BIRTH}`);
      expect(await citation.getAttribute('href')).toBe(`/thu-tuc/${BIRTH}#documents`);
      expect(await citation.innerText()).toMatch(/đăng ký khai sinh \(1\.001193\)/i);
      expect(await citation.innerText()).toContain('Thành phần hồ sơ');
      // Replies are announced to screen readers.
      expect(await page.getByTestId('assistant-log').getAttribute('aria-live')).toBe('polite');
      await viewportShot(page, 'assistant-03-documents');

      // 2. The fee as a follow-up: the conversation remembers the procedure.
      const fee = await ask(page, 'con le phi?', 2);
      const feeText = await fee.innerText();
      expect(feeText).toMatch(BIRTH_HEADING('Phí, lệ phí'));
      expect(feeText).toContain('Miễn phí');
      expect(await fee.getByTestId(`citation-${BIRTH}`).getAttribute('href')).toBe(
        `/thu-tuc/${BIRTH}#fee`,
      );
      await viewportShot(page, 'assistant-04-fee');

      // 3. Submission: the reply offers the online form of 1.001193.
      const submit = await ask(page, 'tôi muốn nộp hồ sơ khai sinh', 3);
      expect(await submit.innerText()).toContain('trực tuyến');
      const start = submit.getByTestId('assistant-action-start_submission');
      expect(await start.getAttribute('href')).toBe(`/nop-ho-so/${BIRTH}`);
      expect((await start.innerText()).trim()).toBe('Nộp hồ sơ trực tuyến');
      await viewportShot(page, 'assistant-05-submit-offer');
      await screenshot(page, 'assistant-05-submit-offer');

      // The link closes the panel and opens the form's start page (sign-in first).
      await start.click();
      await page.waitForURL(`${baseUrl}/nop-ho-so/${BIRTH}`);
      expect(await panel.count()).toBe(0);
      await page.getByTestId('submit-sign-in').waitFor();
      await page.getByTestId('submit-sign-in-button').click();
      await page.waitForURL(/\/interaction\/[A-Za-z0-9_-]+$/);
      expect(new URL(page.url()).port).toBe(String(idpPort));
      await page.getByTestId(`resident-${who.sub}`).check();
      await page.getByTestId('idp-login').click();

      await page.waitForURL(`${baseUrl}/nop-ho-so/${BIRTH}`);
      const startPage = page.getByTestId('submit-start');
      await startPage.waitFor();
      expect(await startPage.locator('h1').innerText()).toBe('Thủ tục đăng ký khai sinh');
      await screenshot(page, 'assistant-06-submit-start');
      await page.getByTestId('start-draft').click();

      // The form of 1.001193, prefilled from the resident's identity.
      await page.waitForURL(/\/nop-ho-so\/ho-so\/[^/]+\/requester$/);
      await page.getByTestId('submit-flow').waitFor();
      expect(await page.getByTestId('field-requesterName').inputValue()).toBe(who.name);
      expect(await page.getByTestId('field-requesterCitizenId').inputValue()).toBe(who.citizenId);
      await screenshot(page, 'assistant-07-form-prefilled');

      // The conversation survived the round trip through sign-in (sessionStorage).
      await page.getByTestId('assistant-launcher').click();
      await page.getByTestId('assistant-panel').waitFor();
      await expect.poll(() => page.getByTestId('assistant-reply').count()).toBe(3);
      // Reopened at the latest reply, not at the top of the conversation.
      await expect
        .poll(async () => (await page.getByTestId('assistant-reply').nth(2).boundingBox())?.y ?? -1)
        .toBeGreaterThan(40);
      await expect
        .poll(
          async () => (await page.getByTestId('assistant-reply').nth(2).boundingBox())?.y ?? 999,
        )
        .toBeLessThan(400);
      await viewportShot(page, 'assistant-08-panel-kept');
    } finally {
      await ctx.close();
    }
  });

  it('the panel on a desktop screen: a side dialog, a starter question answered', async () => {
    const desktop = viewports.find((v) => v.name === 'desktop');
    const ctx = await browser.newContext(desktop?.context);
    const page = await ctx.newPage();
    try {
      await page.goto(`${baseUrl}/thu-tuc`);
      await page.getByTestId('assistant-launcher').click();
      const panel = page.getByTestId('assistant-panel');
      await panel.waitFor();
      const box = await panel.boundingBox();
      expect(box && box.width < 500).toBe(true);
      await page.getByTestId('assistant-starter-fees').click();
      const reply = page.getByTestId('assistant-reply');
      await reply.first().waitFor({ timeout: 90_000 });
      expect(await reply.first().getByTestId('assistant-citations').count()).toBe(1);
      await screenshot(page, 'assistant-09-desktop-panel');
      // Tab stays inside the dialog (the page behind is inert).
      for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () => !!document.activeElement?.closest('[data-testid="assistant-panel"]'),
        ),
      ).toBe(true);

      // The citation closes the panel and opens the procedure page at the cited section.
      const citation = reply.first().getByTestId('assistant-citations').locator('a').first();
      const href = (await citation.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/thu-tuc\/\d\.\d{6}#fee$/);
      await citation.click();
      await page.waitForURL(`${baseUrl}${href}`);
      expect(await panel.count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 })
        .toBe('fee');
      const top = await page.evaluate(
        () => document.getElementById('fee')?.getBoundingClientRect().top,
      );
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(200);
      await page.screenshot({
        path: fileURLToPath(
          new URL('./screenshots/assistant-09b-cited-section.png', import.meta.url),
        ),
      });
    } finally {
      await ctx.close();
    }
  });

  it('the full page keeps a typed question after a failed send and sends it on retry', async () => {
    const ctx = await browser.newContext(mobile.context);
    const page = await ctx.newPage();
    try {
      await page.goto(`${baseUrl}/tro-ly`);
      await page.getByTestId('assistant-page').waitFor();
      expect(await page.locator('h1').innerText()).toBe('Trợ lý thủ tục');
      // No launcher on the assistant's own page.
      expect(await page.getByTestId('assistant-launcher').count()).toBe(0);
      await screenshot(page, 'assistant-10-page');

      // The network drops: the message says so in Vietnamese and the question stays typed.
      await page.route('**/api/assistant/messages', (route) => route.abort('internetdisconnected'));
      const input = page.getByTestId('assistant-input');
      await input.fill('dang ky ket hon mat bao lau');
      await page.getByTestId('assistant-send').click();
      const error = page.getByTestId('assistant-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('Không kết nối được máy chủ');
      expect(await input.inputValue()).toBe('dang ky ket hon mat bao lau');
      await screenshot(page, 'assistant-11-network-error');

      // Back online: "Thử lại" sends the same question and the answer comes.
      await page.unroute('**/api/assistant/messages');
      await page.getByTestId('assistant-retry').click();
      const reply = page.getByTestId('assistant-reply');
      await reply.first().waitFor({ timeout: 90_000 });
      expect(await error.count()).toBe(0);
      expect(await reply.first().innerText()).toMatch(/kết hôn/i);
      expect(await input.inputValue()).toBe('');
      await screenshot(page, 'assistant-12-retry-answered');

      // A problem to report: the prefilled intake opens on its first step with the category of
      // the classifier chosen and the resident's words kept for the description step.
      const words = 'đèn đường trước nhà tôi hỏng mấy hôm nay';
      await input.fill(words);
      await input.press('Enter');
      await expect.poll(() => reply.count(), { timeout: 20_000 }).toBe(2);
      const draft = reply.nth(1).getByTestId('assistant-action-feedback_draft');
      expect((await draft.innerText()).trim()).toBe('Xem và gửi phản ánh');
      await draft.click();
      await page.waitForURL(`${baseUrl}/phan-anh/gui/linh-vuc`);
      const chosen = page.locator('input[name="category"]:checked');
      await expect.poll(() => chosen.count(), { timeout: 15_000 }).toBe(1);
      expect(await chosen.getAttribute('data-testid')).not.toBe('category-unsure');
      const stored = await page.evaluate(() => sessionStorage.getItem('cqs.feedback.draft'));
      expect(JSON.parse(stored ?? '{}').description).toBe(words);
      await screenshot(page, 'assistant-13-feedback-draft');
    } finally {
      await ctx.close();
    }
  });
});
