import type { Token } from './tokenize';

/**
 * Words that carry no meaning for finding a procedure ("tôi muốn hỏi thủ tục … như thế nào").
 * Compared with their marks (NFC lowercase), so "tại" is dropped while "tài" (tài sản) is kept.
 * Deliberately small: "có", "không", "một", "cho"… stay out when they change meaning in names
 * ("có yếu tố nước ngoài", "không đấu giá", "trợ cấp một lần"), and "sao" alone is "bản sao"
 * (only "làm sao" is dropped). Edit freely; phrases allowed.
 */
export const stopWords: readonly string[] = [
  'và',
  'của',
  'các',
  'những',
  'cho',
  'là',
  'ở',
  'tại',
  'để',
  'với',
  'thì',
  'mà',
  'này',
  'đó',
  'được',
  'bị',
  'gì',
  'nào',
  'đâu',
  'về',
  'theo',
  'trên',
  'hoặc',
  'tôi',
  'mình',
  'muốn',
  'cần',
  'phải',
  'ạ',
  'nhé',
  'ơi',
  'hỏi',
  'xin hỏi',
  'thế nào',
  'như thế nào',
  'làm sao',
  'ở đâu',
  'thủ tục',
];

/**
 * Stop words that are also dropped when typed without marks: only those whose unmarked spelling
 * is no content word of the catalogue ("toi" could be "tội", "o" could be "ô tô", "muon" could be
 * "mượn", "thi" could be "thí điểm", so they are not here).
 */
export const foldedStopWords: readonly string[] = [
  'va',
  'cua',
  'cac',
  'nhung',
  'nay',
  'gi',
  'nao',
  'nhe',
  'oi',
  'a',
  'xin hoi',
  'the nao',
  'nhu the nao',
  'lam sao',
  'o dau',
  'thu tuc',
];

const MAX_PHRASE = 3;
const rawSet = new Set(stopWords.map((w) => w.normalize('NFC')));
const foldedSet = new Set(foldedStopWords);

/** Drops stop words and stop phrases (longest first), keeping the order of the rest. */
export function removeStopWords(tokens: readonly Token[]): Token[] {
  const kept: Token[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n);
      const raw = span.map((t) => t.raw).join(' ');
      const folded = span.map((t) => t.term).join(' ');
      if (rawSet.has(raw) || foldedSet.has(folded)) {
        i += n;
        continue outer;
      }
    }
    kept.push(tokens[i]!);
    i += 1;
  }
  return kept;
}
