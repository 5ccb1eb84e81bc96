import { type SampleResident, sampleResidents } from '@cqs/api/src/idp/sample-residents';
import { exifGpsSegment, jpeg } from '@cqs/api/src/modules/files/files.test-fixtures';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';
import { DEMO_PASSWORD, freshTotp } from './demo-officers';
import { waitForMail } from './mailbox';

/**
 * Issue 5's acceptance journey at 390×844: a signed-in resident reports a pothole with a photo by
 * tapping a pin on the commune map; the report routes to the ward that contains the pin (Phường
 * Buôn Ma Thuột); the ward's specialist starts handling it and answers publicly; the public page
 * shows the answer (and no EXIF position in the photo); the resident rates the answer, which
 * closes the report.
 */

const baseUrl = inject('baseUrl');
const idpPort = inject('idpPort');
const mailDir = inject('mailDir');

const mobile = viewports.find((v) => v.name === 'mobile')!;
const desktop = viewports.find((v) => v.name === 'desktop')!;

const WARD = { code: '24133', name: 'Phường Buôn Ma Thuột' };
const SPECIALIST = 'demo.chuyenvien.bmt';
const DESCRIPTION =
  'Ổ gà lớn giữa đường Lê Duẩn, đoạn trước trường tiểu học, xe máy đi qua rất dễ ngã khi trời mưa.';
const ANSWER =
  'Phường đã cử tổ công trình vá ổ gà trong ngày 28/11; mặt đường đã được trải lại nhựa, mời bà con kiểm tra.';

function resident(sub: string): SampleResident {
  const found = sampleResidents.find((r) => r.sub === sub);
  if (!found) throw new Error(`no sample resident ${sub}`);
  return found;
}
const who = resident('demo-resident-01'); // H'Linh Niê, Phường Buôn Ma Thuột

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signInAtIdp(page: Page): Promise<void> {
  await page.waitForURL(/\/interaction\/[A-Za-z0-9_-]+$/).catch(async (error: Error) => {
    // Say where the browser stayed: the timeout alone does not tell a stuck click from a slow IdP.
    await screenshot(page, 'feedback-sign-in-stuck');
    throw new Error(`${error.message}\nThe page stayed at ${page.url()}`);
  });
  expect(new URL(page.url()).port).toBe(String(idpPort));
  await page.getByTestId(`resident-${who.sub}`).check();
  await page.getByTestId('idp-login').click();
}

/**
 * A screen point well inside the commune's drawn shape: the centre-most point of a grid over its
 * box, on screen, whose neighbours a few pixels away are inside too, so the tap cannot land on a
 * border.
 */
