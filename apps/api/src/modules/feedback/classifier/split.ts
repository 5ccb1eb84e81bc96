/**
 * Deterministic train / held-out split of the labelled examples: the same sentence always lands on
 * the same side, whatever the file order, so the held-out accuracy is honest and reproducible.
 */
import { foldVietnamese } from '@cqs/shared';

/** Share of the examples kept out of training, in percent. */
export const HELD_OUT_PERCENT = 20;

/** FNV-1a 32-bit hash: small, stable across Node versions, good enough to spread sentences. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** True when the example belongs to the held-out (evaluation) side. */
export function isHeldOut(text: string): boolean {
  return fnv1a(foldVietnamese(text)) % 100 < HELD_OUT_PERCENT;
}

export function splitExamples<T extends { text: string }>(
  examples: readonly T[],
): { train: T[]; heldOut: T[] } {
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const example of examples) (isHeldOut(example.text) ? heldOut : train).push(example);
  return { train, heldOut };
}
