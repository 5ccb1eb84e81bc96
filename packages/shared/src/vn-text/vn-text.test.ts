import { describe, expect, it } from 'vitest';
import { foldVietnamese as legacyFold } from '../text';
import {
  analyze,
  canonicalSyllable,
  compileSynonyms,
  expandQuery,
  foldVietnamese,
  removeStopWords,
  tokenize,
} from './index';

describe('folding and tokenizing', () => {
  it('folds marks, đ and both tone placements to one form (old import path still works)', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('Hòa')).toBe(foldVietnamese('Hoà'));
    expect(foldVietnamese('hòa'.normalize('NFD'))).toBe('hoa');
    expect(legacyFold).toBe(foldVietnamese);
  });

  it('makes a lone final i/y after a consonant one letter, but keeps diphthongs', () => {
    expect(['ky', 'ki', 'ly', 'my', 'quy', 'ty'].map(canonicalSyllable)).toEqual([
      'ki',
      'ki',
      'li',
      'mi',
      'qui',
      'ti',
    ]);
    expect(['tuy', 'thuy', 'tay', 'y'].map(canonicalSyllable)).toEqual(['tuy', 'thuy', 'tay', 'y']);
  });

  it('splits into syllables, keeping the marked form beside the folded term', () => {
    expect(tokenize('Cấp thẻ căn cước (14 tuổi)')).toEqual([
      { raw: 'cấp', term: 'cap' },
      { raw: 'thẻ', term: 'the' },
      { raw: 'căn', term: 'can' },
      { raw: 'cước', term: 'cuoc' },
      { raw: '14', term: '14' },
      { raw: 'tuổi', term: 'tuoi' },
    ]);
  });

  it('drops stop words by their marked form, and unmarked only where unambiguous', () => {
    const terms = (s: string) => removeStopWords(tokenize(s)).map((t) => t.term);
    expect(terms('Thủ tục đăng ký tại xã')).toEqual(['dang', 'ki', 'xa']);
    // "tài sản" keeps "tài", though "tại" is a stop word; "toi" may be "tội", so it stays.
    expect(terms('tài sản')).toEqual(['tai', 'san']);
    expect(terms('toi muon hoi thu tuc cua xa')).toEqual(['toi', 'muon', 'hoi', 'xa']);
    expect(analyze('tôi muốn hỏi thủ tục của xã như thế nào')).toEqual(['xa']);
  });
});

describe('expandQuery', () => {
  const alternatives = (q: string) =>
    expandQuery(q).groups.map((g) => g.alternatives.map((a) => a.terms.join(' ')));

  it('expands abbreviations both ways', () => {
    expect(alternatives('cấp CCCD')[1]).toEqual(
      expect.arrayContaining(['cccd', 'can cuoc', 'the can cuoc', 'cmnd', 'chung minh nhan dan']),
    );
    expect(alternatives('giấy phép lái xe')[0]).toEqual(
      expect.arrayContaining(['giay phep lai xe', 'gplx']),
    );
    for (const [q, expected] of [
      ['LLTP', 'li lich tu phap'],
      ['BHYT', 'bao hiem y te'],
      ['ĐKKD', 'dang ki kinh doanh'],
      ['HKD', 'ho kinh doanh'],
      ['GCN', 'giay chung nhan'],
      ['so do', 'giay chung nhan quyen su dung dat'],
      ['sổ hộ khẩu', 'thuong tru'],
      ['khai sinh', 'giay khai sinh'],
    ] as const) {
      expect(alternatives(q)[0], q).toContain(expected);
    }
  });

  it('rewrites colloquial verbs one way only, weighting what was typed less', () => {
    const plan = expandQuery('làm giấy khai sinh');
    expect(plan.groups[0]!.alternatives).toEqual([
      { terms: ['lam', 'giay'], weight: 0.3, kind: 'typed' },
      { terms: ['dang', 'ki'], weight: 0.8, kind: 'rewrite' },
      { terms: ['cap'], weight: 0.8, kind: 'rewrite' },
    ]);
    expect(alternatives('cấp')).toEqual([['cap']]);
  });

  it('matches the longest phrase first and marks the last group', () => {
    const plan = expandQuery('cấp giấy chứng nhận quyền sử dụng đất');
    expect(plan.groups).toHaveLength(2);
    expect(plan.groups[1]!.alternatives[0]!.terms.join(' ')).toBe(
      'giay chung nhan quyen su dung dat',
    );
    expect(plan.groups.map((g) => g.last)).toEqual([false, true]);
  });

  it('returns no groups for an empty or stop-word-only query', () => {
    expect(expandQuery('').groups).toEqual([]);
    expect(expandQuery('thủ tục như thế nào').groups).toEqual([]);
  });

  it('compiles any table (an edited table takes effect without code changes)', () => {
    const table = compileSynonyms([{ phrases: ['trích lục', 'bản sao'] }], []);
    expect(
      expandQuery('bản sao', table).groups[0]!.alternatives.map((a) => a.terms.join(' ')),
    ).toEqual(['ban sao', 'trich luc']);
  });
});
