// Officers' community-feedback screens (inbox, triage, report workspace, administration): one
// lazy chunk with its own strings (namespace `feedbackOfficer`).
import './i18n';

export { FeedbackAdminPage } from './admin-page';
export { FeedbackInboxPage } from './inbox-page';
export { ReportPage as FeedbackReportPage } from './report-page';
export { FeedbackTriagePage } from './triage-page';
