import 'i18next';
import type { assistantVi } from '../features/assistant/strings-vi';
import type { assistedVi } from '../features/assisted/strings-vi';
import type { dashboardVi } from '../features/dashboard/strings-vi';
import type { followUpVi } from '../features/dossiers/strings-vi';
import type { feedbackVi } from '../features/feedback/strings-vi';
import type { feedbackMapVi } from '../features/feedback-map/map-strings';
import type { feedbackOfficerVi } from '../features/feedback-officer/strings-vi';
import type { feedbackPublicVi } from '../features/feedback-public/strings-vi';
import type { processingVi } from '../features/processing/strings-vi';
import type { resultsVi } from '../features/results/strings-vi';
import type { showcaseEditorVi } from '../features/showcase/editor/strings-vi';
import type { showcaseVi } from '../features/showcase/strings-vi';
import type { syncAdminVi } from '../features/sync-admin/strings-vi';
import type { tasksVi } from '../features/tasks/strings-vi';
import type { teamsRegistryVi } from '../features/teams-registry/strings-vi';
import type { vi } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Feature namespaces are registered by their lazy chunks (i18n/feature-strings.ts).
    resources: {
      translation: typeof vi;
      processing: typeof processingVi;
      followUp: typeof followUpVi;
      syncAdmin: typeof syncAdminVi;
      results: typeof resultsVi;
      feedbackOfficer: typeof feedbackOfficerVi;
      feedback: typeof feedbackVi;
      feedbackMap: typeof feedbackMapVi;
      feedbackPublic: typeof feedbackPublicVi;
      assistant: typeof assistantVi;
      tasks: typeof tasksVi;
      assisted: typeof assistedVi;
      showcase: typeof showcaseVi;
      showcaseEditor: typeof showcaseEditorVi;
      teamsRegistry: typeof teamsRegistryVi;
      dashboard: typeof dashboardVi;
    };
  }
}
