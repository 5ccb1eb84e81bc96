import { type SampleResident, sampleResidents } from '@cqs/api/src/idp/sample-residents';
import { pdfBytes } from '@cqs/api/src/modules/files/files.test-fixtures';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';
import { DEMO_PASSWORD, freshTotp } from './demo-officers';

/**
 * Issue 8 §2–§3 at 390×844: a community digital team member (demo.eakar, linked to a demo member of
 * Xã Ea Kar) first logs the help they gave through "Ghi nhận hoạt động" — a training session (after
 * the missing number of attendees is explained next to the field) and a VNeID linking for a resident
 * who agreed to be named — sees both in their own list, and the API holds them with the right kind,
 * date and numbers. Then the member submits a birth registration for a resident who consents with a one-time code — read
 * from the clearly labelled DEMO panel, since a demo has no real phone — after a wrong code is
 * refused; the member's list shows it submitted; the resident signs in and sees it in "Hồ sơ của
 * tôi" marked as assisted by the team. Every step leaves a screenshot (as-…).
 */

const baseUrl = inject('baseUrl');
const mobile = viewports.find((v) => v.name === 'mobile')!;
const REFERENCE = /^TN-\d{6}-[A-Z0-9]{6}$/;
const pdf = { name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: pdfBytes() };

function sample(sub: string): SampleResident {
  const found = sampleResidents.find((r) => r.sub === sub);
  if (!found) throw new Error(`no sample resident ${sub}`);
  return found;
}

/**
 * yyyy-mm-dd some days before today (a birth date the form accepts whatever the day). Taken in UTC,
 * which is never ahead of the server's day in Vietnam, so an activity date is never "after today".
 */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function next(page: Page, step: string): Promise<void> {
  await page.getByTestId('as-next').click();
  try {
    await page.waitForURL(new RegExp(`/ho-tro/[^/]+/${step}$`), { timeout: 20_000 });
  } catch {
    const alert = page.locator('[role="alert"]');
    const text = (await alert.count()) ? await alert.first().innerText() : '(no message)';
    throw new Error(`"Tiếp tục" did not lead to ${step}; the page says: ${text}`);
  }
}

interface StoredActivity {
  id: string;
  date: string;
  kind: string;
  attendees: number | null;
  residentConsent: boolean;
  residentRef: string | null;
  notes: string | null;
  source: string;
  memberName: string;
}

