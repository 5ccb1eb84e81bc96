import { describe, expect, it } from 'vitest';
import { foldVietnamese as legacyFold } from '../text';
import {
  analyze,
  CompoundLexicon,
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

describe('the same query however it is typed', () => {
  const terms = (q: string) => expandQuery(q).groups.map((g) => g.alternatives[0]!.terms.join(' '));

  it('reads NFD input, both tone placements and unaccented typing as one query', () => {
    const nfc = 'đăng ký kết hôn Hòa Thắng';
    expect(terms(nfc)).toEqual(['dang ki ket hon', 'hoa', 'thang']);
    expect(terms(nfc.normalize('NFD'))).toEqual(terms(nfc));
    expect(terms('đăng ký kết hôn Hoà Thắng')).toEqual(terms(nfc));
    expect(terms('dang ky ket hon hoa thang')).toEqual(terms(nfc));
    expect(terms('DANG KI KET HON HOA THANG')).toEqual(terms(nfc));
  });

  it('expands the abbreviations and colloquial names residents use', () => {
    const first = (q: string) =>
      expandQuery(q).groups[0]!.alternatives.map((a) => a.terms.join(' '));
    for (const [q, expected] of [
      ['CCCD', 'the can cuoc'],
      ['cmt', 'can cuoc'],
      ['GPLX', 'giay phep lai xe'],
      ['sổ hồng', 'giay chung nhan quyen su dung dat'],
      ['bia do', 'giay chung nhan quyen su dung dat'],
      ['hộ khẩu', 'thuong tru'],
      ['KT3', 'tam tru'],
      ['báo tạm vắng', 'tam vang'],
      ['lý lịch tư pháp', 'lltp'],
      ['BHXH', 'bao hiem xa hoi'],
      ['thẻ BHYT', 'the bao hiem y te'],
      ['ĐKKD', 'dang ki kinh doanh'],
      ['GCN', 'giay chung nhan'],
      ['UBND', 'uy ban nhan dan'],
      ['báo tử', 'khai tu'],
      ['cưới', 'ket hon'],
      ['ly dị', 'li hon'],
      ['hôn thú', 'ket hon'],
      ['GPXD', 'giay phep xay dung'],
      ['xin phép xây nhà', 'giay phep xay dung'],
      ['đk', 'dang ki'],
      ['ks', 'khai sinh'],
      ['passport', 'ho chieu'],
    ] as const) {
      expect(first(q), q).toContain(expected);
    }
  });

  it('keeps full weight on catalogue words that are also rewritten ("hợp đồng" → giao dịch)', () => {
    const plan = expandQuery('hợp đồng');
    expect(plan.groups[0]!.alternatives).toEqual([
      { terms: ['hop', 'dong'], weight: 1, kind: 'typed' },
      { terms: ['giao', 'dich'], weight: 0.8, kind: 'rewrite' },
    ]);
    // Colloquial words count less than what they stand for.
    expect(expandQuery('làm').groups[0]!.alternatives[0]!.weight).toBeLessThan(1);
  });

  it('marks situations with several possible procedures as choices', () => {
    const alternatives = expandQuery('mất giấy khai sinh').groups[0]!.alternatives;
    expect(alternatives.filter((a) => a.choice).map((a) => a.terms.join(' '))).toEqual([
      'ban sao giay khai sinh',
      'dang ki lai khai sinh',
    ]);
  });
});

describe('dictionary compounds', () => {
  const lexicon = CompoundLexicon.fromWords([
    'hộ chiếu',
    'giám hộ',
    'xác nhận',
    'nuôi trồng',
    'con nuôi',
    'giấy khai sinh',
    'khai sinh',
    'chế độ',
    'cơ yếu',
    'yếu tố',
    'a-dốt',
    'hộ',
  ]);
  const words = (text: string) => {
    const tokens = tokenize(text);
    return lexicon.segment(tokens).map((w) =>
      tokens
        .slice(w.start, w.end)
        .map((t) => t.raw)
        .join(' '),
    );
  };

  it('keeps words of two to four syllables, without hyphenated loans', () => {
    expect(lexicon.size).toBe(10);
    expect(lexicon.has(tokenize('hộ chiếu'))).toBe(true);
    expect(lexicon.has(tokenize('hộ'))).toBe(false);
  });

  it('splits text into the fewest words, so a compound never straddles two words', () => {
    expect(words('cấp hộ chiếu')).toEqual(['cấp', 'hộ chiếu']);
    expect(words('xác nhận nuôi trồng thủy sản')).toEqual([
      'xác nhận',
      'nuôi trồng',
      'thủy',
      'sản',
    ]);
    expect(lexicon.compoundTokens(tokenize('xác nhận nuôi trồng'))).toEqual([
      'xac_nhan',
      'nuoi_trong',
    ]);
    // Nested words are index tokens too: "giấy khai sinh" also says "khai sinh".
    expect(lexicon.compoundTokens(tokenize('bản sao giấy khai sinh'))).toEqual([
      'giay_khai_sinh',
      'khai_sinh',
    ]);
  });

  it('compares with marks when the text has them, folded when it has none', () => {
    // "nuôi trong" (in) is not "nuôi trồng" (to farm) when typed with marks…
    expect(words('nuôi trong nước')).toEqual(['nuôi', 'trong', 'nước']);
    // …but typed without marks it may be; "hoà"/"hòa" and NFD do not matter.
    expect(words('nuoi trong')).toEqual(['nuoi trong']);
    expect(words('chế độ'.normalize('NFD'))).toEqual(['chế độ']);
  });

  it('keeps only attested unmarked spellings when asked (chance pairs are not words)', () => {
    const attested = lexicon.withUnmarked(['ho_chieu']);
    const tokens = tokenize('che do');
    expect(attested.segment(tokens)).toHaveLength(2);
    expect(attested.segment(tokenize('ho chieu'))).toHaveLength(1);
    // With marks the whole list still counts.
    expect(attested.segment(tokenize('chế độ'))).toHaveLength(1);
  });

  it('makes a compound of the query one concept: the word, or its syllables anywhere', () => {
    const plan = expandQuery('xác nhận nuôi trồng thủy sản', undefined, lexicon);
    expect(plan.groups).toHaveLength(4);
    expect(plan.groups[1]!.alternatives).toEqual([
      { terms: ['nuoi', 'trong'], weight: 1, kind: 'loose' },
      { terms: ['nuoi', 'trong'], weight: 0.5, kind: 'compound' },
    ]);
    // Nor does a phrase of the synonym table straddle two words: without the lexicon,
    // "xác nhận nuôi trồng" would hold "nhận nuôi" (→ nuôi con nuôi).
    const words = (plan: ReturnType<typeof expandQuery>) =>
      plan.groups.flatMap((g) => g.alternatives.map((a) => a.terms.join(' ')));
    expect(words(plan)).not.toContain('nuoi con nuoi');
    expect(words(expandQuery('xác nhận nuôi trồng thủy sản'))).toContain('nuoi con nuoi');
  });
});
