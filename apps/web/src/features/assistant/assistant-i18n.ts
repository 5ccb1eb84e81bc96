import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { assistantVi } from './strings-vi';

// Only the chat needs these strings: they ship with this chunk, not the first load.
registerFeatureStrings('assistant', assistantVi, () =>
  import('./strings-en').then((m) => m.assistantEn),
);

const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the chat; re-renders when the English strings arrive. */
export function useAssistantT() {
  return useTranslation('assistant', rerenderOnAdded);
}
