import { CompoundLexicon, hasMarks } from './compounds';
import { removeStopWords } from './stopwords';
import { type QueryRewrite, queryRewrites, type SynonymGroup, synonymGroups } from './synonyms';
import { type Token, tokenize } from './tokenize';

/**
 * Text → search terms: syllables, folded and canonical, stop words removed. Indexes and queries
 * must both go through this, so that "Đăng ký", "dang ki" and "ĐĂNG KÝ" meet.
 */
export function analyze(text: string): string[] {
  return analyzeTokens(text).map((t) => t.term);
}

/** `analyze` keeping each term's marked form (for dictionary words, which need the marks). */
export function analyzeTokens(text: string): Token[] {
  return removeStopWords(tokenize(text));
}

/** One way of satisfying a group: all of `terms` must match (they are one phrase). */
export interface QueryAlternative {
  terms: string[];
  /** Relative weight: what the resident typed counts more than what we guessed for them. */
  weight: number;
  /**
   * `compound`: a dictionary word of several syllables, looked up as one word ("hộ chiếu");
   * `loose`: the same syllables anywhere in the text, each on its own (always beside a compound,
   * so a compound the record spells apart still matches). Other multi-term kinds are phrases.
   */
  kind: 'typed' | 'synonym' | 'older' | 'rewrite' | 'compound' | 'loose';
  /** One of several procedures the situation may need (a rewrite marked `choice`): ask which. */
  choice?: boolean;
}

/** One concept of the query; a document matches the concept if it matches any alternative. */
export interface QueryGroup {
  alternatives: QueryAlternative[];
  /** True for the group that ends the query: the resident may still be typing it. */
  last: boolean;
}

export interface QueryPlan {
  /** The analysed query, in order. */
  terms: string[];
  groups: QueryGroup[];
}

export const EXPANSION_WEIGHTS = {
  typed: 1,
  synonym: 0.7,
  /** Names out of use: an expansion to them, or their literal match, is weak evidence. */
  older: 0.35,
  /** The colloquial words themselves ("làm", "xin") say little about the procedure. */
  typedRewriteSource: 0.3,
  rewrite: 0.8,
  /** Found as a whole word: on top of its syllables' own match. */
  compound: 0.5,
  loose: 1,
} as const;

interface Expansion {
  terms: string[];
  kind: 'synonym' | 'older' | 'rewrite';
  choice?: boolean;
}

export interface SynonymTable {
  /** Key: analysed phrase joined with spaces. */
  expansions: Map<string, Expansion[]>;
  /** Phrases that are only rewrite sources (their typed form is weak evidence). */
  rewriteSources: Set<string>;
  /** Names out of use: their literal matches count as little as an expansion to them. */
  olderNames: Set<string>;
  longest: number;
}

/** Compiles the editable table once; exported so tests and other tables can build their own. */
export function compileSynonyms(
  groups: readonly SynonymGroup[],
  rewrites: readonly QueryRewrite[],
): SynonymTable {
  const expansions = new Map<string, Expansion[]>();
  const rewriteSources = new Set<string>();
  const olderNames = new Set<string>();
  let longest = 1;
  const add = (from: string[], to: string[], kind: Expansion['kind'], choice = false) => {
    if (from.length === 0 || to.length === 0) return;
    const key = from.join(' ');
    if (key === to.join(' ')) return;
    const list = expansions.get(key) ?? [];
    if (!list.some((e) => e.terms.join(' ') === to.join(' '))) {
      list.push(choice ? { terms: to, kind, choice } : { terms: to, kind });
    }
    expansions.set(key, list);
    longest = Math.max(longest, from.length);
  };
  for (const group of groups) {
    const current = group.phrases.map(analyze);
    const older = (group.older ?? []).map(analyze);
    for (const o of older) olderNames.add(o.join(' '));
    for (const from of [...current, ...older]) {
      for (const to of current) add(from, to, 'synonym');
      for (const to of older) add(from, to, 'older');
    }
  }
  for (const rewrite of rewrites) {
    const targets = rewrite.to.map(analyze);
    for (const from of rewrite.from.map(analyze)) {
      for (const to of targets) add(from, to, 'rewrite', rewrite.choice === true);
    }
  }
  for (const rewrite of rewrites) {
    // The typed words of a literal rewrite are catalogue words too ("hợp đồng"): full weight.
    if (rewrite.literal) continue;
    for (const from of rewrite.from.map(analyze)) {
      const key = from.join(' ');
      // A phrase that is also in a synonym group is a real term, not just colloquial.
      if (!expansions.get(key)?.some((e) => e.kind === 'synonym')) rewriteSources.add(key);
    }
  }
  return { expansions, rewriteSources, olderNames, longest };
}

