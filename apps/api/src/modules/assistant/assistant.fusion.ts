import type { ScoredCode } from '../catalogue/catalogue.search';
import type { SemanticIndex } from './assistant.embeddings';
import type { KnowledgeBase } from './assistant.knowledge';
import { maskPersonalNumbers } from './assistant.privacy';
import {
  CONFIDENCE_THRESHOLD,
  type ConversationContext,
  type Decision,
  decide,
} from './assistant.router';

/** The usual constant of reciprocal-rank fusion (Cormack et al., 2009). */
export const RRF_K = 60;
/** How far down the fused list the confident-first rule looks (the router reads the top 3). */
const GUARD_DEPTH = 10;

export interface FusedCode {
  code: string;
  score: number;
}

/**
 * Reciprocal-rank fusion: score(d) = Σ over the rankings of 1 / (k + rank of d), ranks from 1;
 * a ranking without d adds nothing. Ties go to the better best rank, then to the earlier list,
 * then to the code, so the result is deterministic.
 */
export function reciprocalRankFusion(
  rankings: readonly (readonly string[])[],
  k: number = RRF_K,
): FusedCode[] {
  const scores = new Map<string, { score: number; best: number; list: number }>();
  rankings.forEach((ranking, list) => {
    const seen = new Set<string>();
    ranking.forEach((code, i) => {
      if (seen.has(code)) return;
      seen.add(code);
      const rank = i + 1;
      const entry = scores.get(code);
      if (entry) {
        entry.score += 1 / (k + rank);
        entry.best = Math.min(entry.best, rank);
      } else {
        scores.set(code, { score: 1 / (k + rank), best: rank, list });
      }
    });
  });
  return [...scores]
    .sort(
      ([a, x], [b, y]) =>
        y.score - x.score || x.best - y.best || x.list - y.list || (a < b ? -1 : a > b ? 1 : 0),
    )
    .map(([code, { score }]) => ({ code, score }));
}

/**
 * The BM25 ranking re-ordered by its fusion with the embedding ranking, as the router reads it.
 *
 * - Order: RRF of the two rankings (a procedure only the embeddings found joins the list).
 * - Scores stay BM25's (0 for a procedure BM25 did not find): the router's clarification compares
 *   the scores of the top three, and RRF scores of neighbours are always within a few percent of
 *   each other, which would turn every answer into a question.
 * - When BM25's best fits the question (`confident`: its name covers enough of it), fitting
 *   procedures stay above the others in the head of the list: the embeddings may choose between
 *   fitting procedures, but never replace a fitting answer with a guess. When BM25's best is
 *   itself a guess, the fused order stands: a fitting procedure the embeddings bring first is
 *   answered, otherwise the suggestions are the fused ones.
 */
export function fuseRanked(
  lexical: readonly ScoredCode[],
  semantic: readonly string[],
  confident: (code: string) => boolean,
): ScoredCode[] {
  const lexicalScore = new Map(lexical.map((r) => [r.code, r.score]));
  const fused = reciprocalRankFusion([lexical.map((r) => r.code), semantic]).map((f) => ({
    code: f.code,
    score: lexicalScore.get(f.code) ?? 0,
  }));
  const best = lexical[0];
  if (!best || !confident(best.code)) return fused;
  const head = fused.slice(0, GUARD_DEPTH).map((r) => ({ r, sure: confident(r.code) }));
  return [
    ...head.filter((h) => h.sure).map((h) => h.r),
    ...head.filter((h) => !h.sure).map((h) => h.r),
    ...fused.slice(GUARD_DEPTH),
  ];
}

/**
 * The knowledge base seen through another `rank` (everything else is the same object): lets the
 * service give the router a fused ranking, or record which topic it ranked, without changing the
 * router or the knowledge base.
 */
export function withRanking(
  kb: KnowledgeBase,
  rank: (topic: string, now: Date, qualifier?: string) => ScoredCode[],
): KnowledgeBase {
  const view = Object.create(kb) as KnowledgeBase;
  Object.defineProperty(view, 'rank', { value: rank });
  return view;
}

/**
 * The router's decision; with embeddings, a second pass over the ranking fused with the embedding
 * ranking of the topic the first pass searched for. The router stays pure and synchronous; without
 * embeddings, or when they fail or are not ready, the first (BM25) pass is the decision.
 */
export async function decideWithEmbeddings(
  kb: KnowledgeBase,
  semantic: Pick<SemanticIndex, 'rank'> | undefined,
  text: string,
  context: ConversationContext,
  now: Date,
  picked?: string,
): Promise<Decision> {
  if (!semantic) return decide(kb, text, context, now, picked);
  let topic: string | undefined;
  const recorder = withRanking(kb, (t, at, q) => {
    topic ??= t;
    return kb.rank(t, at, q);
  });
  const lexical = decide(recorder, text, context, now, picked);
  if (topic === undefined) return lexical;
  const searched = topic;
  // The embedding server never sees a phone or ID number the resident typed.
  const similar = await semantic.rank(kb, maskPersonalNumbers(searched), now);
  if (!similar || similar.length === 0) return lexical;
  // The qualifier ("lần đầu") is passed through so fusion keeps the router's preference.
  const fused = withRanking(kb, (t, at, q) =>
    t === searched
      ? fuseRanked(
          kb.rank(t, at, q),
          similar,
          (code) => kb.coverage(t, code) >= CONFIDENCE_THRESHOLD,
        )
      : kb.rank(t, at, q),
  );
  return decide(fused, text, context, now, picked);
}
