/**
 * Turns a resident's report into the features the classifier counts.
 *
 * Residents type with or without marks ("Đèn đường" / "den duong"), with typos and teen-code ("ko",
 * "dc", "đg"). Everything goes through the shared Vietnamese pipeline (`tokenize`: NFC, lowercase,
 * folded syllables, kí/ký → ki) so both spellings meet, then a few abbreviations are spelled out.
 * Features are the folded syllables (unigrams) and adjacent pairs (bigrams: "den duong" means street
 * light, "den" and "duong" alone mean little).
 */
import { tokenize } from '@cqs/shared';

/** Teen-code and common abbreviations → the folded words they stand for. Unambiguous ones only. */
const ABBREVIATIONS: Record<string, string> = {
  ko: 'khong',
  k: 'khong',
  kh: 'khong',
  hok: 'khong',
  khg: 'khong',
  kg: 'khong',
  dc: 'duoc',
  dg: 'duong',
  r: 'roi',
  hs: 'hoc sinh',
  gv: 'giao vien',
  bv: 'benh vien',
  ng: 'nguoi',
  vs: 'voi',
  j: 'gi',
  ntn: 'nhu the nao',
  cf: 'ca phe',
  tp: 'thanh pho',
  bmt: 'buon ma thuot',
  ds: 'danh sach',
  sdt: 'so dien thoai',
  cccd: 'can cuoc cong dan',
  ubnd: 'uy ban nhan dan',
};

/** The folded words of a text, abbreviations spelled out: "Đèn đg ko sáng" → den duong khong sang. */
export function normalisedTerms(text: string): string[] {
  const terms: string[] = [];
  for (const { term } of tokenize(text)) {
    const expanded = ABBREVIATIONS[term];
    if (expanded) terms.push(...expanded.split(' '));
    else terms.push(term);
  }
  return terms;
}

/**
 * Folded function words: dropped as unigrams (alone they say nothing about the category) but kept
 * inside bigrams, where they can ("bi trom": was stolen; "khong sang": does not light).
 */
const FUNCTION_WORDS = new Set(
  (
    'va cua cac nhung cho la o tai de voi thi ma nay do duoc bi gi nao dau ve theo hoac toi minh ' +
    'muon can phai a nhe oi hoi xin rat qua nhieu mot co khong da dang se lai cung nhu ra vao len ' +
    'xuong nha roi'
  ).split(' '),
);

/** Distinct unigram and bigram features of a text (presence, not counts: reports are short). */
export function featuresOf(text: string): string[] {
  const terms = normalisedTerms(text);
  const features = new Set<string>(terms.filter((t) => !FUNCTION_WORDS.has(t)));
  for (let i = 0; i + 1 < terms.length; i++) features.add(`${terms[i]} ${terms[i + 1]}`);
  return [...features];
}
