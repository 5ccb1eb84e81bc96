import { describe, expect, it } from 'vitest';
import { vndInWords } from './payments.words';

describe('vndInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5_000, 'Năm nghìn đồng'],
    [10_000, 'Mười nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [25_000, 'Hai mươi lăm nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [150_000, 'Một trăm năm mươi nghìn đồng'],
    [400_000, 'Bốn trăm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [2_011_000, 'Hai triệu không trăm mười một nghìn đồng'],
    [1_250_000_000, 'Một tỷ hai trăm năm mươi triệu đồng'],
  ])('%i → %s', (amount, words) => {
    expect(vndInWords(amount)).toBe(words);
  });

  it('refuses fractions and negative amounts', () => {
    expect(() => vndInWords(1.5)).toThrow();
    expect(() => vndInWords(-1)).toThrow();
  });
});
