import { assistantErrors } from './errors/assistant';
import { assistedErrors } from './errors/assisted';
import { calendarErrors } from './errors/calendar';
import { catalogueErrors } from './errors/catalogue';
import { coreErrors } from './errors/core';
import { dashboardErrors } from './errors/dashboard';
import { dashboardOpsErrors } from './errors/dashboard-ops';
import { dossierErrors } from './errors/dossiers';
import { feedbackErrors } from './errors/feedback';
import { filesErrors } from './errors/files';
import { idempotencyErrors } from './errors/idempotency';
import { nationalSyncErrors } from './errors/national-sync';
import { notificationsErrors } from './errors/notifications';
import { paymentsErrors } from './errors/payments';
import { printingErrors } from './errors/printing';
import { processingErrors } from './errors/processing';
import { receptionErrors } from './errors/reception';
import { resultsErrors } from './errors/results';
import { showcaseErrors } from './errors/showcase';
import { tasksErrors } from './errors/tasks';
import { teamsErrors } from './errors/teams';
import type { ErrorEntry } from './errors/types';

export type { ErrorEntry } from './errors/types';

/**
 * Stable error codes of the API. A code never changes meaning once released; clients and the web
 * app switch on it. Each domain keeps its codes in `errors/<domain>.ts`; they are merged here.
 */
export const errorCatalogue = {
  ...coreErrors,
  ...calendarErrors,
  ...dossierErrors,
  ...catalogueErrors,
  ...notificationsErrors,
  ...filesErrors,
  ...idempotencyErrors,
  ...nationalSyncErrors,
  ...paymentsErrors,
  ...printingErrors,
  ...receptionErrors,
  ...resultsErrors,
  ...processingErrors,
  ...feedbackErrors,
  ...teamsErrors,
  ...assistedErrors,
  ...tasksErrors,
  ...assistantErrors,
  ...dashboardErrors,
  ...showcaseErrors,
  ...dashboardOpsErrors,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;
