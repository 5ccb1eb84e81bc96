// Officer screens of the community digital teams registry (issue 8 §1, §2, §4) over the existing
// teams API: teams, a team with its members, log an activity, import with a preview of errors and
// a progress bar, indicators. One lazy chunk with its own strings (namespace `teamsRegistry`).
import './i18n';

export { LogActivityPage } from './activity-page';
export { ImportPage } from './import-page';
export { IndicatorsPage } from './indicators-page';
export { TeamPage } from './team-page';
export { TeamsPage } from './teams-page';
