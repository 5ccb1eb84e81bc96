import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { resultsVi } from './strings-vi';

// The verification pages' strings travel in their own lazy chunk: residents who never open them
// never download them.
registerFeatureStrings('results', resultsVi, () => import('./strings-en').then((m) => m.resultsEn));

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the verification pages; re-renders when the English strings arrive. */
export function useR() {
  return useTranslation('results', rerenderOnAdded);
}
