// Officer one-stop processing screens: one lazy chunk with its own strings (namespace `processing`).
import './i18n';

export { IntakePage } from './intake-page';
export { ReceptionPage } from './reception-page';
export { WorkQueuePage } from './work-queue-page';
export { WorkspacePage } from './workspace-page';
