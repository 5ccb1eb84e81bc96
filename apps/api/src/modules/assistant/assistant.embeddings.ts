import { createHash } from 'node:crypto';
import type { AssistantAspect } from '@cqs/shared';
import type OpenAI from 'openai';
import type { OpenAiCompatibleConfig } from '../../config';
import type { Clock } from '../../lib/clock';
import { type KnowledgeBase, sectionText } from './assistant.knowledge';
import { openAiClient, withDeadline } from './assistant.openai';

/** Turns texts into vectors (one per text, same order). */
export interface EmbeddingProvider {
  embed(texts: readonly string[], timeoutMs?: number): Promise<number[][]>;
}

/** OpenAI-compatible `POST /v1/embeddings` (vLLM, Ollama, text-embeddings-inference…). */
export class OpenAiEmbeddings implements EmbeddingProvider {
  private readonly client: OpenAI;

  constructor(private readonly config: OpenAiCompatibleConfig) {
    this.client = openAiClient(config);
  }

  async embed(texts: readonly string[], timeoutMs = this.config.timeoutMs): Promise<number[][]> {
    const response = await withDeadline(timeoutMs, (signal) =>
      this.client.embeddings.create(
        // float: the SDK would otherwise ask for base64, which not every local server speaks.
        { model: this.config.model, input: [...texts], encoding_format: 'float' },
        { signal, timeout: timeoutMs },
      ),
    );
    const vectors: number[][] = new Array(texts.length);
    for (const item of response.data) {
      if (item.index >= 0 && item.index < texts.length) vectors[item.index] = item.embedding;
    }
    for (let i = 0; i < texts.length; i++) {
      const v = vectors[i];
      if (!v || v.length === 0 || !v.every(Number.isFinite)) {
        throw new Error(`embedding ${i} of ${texts.length} missing or not numeric`);
      }
    }
    return vectors;
  }
}

/** Sections embedded beside the name (steps and legal basis say little about what one wants). */
const EMBEDDED_SECTIONS: readonly AssistantAspect[] = [
  'documents',
  'conditions',
  'results',
  'applicants',
];
/** Small embedding models read ~512 tokens; the start of a section says what it is about. */
const MAX_CHUNK_CHARS = 600;
/** Texts per request while indexing, and how long one batch may take. */
export const EMBEDDING_BATCH = 64;
const INDEX_BATCH_TIMEOUT_MS = 60_000;
/** After a failed indexing, BM25 alone is used and indexing is tried again this much later. */
const RETRY_AFTER_MS = 60_000;
/** How many procedures the embedding ranking hands to the fusion. */
export const SEMANTIC_TOP_K = 20;

export interface EmbeddingChunk {
  code: string;
  text: string;
}

/** One chunk for the name and field, one per embedded section, cut to MAX_CHUNK_CHARS. */
export function embeddingChunks(kb: KnowledgeBase): EmbeddingChunk[] {
  const chunks: EmbeddingChunk[] = [];
  for (const p of kb.procedures.values()) {
    chunks.push({ code: p.code, text: `${p.name}\n${p.field}` });
    for (const section of EMBEDDED_SECTIONS) {
      const text = sectionText(p.record, section).trim().slice(0, MAX_CHUNK_CHARS);
      if (text) chunks.push({ code: p.code, text });
    }
  }
  return chunks;
}

interface Vectors {
  signature: string;
  codes: string[];
  dim: number;
  /** Unit vectors, one row per chunk: cosine is a dot product. */
  data: Float32Array;
}

export interface SemanticIndexDeps {
  provider: EmbeddingProvider;
  clock: Clock;
  batchSize?: number;
  onFailure?: (reason: string, error?: unknown) => void;
}

/**
 * The catalogue's chunks as vectors, embedded once per knowledge content (cached in memory by a
 * hash of the chunk texts) and the question's embedding against them. Never throws: when the
 * embedding server fails, `rank` gives null and the assistant uses BM25 alone.
 */
export class SemanticIndex {
  private vectors: Vectors | null = null;
  private readonly chunksOf = new WeakMap<
    KnowledgeBase,
    { signature: string; chunks: EmbeddingChunk[] }
  >();
  private preparing: Promise<boolean> | null = null;
  private failedAt: number | null = null;

