import { describe, expect, it } from 'vitest';
import { isHttpUrl, ShowcaseContent, ShowcaseLink, showcaseParagraphs } from './showcase';

describe('showcase links: http and https addresses only', () => {
  it.each([
    'https://www.facebook.com/ten-trang',
    'http://example.com/a?b=1#c',
    'https://tiktok.com/@nguoi.dai.dien',
    'https://cà-phê.vn/trang',
  ])('sc-18 accepts %s', (url) => {
    expect(isHttpUrl(url)).toBe(true);
    expect(ShowcaseLink.safeParse({ label: 'Trang', url }).success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.com/file',
    'mailto:a@example.com',
    '//example.com/no-scheme',
    '/relative/path',
    'www.facebook.com/ten-trang',
    'https://user:pass@example.com/',
    'https://localhost/',
    'https://exa mple.com/',
    'https://example.com/"onmouseover="x',
    '',
  ])('sc-18 refuses %j', (url) => {
    expect(isHttpUrl(url.trim())).toBe(false);
    const parsed = ShowcaseLink.safeParse({ label: 'Trang', url });
    expect(parsed.success).toBe(false);
  });

  it('sc-18 says how to fix a refused link, in Vietnamese', () => {
    const parsed = ShowcaseLink.safeParse({ label: 'Trang', url: 'javascript:alert(1)' });
    expect(parsed.error?.issues[0]?.message).toMatch(/bắt đầu bằng http:\/\/ hoặc https:\/\//);
  });
});

describe('showcase content', () => {
  it('refuses OCOP ratings other than 3, 4, 5 or none, and duplicate product ids', () => {
    const product = {
      id: '5f0c7d3e-1b2a-4c3d-8e9f-0a1b2c3d4e5f',
      name: 'Cà phê',
      description: '',
      producerName: '',
      producerContact: '',
      priceText: '',
      imageIds: [],
    };
    const base = { introduction: 'x', coverImageId: null, gallery: [], ambassadors: [] };
    for (const ocopStars of [3, 4, 5, null]) {
      expect(
        ShowcaseContent.safeParse({ ...base, products: [{ ...product, ocopStars }] }).success,
      ).toBe(true);
    }
    for (const ocopStars of [0, 1, 2, 6, '4']) {
      expect(
        ShowcaseContent.safeParse({ ...base, products: [{ ...product, ocopStars }] }).success,
      ).toBe(false);
    }
    const twice = { ...product, ocopStars: null };
    expect(ShowcaseContent.safeParse({ ...base, products: [twice, twice] }).success).toBe(false);
  });

  it('splits an introduction into paragraphs at empty lines', () => {
    expect(showcaseParagraphs('Một\ndòng hai\n\n  \r\nHai\n\n\nBa ')).toEqual([
      'Một\ndòng hai',
      'Hai',
      'Ba',
    ]);
  });
});
