import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { showcaseVi } from './strings-vi';

// The showcase strings ship with this chunk, not with the first load.
registerFeatureStrings('showcase', showcaseVi, () =>
  import('./strings-en').then((m) => m.showcaseEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the showcase pages; re-renders when the English strings arrive. */
export function useSt() {
  return useTranslation('showcase', rerenderOnAdded);
}
