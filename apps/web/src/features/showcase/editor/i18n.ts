import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../../i18n/feature-strings';
import { showcaseEditorVi } from './strings-vi';

// The editor's strings ship with the editor chunk (officers only).
registerFeatureStrings('showcaseEditor', showcaseEditorVi, () =>
  import('./strings-en').then((m) => m.showcaseEditorEn),
);

const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the showcase editor; re-renders when the English strings arrive. */
export function useEt() {
  return useTranslation('showcaseEditor', rerenderOnAdded);
}
