/**
 * Pre-publication check of a feedback report's text. A held report stays hidden from the public until
 * an officer approves it (the feedback module decides what to do with the answer).
 *
 * Reasons:
 *  - `abusive`: Vietnamese obscene or insulting words, with or without marks and in their usual
 *    abbreviations ("dm", "đ.m", "vcl", "cc"), as WHOLE words only, so "Đam San", "cc" inside a word,
 *    "lớn" / "lon" (big, can) or "buổi" / "buoi" (session) are never flagged;
 *  - `phone`: a Vietnamese phone number (0 or +84; mobile 10 digits, landline 11), spaces/dots/dashes
 *    allowed between digits;
 *  - `citizen_id`: a 12-digit citizen ID number or a 9-digit old identity-card number;
 *  - `email`: an e-mail address.
 * Personal data in a PUBLIC report must not be published (Law 91/2025/QH15), whoever it belongs to.
 */
import { foldVietnamese, lowerVietnamese } from '@cqs/shared';

export type ModerationReason = 'abusive' | 'phone' | 'citizen_id' | 'email';

export interface ModerationResult {
  held: boolean;
  reasons: ModerationReason[];
}

/**
 * Words and phrases compared WITH their marks (NFC, lowercase), token by token. Words whose unmarked
 * spelling is an everyday word (lồn/lớn, cặc/các, buồi/buổi, đéo/đeo, đĩ/đi) can only be matched here.
 * Literal uses are left out on purpose: "cứt chó" on the pavement and "chó chết" by the road are real
 * complaints.
 */
const MARKED_TERMS: readonly string[] = [
  'địt',
  'đụ',
  'lồn',
  'buồi',
  'cặc',
  'đéo',
  'đĩ',
  'đm',
  'đmm',
  'đcm',
  'đkm',
  'đù má',
  'đụ má',
  'mẹ mày',
  'bố mày',
  'cha mày',
  'con mẹ mày',
  'đồ chó',
  'thằng chó',
  'con chó cái',
  'chó má',
  'óc chó',
  'đồ ngu',
  'thằng ngu',
  'con ngu',
  'ngu như chó',
  'ngu như bò',
  'mất dạy',
  'khốn nạn',
  'súc sinh',
  'vãi lồn',
  'vãi cả lồn',
];

/**
 * Compared on tokens typed WITHOUT any mark: abbreviations and unmarked spellings that are not also
 * an everyday word. ("du ma" is only matched unmarked: "dù mà" is ordinary Vietnamese.) Left out
 * because their unmarked spelling is common: "mat day" (mất dây điện), "thang cho" (tháng chờ).
 */
const UNMARKED_TERMS: readonly string[] = [
  'dm',
  'dmm',
  'dcm',
  'dkm',
  'cmm',
  'cmnr',
  'vcl',
  'vkl',
  'vcc',
  'clgt',
  'cc',
  'loz',
  'dit me',
  'dit cu',
  'dit con me',
  'du ma',
  'du me',
  'dmm may',
  'oc cho',
  'khon nan',
  'suc sinh',
  'vai lon',
];

interface Word {
  /** NFC lowercase with marks. */
  marked: string;
  /** Folded, or null when the word was typed with marks (đ counts as a mark). */
  unmarked: string | null;
}

/**
 * Splits into words. Single letters joined by dots, stars or dashes are joined first, so that
 * "đ.m", "v.c.l" and "d*m" become "đm", "vcl", "dm"; other punctuation separates words.
 */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const chunk of lowerVietnamese(text).split(/[^\p{L}\p{N}.*_-]+/u)) {
    const pieces = chunk.split(/[.*_-]+/).filter(Boolean);
    const spelled = pieces.length > 1 && pieces.every((p) => [...p].length <= 2);
    for (const marked of spelled ? [pieces.join('')] : pieces) {
      const folded = foldVietnamese(marked);
      words.push({ marked, unmarked: folded === marked ? folded : null });
    }
  }
  return words;
}

function phraseSet(phrases: readonly string[]): Map<number, Set<string>> {
  const byLength = new Map<number, Set<string>>();
  for (const phrase of phrases) {
    const length = phrase.split(' ').length;
    const set = byLength.get(length) ?? new Set<string>();
    set.add(phrase.normalize('NFC'));
    byLength.set(length, set);
  }
  return byLength;
}

const MARKED = phraseSet(MARKED_TERMS);
const UNMARKED = phraseSet(UNMARKED_TERMS);

function containsAbusive(text: string): boolean {
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    for (const [length, phrases] of MARKED) {
      const slice = words.slice(i, i + length);
      if (slice.length === length && phrases.has(slice.map((w) => w.marked).join(' '))) return true;
    }
    for (const [length, phrases] of UNMARKED) {
      const slice = words.slice(i, i + length);
      if (slice.length !== length || slice.some((w) => w.unmarked === null)) continue;
      if (phrases.has(slice.map((w) => w.unmarked).join(' '))) return true;
    }
  }
  return false;
}

const SEP = '[ .\\-]?';
/** Mobile: 0 + 3/5/7/8/9 + 8 digits; landline: 0 + 2 + 9 digits; +84/84 replaces the 0. */
const PHONE = new RegExp(
  `(?<![\\d+])(?:\\(?\\+84\\)?${SEP}|84${SEP}|0)(?:[35789](?:${SEP}\\d){8}|2(?:${SEP}\\d){9})(?!${SEP}\\d)`,
);
/** 12 digits, written together or in groups of 3 or 4 (e.g. "066 190 001 234", "0661 9000 1234"). */
const CITIZEN_ID =
  /(?<!\d)(?:\d{12}|\d{3}([ .])\d{3}\1\d{3}\1\d{3}|\d{4}([ .])\d{4}\2\d{4})(?![ .]?\d)/;
/** Old identity card: 9 digits together, not a sum of money ("150000000 đồng"). */
const OLD_ID = /(?<![\d.,])\d{9}(?![\d.,])(?!\s*(?:đ|đồng|dong|vnd|vnđ|d)(?![\p{L}\p{N}]))/iu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

export function moderate(text: string): ModerationResult {
  const normalised = text.normalize('NFC');
  const reasons: ModerationReason[] = [];
  if (containsAbusive(normalised)) reasons.push('abusive');
  if (PHONE.test(normalised)) reasons.push('phone');
  if (CITIZEN_ID.test(normalised) || OLD_ID.test(normalised)) reasons.push('citizen_id');
  if (EMAIL.test(normalised)) reasons.push('email');
  return { held: reasons.length > 0, reasons };
}
