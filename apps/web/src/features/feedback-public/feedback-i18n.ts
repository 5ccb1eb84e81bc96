import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { feedbackPublicVi } from './strings-vi';

// Only the public feedback pages need these strings: they ship with this chunk.
registerFeatureStrings('feedbackPublic', feedbackPublicVi, () =>
  import('./strings-en').then((m) => m.feedbackPublicEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the public feedback pages; re-renders when the English strings arrive. */
export function useFeedbackT() {
  return useTranslation('feedbackPublic', rerenderOnAdded);
}
