import { CompoundLexicon } from '@cqs/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { vietnameseLexicon } from './catalogue.lexicon';
import { nameHead, ProcedureSearchIndex, searchDocFrom } from './catalogue.search';
import { loadCatalogueRecords } from './catalogue.seed-data';

let withWords: ProcedureSearchIndex;
let withoutWords: ProcedureSearchIndex;

beforeAll(() => {
  const docs = loadCatalogueRecords().map((r) =>
    searchDocFrom({
      code: r.code,
      name: r.name,
      field: r.field,
      documents: r.documents,
      results: r.results,
    }),
  );
  withWords = new ProcedureSearchIndex(docs);
  withoutWords = new ProcedureSearchIndex(docs, { lexicon: CompoundLexicon.empty });
}, 120_000);

const first = (index: ProcedureSearchIndex, q: string) => index.search(q)[0]?.code;

describe('the Viet74K word list', () => {
  it('loads from @vntk/dictionary with its compounds', () => {
    const lexicon = vietnameseLexicon();
    expect(lexicon.size).toBeGreaterThan(50_000);
    expect(
      lexicon.has([
        { raw: 'hộ', term: 'ho' },
        { raw: 'chiếu', term: 'chieu' },
      ]),
    ).toBe(true);
  });
});

describe('dictionary compounds in the catalogue search', () => {
  it('keeps only the catalogue’s own compounds for unmarked queries', () => {
    const words = (q: string) =>
      withWords.plan(q).groups.map((g) => g.alternatives[0]!.terms.join(' '));
    // "phi bao" could spell some word of the list, but no procedure says it.
    expect(words('le phi bao nhieu')).not.toContain('phi bao');
    expect(words('le phi bao nhieu')).toContain('le phi');
    expect(words('che do thai san')).toEqual(['che do', 'thai san']);
  });

  it('does not read a synonym across two words ("xác nhận | nuôi trồng" is no "nhận nuôi")', () => {
    expect(first(withWords, 'xac nhan nuoi trong thuy san')).toBe('1.014801');
    const rewritten = (index: ProcedureSearchIndex) =>
      index
        .plan('xác nhận nuôi trồng thủy sản')
        .groups.flatMap((g) => g.alternatives.map((a) => a.terms.join(' ')));
    expect(rewritten(withWords)).not.toContain('nuoi con nuoi');
    expect(rewritten(withoutWords)).toContain('nuoi con nuoi');
  });

  it('still finds the common procedures first', () => {
    for (const [q, code] of [
      ['làm hộ chiếu', '1.001456'],
      ['nhận nuôi con nuôi', '2.001263'],
      ['chứng thực chữ ký', '2.000884'],
      ['dang ky khai sinh', '1.001193'],
    ] as const) {
      expect(first(withWords, q), q).toBe(code);
    }
  });
});

describe('name heads', () => {
  it('cut the qualifiers, but not a list of verbs at the start', () => {
    expect(nameHead('Cấp thẻ căn cước cho người dưới 14 tuổi')).toBe('Cấp thẻ căn cước');
    expect(nameHead('Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè, đối tượng')).toBe(
      'Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè',
    );
    expect(nameHead('Đăng ký thành lập hộ kinh doanh')).toBe('Đăng ký thành lập hộ kinh doanh');
  });
});
