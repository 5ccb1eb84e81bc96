import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { processingVi } from './strings-vi';

// The back office's processing strings ship with this chunk, not with the residents' first load.
registerFeatureStrings('processing', processingVi, () =>
  import('./strings-en').then((m) => m.processingEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the processing screens; re-renders when the English strings arrive. */
export function useP() {
  return useTranslation('processing', rerenderOnAdded);
}
