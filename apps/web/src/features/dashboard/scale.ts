/**
 * Colour classes of the commune map (pure, tested). Rates use fixed cut-offs that read the same in
 * every period (50 %, 70 %, 85 %, 95 %); counts and points use quantile classes of the values shown,
 * rounded for integers. Colours come from ColorBrewer's colour-blind-safe RdYlBu (worse → better)
 * or Blues (more → darker) when more is neither better nor worse. Colour only repeats the number:
 * the legend and the table say it in words.
 */

export type ScaleKind = 'rate' | 'quantity';
export type Direction = 'higher_better' | 'lower_better' | 'neutral';

export interface Bucket {
  /** Inclusive lower bound. */
  lo: number;
  /** Upper bound: exclusive, except for the last bucket (`closed`). */
  hi: number;
  closed: boolean;
  color: string;
}

/** Worse → better. */
export const divergingPalette = ['#d7191c', '#fdae61', '#ffffbf', '#abd9e9', '#2c7bb6'] as const;
/** Less → more. */
export const sequentialPalette = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Communes with nothing to show (no dossiers, no reports in the period). */
export const noDataColor = '#e6e8eb';

export const rateCuts = [0, 0.5, 0.7, 0.85, 0.95, 1] as const;

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

/** Boundaries of the classes, ascending and distinct (first = lowest value, last = highest). */
export function cutsFor(
  values: readonly (number | null | undefined)[],
  kind: ScaleKind,
  integer = false,
): number[] {
  if (kind === 'rate') return [...rateCuts];
  const sorted = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const round = (v: number) => (integer ? Math.round(v) : Math.round(v * 10) / 10);
  const inner = [0.2, 0.4, 0.6, 0.8].map((q) => round(quantile(sorted, q)));
  const cuts = [min, ...inner.filter((c) => c > min && c < max), max];
  return cuts.filter((c, i) => i === 0 || c !== cuts[i - 1]);
}

function paletteFor(direction: Direction, count: number): string[] {
  const base: readonly string[] = direction === 'neutral' ? sequentialPalette : divergingPalette;
  const ordered = direction === 'lower_better' ? [...base].reverse() : [...base];
  if (count <= 1) return [ordered[direction === 'neutral' ? 2 : 4] ?? ''];
  return Array.from(
    { length: count },
    (_, i) => ordered[Math.round((i * (ordered.length - 1)) / (count - 1))] ?? '',
  );
}

/** The classes of a map: up to five, ascending by value. */
export function makeScale(
  values: readonly (number | null | undefined)[],
  kind: ScaleKind,
  direction: Direction,
  integer = false,
): Bucket[] {
  const cuts = cutsFor(values, kind, integer);
  if (cuts.length === 0) return [];
  if (cuts.length === 1) {
    const v = cuts[0] ?? 0;
    return [{ lo: v, hi: v, closed: true, color: paletteFor(direction, 1)[0] ?? '' }];
  }
  const colors = paletteFor(direction, cuts.length - 1);
  return cuts.slice(0, -1).map((lo, i) => ({
    lo,
    hi: cuts[i + 1] ?? lo,
    closed: i === cuts.length - 2,
    color: colors[i] ?? '',
  }));
}

/** Index of the class holding `value`, or -1 (no value, or outside every class). */
export function bucketIndex(value: number | null | undefined, buckets: readonly Bucket[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return -1;
  return buckets.findIndex((b) => value >= b.lo && (value < b.hi || (b.closed && value <= b.hi)));
}

/** The classes as ECharts visualMap pieces. */
export function toVisualPieces(buckets: readonly Bucket[]) {
  return buckets.map((b) =>
    b.closed ? { gte: b.lo, lte: b.hi, color: b.color } : { gte: b.lo, lt: b.hi, color: b.color },
  );
}
