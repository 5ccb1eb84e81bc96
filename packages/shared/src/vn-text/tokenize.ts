import { foldVietnamese, lowerVietnamese } from './fold';

/** One syllable of the input, in the two forms the search pipeline needs. */
export interface Token {
  /** NFC lowercase with its marks, e.g. "ký": stop words are compared in this form. */
  raw: string;
  /** Folded and canonical, e.g. "ki": indexes and queries use this form. */
  term: string;
}

// Onsets that can stand before a lone final "y" (kỹ/kĩ, lý/lí, mỹ/mĩ, quy/qui, công ty/công ti).
const LONE_Y = /^(b|c|ch|d|g|gh|h|k|kh|l|m|n|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

/**
 * The canonical form of one folded syllable. Vietnamese spells a lone final i/y either way after a
 * consonant ("đăng ký"/"đăng kí", "lý lịch"/"lí lịch"): both become "i". Diphthongs keep their y
 * ("tuy", "thuy", "ay"), because there y and i are different words.
 */
export function canonicalSyllable(folded: string): string {
  return LONE_Y.test(folded) ? `${folded.slice(0, -1)}i` : folded;
}

/**
 * Splits text into syllables (Vietnamese words are one or more space-separated syllables, so a
 * syllable is the unit a resident types). Punctuation and symbols separate tokens; digits are
 * kept ("14 tuổi", "1.001193" → "1", "001193").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of lowerVietnamese(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    // A syllable may fold to more than one piece only through exotic letters; keep each piece.
    for (const piece of foldVietnamese(raw).split(' ')) {
      if (piece) tokens.push({ raw, term: canonicalSyllable(piece) });
    }
  }
  return tokens;
}
