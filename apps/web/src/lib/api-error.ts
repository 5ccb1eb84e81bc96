import type { ErrorCode } from '@cqs/shared';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Client-side codes for failures that never reached the API's error handler. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/**
 * A failed API call. `message` comes from the API (Vietnamese, ready to show); `requestId` is the
 * reference a resident quotes to support (shown for 5xx).
 */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode | (string & {});
  readonly requestId: string | null;
  readonly fields: FieldProblem[];

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string | null;
    fields?: FieldProblem[];
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.fields = init.fields ?? [];
  }

  get isServerError(): boolean {
    return this.status === 0 || this.status >= 500;
  }

  /** The first problem reported for a field, if any. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}
