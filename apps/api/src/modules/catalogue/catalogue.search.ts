import {
  analyze,
  analyzeTokens,
  type CatalogueRecord,
  type CompoundLexicon,
  compoundToken,
  expandQuery,
  type QueryAlternative,
  type QueryPlan,
} from '@cqs/shared';
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import { vietnameseLexicon } from './catalogue.lexicon';
import {
  insertDescending,
  MAX_PHRASE_BONUS,
  nameHead,
  type Phrases,
  phraseBonus,
  phrasesOf,
} from './catalogue.phrases';

export { nameHead };

/** The searchable text of one procedure. */
export interface SearchDoc {
  code: string;
  name: string;
  field: string;
  /** Document names and the cases they are grouped under. */
  documents: string;
  /** Names of the results (e.g. "Giấy khai sinh"). */
  results: string;
  /** Name, field and results again, indexed as adjacent word pairs (see PAIR_FIELD). */
  pairs: string;
}

export function searchDocFrom(source: {
  code: string;
  name: string;
  field: string;
  documents: CatalogueRecord['documents'] | null;
  results: CatalogueRecord['results'] | null;
}): SearchDoc {
  return {
    code: source.code,
    name: source.name,
    field: source.field,
    documents: (source.documents ?? [])
      .flatMap((d) => [d.case ?? '', ...d.items.map((i) => i.name)])
      .join(' \n '),
    results: (source.results ?? []).map((r) => r.name).join(' \n '),
    pairs: [source.name, source.field, ...(source.results ?? []).map((r) => r.name)].join('\n'),
  };
}

/**
 * Multi-word alternatives ("giấy phép lái xe", "sổ hộ khẩu") must match as phrases: once marks
 * are folded, "so ho khau" also matches "số … hỗ trợ … khấu trừ" word by word. So the short texts
 * (name, field, results) are also indexed as adjacent pairs ("lai_xe"), and a phrase is looked up
 * as the chain of its pairs. Documents are left out: their lists are long and generic.
 */
const PAIR_FIELD = 'pairs';

function pairTokens(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const terms = analyze(line);
    for (let i = 0; i + 1 < terms.length; i++) out.push(`${terms[i]}_${terms[i + 1]}`);
  }
  return out;
}

/**
 * The same short texts again as dictionary words of several syllables ("ho_chieu"), so that a
 * compound of the query is found as a word and not as two syllables that happen to meet
 * ("xác nhận | nuôi trồng" holds no "nhận nuôi").
 */
const COMPOUND_FIELD = 'compounds';

/** Field weights: the name says most, the field (lĩnh vực) some, documents and results least. */
export const FIELD_BOOST = {
  name: 4,
  field: 2,
  documents: 1,
  results: 1,
  pairs: 4,
  compounds: 4,
} as const;
const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 3;
const MIN_PREFIX_LENGTH = 2;
/** Without a result that matches every concept, keep only answers this close to the best one. */
const OR_FALLBACK_CUTOFF = 0.25;
/** How many results always get the phrase bonus (see search). */
const BONUS_DEPTH = 100;
const PLAN_CACHE = 64;

export interface ScoredCode {
  code: string;
  score: number;
}

export interface IndexOptions {
  /** Dictionary words (default: Viet74K); `CompoundLexicon.empty` turns compounds off. */
  lexicon?: CompoundLexicon;
}

export interface SearchIndexOptions {
  /** Multiplies a document's score (e.g. commune-level first); 0 drops it. */
  boost?: (code: string) => number;
  /** Keeps only documents for which this returns true. */
  filter?: (code: string) => boolean;
  /** Any concept may match (OR, with the relative cut-off) instead of every one first. */
  any?: boolean;
}

const WORD_FIELDS = ['name', 'field', 'documents', 'results'];

