import { type SampleResident, sampleResidents } from '@cqs/api/src/idp/sample-residents';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, viewports } from './browser';

const baseUrl = inject('baseUrl');
const idpPort = inject('idpPort');

function resident(sub: string): SampleResident {
  const found = sampleResidents.find((r) => r.sub === sub);
  if (!found) throw new Error(`no sample resident ${sub}`);
  return found;
}

/** Level-2 residents with names that need care: an apostrophe, Vietnamese diacritics. */
const residentFor = {
  desktop: resident('demo-resident-03'), // Trần Thị Thu Hà, Phường Tuy Hòa
  mobile: resident('demo-resident-01'), // H'Linh Niê, Phường Buôn Ma Thuột
} as const;

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

/** On the local IdP's page: check it says what it is, choose the resident, submit. */
async function signInAtIdp(page: Page, who: SampleResident, shot?: string): Promise<void> {
  await page.waitForURL(/\/interaction\/[A-Za-z0-9_-]+$/);
  const idp = new URL(page.url());
  // The provider's issuer is http://localhost:<LOCAL_IDP_PORT> (it does not follow PUBLIC_URL).
  expect(['127.0.0.1', 'localhost']).toContain(idp.hostname);
  expect(idp.port).toBe(String(idpPort));
  const banner = page.locator('header.banner');
  await expect.poll(() => banner.innerText()).toContain('KHÔNG PHẢI VNeID');
  expect(await banner.innerText()).toContain('Nhà cung cấp định danh dùng cho phát triển');
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');

  const radio = page.getByTestId(`resident-${who.sub}`);
  const label = page.locator(`label[for="resident-${who.sub}"]`);
  expect(await label.innerText()).toContain(who.name);
  expect(await label.innerText()).toContain(who.commune.fullName);
  expect(await label.innerText()).toContain(`Mức ${who.level}`);
  // Every sample resident is offered.
  expect(await page.locator('input[type="radio"][name="account"]').count()).toBe(
    sampleResidents.length,
  );
  if (shot) await screenshot(page, shot);

  await radio.check();
  expect(await radio.isChecked()).toBe(true);
  await page.getByTestId('idp-login').click();
}

async function expectSignedInAs(page: Page, who: SampleResident): Promise<void> {
  const name = page.getByTestId('resident-name');
  await name.waitFor();
  expect((await name.innerText()).trim()).toBe(who.name);
  expect((await page.getByTestId('resident-commune').innerText()).trim()).toBe(
    who.commune.fullName,
  );
  expect((await page.getByTestId('resident-assurance').innerText()).trim()).toBe(
    `Mức định danh: ${who.level}`,
  );
  expect(await page.getByTestId('login-button').count()).toBe(0);
  expect(await sessionOf(page)).toMatchObject({ authenticated: true });
}

describe.each(viewports)('resident sign-in ($name)', ({ name: vp, context }) => {
  it('signs in through the development IdP, shows who, and signs out', async () => {
    const who = residentFor[vp];
    const ctx = await browser.newContext(context);
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/`);
      const login = page.getByTestId('login-button');
      await login.waitFor();
      expect((await login.innerText()).trim()).toBe('Đăng nhập');
      // The province name is joined by a no-break space so that it never wraps apart.
      expect((await page.locator('h1').innerText()).replace(/\u00a0/g, ' ')).toBe(
        'Dịch vụ công tỉnh Đắk Lắk',
      );
      expect(await sessionOf(page)).toMatchObject({ authenticated: false });
      await screenshot(page, `resident-home-${vp}`);

      expect(await login.getAttribute('href')).toBe(
        `/api/auth/oidc/start?returnTo=${encodeURIComponent('/')}`,
      );
      await login.click();
      await signInAtIdp(page, who, `resident-idp-${vp}`);

      await page.waitForURL(`${baseUrl}/`);
      await expectSignedInAs(page, who);
      // The home page's "your commune" card links to the resident's commune.
      const communeLink = page.getByTestId('your-commune-link');
      expect(await communeLink.getAttribute('href')).toBe(`/xa-phuong/${who.commune.code}`);
      expect(await communeLink.innerText()).toContain(who.commune.fullName);
      await screenshot(page, `resident-signed-in-${vp}`);

      await page.getByTestId('logout-button').click();
      await page.getByTestId('login-button').waitFor();
      expect(await page.getByTestId('resident-name').count()).toBe(0);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await sessionOf(page)).toMatchObject({ authenticated: false });
      // A reload does not bring the session back.
      await page.reload();
      await page.getByTestId('login-button').waitFor();
      expect(await page.getByTestId('resident-name').count()).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});

describe('resident sign-in return path', () => {
  it('comes back to the page where sign-in started', async () => {
    const who = resident('demo-resident-07'); // Phạm Quốc Bảo, Phường Sông Cầu
    const mobile = viewports.find((v) => v.name === 'mobile');
    const ctx = await browser.newContext(mobile?.context);
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseUrl}/xa-phuong/22015`);
      await page.getByTestId('unit-detail').waitFor();
      const login = page.getByTestId('login-button');
      expect(await login.getAttribute('href')).toBe(
        `/api/auth/oidc/start?returnTo=${encodeURIComponent('/xa-phuong/22015')}`,
      );
      await login.click();
      await signInAtIdp(page, who);

      await page.waitForURL(`${baseUrl}/xa-phuong/22015`);
      await expectSignedInAs(page, who);
      const detail = page.getByTestId('unit-detail');
      await detail.waitFor();
      expect(await detail.locator('h1').innerText()).toBe('Phường Tuy Hòa');
      await screenshot(page, 'resident-return-to-mobile');
    } finally {
      await ctx.close();
    }
  });
});
