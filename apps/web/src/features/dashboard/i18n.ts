import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { dashboardVi } from './strings-vi';

// The dashboard's strings ship with this chunk, not with the first load.
registerFeatureStrings('dashboard', dashboardVi, () =>
  import('./strings-en').then((m) => m.dashboardEn),
);

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the dashboard pages; re-renders when the English strings arrive. */
export function useDt() {
  return useTranslation('dashboard', rerenderOnAdded);
}