const scaled = (weight: number) => ({
  name: FIELD_BOOST.name * weight,
  field: FIELD_BOOST.field * weight,
  documents: FIELD_BOOST.documents * weight,
  results: FIELD_BOOST.results * weight,
  pairs: FIELD_BOOST.pairs * weight,
  compounds: FIELD_BOOST.compounds * weight,
});

/**
 * BM25 over folded syllables (MiniSearch), with the query planned by the shared vn-text module:
 * every concept of the query must match (AND), each through any of its alternatives (the typed
 * words, fuzzy within 20 % of their length, synonyms, rewrites; prefix on the last word only, as
 * it may be half-typed). When no document matches every concept the query is retried with OR
 * and a relative cut-off. Scores are then multiplied by a phrase bonus (consecutive query words
 * found together in the name) and the caller's boost; ties break on the code, so the order is
 * deterministic.
 */
export class ProcedureSearchIndex {
  private readonly mini: MiniSearch<SearchDoc>;
  private readonly nameTerms = new Map<string, string>();
  /** The analysed head of each name (see nameHead), space-delimited like nameTerms. */
  private readonly headTerms = new Map<string, string>();
  private readonly headWords = new Map<string, string[]>();
  /** Every indexed term: a typed word found here is taken as meant, not as a typo. */
  private readonly vocabulary = new Set<string>();
  /** Dictionary words; unmarked, only those found in the catalogue (see withUnmarked). */
  readonly lexicon: CompoundLexicon;
  private readonly plans = new Map<string, QueryPlan>();