async function pointInsideCommune(page: Page, code: string): Promise<{ x: number; y: number }> {
  const found = await page.evaluate((unitCode) => {
    const path = document.querySelector<SVGPathElement>(
      `[data-testid="commune-map-svg"] [data-code="${unitCode}"]`,
    );
    const ctm = path?.getScreenCTM();
    if (!path || !ctm) return null;
    const box = path.getBBox();
    const frame = (path.ownerSVGElement as SVGSVGElement).getBoundingClientRect();
    const margin = 4 / ctm.a; // 4 screen pixels in map units
    const inside = (x: number, y: number) => path.isPointInFill(new DOMPoint(x, y));
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let i = 0; i <= 30; i++) {
      for (let j = 0; j <= 30; j++) {
        const x = box.x + (box.width * i) / 30;
        const y = box.y + (box.height * j) / 30;
        const ok = [
          [0, 0],
          [margin, 0],
          [-margin, 0],
          [0, margin],
          [0, -margin],
        ].every(([dx, dy]) => inside(x + dx!, y + dy!));
        const screen = new DOMPoint(x, y).matrixTransform(ctm);
        const visible =
          screen.x > frame.left + 8 &&
          screen.x < frame.right - 8 &&
          screen.y > frame.top + 8 &&
          screen.y < frame.bottom - 8;
        if (ok && visible) candidates.push({ x, y, d: (x - cx) ** 2 + (y - cy) ** 2 });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    const best = candidates[0];
    if (!best) return null;
    const screen = new DOMPoint(best.x, best.y).matrixTransform(ctm);
    return { x: screen.x, y: screen.y };
  }, code);
  if (!found) throw new Error(`commune ${code} is not drawn on the map`);
  return found;
}

async function officerPage(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext(desktop.context);
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}/can-bo/dang-nhap`);
  await page.getByTestId('officer-username').fill(SPECIALIST);
  await page.getByTestId('officer-password').fill(DEMO_PASSWORD);
  await page.getByTestId('officer-totp').fill(await freshTotp(SPECIALIST));
  await page.getByTestId('officer-submit').click();
  await page.waitForURL(`${baseUrl}/can-bo`);
  return { ctx, page };
}

describe('community feedback journey (390×844)', () => {
  it('pothole by a map pin → the ward → a public answer → the resident rates it', async () => {
    const ctx = await browser.newContext(mobile.context);
    const page = await ctx.newPage();
    let officer: { ctx: BrowserContext; page: Page } | undefined;
    try {
      // Sign in first (rating is for the reporter), coming back to the intake.
      await page.goto(`${baseUrl}/phan-anh/gui`);
      // The intake first moves itself to its first step (a client-side redirect once its chunk
      // has loaded); a sign-in click before that can be cancelled by that history change.
      await page.getByTestId('category-giao-thong').waitFor();
      await page.getByTestId('login-button').click();
      await signInAtIdp(page);
      await page.waitForURL(`${baseUrl}/phan-anh/gui**`);
      await page.getByTestId('resident-name').waitFor();

      // 1. Category.
      const intake = page.getByTestId('feedback-intake');
      await page.getByTestId('category-giao-thong').check();
      await screenshot(page, 'feedback-1-category-mobile');
      await page.getByTestId('feedback-next').click();
      await expect.poll(() => intake.getAttribute('data-step')).toBe('vi-tri');

      // 2. Place: a tap on the map inside the ward; the server names the ward.
      await page.getByTestId('place-mode-map').check();
      const map = page.getByTestId('commune-map-svg');
      await map.waitFor();
      await map.scrollIntoViewIfNeeded();
      let target = await pointInsideCommune(page, WARD.code);
      await page.touchscreen.tap(target.x, target.y);
      await page.getByTestId('commune-map-pin').waitFor();
      // Zoomed in around the first pin, a second tap places it more precisely.
      for (let i = 0; i < 2; i++) await page.getByTestId('map-zoom-in').click();
      await map.scrollIntoViewIfNeeded();
      target = await pointInsideCommune(page, WARD.code);
      await page.touchscreen.tap(target.x, target.y);
      await page.getByTestId('commune-map-pin').waitFor();
      await expect.poll(() => page.getByTestId('pin-commune').innerText()).toContain(WARD.name);
      await screenshot(page, 'feedback-2-place-mobile');
      await page.getByTestId('feedback-next').click();
      await expect.poll(() => intake.getAttribute('data-step')).toBe('hinh-anh');

      // 3. A photo that carries a GPS position in its EXIF block.
      const photo = jpeg({
        width: 64,
        height: 48,
        extra: [{ name: 'APP1', bytes: exifGpsSegment() }],
      });
      await page.getByTestId('photo-input').setInputFiles({
        name: 'o-ga-le-duan.jpg',
        mimeType: 'image/jpeg',
        buffer: photo.bytes,
      });
      await expect.poll(() => page.getByTestId('photo-list').locator('li').count()).toBe(1);
      await screenshot(page, 'feedback-3-photos-mobile');
      await page.getByTestId('feedback-next').click();
      await expect.poll(() => intake.getAttribute('data-step')).toBe('noi-dung');

      // 4. Description; 5. contact (the signed-in resident's own details are kept).
      await page.getByTestId('feedback-description').fill(DESCRIPTION);
      await screenshot(page, 'feedback-4-description-mobile');
      await page.getByTestId('feedback-next').click();
      await expect.poll(() => intake.getAttribute('data-step')).toBe('lien-he');
      await page.getByTestId('feedback-contactEmail').fill(who.email);
      await page.getByTestId('feedback-next').click();
      await expect.poll(() => intake.getAttribute('data-step')).toBe('kiem-tra');

      // 6. Review, then file it.
      const review = await page.getByTestId('feedback-review').innerText();
      expect(review).toContain(WARD.name);
      expect(review).toContain('Ổ gà lớn giữa đường Lê Duẩn');
      await screenshot(page, 'feedback-5-review-mobile');
      await page.getByTestId('feedback-submit').click();
      await page.getByTestId('feedback-done').waitFor();
      const reference = (await page.getByTestId('feedback-reference').innerText()).trim();
      expect(reference).toMatch(/^PA-/);
      expect(await page.getByTestId('feedback-unit').innerText()).toContain(WARD.name);
      await screenshot(page, 'feedback-6-confirmation-mobile');

      // The ward's specialist finds it in the unit's inbox, starts handling and answers publicly.
      officer = await officerPage();
      const op = officer.page;
      await op.goto(`${baseUrl}/can-bo/phan-anh`);
      const row = op.locator(`[data-testid="fb-row"][data-reference="${reference}"]`);
      await row.waitFor();
      await screenshot(op, 'feedback-7-officer-inbox-desktop');
      await row.getByRole('link').first().click();
      await op.getByTestId('fb-report').waitFor();
      expect(await op.getByTestId('fb-reference').innerText()).toContain(reference);
      await op.getByTestId('fb-action-start').click();
      await op.getByTestId('fb-action-submit').click();
      await expect
        .poll(() => op.getByTestId('fb-state').getAttribute('data-state'))
        .toBe('in_progress');
      await op.getByTestId('public-reply-text').fill(ANSWER);
      await op.getByTestId('public-reply-submit').click();
      await op.getByTestId('public-reply-confirm').waitFor();
      await op.getByTestId('public-reply-submit').click();
      await expect.poll(() => op.getByTestId('public-answer').innerText()).toContain(ANSWER);
      expect(await op.getByTestId('fb-state').getAttribute('data-state')).toBe('resolved');
      await screenshot(op, 'feedback-8-officer-answered-desktop');

      // The resident is told by e-mail, and the public page shows the answer.
      const received = await waitForMail(
        mailDir,
        who.email,
        new RegExp(`Đã nhận phản ánh.*${reference}`),
      );
      expect(received.text ?? '').toContain(`/phan-anh/${reference}`);
      const answered = await waitForMail(
        mailDir,
        who.email,
        new RegExp(`${reference} đã có trả lời`),
      );
      expect(answered.text ?? '').toContain(WARD.name);
      await page.getByTestId('feedback-public-link').click();
      await page.waitForURL(`${baseUrl}/phan-anh/${reference}`);
      await expect
        .poll(() => page.getByTestId('feedback-answer-text').innerText())
        .toContain(ANSWER);
      expect(await page.getByTestId('feedback-unit').innerText()).toContain(WARD.name);
      const photoSrc = await page
        .getByTestId('feedback-photos')
        .locator('img')
        .first()
        .getAttribute('src');
      const publicPhoto = await page.request.get(new URL(photoSrc!, baseUrl).toString());
      expect(publicPhoto.status()).toBe(200);
      // The public copy lost the EXIF block with the phone's position.
      expect((await publicPhoto.body()).includes(Buffer.from('Exif\0\0'))).toBe(false);
      await screenshot(page, 'feedback-9-public-answer-mobile');

      // The resident rates the answer; the report closes.
      await page.getByTestId('feedback-rating-4').check();
      await page.getByTestId('feedback-rating-submit').click();
      await page.getByTestId('feedback-rating-given').waitFor();
      await screenshot(page, 'feedback-10-rated-mobile');
      const after = await page.request.get(`${baseUrl}/api/feedback/reports/${reference}`);
      const body = (await after.json()) as { state: string; rating: number | null };
      expect(body).toMatchObject({ state: 'closed', rating: 4 });

      // The ward's on-time row counts it among the reports closed on time.
      await page.goto(`${baseUrl}/phan-anh/thong-ke`);
      const wardRow = page.locator(`[data-testid="feedback-stats-row"][data-unit="${WARD.code}"]`);
      await wardRow.waitFor();
      expect(await wardRow.innerText()).toContain(WARD.name);
      await screenshot(page, 'feedback-11-stats-mobile');
    } finally {
      await officer?.ctx.close();
      await ctx.close();
    }
  });
});
