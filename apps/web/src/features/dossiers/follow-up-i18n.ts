import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { followUpVi } from './strings-vi';

// Only the dossier pages need these strings: they ship with this chunk, not the first load.
registerFeatureStrings('followUp', followUpVi, () =>
  import('./strings-en').then((m) => m.followUpEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the follow-up actions; re-renders when the English strings arrive. */
export function useFollowUpT() {
  return useTranslation('followUp', rerenderOnAdded);
}
