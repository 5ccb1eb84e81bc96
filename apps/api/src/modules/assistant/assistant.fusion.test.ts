import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { FakeOpenAi, hashingEmbedding } from '../../test/fake-openai';
import {
  EMBEDDING_BATCH,
  embeddingChunks,
  OpenAiEmbeddings,
  SemanticIndex,
} from './assistant.embeddings';
import { decideWithEmbeddings, fuseRanked, reciprocalRankFusion } from './assistant.fusion';
import { KnowledgeBase } from './assistant.knowledge';
import { decide } from './assistant.router';
import { seedKnowledge } from './assistant.seed-source';

describe('reciprocal-rank fusion', () => {
  it('sums 1/(k + rank) over the rankings', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'a'],
    ]);
    expect(fused.map((f) => f.code)).toEqual(['a', 'c', 'b']);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[2]!.score).toBeCloseTo(1 / 62, 12);
  });

  it('lets a document high in both lists beat one first in a single list', () => {
    const fused = reciprocalRankFusion([
      ['x', 'y'],
      ['z', 'y'],
    ]);
    expect(fused[0]!.code).toBe('y');
  });

  it('breaks ties by best rank, then by list, then by code; counts a repeat once', () => {
    expect(
      reciprocalRankFusion([
        ['b', 'a'],
        ['a2', 'b2'],
      ]).map((f) => f.code),
    ).toEqual(['b', 'a2', 'a', 'b2']);
    expect(reciprocalRankFusion([['a', 'a', 'b']]).map((f) => f.score)).toEqual([1 / 61, 1 / 63]);
    expect(reciprocalRankFusion([['a'], ['b']], 1).map((f) => f.score)).toEqual([0.5, 0.5]);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});

describe('the fused ranking the router reads', () => {
  const lexical = [
    { code: 'A', score: 100 },
    { code: 'B', score: 90 },
    { code: 'C', score: 40 },
  ];

  it('reorders by fusion and keeps the BM25 scores (0 for what BM25 did not find)', () => {
    const fused = fuseRanked(lexical, ['C', 'D', 'B'], () => true);
    expect(fused).toEqual([
      { code: 'C', score: 40 },
      { code: 'B', score: 90 },
      { code: 'A', score: 100 },
      { code: 'D', score: 0 },
    ]);
  });

  it('never lets a procedure that does not fit the question pass one that does', () => {
    const fused = fuseRanked(lexical, ['C', 'D', 'B'], (code) => code !== 'C');
    expect(fused.map((r) => r.code)).toEqual(['B', 'A', 'D', 'C']);
  });

  it('keeps the fused order when BM25 had no fitting answer either', () => {
    const fused = fuseRanked(lexical, ['C', 'D', 'B'], (code) => code === 'C');
    expect(fused.map((r) => r.code)).toEqual(['C', 'B', 'A', 'D']);
    expect(fuseRanked([], ['D'], () => true)).toEqual([{ code: 'D', score: 0 }]);
  });
});

const NOW = new Date('2026-06-01T03:00:00Z');
const BIRTH = '1.001193';
const BIRTH_AGAIN = '1.004884';

