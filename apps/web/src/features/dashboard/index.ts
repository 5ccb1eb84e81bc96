// The operations dashboard for leaders (issue 7 §1, §2, §4–§9, web): overview with the commune
// map, unit and component drill-downs, feedback drill, steering view of tasks, glossary. One lazy
// chunk with its own strings (namespace `dashboard`); ECharts is a further chunk of its own.
import './i18n';

export { DashboardLayout } from './dashboard-layout';
export { DrillPage } from './drill-page';
export { FeedbackDrillPage } from './feedback-drill-page';
export { GlossaryPage } from './glossary-page';
export { OverviewPage } from './overview-page';
export { SteeringPage } from './steering-page';
export { UnitPage } from './unit-page';