/** The member logs a training session and a VNeID linking from the teams registry. */
async function logActivities(page: Page): Promise<void> {
  const tag = `e2e-${Date.now().toString(36)}`; // tells this run's rows from earlier runs'
  const trainingDay = daysAgo(2);
  const linkingDay = daysAgo(1);
  await page.getByTestId('nav-teams').click();
  await page.getByRole('link', { name: 'Ghi nhận hoạt động' }).click();
  await page.getByTestId('tr-activity-form').waitFor();
  expect(await page.locator('.tr-form .notice').innerText()).toContain(
    'Bạn ghi nhận cho chính mình',
  );
  await page.getByTestId('tr-my-activities').waitFor();

  // A training session without its number of attendees: refused, the reason next to the field.
  await page.getByTestId('tr-activity-date').fill(trainingDay);
  await page.getByTestId('tr-activity-kind-training_session').check();
  await page
    .getByTestId('tr-activity-notes')
    .fill(`Tập huấn dịch vụ công tại nhà văn hoá thôn 1 ${tag}`);
  await page.getByTestId('tr-activity-save').click();
  const attendees = page.getByTestId('tr-activity-attendees');
  await page.locator('.field--error').waitFor();
  expect(await attendees.getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByTestId('tr-activity-errors').innerText()).toContain(
    'Nhập số người tham dự',
  );
  expect(await page.locator('.field--error .field__error').innerText()).toBe(
    'Nhập số người tham dự',
  );
  await screenshot(page, 'as-00a-activity-error');
  await attendees.fill('12');
  await page.getByTestId('tr-activity-save').click();
  const status = page.getByTestId('tr-activity-status');
  await status.filter({ hasText: 'Đã ghi nhận hoạt động' }).waitFor();
  expect(await status.innerText()).toBe(`Đã ghi nhận hoạt động ngày ${dayText(trainingDay)}.`);

  // A VNeID linking for a resident who agreed to be named.
  await page.getByTestId('tr-activity-date').fill(linkingDay);
  await page.getByTestId('tr-activity-kind-linked_vneid').check();
  expect(await page.getByTestId('tr-activity-attendees').count()).toBe(0);
  await page.getByTestId('tr-activity-consent').check();
  await page.getByTestId('tr-activity-resident').fill('Ông Lê Minh Quân, thôn 1');
  await page.getByTestId('tr-activity-notes').fill(`Liên kết tài khoản VNeID mức 2 ${tag}`);
  await screenshot(page, 'as-00b-activity-form');
  await page.getByTestId('tr-activity-save').click();
  await status.filter({ hasText: dayText(linkingDay) }).waitFor();
  // The consent was that resident's: the form is ready for the next one without it.
  expect(await page.getByTestId('tr-activity-consent').isChecked()).toBe(false);

  // The API holds both, for this member, with what was typed.
  const answer = await page.request.get(
    `${baseUrl}/api/officer/teams/activities?unitCode=24373&from=${trainingDay}&to=${linkingDay}&pageSize=200`,
  );
  expect(answer.status()).toBe(200);
  const stored = ((await answer.json()) as { items: StoredActivity[] }).items.filter((a) =>
    a.notes?.endsWith(tag),
  );
  const training = stored.find((a) => a.kind === 'training_session');
  const linking = stored.find((a) => a.kind === 'linked_vneid');
  expect(stored).toHaveLength(2);
  expect(training).toMatchObject({
    date: trainingDay,
    attendees: 12,
    residentConsent: false,
    residentRef: null,
    source: 'manual',
  });
  expect(linking).toMatchObject({
    date: linkingDay,
    attendees: null,
    residentConsent: true,
    residentRef: 'Ông Lê Minh Quân, thôn 1',
    source: 'manual',
  });
  expect(training!.memberName).toBe(linking!.memberName);

  // Both show in the member's own list, newest first, with the reference and the attendees.
  const first = page.getByTestId(`tr-my-activity-${linking!.id}`);
  const second = page.getByTestId(`tr-my-activity-${training!.id}`);
  await first.waitFor();
  expect(await first.innerText()).toContain(
    `${dayText(linkingDay)} Hỗ trợ liên kết tài khoản với VNeID`,
  );
  expect(await first.innerText()).toContain('Người dân: Ông Lê Minh Quân, thôn 1');
  expect(await second.innerText()).toContain(
    `${dayText(trainingDay)} Tập huấn, hướng dẫn tập trung`,
  );
  expect(await second.innerText()).toContain('12 người tham dự');
  const order = await page
    .locator('[data-testid^="tr-my-activity-"]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')));
  expect(order.indexOf(`tr-my-activity-${linking!.id}`)).toBeLessThan(
    order.indexOf(`tr-my-activity-${training!.id}`),
  );
  await screenshot(page, 'as-00c-activity-list');
}

