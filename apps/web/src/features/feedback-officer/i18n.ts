import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { feedbackOfficerVi } from './strings-vi';

// The officers' feedback strings ship with this chunk, not with the residents' first load.
registerFeatureStrings('feedbackOfficer', feedbackOfficerVi, () =>
  import('./strings-en').then((m) => m.feedbackOfficerEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the officers' feedback screens; re-renders when the English strings arrive. */
export function useF() {
  return useTranslation('feedbackOfficer', rerenderOnAdded);
}
