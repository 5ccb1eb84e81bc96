import { analyze, type CatalogueRecord, expandQuery, type QueryPlan } from '@cqs/shared';
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';

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

/** Field weights: the name says most, the field (lĩnh vực) some, documents and results least. */
export const FIELD_BOOST = { name: 4, field: 2, documents: 1, results: 1, pairs: 4 } as const;
const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 3;
const MIN_PREFIX_LENGTH = 2;
/** Without a result that matches every concept, keep only answers this close to the best one. */
const OR_FALLBACK_CUTOFF = 0.25;

export interface ScoredCode {
  code: string;
  score: number;
}

export interface SearchIndexOptions {
  /** Multiplies a document's score (e.g. commune-level first); 0 drops it. */
  boost?: (code: string) => number;
  /** Keeps only documents for which this returns true. */
  filter?: (code: string) => boolean;
}

const WORD_FIELDS = ['name', 'field', 'documents', 'results'];

const scaled = (weight: number) => ({
  name: FIELD_BOOST.name * weight,
  field: FIELD_BOOST.field * weight,
  documents: FIELD_BOOST.documents * weight,
  results: FIELD_BOOST.results * weight,
  pairs: FIELD_BOOST.pairs * weight,
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
  /** Every indexed term: a typed word found here is taken as meant, not as a typo. */
  private readonly vocabulary = new Set<string>();

  constructor(docs: readonly SearchDoc[]) {
    this.mini = new MiniSearch<SearchDoc>({
      idField: 'code',
      fields: [...WORD_FIELDS, PAIR_FIELD],
      storeFields: [],
      tokenize: (text, fieldName) => {
        if (fieldName === PAIR_FIELD) return pairTokens(text);
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
    for (const doc of sorted) this.nameTerms.set(doc.code, ` ${analyze(doc.name).join(' ')} `);
  }

  get size(): number {
    return this.mini.documentCount;
  }

  search(text: string, options: SearchIndexOptions = {}): ScoredCode[] {
    const plan = expandQuery(text);
    if (plan.groups.length === 0) return [];
    const searchOptions: SearchOptions = {
      ...(options.filter ? { filter: (r) => options.filter!(r.id as string) } : {}),
    };
    let raw = this.mini.search(this.toMiniQuery(plan, 'AND'), searchOptions);
    let cutoff = 0;
    if (raw.length === 0 && plan.groups.length > 1) {
      raw = this.mini.search(this.toMiniQuery(plan, 'OR'), searchOptions);
      cutoff = OR_FALLBACK_CUTOFF;
    }
    const phrases = phrasesOf(plan);
    const scored: ScoredCode[] = [];
    for (const r of raw) {
      const code = r.id as string;
      const boost = options.boost ? options.boost(code) : 1;
      if (!boost) continue;
      scored.push({ code, score: r.score * this.phraseBonus(code, phrases) * boost });
    }
    scored.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
    if (cutoff > 0 && scored.length > 0) {
      const min = scored[0]!.score * cutoff;
      return scored.filter((s) => s.score >= min);
    }
    return scored;
  }

  /**
   * Up to ×3 for words found side by side in the name: the whole typed query, a multi-word
   * alternative (a synonym phrase such as "thuong tru"), or else a share of the typed word pairs.
   * BM25 alone cannot tell "sổ hộ khẩu" from "khấu trừ … hỗ trợ" once marks are folded away.
   */
  private phraseBonus(code: string, phrases: Phrases): number {
    const name = this.nameTerms.get(code) ?? '';
    if (phrases.whole) {
      // The resident typed the procedure's very name (less "thủ tục"), or its beginning.
      if (name === phrases.whole) return 3;
      if (name.startsWith(phrases.whole)) return 2.2;
      if (name.includes(phrases.whole)) return 2;
    }
    // The same query said with the catalogue's words ("cấp CCCD" → "cấp thẻ căn cước").
    let rephrased = 0;
    for (const whole of phrases.rephrased) {
      if (name === whole) rephrased = Math.max(rephrased, 3);
      else if (name.startsWith(whole)) rephrased = Math.max(rephrased, 2.1);
      else if (name.includes(whole)) rephrased = Math.max(rephrased, 1.9);
    }
    if (rephrased) return rephrased;
    if (phrases.alternatives.some((p) => name.includes(p))) return 1.8;
    if (phrases.pairs.length === 0) return 1;
    const found = phrases.pairs.filter((p) => name.includes(p)).length;
    return 1 + 0.5 * (found / phrases.pairs.length);
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
          alt.terms.length > 1
            ? {
                combineWith: 'AND',
                queries: [pairsOf(alt.terms).join(' ')],
                fields: [PAIR_FIELD],
                // Averaged over the pairs: a long phrase is not worth more than a short synonym.
                boost: scaled(alt.weight / (alt.terms.length - 1)),
                fuzzy: false,
                prefix: false,
              }
            : {
                combineWith: 'AND',
                queries: alt.terms,
                fields: WORD_FIELDS,
                boost: scaled(alt.weight),
                fuzzy: (term: string) => this.fuzziness(term),
                // Only what is being typed may be a prefix ("dang k" → "dang ki"); whole
                // syllables match whole, or "con" would match every "cong".
                prefix: (term: string) => group.last && i === 0 && term.length >= MIN_PREFIX_LENGTH,
              },
        ),
      })),
    };
  }
}

function pairsOf(terms: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < terms.length; i++) out.push(`${terms[i]}_${terms[i + 1]}`);
  return out;
}

interface Phrases {
  whole: string | null;
  /** The whole query with typed words replaced by current synonyms or rewrites (not older names). */
  rephrased: string[];
  alternatives: string[];
  pairs: string[];
}

const MAX_REPHRASINGS = 16;

function rephrasings(plan: QueryPlan): string[] {
  let combos: string[][] = [[]];
  for (const group of plan.groups) {
    const options = group.alternatives.filter((a) => a.kind !== 'older').map((a) => a.terms);
    if (options.length === 0) return [];
    combos = combos.flatMap((c) => options.map((o) => [...c, ...o])).slice(0, MAX_REPHRASINGS);
  }
  const typed = plan.terms.join(' ');
  return [
    ...new Set(combos.map((c) => c.join(' ')).filter((t) => t !== typed && t.includes(' '))),
  ].map((t) => ` ${t} `);
}

/** Space-delimited, so that " thuong tru " never matches inside " thuong trung ". */
function phrasesOf(plan: QueryPlan): Phrases {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < plan.terms.length; i++) {
    pairs.push(` ${plan.terms[i]} ${plan.terms[i + 1]} `);
  }
  const alternatives = plan.groups.flatMap((g) =>
    g.alternatives.filter((a) => a.terms.length > 1).map((a) => ` ${a.terms.join(' ')} `),
  );
  return {
    whole: plan.terms.length > 1 ? ` ${plan.terms.join(' ')} ` : null,
    rephrased: rephrasings(plan),
    alternatives,
    pairs,
  };
}
