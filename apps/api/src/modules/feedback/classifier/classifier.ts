/**
 * Proposes a category for a resident's feedback report (phản ánh, kiến nghị).
 *
 * The classifier is a suggestion, never a decision: the resident picks the category in the form, an
 * officer can change it. The API exposes three uses:
 *  - `classify(text)`: the most likely category, its confidence and the next three;
 *  - `needsTriage(result)`: too unsure to route automatically → an officer triages the report;
 *  - `looksWrong(chosen, result)`: the resident's chosen category disagrees strongly with the text →
 *    flag it for the officer (the report is still routed as chosen).
 */
import {
  type ClassifiableFeedbackCategory,
  FEEDBACK_CLASSIFY_CATEGORIES,
  type FeedbackClassifyAnswer,
} from '@cqs/shared';
import { type FeedbackExample, readExamples } from './examples';
import { featuresOf } from './features';
import { CATEGORY_LEXICON } from './lexicon';
import { SoftmaxRegression } from './softmax-regression';
import { splitExamples } from './split';

export type FeedbackClassification = FeedbackClassifyAnswer;

/**
 * Below this confidence the proposed category is not trusted for automatic routing. 0.5 = the model
 * thinks the category is at least as likely as all the others together. On the held-out examples
 * about 85 % of answers reach it and about 92 % of those are right, against about 55 % below it
 * (`npm run eval:feedback` prints the full reliability table).
 */
export const TRIAGE_THRESHOLD = 0.5;

/** `looksWrong`: the model must be at least this sure of ITS category… */
export const DISAGREEMENT_CONFIDENCE = 0.75;
/** …and give the chosen category less than this. */
export const DISAGREEMENT_CHOSEN_MAX = 0.05;

export class FeedbackClassifier {
  private constructor(private readonly model: SoftmaxRegression<ClassifiableFeedbackCategory>) {}

  /**
   * Trains on the given examples plus the category lexicon (pass `splitExamples(...).train` to keep
   * the held-out side unseen). A few hundred milliseconds for a thousand reports.
   */
  static fromExamples(examples: readonly FeedbackExample[]): FeedbackClassifier {
    const lexicon = Object.entries(CATEGORY_LEXICON).flatMap(([category, phrases]) =>
      phrases.map((text) => ({ text, category: category as ClassifiableFeedbackCategory })),
    );
    // The lexicon twice: its one-phrase examples are short, and weigh little once normalised.
    const labelled = [...examples, ...lexicon, ...lexicon].map((e) => ({
      features: featuresOf(e.text),
      category: e.category,
    }));
    return new FeedbackClassifier(SoftmaxRegression.train(FEEDBACK_CLASSIFY_CATEGORIES, labelled));
  }

  /** Probability of every category, highest first. */
  distribution(text: string): { category: ClassifiableFeedbackCategory; confidence: number }[] {
    const probabilities = this.model.predict(featuresOf(text));
    return this.model.categories
      .map((category, i) => ({ category, confidence: probabilities[i] ?? 0 }))
      .sort((a, b) => b.confidence - a.confidence);
  }

  classify(text: string): FeedbackClassification {
    const [best, ...rest] = this.distribution(text);
    if (!best) throw new Error('The classifier has no category');
    return {
      category: best.category,
      confidence: round(best.confidence),
      alternatives: rest.slice(0, 3).map((a) => ({ ...a, confidence: round(a.confidence) })),
    };
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** True when an officer should choose the category (the classifier is unsure, or says "other"). */
export function needsTriage(result: FeedbackClassification): boolean {
  return result.confidence < TRIAGE_THRESHOLD || result.category === 'khac';
}

/**
 * True when the category a resident chose disagrees strongly with the text: the classifier is sure
 * (≥ DISAGREEMENT_CONFIDENCE) of another category and gives the chosen one less than
 * DISAGREEMENT_CHOSEN_MAX (a category outside the top four counts as below it). `khac` is never
 * "wrong": a resident may always say "other".
 */
export function looksWrong(chosen: string, result: FeedbackClassification): boolean {
  if (chosen === result.category || chosen === 'khac') return false;
  if (result.confidence < DISAGREEMENT_CONFIDENCE) return false;
  const chosenConfidence = result.alternatives.find((a) => a.category === chosen)?.confidence ?? 0;
  return chosenConfidence < DISAGREEMENT_CHOSEN_MAX;
}

let defaultClassifier: FeedbackClassifier | null = null;

/**
 * The classifier trained on the shipped examples' TRAINING side only (the held-out side stays
 * unseen, so the reported accuracy is what residents get). Trained once, lazily, on first use.
 */
export function loadDefaultClassifier(): FeedbackClassifier {
  if (!defaultClassifier) {
    defaultClassifier = FeedbackClassifier.fromExamples(splitExamples(readExamples()).train);
  }
  return defaultClassifier;
}
