/**
 * What the feedback service needs from the text classifier (built in ./classifier by its own
 * module): a category suggestion with confidence, when to send to triage, when a chosen category
 * looks wrong, and the moderation check. Injected, so tests use a predictable fake.
 */
export interface ClassifierResult {
  category: string;
  confidence: number;
  alternatives: { category: string; confidence: number }[];
}

export interface ModerationResult {
  held: boolean;
  reasons: string[];
}

export interface FeedbackClassifierPort {
  classify(text: string): ClassifierResult;
  needsTriage(result: ClassifierResult): boolean;
  looksWrong(chosen: string, result: ClassifierResult): boolean;
  moderate(text: string): ModerationResult;
}
