import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, PAGE_CSP, renderErrorPage, renderLoginPage } from './interaction-page';
import { type SampleResident, sampleResidents } from './sample-residents';

describe('escapeHtml', () => {
  it('escapes markup and attribute delimiters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;',
    );
  });
});

describe('renderLoginPage', () => {
  const hostile: SampleResident = {
    ...(sampleResidents[0] as SampleResident),
    sub: 'x"><script>alert(1)</script>',
    name: '<img src=x onerror=alert(1)>',
  };

  it('escapes every interpolated value', () => {
    const html = renderLoginPage({
      uid: 'uid"<',
      clientId: '<script>alert("client")</script>',
      residents: [hostile],
      errorMessage: '<b>lỗi</b>',
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;client&quot;)&lt;/script&gt;');
    expect(html).toContain('action="/interaction/uid%22%3C/login"');
  });

  it('preselects the requested resident, else the first one', () => {
    const second = sampleResidents[1]?.sub ?? '';
    const checkedSub = (html: string) =>
      html.match(/<input type="radio"[^>]*value="([^"]+)"[^>]*checked>/)?.[1];

    const base = { uid: 'u1', clientId: 'c', residents: sampleResidents };
    expect(checkedSub(renderLoginPage(base))).toBe(sampleResidents[0]?.sub);
    expect(checkedSub(renderLoginPage({ ...base, selectedSub: second }))).toBe(second);
    expect(checkedSub(renderLoginPage({ ...base, selectedSub: 'unknown' }))).toBe(
      sampleResidents[0]?.sub,
    );
  });

  it('allows exactly its inline stylesheet in the CSP', () => {
    const html = renderErrorPage('Lỗi', 'x');
    const css = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const hash = createHash('sha256').update(css).digest('base64');
    expect(PAGE_CSP).toContain(`'sha256-${hash}'`);
    expect(PAGE_CSP).toContain("default-src 'none'");
  });
});
