import { roleLabels } from '@cqs/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoOfficers } from '../apps/api/src/modules/identity/demo-accounts';
import { demoTotpSecret } from '../apps/api/src/modules/identity/officers.admin';
import { totpCode } from '../apps/api/src/modules/identity/totp';
import { launchBrowser, screenshot, viewports } from './browser';

const baseUrl = inject('baseUrl');

const STEP_MS = 30_000;
const WRONG_CREDENTIALS = 'Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng.';

/** Names the API gives the units of the demo grants (seeded reference data). */
const unitNames: Record<string, string> = {
  '24133': 'Phường Buôn Ma Thuột',
  '24373': 'Xã Ea Kar',
  '66-STP': 'Sở Tư pháp',
};

/** No demo officer has grants in two units, so each viewport takes one with several roles. */
const officerFor = {
  desktop: 'demo.eakar', // three roles at Xã Ea Kar
  mobile: 'demo.lanhdao.bmt', // two roles at Phường Buôn Ma Thuột
} as const;

function officer(username: string) {
  const found = demoOfficers.find((o) => o.username === username);
  if (!found) throw new Error(`no demo officer ${username}`);
  return found;
}

/** TOTP steps already spent in this file, per account: the server refuses a replayed step. */
const usedSteps = new Map<string, number>();

/** A code for a step this account has not used yet, waiting for the next step if needed. */
async function freshTotp(username: string): Promise<string> {
  const step = Math.floor(Date.now() / STEP_MS);
  const used = usedSteps.get(username);
  if (used !== undefined && used >= step) {
    const wait = (used + 1) * STEP_MS - Date.now() + 250;
    await new Promise((r) => setTimeout(r, wait));
  }
  const now = new Date();
  usedSteps.set(username, Math.floor(now.getTime() / STEP_MS));
  return totpCode(demoTotpSecret(username), now);
}

/** Six digits the server rejects: not the code of the current step nor of its neighbours. */
function wrongTotp(username: string): string {
  const secret = demoTotpSecret(username);
  const now = Date.now();
  const valid = new Set([-1, 0, 1].map((d) => totpCode(secret, new Date(now + d * STEP_MS))));
  let n = Number(totpCode(secret, new Date(now)));
  let candidate: string;
  do {
    n = (n + 1) % 1_000_000;
    candidate = String(n).padStart(6, '0');
  } while (valid.has(candidate));
  return candidate;
}

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
    const who = officer(officerFor[vp]);
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
    const who = officer('demo.sotuphap');
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
      expect(await page.getByTestId('officer-active-unit').innerText()).toContain(
        unitNames['66-STP'],
      );
      const roles = await page.getByTestId('officer-roles').locator('li').allInnerTexts();
      expect(roles.map((r) => r.trim()).sort()).toEqual(['Chuyên viên xử lý', 'Lãnh đạo đơn vị']);
      await screenshot(page, 'officer-home-department-desktop');
    } finally {
      await ctx.close();
    }
  });
});
