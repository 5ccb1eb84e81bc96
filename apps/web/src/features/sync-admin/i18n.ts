import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { syncAdminVi } from './strings-vi';

// Administration strings ship with this chunk, not with the residents' first load.
registerFeatureStrings('syncAdmin', syncAdminVi, () =>
  import('./strings-en').then((m) => m.syncAdminEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the sync administration page; re-renders when the English strings arrive. */
export function useSyncT() {
  return useTranslation('syncAdmin', rerenderOnAdded);
}
