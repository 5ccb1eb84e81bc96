import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { assistedVi } from './strings-vi';

// The assisted-submission strings ship with this chunk, not with the first load.
registerFeatureStrings('assisted', assistedVi, () =>
  import('./strings-en').then((m) => m.assistedEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the assisted-submission screens; re-renders when the English strings arrive. */
export function useAt() {
  return useTranslation('assisted', rerenderOnAdded);
}