  constructor(private readonly deps: SemanticIndexDeps) {}

  /** True when the chunks of this knowledge base are embedded. */
  ready(kb: KnowledgeBase): boolean {
    return this.vectors !== null && this.vectors.signature === this.content(kb).signature;
  }

  /** Embeds the chunks unless done for the same content; false when the server failed. */
  prepare(kb: KnowledgeBase): Promise<boolean> {
    if (this.ready(kb)) return Promise.resolve(true);
    this.preparing ??= this.build(kb).finally(() => {
      this.preparing = null;
    });
    return this.preparing;
  }

  /**
   * Procedures in force, most similar first (a procedure's similarity is its best chunk's), or
   * null when the index is not ready or the question cannot be embedded. An index not ready is
   * built in the background; this question is answered by BM25 alone.
   */
  async rank(kb: KnowledgeBase, query: string, now: Date): Promise<string[] | null> {
    if (!this.ready(kb)) {
      const waited = this.failedAt === null ? 0 : this.deps.clock.now().getTime() - this.failedAt;
      if (this.failedAt === null || waited >= RETRY_AFTER_MS) void this.prepare(kb);
      return null;
    }
    const index = this.vectors!;
    let q: number[];
    try {
      [q] = (await this.deps.provider.embed([query])) as [number[]];
    } catch (error) {
      this.deps.onFailure?.('query embedding failed', error);
      return null;
    }
    if (q.length !== index.dim) {
      this.deps.onFailure?.(`query embedding has ${q.length} dimensions, index ${index.dim}`);
      return null;
    }
    const unit = normalise(q);
    const best = new Map<string, number>();
    for (let row = 0; row < index.codes.length; row++) {
      let dot = 0;
      const offset = row * index.dim;
      for (let j = 0; j < index.dim; j++) dot += unit[j]! * index.data[offset + j]!;
      const code = index.codes[row]!;
      if (dot > (best.get(code) ?? Number.NEGATIVE_INFINITY)) best.set(code, dot);
    }
    return [...best]
      .filter(([code]) => kb.inForce(code, now) !== undefined)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, SEMANTIC_TOP_K)
      .map(([code]) => code);
  }

  private content(kb: KnowledgeBase): { signature: string; chunks: EmbeddingChunk[] } {
    let known = this.chunksOf.get(kb);
    if (!known) {
      const chunks = embeddingChunks(kb);
      const hash = createHash('sha256');
      for (const c of chunks) hash.update(c.code).update('\u0000').update(c.text).update('\u0001');
      known = { signature: hash.digest('hex'), chunks };
      this.chunksOf.set(kb, known);
    }
    return known;
  }

  private async build(kb: KnowledgeBase): Promise<boolean> {
    const { signature, chunks } = this.content(kb);
    const batch = this.deps.batchSize ?? EMBEDDING_BATCH;
    try {
      let data: Float32Array | null = null;
      let dim = 0;
      // One batch after another: the embedding server is usually on the same small machine.
      for (let start = 0; start < chunks.length; start += batch) {
        const part = chunks.slice(start, start + batch);
        const vectors = await this.deps.provider.embed(
          part.map((c) => c.text),
          INDEX_BATCH_TIMEOUT_MS,
        );
        for (let i = 0; i < vectors.length; i++) {
          const v = vectors[i]!;
          if (!data) {
            dim = v.length;
            data = new Float32Array(chunks.length * dim);
          }
          if (v.length !== dim)
            throw new Error(`embedding dimensions differ: ${v.length} ≠ ${dim}`);
          data.set(normalise(v), (start + i) * dim);
        }
      }
      this.vectors = {
        signature,
        codes: chunks.map((c) => c.code),
        dim,
        data: data ?? new Float32Array(),
      };
      this.failedAt = null;
      return true;
    } catch (error) {
      this.failedAt = this.deps.clock.now().getTime();
      this.deps.onFailure?.('indexing the catalogue failed', error);
      return false;
    }
  }
}

function normalise(v: readonly number[]): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * scale;
  return out;
}
