// Resident side of community feedback: the report intake and "my reports" (one lazy chunk).
export { ReportIntakePage } from './intake-page';
export { MyReportsPage } from './my-reports-page';
