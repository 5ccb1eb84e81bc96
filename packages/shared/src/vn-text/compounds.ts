import { type Token, tokenize } from './tokenize';

/** A word of a segmentation: syllables [start, end) of the analysed terms. */
export interface WordSpan {
  start: number;
  end: number;
}

/** Longer dictionary entries are idioms and names, never needed to join a procedure's words. */
const MAX_SYLLABLES = 4;

/**
 * Vietnamese writes words as space-separated syllables: "hộ chiếu" (passport) is one word whose
 * syllables also stand alone ("hộ" in "giám hộ", "chiếu"). A lexicon of multi-syllable words
 * (the Viet74K list of `@vntk/dictionary`, MIT, loaded by the API) lets the search tell them
 * apart: a text is segmented into words, and a word of several syllables is a compound.
 *
 * Entries are kept twice: with their marks (any tone placement: "hoà" = "hòa"), used when the
 * text has marks, so that "nuôi trong" is not "nuôi trồng"; and folded ("hộ chiếu" → "ho chieu")
 * for text typed without marks, where an unmarked spelling may stand for several words — which
 * is what an unmarked query means anyway. The lexicon holds data only (no file access); the API
 * passes the word list in.
 */
export class CompoundLexicon {
  private readonly marked: Set<string>;
  private readonly folded: Set<string>;
  /** Syllables of the longest entry. */
  readonly longest: number;

  private constructor(marked: Set<string>, folded: Set<string>, longest: number) {
    this.marked = marked;
    this.folded = folded;
    this.longest = longest;
  }

  /** One entry a line or array item; hyphenated loans ("a-dốt") and 1-syllable entries skipped. */
  static fromWords(entries: Iterable<string>): CompoundLexicon {
    const marked = new Set<string>();
    const folded = new Set<string>();
    let longest = 1;
    for (const entry of entries) {
      if (!entry || /[-\d]/.test(entry)) continue;
      const tokens = tokenize(entry);
      if (tokens.length < 2 || tokens.length > MAX_SYLLABLES) continue;
      marked.add(tokens.map(markedKey).join(' '));
      folded.add(tokens.map((t) => t.term).join(' '));
      longest = Math.max(longest, tokens.length);
    }
    return new CompoundLexicon(marked, folded, longest);
  }

  static readonly empty = new CompoundLexicon(new Set(), new Set(), 1);

  /**
   * The same lexicon whose unmarked spellings are only those of `attested` words (index tokens
   * such as "che_do", e.g. the compounds found in the catalogue): without marks, a chance pair
   * such as "phi bao" (phì bảo?) would otherwise be taken for a word.
   */
  withUnmarked(attested: Iterable<string>): CompoundLexicon {
    const folded = new Set<string>();
    for (const token of attested) {
      const key = token.split('_').join(' ');
      if (this.folded.has(key)) folded.add(key);
    }
    return new CompoundLexicon(this.marked, folded, this.longest);
  }

  /** Distinct words (with their marks). */
  get size(): number {
    return this.marked.size;
  }

  /** Is this run of syllables one dictionary word? With marks unless `unmarked`. */
  has(tokens: readonly Token[], unmarked = !hasMarks(tokens)): boolean {
    if (tokens.length < 2) return false;
    return this.hasKeys(keysOf(tokens, unmarked), unmarked);
  }

  private hasKeys(keys: readonly string[], unmarked: boolean): boolean {
    return (unmarked ? this.folded : this.marked).has(keys.join(' '));
  }

  /**
   * Splits analysed terms into words: the fewest words (maximum matching, the classic approach
   * for Vietnamese), ties going to the longer word on the left. "xác nhận nuôi trồng" →
   * [xác nhận][nuôi trồng], so "nhận nuôi" is not found in it. `phrases` (folded, e.g. the
   * synonym table's) count as words too: "sao y | bản chính", not "sao | y bản | chính".
   */
  segment(
    tokens: readonly Token[],
    unmarked = !hasMarks(tokens),
    phrases?: { has(folded: string): boolean; longest: number },
  ): WordSpan[] {
    const n = tokens.length;
    const keys = keysOf(tokens, unmarked);
    const terms = tokens.map((t) => t.term);
    const longest = Math.max(this.longest, phrases?.longest ?? 0);
    // best[i]: fewest words for tokens[i..]; next[i]: where the first of them ends.
    const best = new Array<number>(n + 1).fill(0);
    const next = new Array<number>(n + 1).fill(n);
    for (let i = n - 1; i >= 0; i--) {
      best[i] = best[i + 1]! + 1;
      next[i] = i + 1;
      for (let len = Math.min(longest, n - i); len >= 2; len--) {
        const words = best[i + len]! + 1;
        // Longest first, so a tie keeps the longer word on the left.
        if (words < best[i]! || (words === best[i]! && next[i] === i + 1)) {
          if (
            (len <= this.longest && this.hasKeys(keys.slice(i, i + len), unmarked)) ||
            phrases?.has(terms.slice(i, i + len).join(' '))
          ) {
            best[i] = words;
            next[i] = i + len;
          }
        }
      }
    }
    const spans: WordSpan[] = [];
    for (let i = 0; i < n; i = next[i]!) spans.push({ start: i, end: next[i]! });
    return spans;
  }

  /**
   * The compounds of a text as index tokens ("ho_chieu"): each multi-syllable word of the
   * segmentation and the dictionary words nested inside it ("giấy khai sinh" also gives
   * "khai_sinh"), never a pair that straddles two words.
   */
  compoundTokens(tokens: readonly Token[]): string[] {
    const unmarked = !hasMarks(tokens);
    const out: string[] = [];
    for (const { start, end } of this.segment(tokens, unmarked)) {
      for (let i = start; i < end; i++) {
        for (let j = end; j >= i + 2; j--) {
          const word = tokens.slice(i, j);
          if (this.has(word, unmarked)) out.push(compoundToken(word.map((t) => t.term)));
        }
      }
    }
    return out;
  }
}

const UNMARKED = /^[a-z0-9]+$/;
const MARK = /[\u0300-\u036f]/g;

/** A syllable with its marks in a fixed order: "hoà" and "hòa" place the grave differently. */
function markedKey(token: Token): string {
  const marks = token.raw.normalize('NFD').match(MARK) ?? [];
  return `${token.term}${marks.sort().join('')}${token.raw.includes('đ') ? 'đ' : ''}`;
}

function keysOf(tokens: readonly Token[], unmarked: boolean): string[] {
  return tokens.map(unmarked ? (t) => t.term : markedKey);
}

/** Someone who types marks types them everywhere; a text without any is compared folded. */
export function hasMarks(tokens: readonly Token[]): boolean {
  return tokens.some((t) => !UNMARKED.test(t.raw));
}

/** The index token of a compound: its syllables joined by "_" (no syllable contains one). */
export function compoundToken(terms: readonly string[]): string {
  return terms.join('_');
}