const defaultTable = compileSynonyms(synonymGroups, queryRewrites);

/**
 * Turns a resident's query into groups of alternatives: known phrases (longest first, left to
 * right) get their synonyms and rewrites as alternatives; the other terms are split into words
 * by the lexicon, a compound ("hộ chiếu") being one group, every other term a group of its own.
 * The plan is engine-neutral: the catalogue maps it onto MiniSearch, the assistant may map it onto
 * its own index.
 */
export function expandQuery(
  text: string,
  table: SynonymTable = defaultTable,
  lexicon: CompoundLexicon = CompoundLexicon.empty,
): QueryPlan {
  const tokens = analyzeTokens(text);
  const terms = tokens.map((t) => t.term);
  const unmarked = !hasMarks(tokens);
  const groups: QueryGroup[] = [];
  // Terms no phrase of the table claimed, waiting to be split into words.
  let rest: Token[] = [];
  const flush = () => {
    for (const { start, end } of lexicon.segment(rest, unmarked)) {
      const word = rest.slice(start, end).map((t) => t.term);
      groups.push({
        alternatives:
          word.length > 1
            ? [
                { terms: word, weight: EXPANSION_WEIGHTS.loose, kind: 'loose' },
                { terms: word, weight: EXPANSION_WEIGHTS.compound, kind: 'compound' },
              ]
            : [{ terms: word, weight: EXPANSION_WEIGHTS.typed, kind: 'typed' }],
        last: false,
      });
    }
    rest = [];
  };
  // A phrase of the table never straddles two dictionary words: "nhận nuôi" is not in "xác
  // nhận | nuôi trồng" (a phrase inside one word is fine: "sao y" in "sao y bản chính").
  const wordOf = new Array<number>(terms.length).fill(0);
  const wordStart = new Array<boolean>(terms.length + 1).fill(false);
  const wordEnd = new Array<boolean>(terms.length + 1).fill(false);
  const phrases = { has: (key: string) => table.expansions.has(key), longest: table.longest };
  lexicon.segment(tokens, unmarked, phrases).forEach((w, k) => {
    for (let t = w.start; t < w.end; t++) wordOf[t] = k;
    wordStart[w.start] = true;
    wordEnd[w.end] = true;
  });
  const straddles = (from: number, to: number) =>
    wordOf[from] !== wordOf[to - 1] && (!wordStart[from] || !wordEnd[to]);
  let i = 0;
  while (i < terms.length) {
    let matched = 0;
    for (let n = Math.min(table.longest, terms.length - i); n >= 1; n--) {
      if (straddles(i, i + n)) continue;
      const key = terms.slice(i, i + n).join(' ');
      const expansions = table.expansions.get(key);
      if (!expansions) continue;
      const typed = terms.slice(i, i + n);
      flush();
      groups.push({
        alternatives: [
          {
            terms: typed,
            weight: table.rewriteSources.has(key)
              ? EXPANSION_WEIGHTS.typedRewriteSource
              : table.olderNames.has(key)
                ? EXPANSION_WEIGHTS.older
                : EXPANSION_WEIGHTS.typed,
            kind: 'typed',
          },
          ...expansions.map((e) => ({
            terms: e.terms,
            weight: EXPANSION_WEIGHTS[e.kind],
            kind: e.kind,
            ...(e.choice ? { choice: true } : {}),
          })),
        ],
        last: false,
      });
      matched = n;
      break;
    }
    if (matched === 0) {
      rest.push(tokens[i]!);
      matched = 1;
    }
    i += matched;
  }
  flush();
  const lastGroup = groups.at(-1);
  if (lastGroup) lastGroup.last = true;
  return { terms, groups };
}
