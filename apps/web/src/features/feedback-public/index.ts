// Public community feedback pages: the list (and map), a report with its answer, unit statistics.
export { ReportDetailPage } from './report-detail-page';
export { ReportsListPage } from './reports-list-page';
export { StatsPage } from './stats-page';
