/**
 * Kept for existing imports: the Vietnamese text functions live in `./vn-text` (folding,
 * tokenizing, stop words, synonyms).
 */
export { foldVietnamese, normalizeText } from './vn-text/fold';
