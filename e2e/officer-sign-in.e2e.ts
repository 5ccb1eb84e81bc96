import { roleLabels } from '@cqs/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';
import {
  DEMO_PASSWORD,
  demoOfficers,
  type ExpectedOfficer,
  freshTotp,
  unitNames,
  wrongTotp,
} from './demo-officers';

const baseUrl = inject('baseUrl');

const WRONG_CREDENTIALS = 'Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng.';

/** No demo officer has grants in two units, so each viewport takes one with several roles. */
const officerFor: Record<'desktop' | 'mobile', ExpectedOfficer> = {
  desktop: demoOfficers.eakar, // three roles at Xã Ea Kar
  mobile: demoOfficers.lanhdaoBmt, // two roles at Phường Buôn Ma Thuột
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function sessionOf(page: Page): Promise<{ authenticated: boolean }> {
  const res = await page.request.get(`${baseUrl}/api/auth/session`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { authenticated: boolean };
}

async function fillLogin(page: Page, username: string, totp: string): Promise<void> {
  await page.getByTestId('officer-username').fill(username);
  await page.getByTestId('officer-password').fill(DEMO_PASSWORD);
  await page.getByTestId('officer-totp').fill(totp);
}

describe.each(viewports)('officer sign-in ($name)', ({ name: vp, context }) => {
  it('refuses a wrong code, signs in with the right one, shows unit and roles, signs out', async () => {
    const who = officerFor[vp];
    const unitCode = who.grants[0]?.unitCode ?? '';
    const ctx = await browser.newContext(context);
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/can-bo/dang-nhap`);
      await page.getByTestId('officer-username').waitFor();
      expect(await page.locator('h1').innerText()).toBe('Đăng nhập dành cho cán bộ');
      expect(await page.getByTestId('officer-login-error').count()).toBe(0);
      await screenshot(page, `officer-login-${vp}`);

      // Wrong code: the alert region says why, in Vietnamese, and the form keeps what was typed.
      await fillLogin(page, who.username, wrongTotp(who.username));
      await page.getByTestId('officer-submit').click();
      const alert = page.getByTestId('officer-login-error');
      await alert.waitFor();
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.innerText()).toContain('Chưa đăng nhập được');
      expect(await alert.innerText()).toContain(WRONG_CREDENTIALS);
      expect(await page.getByTestId('officer-username').inputValue()).toBe(who.username);
      expect(new URL(page.url()).pathname).toBe('/can-bo/dang-nhap');
      expect(await sessionOf(page)).toMatchObject({ authenticated: false });
      await screenshot(page, `officer-login-error-${vp}`);

      // Right code.
      await page.getByTestId('officer-totp').fill(await freshTotp(who.username));
      await page.getByTestId('officer-submit').click();
      await page.waitForURL(`${baseUrl}/can-bo`);
      const name = page.getByTestId('officer-name');
      await name.waitFor();
      expect((await name.innerText()).trim()).toBe(who.fullName);
      expect((await page.getByTestId('demo-badge').innerText()).trim()).toBe('TÀI KHOẢN DEMO');
      expect(await page.locator('h1').innerText()).toBe(`Xin chào, ${who.fullName}`);

      const switcher = page.getByTestId('unit-switcher');
      const unitCodes = [...new Set(who.grants.map((g) => g.unitCode))];
      expect(
        await switcher.locator('option').evaluateAll((os) => os.map((o) => o.textContent)),
      ).toEqual(unitCodes.map((c) => unitNames[c]));
      expect(await switcher.inputValue()).toBe(unitCode);
      expect((await page.getByTestId('officer-active-unit').innerText()).trim()).toBe(
        `Bạn đang làm việc tại ${unitNames[unitCode]}.`,
      );
      const roles = await page.getByTestId('officer-roles').locator('li').allInnerTexts();
      // The API orders grants its own way; the set is what matters.
      expect(roles.map((r) => r.trim()).sort()).toEqual(
        who.grants.map((g) => roleLabels[g.role].vi).sort(),
      );
      expect(await sessionOf(page)).toMatchObject({ authenticated: true });
      await screenshot(page, `officer-home-${vp}`);

      await page.getByTestId('officer-logout').click();
      await page.waitForURL(`${baseUrl}/can-bo/dang-nhap`);
      await page.getByTestId('officer-username').waitFor();
      expect(await page.getByTestId('officer-name').count()).toBe(0);
      expect(await sessionOf(page)).toMatchObject({ authenticated: false });
      // The back office is closed again.
      await page.goto(`${baseUrl}/can-bo`);
      await page.waitForURL(`${baseUrl}/can-bo/dang-nhap`);
      await page.getByTestId('officer-username').waitFor();
    } finally {
      await ctx.close();
    }
  });
});

describe('officer sign-in at a provincial department', () => {
  it('shows the department as the working unit', async () => {
    const who = demoOfficers.sotuphap;
    const desktop = viewports.find((v) => v.name === 'desktop');
    const ctx = await browser.newContext(desktop?.context);
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/can-bo/dang-nhap`);
      await fillLogin(page, who.username, await freshTotp(who.username));
      await page.getByTestId('officer-submit').click();
      await page.waitForURL(`${baseUrl}/can-bo`);
      await page.getByTestId('officer-name').waitFor();
      expect(await page.getByTestId('unit-switcher').inputValue()).toBe('66-STP');
      expect((await page.getByTestId('officer-active-unit').innerText()).trim()).toBe(
        `Bạn đang làm việc tại ${unitNames['66-STP']}.`,
      );
      expect(
        await page
          .getByTestId('unit-switcher')
          .locator('option')
          .evaluateAll((os) => os.map((o) => o.textContent)),
      ).toEqual([unitNames['66-STP']]);
      const roles = await page.getByTestId('officer-roles').locator('li').allInnerTexts();
      expect(roles.map((r) => r.trim()).sort()).toEqual(['Chuyên viên xử lý', 'Lãnh đạo đơn vị']);
      await screenshot(page, 'officer-home-department-desktop');
    } finally {
      await ctx.close();
    }
  });
});
