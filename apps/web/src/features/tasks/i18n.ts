import { type UseTranslationOptions, useTranslation } from 'react-i18next';
import { registerFeatureStrings } from '../../i18n/feature-strings';
import { tasksVi } from './strings-vi';

// The directive-task strings ship with this chunk, not with the first load.
registerFeatureStrings('tasks', tasksVi, () => import('./strings-en').then((m) => m.tasksEn));

// react-i18next reads `bindI18nStore` per hook at run time; its types list only some options.
const rerenderOnAdded = { bindI18nStore: 'added' } as UseTranslationOptions<undefined>;

/** `t` for the directive-task screens; re-renders when the English strings arrive. */
export function useTk() {
  return useTranslation('tasks', rerenderOnAdded);
}
