import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { teamsRegistryVi } from './strings-vi';

// The registry's strings ship with its chunk (officers only).
registerFeatureStrings('teamsRegistry', teamsRegistryVi, () =>
  import('./strings-en').then((m) => m.teamsRegistryEn),
);

const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the teams registry screens. */
export function useTr() {
  return useTranslation('teamsRegistry', rerenderOnAdded);
}
