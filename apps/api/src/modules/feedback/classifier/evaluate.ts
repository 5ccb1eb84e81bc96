/** Held-out evaluation of the feedback classifier: accuracy, recall per category, confusions. */
import { type ClassifiableFeedbackCategory, FEEDBACK_CLASSIFY_CATEGORIES } from '@cqs/shared';
import { FeedbackClassifier, TRIAGE_THRESHOLD } from './classifier';
import type { FeedbackExample } from './examples';
import { splitExamples } from './split';

export interface CategoryRecall {
  category: ClassifiableFeedbackCategory;
  total: number;
  correct: number;
  /** correct ÷ total; null when the held-out side has no example of this category. */
  recall: number | null;
  /** Where its misclassified examples went, most frequent first. */
  confusedWith: { category: ClassifiableFeedbackCategory; count: number }[];
}

export interface Evaluation {
  trainSize: number;
  heldOutSize: number;
  accuracy: number;
  perCategory: CategoryRecall[];
  /** Among held-out answers with confidence ≥ TRIAGE_THRESHOLD: how many, and how many right. */
  confident: { count: number; accuracy: number };
  /** Reliability table: held-out answers by confidence band, mean confidence vs accuracy. */
  calibration: {
    from: number;
    to: number;
    count: number;
    meanConfidence: number;
    accuracy: number;
  }[];
  trainMillis: number;
}

const BANDS = [0, 0.5, 0.7, 0.9, 0.97, 1];

export function evaluateClassifier(examples: readonly FeedbackExample[]): Evaluation {
  const { train, heldOut } = splitExamples(examples);
  const started = performance.now();
  const classifier = FeedbackClassifier.fromExamples(train);
  const trainMillis = performance.now() - started;
  const rows = new Map(
    FEEDBACK_CLASSIFY_CATEGORIES.map((category) => [
      category,
      { total: 0, correct: 0, confused: new Map<ClassifiableFeedbackCategory, number>() },
    ]),
  );
  let correct = 0;
  const answers: { confidence: number; right: boolean }[] = [];
  let confidentCount = 0;
  let confidentCorrect = 0;
  for (const example of heldOut) {
    const result = classifier.classify(example.text);
    const row = rows.get(example.category);
    if (!row) continue;
    row.total += 1;
    const right = result.category === example.category;
    answers.push({ confidence: result.confidence, right });
    if (right) {
      correct += 1;
      row.correct += 1;
    } else {
      row.confused.set(result.category, (row.confused.get(result.category) ?? 0) + 1);
    }
    if (result.confidence >= TRIAGE_THRESHOLD) {
      confidentCount += 1;
      if (right) confidentCorrect += 1;
    }
  }
  return {
    trainSize: train.length,
    heldOutSize: heldOut.length,
    accuracy: heldOut.length ? correct / heldOut.length : 0,
    perCategory: [...rows].map(([category, row]) => ({
      category,
      total: row.total,
      correct: row.correct,
      recall: row.total ? row.correct / row.total : null,
      confusedWith: [...row.confused]
        .map(([c, count]) => ({ category: c, count }))
        .sort((a, b) => b.count - a.count),
    })),
    confident: {
      count: confidentCount,
      accuracy: confidentCount ? confidentCorrect / confidentCount : 0,
    },
    calibration: BANDS.slice(0, -1).map((from, i) => {
      const to = BANDS[i + 1] ?? 1;
      const band = answers.filter(
        (a) => a.confidence >= from && (a.confidence < to || (to === 1 && a.confidence <= 1)),
      );
      const count = band.length;
      return {
        from,
        to,
        count,
        meanConfidence: count ? band.reduce((s, a) => s + a.confidence, 0) / count : 0,
        accuracy: count ? band.filter((a) => a.right).length / count : 0,
      };
    }),
    trainMillis,
  };
}

/** The category with the lowest recall (ties: the one with more examples). */
export function worstCategory(evaluation: Evaluation): CategoryRecall | undefined {
  return evaluation.perCategory
    .filter((c) => c.recall !== null)
    .sort((a, b) => (a.recall ?? 0) - (b.recall ?? 0) || b.total - a.total)[0];
}
