import { coreErrors } from './errors/core';
import { notificationsErrors } from './errors/notifications';
import { filesErrors } from './errors/files';
import { idempotencyErrors } from './errors/idempotency';
import type { ErrorEntry } from './errors/types';

export type { ErrorEntry } from './errors/types';

/**
 * Stable error codes of the API. A code never changes meaning once released; clients and the web
 * app switch on it. Each domain keeps its codes in `errors/<domain>.ts`; they are merged here.
 */
export const errorCatalogue = {
  ...coreErrors,
  ...notificationsErrors,
  ...filesErrors,
  ...idempotencyErrors,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof errorCatalogue;
