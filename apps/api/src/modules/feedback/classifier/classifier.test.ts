import { FEEDBACK_CLASSIFY_CATEGORIES, foldVietnamese } from '@cqs/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FeedbackClassifier,
  loadDefaultClassifier,
  looksWrong,
  needsTriage,
  TRIAGE_THRESHOLD,
} from './classifier';
import { type Evaluation, evaluateClassifier } from './evaluate';
import { parseExamples, readExamples } from './examples';
import { featuresOf } from './features';
import { moderate } from './moderation';
import { isHeldOut, splitExamples } from './split';

const examples = readExamples();

describe('the shipped examples', () => {
  it('are at least 650, with at least 40 per category', () => {
    expect(examples.length).toBeGreaterThanOrEqual(650);
    for (const category of FEEDBACK_CLASSIFY_CATEGORIES) {
      expect(
        examples.filter((e) => e.category === category).length,
        category,
      ).toBeGreaterThanOrEqual(40);
    }
  });

  it('carry no phone number, ID number or e-mail (invented, no personal data)', () => {
    const personal = examples.filter((e) => moderate(e.text).reasons.some((r) => r !== 'abusive'));
    expect(personal).toEqual([]);
  });

  it('are split deterministically, about 20 % held out, every category on both sides', () => {
    const { train, heldOut } = splitExamples(examples);
    expect(splitExamples([...examples].reverse()).heldOut.length).toBe(heldOut.length);
    expect(heldOut.length / examples.length).toBeGreaterThan(0.12);
    expect(heldOut.length / examples.length).toBeLessThan(0.28);
    for (const category of FEEDBACK_CLASSIFY_CATEGORIES) {
      expect(train.some((e) => e.category === category)).toBe(true);
      expect(heldOut.some((e) => e.category === category)).toBe(true);
    }
    // The split is on the folded text: with or without marks, a sentence stays on its side.
    for (const e of examples.slice(0, 50)) {
      expect(isHeldOut(foldVietnamese(e.text))).toBe(isHeldOut(e.text));
    }
  });

  it('rejects a bad line with its number', () => {
    expect(() =>
      parseExamples('{"text":"a","category":"giao-thong"}\n{"text":"b","category":"xyz"}'),
    ).toThrow(/:2:/);
    expect(() => parseExamples('{oops')).toThrow(/:1: not valid JSON/);
  });
});

describe('features', () => {
  it('meet with and without marks, and spell out teen-code', () => {
    expect(featuresOf('Đèn đường KO sáng')).toEqual(featuresOf('den duong k sang'));
    expect(featuresOf('đg ngập ko đi dc')).toContain('duong');
    expect(featuresOf('đg ngập ko đi dc')).toContain('khong di');
    // "hong" stays "hỏng" (broken), not a spelling of "không".
    expect(featuresOf('den bi hong')).toContain('hong');
  });
});

