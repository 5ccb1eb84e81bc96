import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { feedbackVi } from './strings-vi';

// Only the report pages need these strings: they ship with this chunk, not the first load.
registerFeatureStrings('feedback', feedbackVi, () =>
  import('./strings-en').then((m) => m.feedbackEn),
);

const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the report pages; re-renders when the English strings arrive. */
export function useFeedbackT() {
  return useTranslation('feedback', rerenderOnAdded);
}