  constructor(docs: readonly SearchDoc[], indexOptions: IndexOptions = {}) {
    const lexicon = indexOptions.lexicon ?? vietnameseLexicon();
    const attested = new Set<string>();
    this.mini = new MiniSearch<SearchDoc>({
      idField: 'code',
      fields: [...WORD_FIELDS, PAIR_FIELD, COMPOUND_FIELD],
      storeFields: [],
      // The compounds field is indexed from the same text as the pairs (name, field, results).
      extractField: (doc, fieldName) =>
        (fieldName === COMPOUND_FIELD ? doc.pairs : doc[fieldName as keyof SearchDoc]) as string,
      tokenize: (text, fieldName) => {
        if (fieldName === PAIR_FIELD) return pairTokens(text);
        if (fieldName === COMPOUND_FIELD) {
          const tokens = text.split('\n').flatMap((l) => lexicon.compoundTokens(analyzeTokens(l)));
          for (const t of tokens) attested.add(t);
          return tokens;
        }
        const terms = analyze(text);
        for (const t of terms) this.vocabulary.add(t);
        return terms;
      },
      processTerm: (term) => term,
      searchOptions: {
        // Queries arrive already analysed by expandQuery: only split, never re-process.
        tokenize: (text) => text.split(' ').filter(Boolean),
        processTerm: (term) => term,
      },
    });
    const sorted = [...docs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.mini.addAll(sorted);
    this.lexicon = lexicon.withUnmarked(attested);
    for (const doc of sorted) {
      this.nameTerms.set(doc.code, ` ${analyze(doc.name).join(' ')} `);
      const head = analyze(nameHead(doc.name));
      this.headTerms.set(doc.code, ` ${head.join(' ')} `);
      this.headWords.set(doc.code, head);
    }
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** The term is a word of the catalogue (so, typed, it is meant, not a typo). */
  knows(term: string): boolean {
    return this.vocabulary.has(term);
  }

  /** The query's concepts and their alternatives, compounds split with this index's lexicon. */
  plan(text: string): QueryPlan {
    let plan = this.plans.get(text);
    if (!plan) {
      plan = expandQuery(text, undefined, this.lexicon);
      // A question is planned several times (search, relaxations, coverage): keep the last ones.
      if (this.plans.size >= PLAN_CACHE) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(text, plan);
    }
    return plan;
  }

  search(text: string, options: SearchIndexOptions = {}): ScoredCode[] {
    const plan = this.plan(text);
    if (plan.groups.length === 0) return [];
    const searchOptions: SearchOptions = {
      ...(options.filter ? { filter: (r) => options.filter!(r.id as string) } : {}),
    };
    let raw = options.any ? [] : this.mini.search(this.toMiniQuery(plan, 'AND'), searchOptions);
    let cutoff = 0;
    if (raw.length === 0 && plan.groups.length > 1) {
      raw = this.mini.search(this.toMiniQuery(plan, 'OR'), searchOptions);
      cutoff = OR_FALLBACK_CUTOFF;
    }
    const phrases = phrasesOf(plan);
    const scored: ScoredCode[] = [];
    // The phrase bonus is the costly part and at most MAX_PHRASE_BONUS: past the first
    // BONUS_DEPTH results, a document that could not reach them even with it keeps its plain
    // score (long OR queries find most of the catalogue).
    const best: number[] = [];
    for (const r of raw) {
      const code = r.id as string;
      const boost = options.boost ? options.boost(code) : 1;
      if (!boost) continue;
      const plain = r.score * boost;
      const floor = best.length < BONUS_DEPTH ? 0 : best[best.length - 1]!;
      const score =
        plain * MAX_PHRASE_BONUS < floor ? plain : plain * this.phraseBonus(code, phrases);
      scored.push({ code, score });
      if (score > floor) insertDescending(best, score, BONUS_DEPTH);
    }
    scored.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
    if (cutoff > 0 && scored.length > 0) {
      const min = scored[0]!.score * cutoff;
      return scored.filter((s) => s.score >= min);
    }
    return scored;
  }

  private phraseBonus(code: string, phrases: Phrases): number {
    return phraseBonus(
      {
        name: this.nameTerms.get(code) ?? '',
        head: this.headTerms.get(code) ?? '',
        headWords: this.headWords.get(code) ?? [],
      },
      phrases,
    );
  }

  /** A typed word the index does not know is probably a typo: only those are matched fuzzily. */
  private fuzziness(term: string): number | false {
    if (term.length < MIN_FUZZY_LENGTH || this.vocabulary.has(term)) return false;
    return Math.max(1, Math.round(term.length * FUZZY));
  }

  private toMiniQuery(plan: QueryPlan, combineWith: 'AND' | 'OR'): Query {
    return {
      combineWith,
      queries: plan.groups.map((group) => ({
        combineWith: 'OR',
        queries: group.alternatives.map((alt, i) =>
          this.alternativeQuery(alt, group.last && i === 0),
        ),
      })),
    };
  }

  /** `typing`: the alternative says what the resident typed last (it may be half a word). */
  private alternativeQuery(alt: QueryAlternative, typing: boolean): Query {
    if (alt.kind === 'compound') {
      return {
        queries: [compoundToken(alt.terms)],
        fields: [COMPOUND_FIELD],
        boost: scaled(alt.weight),
        fuzzy: false,
        prefix: false,
      };
    }
    if (alt.terms.length > 1 && alt.kind !== 'loose') {
      return {
        combineWith: 'AND',
        queries: [pairsOf(alt.terms).join(' ')],
        fields: [PAIR_FIELD],
        // Averaged over the pairs: a long phrase is not worth more than a short synonym.
        boost: scaled(alt.weight / (alt.terms.length - 1)),
        fuzzy: false,
        prefix: false,
      };
    }
    const lastTerm = alt.terms.at(-1);
    return {
      combineWith: 'AND',
      queries: alt.terms,
      fields: WORD_FIELDS,
      boost: scaled(alt.weight),
      fuzzy: (term: string) => this.fuzziness(term),
      // Only what is being typed may be a prefix ("dang k" → "dang ki"); whole
      // syllables match whole, or "con" would match every "cong".
      prefix: (term: string) => typing && term === lastTerm && term.length >= MIN_PREFIX_LENGTH,
    };
  }
}

function pairsOf(terms: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < terms.length; i++) out.push(`${terms[i]}_${terms[i + 1]}`);
  return out;
}
