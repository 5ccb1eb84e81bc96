// Assisted submission (issue 8 §3) for community digital team members: the dossiers they helped
// with, starting one for a resident, the form, the resident's consent and submission. One lazy
// chunk with its own strings (namespace `assisted`); it reuses the submit feature's form fields.
import './i18n';
import '../submit/submit.css';
import './assisted.css';

export { AssistedFlowPage } from './flow-page';
export { AssistedListPage } from './list-page';
export { AssistedStartPage } from './start-page';
