/**
 * Normalisation and diacritic folding of Vietnamese text.
 *
 * Vietnamese has two Unicode spellings of most accented letters (precomposed NFC, or a base letter
 * plus combining marks, NFD) and two accepted tone-mark placements ("Hòa" / "Hoà"). Residents often
 * type without any marks at all ("dang ky khai sinh"). Folding maps all of these to one form.
 */

/** NFC + collapsed whitespace: the form every stored Vietnamese string takes. */
export function normalizeText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** NFC and lowercase, keeping the marks: the form stop words and synonyms are compared in. */
export function lowerVietnamese(input: string): string {
  return input.normalize('NFC').toLocaleLowerCase('vi');
}

/**
 * Removes tone marks and vowel marks so that "Hòa", "Hoà" and "Hoa" compare equal; đ/Đ is not a
 * combining mark in Unicode, so it is mapped explicitly. Anything that is not a letter or digit
 * becomes one space. The result is lowercase ASCII-like text, e.g. "Đăng ký khai sinh" →
 * "dang ky khai sinh". Stored search columns (units.search_text, procedures.search_name) depend
 * on this exact output: changing it means re-running the seeds.
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
