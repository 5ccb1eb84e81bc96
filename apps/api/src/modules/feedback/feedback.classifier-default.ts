import { loadDefaultClassifier, looksWrong, needsTriage } from './classifier/classifier';
import { moderate } from './classifier/moderation';
import type { FeedbackClassifierPort } from './feedback.classifier-port';

/** The shipped classifier (trained lazily on first use) and moderation check, as the port. */
export const defaultFeedbackClassifier: FeedbackClassifierPort = {
  classify: (text) => loadDefaultClassifier().classify(text),
  needsTriage,
  looksWrong,
  moderate: (text) => {
    const result = moderate(text);
    return { held: result.held, reasons: [...result.reasons] };
  },
};
