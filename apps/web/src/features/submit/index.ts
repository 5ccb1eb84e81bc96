import './submit.css';

export { DraftPage } from './draft-page';
export { SubmitStartPage } from './start-page';
