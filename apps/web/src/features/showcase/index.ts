// Commune showcase ("Mỗi xã một KOL", issue 8 §5) for residents: a commune's page and the list of
// communes with a page. One lazy chunk with its own strings (namespace `showcase`); the officers'
// editor is a separate chunk (./editor).
import './i18n';

export { ShowcaseListPage } from './showcase-list-page';
export { ShowcasePage } from './showcase-page';
export { ShowcaseUnitLink } from './unit-link';