/** dd/mm/yyyy, as the pages write a day. */
function dayText(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

describe('assisted submission (mobile)', () => {
  it('a team member submits for a resident who consents with a one-time code', async () => {
    const who = sample('demo-resident-04'); // Lê Minh Quân, Xã Ea Kar
    const ctx = await browser.newContext(mobile.context);
    const page = await ctx.newPage();
    try {
      // The member signs in and opens "Hỗ trợ nộp hồ sơ".
      await page.goto(`${baseUrl}/can-bo/dang-nhap`);
      await page.getByTestId('officer-username').fill('demo.eakar');
      await page.getByTestId('officer-password').fill(DEMO_PASSWORD);
      await page.getByTestId('officer-totp').fill(await freshTotp('demo.eakar'));
      await page.getByTestId('officer-submit').click();
      await page.waitForURL(`${baseUrl}/can-bo`);
      await logActivities(page);
      await page.getByTestId('as-nav').click();
      await page.getByTestId('as-list-page').waitFor();
      await screenshot(page, 'as-01-list');

      // Step 1: the procedure, found with unaccented words.
      await page.getByTestId('as-start').click();
      await page.getByTestId('as-procedure-search').fill('dang ky khai sinh');
      const choose = page.getByTestId('as-choose-1.001193');
      await choose.waitFor({ timeout: 90_000 });
      await screenshot(page, 'as-02-procedure');
      await choose.click();

      // Step 2: the resident; a bad phone number is explained next to the field.
      await page.getByTestId('as-resident-fullName').fill(who.name);
      await page.getByTestId('as-resident-phone').fill('12345');
      await page.getByTestId('as-create').click();
      const phoneField = page.getByTestId('as-resident-phone');
      expect(await phoneField.getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'as-resident-phone',
      );
      await phoneField.fill(who.phoneNumber.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3'));
      await page.getByTestId('as-resident-citizenId').fill(who.citizenId);
      await screenshot(page, 'as-03-resident');
      await page.getByTestId('as-create').click();

      // The form, prefilled with what the member typed.
      await page.waitForURL(/\/ho-tro\/[^/]+\/requester$/);
      const id = /\/ho-tro\/([^/]+)\//.exec(page.url())![1]!;
      expect(await page.getByTestId('field-requesterName').inputValue()).toBe(who.name);
      expect(await page.getByTestId('field-requesterCitizenId').inputValue()).toBe(who.citizenId);
      await page.getByTestId('field-requesterBirthDate').fill(who.birthdate);
      await page.getByTestId('field-requesterAddress').fill(`${who.streetAddress}, Xã Ea Kar`);
      await page.getByTestId('field-relationship-cha').check();
      await screenshot(page, 'as-04-form');
      await next(page, 'child');
      await page.getByTestId('field-childName').fill('Lê Minh An');
      await page.getByTestId('field-childGender-nam').check();
      await page.getByTestId('field-childBirthDate').fill(daysAgo(20));
      await page.getByTestId('field-childBirthPlace').fill('Trung tâm Y tế khu vực Ea Kar');
      await page.getByTestId('field-childEthnicity').fill('Kinh');
      await page.getByTestId('field-childNationality').fill('Việt Nam');
      await page.getByTestId('field-childHometown').fill('xã Ea Kar, tỉnh Đắk Lắk');
      await next(page, 'mother');
      await page.getByTestId('field-motherName').fill('Trần Thị Hà');
      await page.getByTestId('field-motherBirthYear').fill('2004');
      await page.getByTestId('field-motherEthnicity').fill('Kinh');
      await page.getByTestId('field-motherNationality').fill('Việt Nam');
      await page.getByTestId('field-motherResidence').fill('Thôn 1, Xã Ea Kar');
      await next(page, 'father');
      await page.getByTestId('field-fatherKnown-co').check();
      await page.getByTestId('field-fatherName').fill(who.name);
      await page.getByTestId('field-fatherBirthYear').fill(who.birthdate.slice(0, 4));
      await page.getByTestId('field-fatherEthnicity').fill('Kinh');
      await page.getByTestId('field-fatherNationality').fill('Việt Nam');
      await page.getByTestId('field-fatherResidence').fill('Thôn 1, Xã Ea Kar');
      await page.getByTestId('field-parentsMarried-co').check();
      await next(page, 'proof');
      await page.getByTestId('field-birthProof-giay_chung_sinh').check();
      await next(page, 'confirm');
      await page.getByTestId('field-copies').fill('1');
      await page.getByTestId('field-commitment').check();
      await next(page, 'giay-to');
      for (const doc of ['birthNotice', 'marriageCertificate']) {
        await page.getByTestId(`as-upload-${doc}`).setInputFiles(pdf);
        await page.locator(`#doc-${doc} .submit-file__name`).waitFor({ timeout: 20_000 });
      }
      await screenshot(page, 'as-05-documents');
      await next(page, 'kiem-tra');
      await page.getByTestId('as-step-review').waitFor();
      expect(await page.getByTestId('as-step-review').innerText()).toContain('Lê Minh An');
      await screenshot(page, 'as-06-review');

      // Consent: without it, no submit button; the purpose names the resident and the procedure.
      await page.getByTestId('as-to-consent').click();
      await page.waitForURL(new RegExp(`/ho-tro/${id}/dong-y$`));
      expect(await page.getByTestId('as-purpose').innerText()).toContain(who.name);
      expect(await page.getByTestId('as-submit').count()).toBe(0);
      await screenshot(page, 'as-07-consent');

      // "Gửi mã": the text appears in the DEMO panel, labelled as simulated.
      await page.getByTestId('as-send-code').click();
      await page.getByTestId('as-code-sent').waitFor();
      const demo = page.getByTestId('as-demo-sms');
      await demo.waitFor();
      expect(await demo.innerText()).toContain('DEMO');
      const text = await page.getByTestId('as-demo-sms-text').first().innerText();
      const code = /Mã xác nhận: (\d{6})/.exec(text)?.[1];
      expect(code, text).toMatch(/^\d{6}$/);
      await screenshot(page, 'as-08-code-sent');

      // A wrong code is refused next to the field, with the attempts left.
      await page.getByTestId('as-code-input').fill(code === '000000' ? '111111' : '000000');
      await page.getByTestId('as-verify-code').click();
      const error = page.getByTestId('as-code-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('Còn 4 lần');
      await screenshot(page, 'as-09-code-wrong');

      // The right code records the consent; then the dossier is submitted.
      await page.getByTestId('as-code-input').fill(code!);
      await page.getByTestId('as-verify-code').click();
      await page.getByTestId('as-consent-given').waitFor();
      await screenshot(page, 'as-10-consent-given');
      await page.getByTestId('as-submit').click();
      await page.getByTestId('as-done').waitFor({ timeout: 30_000 });
      const reference = (await page.getByTestId('as-done-reference').innerText()).trim();
      expect(reference).toMatch(REFERENCE);
      await screenshot(page, 'as-11-done');

      // The member's own list shows it submitted, with the ID number masked.
      await page.getByRole('link', { name: 'Về danh sách hồ sơ đã hỗ trợ' }).click();
      const item = page.getByTestId(`as-item-${id}`);
      await item.waitFor();
      expect(await item.innerText()).toContain(reference);
      expect(await item.innerText()).not.toContain(who.citizenId);
      await screenshot(page, 'as-12-list-after');

      // The resident signs in on their own phone and finds it, marked as assisted.
      const own = await browser.newContext(mobile.context);
      const resident = await own.newPage();
      await resident.goto(`${baseUrl}/api/auth/oidc/start?returnTo=/ho-so-cua-toi`);
      await resident.waitForURL(/\/interaction\/[A-Za-z0-9_-]+$/);
      await resident.getByTestId(`resident-${who.sub}`).check();
      await resident.getByTestId('idp-login').click();
      await resident.waitForURL(`${baseUrl}/ho-so-cua-toi`);
      const mine = resident.getByTestId(`my-dossier-${reference}`);
      await mine.waitFor({ timeout: 20_000 });
      expect(await mine.getByTestId('as-assisted-mark').innerText()).toMatch(
        /^Được hỗ trợ bởi .*Tổ Công nghệ số cộng đồng/,
      );
      await screenshot(resident, 'as-13-resident-list');
      await own.close();
    } finally {
      await ctx.close();
    }
  }, 300_000);
});