describe('held-out evaluation (trained on the training side only)', () => {
  let evaluation: Evaluation;
  beforeAll(() => {
    evaluation = evaluateClassifier(examples);
  });

  it('reaches at least 80 % accuracy', () => {
    expect(evaluation.heldOutSize).toBeGreaterThan(100);
    expect(evaluation.trainSize + evaluation.heldOutSize).toBe(examples.length);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('reports the recall of every category', () => {
    expect(evaluation.perCategory.map((c) => c.category)).toEqual([
      ...FEEDBACK_CLASSIFY_CATEGORIES,
    ]);
    for (const row of evaluation.perCategory) {
      expect(row.total, row.category).toBeGreaterThan(0);
      expect(row.recall, row.category).toBeCloseTo(row.correct / row.total);
      expect(row.correct + row.confusedWith.reduce((s, c) => s + c.count, 0)).toBe(row.total);
    }
  });

  it('is more often right when confident (the triage threshold means something)', () => {
    expect(evaluation.confident.accuracy).toBeGreaterThan(evaluation.accuracy);
    expect(evaluation.confident.accuracy).toBeGreaterThanOrEqual(0.88);
  });

  it('prints a reliability table covering every held-out answer', () => {
    expect(evaluation.calibration.reduce((sum, band) => sum + band.count, 0)).toBe(
      evaluation.heldOutSize,
    );
    const top = evaluation.calibration.at(-1);
    expect(top?.count).toBeGreaterThan(0);
    expect(top?.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('classify', () => {
  const classifier = loadDefaultClassifier();

  // None of these sentences is in examples.jsonl (checked below).
  const cases: [string, string][] = [
    ['Đèn đường ở đường Lê Duẩn bị hỏng mấy hôm nay tối om', 'dien-chieu-sang'],
    ['o ga to giua duong nguyen tat thanh rat nguy hiem', 'giao-thong'],
    ['hàng xóm hát karaoke đến 12h đêm', 'an-ninh-trat-tu'],
    ['heo nhà tôi bị dịch tả châu Phi', 'nong-nghiep'],
    ['Rác thải ko ai thu gom ở đầu hẻm, bốc mùi', 'moi-truong'],
    ['nuoc may bi mat 2 ngay nay', 'cap-thoat-nuoc'],
    ['cán bộ xã hẹn trả hồ sơ mà trễ hẹn', 'dich-vu-cong'],
    ['Quán cà phê bày bàn ghế chiếm hết vỉa hè', 'trat-tu-do-thi'],
    ['Trường học thu tiền quá nhiều khoản', 'giao-duc'],
    ['Gia đình hộ nghèo không được nhận trợ cấp', 'an-sinh-xa-hoi'],
    ['Ăn ở quán xong cả nhà bị ngộ độc thực phẩm', 'y-te'],
    ['Tranh chấp ranh giới đất với hàng xóm chưa được giải quyết', 'dat-dai'],
    ['Xin chào, cho mình hỏi chút', 'khac'],
  ];

  it.each(cases)('"%s" → %s, with and without marks', (text, category) => {
    expect(examples.some((e) => foldVietnamese(e.text) === foldVietnamese(text))).toBe(false);
    const marked = classifier.classify(text);
    expect(marked.category).toBe(category);
    expect(classifier.classify(foldVietnamese(text)).category).toBe(category);
  });

  it('answers a probability and the three next categories', () => {
    const result = classifier.classify('Đèn đường ở đường Lê Duẩn bị hỏng mấy hôm nay tối om');
    expect(result.confidence).toBeGreaterThan(TRIAGE_THRESHOLD);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.alternatives).toHaveLength(3);
    const all = [result, ...result.alternatives];
    expect(new Set(all.map((a) => a.category)).size).toBe(4);
    for (let i = 1; i < all.length; i++) {
      expect(all[i]?.confidence).toBeLessThanOrEqual(all[i - 1]?.confidence ?? 1);
    }
    const full = classifier.distribution('Đèn đường ở đường Lê Duẩn bị hỏng');
    expect(full).toHaveLength(FEEDBACK_CLASSIFY_CATEGORIES.length);
    expect(full.reduce((s, d) => s + d.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('is unsure about text it has no word for', () => {
    const result = classifier.classify('asdf qwer zxcv');
    expect(needsTriage(result)).toBe(true);
  });

  it('trains from any examples, deterministically', () => {
    const few = [
      { text: 'đèn đường hỏng', category: 'dien-chieu-sang' as const },
      { text: 'ổ gà trên đường', category: 'giao-thong' as const },
    ];
    const a = FeedbackClassifier.fromExamples(few).classify('đèn đường tắt');
    const b = FeedbackClassifier.fromExamples(few).classify('đèn đường tắt');
    expect(a).toEqual(b);
    expect(a.category).toBe('dien-chieu-sang');
  });
});

describe('needsTriage and looksWrong', () => {
  const result = (category: string, confidence: number, alternatives: [string, number][] = []) =>
    ({
      category,
      confidence,
      alternatives: alternatives.map(([c, p]) => ({ category: c, confidence: p })),
    }) as Parameters<typeof needsTriage>[0];

  it('sends unsure answers and "other" to an officer', () => {
    expect(needsTriage(result('giao-thong', 0.9))).toBe(false);
    expect(needsTriage(result('giao-thong', TRIAGE_THRESHOLD))).toBe(false);
    expect(needsTriage(result('giao-thong', TRIAGE_THRESHOLD - 0.01))).toBe(true);
    expect(needsTriage(result('khac', 0.95))).toBe(true);
  });

  it('flags a chosen category only when the text strongly says otherwise', () => {
    const sure = result('dien-chieu-sang', 0.92, [
      ['giao-thong', 0.05],
      ['cap-thoat-nuoc', 0.01],
      ['y-te', 0.01],
    ]);
    expect(looksWrong('dien-chieu-sang', sure)).toBe(false);
    expect(looksWrong('giao-thong', sure)).toBe(false); // plausible second choice
    expect(looksWrong('cap-thoat-nuoc', sure)).toBe(true);
    expect(looksWrong('giao-duc', sure)).toBe(true); // not even in the top four
    expect(looksWrong('khac', sure)).toBe(false); // "other" is always allowed
    expect(looksWrong('giao-duc', result('dien-chieu-sang', 0.6))).toBe(false); // model unsure
  });

  it('on real text: power report filed under schools looks wrong, under roads not always', () => {
    const r = loadDefaultClassifier().classify('Cúp điện cả ngày, đèn đường cũng không sáng');
    expect(r.category).toBe('dien-chieu-sang');
    expect(looksWrong('giao-duc', r)).toBe(true);
    expect(looksWrong('dien-chieu-sang', r)).toBe(false);
  });
});
