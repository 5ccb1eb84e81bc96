import { describe, expect, it } from 'vitest';
import { replyBlocks } from './reply-blocks';
import { citationHref, isLocalPath } from './section-anchor';

describe('replyBlocks', () => {
  it('turns "- " lines into one list per run and other lines into paragraphs', () => {
    const text =
      'Phí, lệ phí của thủ tục «Đăng ký khai sinh» (mã 1.001193):\n- Trực tuyến: Miễn phí\n- Trực tiếp: Miễn phí\n\n* Lưu ý:\n- Một mục';
    expect(replyBlocks(text)).toEqual([
      { kind: 'paragraph', text: 'Phí, lệ phí của thủ tục «Đăng ký khai sinh» (mã 1.001193):' },
      { kind: 'list', items: ['Trực tuyến: Miễn phí', 'Trực tiếp: Miễn phí'] },
      { kind: 'paragraph', text: '* Lưu ý:' },
      { kind: 'list', items: ['Một mục'] },
    ]);
  });

  it('keeps markup as text (nothing is interpreted as HTML) and handles CRLF', () => {
    expect(replyBlocks('<b>a</b>\r\n- <img src=x>')).toEqual([
      { kind: 'paragraph', text: '<b>a</b>' },
      { kind: 'list', items: ['<img src=x>'] },
    ]);
  });

  it('does not treat a hyphenated word or a negative number as a bullet', () => {
    expect(replyBlocks('-5 độ\nH15.50-261008')).toEqual([
      { kind: 'paragraph', text: '-5 độ' },
      { kind: 'paragraph', text: 'H15.50-261008' },
    ]);
  });
});

describe('citation links', () => {
  const citation = {
    type: 'procedure' as const,
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    url: '/thu-tuc/1.001193',
  };

  it('point at the section of the procedure page', () => {
    expect(citationHref({ ...citation, section: 'fees' })).toBe('/thu-tuc/1.001193#fee');
    expect(citationHref({ ...citation, section: 'legal_basis' })).toBe('/thu-tuc/1.001193#legal');
    expect(citationHref({ ...citation, section: 'overview' })).toBe('/thu-tuc/1.001193');
  });

  it('only follow paths inside the site', () => {
    expect(isLocalPath('/nop-ho-so/1.001193')).toBe(true);
    expect(isLocalPath('//evil.example/x')).toBe(false);
    expect(isLocalPath('https://evil.example/x')).toBe(false);
    expect(isLocalPath('javascript:alert(1)')).toBe(false);
  });
});