describe('embeddings against an OpenAI-compatible server', () => {
  let fake: FakeOpenAi;
  let kb: KnowledgeBase;
  const clock = new FixedClock(NOW);
  const failures: string[] = [];
  const index = (timeoutMs = 2_000) =>
    new SemanticIndex({
      provider: new OpenAiEmbeddings({
        baseUrl: fake.baseUrl,
        model: 'bge-m3',
        apiKey: null,
        timeoutMs,
      }),
      clock,
      batchSize: 16,
      onFailure: (reason) => failures.push(reason),
    });

  beforeAll(async () => {
    fake = await FakeOpenAi.start();
    // Birth, death and building permits: enough for close neighbours, fast to index.
    kb = new KnowledgeBase(
      seedKnowledge().filter((p) => /khai sinh|khai tử|giấy phép xây dựng/i.test(p.name)),
    );
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    failures.length = 0;
  });

  it('embeds the chunks once, in batches, and reuses them for the same catalogue text', async () => {
    const semantic = index();
    const chunks = embeddingChunks(kb);
    expect(await semantic.prepare(kb)).toBe(true);
    const batches = fake.embeddingRequests;
    expect(batches).toHaveLength(Math.ceil(chunks.length / 16));
    expect(batches.every((r) => (r.body.input as string[]).length <= 16)).toBe(true);
    expect(batches.flatMap((r) => r.body.input as string[])).toEqual(chunks.map((c) => c.text));
    expect(batches[0]?.body).toMatchObject({ model: 'bge-m3', encoding_format: 'float' });
    expect(batches[0]?.authorization).toBe('Bearer khong-can-khoa');

    // A rebuilt knowledge base with the same text (a restart of the index) costs no request.
    const again = new KnowledgeBase([...kb.procedures.values()]);
    expect(await semantic.prepare(again)).toBe(true);
    expect(fake.embeddingRequests).toHaveLength(batches.length);
    expect(EMBEDDING_BATCH).toBeGreaterThan(16);
  });

  it('ranks by cosine: the chunk that shares the question words comes first', async () => {
    const semantic = index();
    await semantic.prepare(kb);
    const ranked = await semantic.rank(kb, 'đăng ký lại khai sinh', NOW);
    expect(ranked?.[0]).toBe(BIRTH_AGAIN);
    expect(fake.embeddingRequests.at(-1)?.body.input).toEqual(['đăng ký lại khai sinh']);
  });

  it('changes the ranking as the embeddings say, and asks when they disagree with BM25', async () => {
    // A scripted model: the question and "đăng ký lại khai sinh" mean the same, nothing else does.
    const same = [1, ...new Array(63).fill(0)];
    const other = [0, 1, ...new Array(62).fill(0)];
    fake.embeddings.embed = (text) =>
      text === 'đăng ký khai sinh' || text.startsWith('Thủ tục đăng ký lại khai sinh')
        ? same
        : other;
    const semantic = index();
    await semantic.prepare(kb);

    const plain = decide(kb, 'đăng ký khai sinh', {}, NOW);
    const fused = await decideWithEmbeddings(kb, semantic, 'đăng ký khai sinh', {}, NOW);
    if (plain.kind !== 'procedure' || fused.kind !== 'procedure')
      throw new Error('not a procedure');
    expect(plain.outcome).toBe('answer');
    expect(plain.code).toBe(BIRTH);
    const bm25Rank = plain.ranked.findIndex((r) => r.code === BIRTH_AGAIN);
    expect(bm25Rank).toBeGreaterThan(0);
    // First by fusion (BM25 rank + embedding rank 1), BM25's first right after it.
    expect(fused.ranked.slice(0, 2).map((r) => r.code)).toEqual([BIRTH_AGAIN, BIRTH]);
    // Both names fit the question and BM25 scores BIRTH higher: the resident is asked.
    expect(fused.outcome).toBe('clarify');
    expect(fused.candidates.slice(0, 2)).toEqual([BIRTH_AGAIN, BIRTH]);
  });

  it('answers from BM25 alone when the embedding server fails or is not ready', async () => {
    const question = 'làm giấy khai sinh cần giấy tờ gì';
    const plain = decide(kb, question, {}, NOW);

    // Not indexed yet: BM25 now, indexing starts in the background.
    const fresh = index();
    expect(await decideWithEmbeddings(kb, fresh, question, {}, NOW)).toEqual(plain);
    expect(await fresh.prepare(kb)).toBe(true);

    // Indexed, then the server answers 500 or too late for the question.
    fake.embeddings.status = 500;
    expect(await decideWithEmbeddings(kb, fresh, question, {}, NOW)).toEqual(plain);
    fake.embeddings.status = 200;
    const slow = new SemanticIndex({
      provider: new OpenAiEmbeddings({
        baseUrl: fake.baseUrl,
        model: 'bge-m3',
        apiKey: null,
        timeoutMs: 200,
      }),
      clock,
      onFailure: (reason) => failures.push(reason),
    });
    expect(await slow.prepare(kb)).toBe(true);
    fake.embeddings = { embed: hashingEmbedding, delayMs: 3_000, status: 200 };
    expect(await decideWithEmbeddings(kb, slow, question, {}, NOW)).toEqual(plain);
    expect(failures).toEqual(['query embedding failed', 'query embedding failed']);

    // Server down while indexing: BM25, and no new attempt before the retry delay.
    const down = new SemanticIndex({
      provider: new OpenAiEmbeddings({
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'bge-m3',
        apiKey: null,
        timeoutMs: 500,
      }),
      clock,
      onFailure: (reason) => failures.push(reason),
    });
    expect(await down.prepare(kb)).toBe(false);
    expect(failures).toContain('indexing the catalogue failed');
    expect(await decideWithEmbeddings(kb, down, question, {}, NOW)).toEqual(plain);
  });

  it('sends the topic without the phone or ID number typed with it', async () => {
    const semantic = index();
    await semantic.prepare(kb);
    await decideWithEmbeddings(
      kb,
      semantic,
      'CCCD 066190001234 sđt 0905127788 đăng ký khai tử',
      {},
      NOW,
    );
    const query = JSON.stringify(fake.embeddingRequests.at(-1)?.body.input);
    expect(query).toContain('khai');
    expect(query).not.toMatch(/066190001234|0905127788/);
  });
});
