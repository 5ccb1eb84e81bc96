/**
 * Vietnamese text folding shared by search indexes and queries (api and web).
 * Folding removes tone marks and vowel marks so that "Hòa", "Hoà" and "Hoa" compare equal;
 * đ/Đ is not a combining mark in Unicode, so it is mapped explicitly.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** NFC + collapsed whitespace: the form every stored Vietnamese string takes. */
export function normalizeText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}
