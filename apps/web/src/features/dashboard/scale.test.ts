import { describe, expect, it } from 'vitest';
import {
  bucketIndex,
  cutsFor,
  divergingPalette,
  makeScale,
  sequentialPalette,
  toVisualPieces,
} from './scale';

describe('map colour classes', () => {
  it('cuts rates at fixed shares, worst red to best blue', () => {
    const buckets = makeScale([0.2, 0.99], 'rate', 'higher_better');
    expect(buckets.map((b) => [b.lo, b.hi])).toEqual([
      [0, 0.5],
      [0.5, 0.7],
      [0.7, 0.85],
      [0.85, 0.95],
      [0.95, 1],
    ]);
    expect(buckets.map((b) => b.color)).toEqual([...divergingPalette]);
    expect(bucketIndex(0.49, buckets)).toBe(0);
    expect(bucketIndex(0.5, buckets)).toBe(1);
    expect(bucketIndex(0.95, buckets)).toBe(4);
    // The top of the last class belongs to it (100 % on time).
    expect(bucketIndex(1, buckets)).toBe(4);
    expect(bucketIndex(null, buckets)).toBe(-1);
    expect(bucketIndex(Number.NaN, buckets)).toBe(-1);
  });

  it('turns the palette round when less is better', () => {
    const buckets = makeScale([0, 3, 9, 12, 40], 'quantity', 'lower_better', true);
    expect(buckets[0]?.color).toBe(divergingPalette[4]);
    expect(buckets.at(-1)?.color).toBe(divergingPalette[0]);
  });

  it('uses quantile classes for counts, rounded to integers, distinct and ascending', () => {
    const values = [0, 0, 1, 2, 2, 3, 5, 8, 13, 21, null, undefined];
    const cuts = cutsFor(values, 'quantity', true);
    expect(cuts[0]).toBe(0);
    expect(cuts.at(-1)).toBe(21);
    for (let i = 1; i < cuts.length; i += 1) expect(cuts[i]).toBeGreaterThan(cuts[i - 1] ?? 0);
    for (const c of cuts) expect(Number.isInteger(c)).toBe(true);
    const buckets = makeScale(values, 'quantity', 'neutral', true);
    expect(buckets.length).toBe(cuts.length - 1);
    expect(buckets.length).toBeLessThanOrEqual(5);
    // Every value falls in exactly one class; the largest in the last, closed one.
    for (const v of [0, 1, 2, 3, 5, 8, 13, 21])
      expect(bucketIndex(v, buckets)).toBeGreaterThanOrEqual(0);
    expect(bucketIndex(21, buckets)).toBe(buckets.length - 1);
    expect(bucketIndex(22, buckets)).toBe(-1);
    expect(
      buckets
        .map((b) => b.color)
        .every((c) => (sequentialPalette as readonly string[]).includes(c)),
    ).toBe(true);
  });

  it('makes one class when every value is the same, and none without values', () => {
    const one = makeScale([4, 4, 4], 'quantity', 'higher_better', true);
    expect(one).toHaveLength(1);
    expect(bucketIndex(4, one)).toBe(0);
    expect(makeScale([null, undefined], 'quantity', 'higher_better')).toEqual([]);
  });

  it('gives ECharts pieces with an open top except the last', () => {
    const pieces = toVisualPieces(
      makeScale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantity', 'neutral', true),
    );
    expect(pieces.slice(0, -1).every((p) => 'lt' in p)).toBe(true);
    expect(pieces.at(-1)).toMatchObject({ lte: 10 });
  });
});
