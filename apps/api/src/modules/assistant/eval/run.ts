/**
 * npm run eval:assistant — the assistant's router and retrieval against the shipped question set
 * (apps/api/seed-data/assistant), beside a plain BM25 baseline in the same run. Prints top-1/top-3
 * procedure accuracy, section (aspect) accuracy, intent accuracy and p50/p95 latency, for the part
 * the rules were tuned on and for the held-out part separately. `--misses` lists the failures.
 */
import { CompoundLexicon } from '@cqs/shared';
import { KnowledgeBase } from '../assistant.knowledge';
import { seedKnowledge } from '../assistant.seed-source';
import { PlainBaseline } from './baseline';
import {
  type EvalQuestion,
  loadQuestions,
  runAssistant,
  runBaseline,
  type Scores,
  score,
} from './evaluate';

const DATA = new URL('../../../../seed-data/assistant/', import.meta.url);
const NOW = new Date('2026-06-01T03:00:00Z');
const showMisses = process.argv.includes('--misses');

const questions: EvalQuestion[] = [
  ...loadQuestions(new URL('questions-tune.jsonl', DATA)),
  ...loadQuestions(new URL('questions-held-out.jsonl', DATA)),
];
let t = performance.now();
const procedures = seedKnowledge();
const kb = new KnowledgeBase(procedures);
const kbMs = performance.now() - t;
t = performance.now();
const baseline = new PlainBaseline(procedures);
const baselineMs = performance.now() - t;
// The same assistant without dictionary compounds, to show what they add (issue 6 §6).
const noCompounds = new KnowledgeBase(procedures, { lexicon: CompoundLexicon.empty });
// One warm-up pass so that both are measured with their code compiled.
for (const q of questions.slice(0, 20)) {
  runAssistant(kb, q, NOW);
  runAssistant(noCompounds, q, NOW);
  runBaseline(baseline, q);
}

const pct = (n: number, d: number) =>
  d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
function line(label: string, s: Scores): string {
  return [
    label.padEnd(26),
    `${String(s.questions).padStart(4)}`,
    pct(s.top1, s.procedureQuestions),
    pct(s.top3, s.procedureQuestions),
    pct(s.aspect, s.aspectQuestions),
    pct(s.intent, s.questions),
    `${s.p50.toFixed(2).padStart(6)} ms`,
    `${s.p95.toFixed(2).padStart(6)} ms`,
  ].join('  ');
}

console.log(
  `Catalogue: ${kb.size} procedures; index build ${(kbMs / 1000).toFixed(1)} s (assistant), ${(baselineMs / 1000).toFixed(1)} s (baseline)`,
);
console.log(`${'set'.padEnd(26)}     n   top-1   top-3  aspect  intent        p50         p95`);
for (const split of ['tune', 'held_out', 'all'] as const) {
  const part = split === 'all' ? questions : questions.filter((q) => q.split === split);
  const ours = score(part, (q) => runAssistant(kb, q, NOW));
  const plain = score(part, (q) => runBaseline(baseline, q));
  console.log(line(`${split} · assistant`, ours));
  if (split === 'all') {
    console.log(
      line(
        `${split} · no compounds`,
        score(part, (q) => runAssistant(noCompounds, q, NOW)),
      ),
    );
  }
  console.log(line(`${split} · plain BM25`, plain));
  if (split !== 'all') {
    console.log(
      `${''.padEnd(26)}  clarifying question asked on ${ours.clarifyAsked}/${ours.clarifyQuestions} ambiguous questions`,
    );
  }
  if (showMisses && split !== 'all') for (const m of ours.misses) console.log(`  miss ${m}`);
}
const n = new Set(questions.flatMap((q) => q.codes ?? [])).size;
console.log(`Question set: ${questions.length} questions over ${n} procedures.`);
