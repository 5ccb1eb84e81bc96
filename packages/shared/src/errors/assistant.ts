import type { ErrorEntry } from './types';

/**
 * Errors of the assistant (issue 6). None yet: what goes wrong in a conversation is answered in
 * the chat itself (not found, clarification, wrong check digits), an expired or someone else's
 * conversation silently starts a new one, and bad input is VALIDATION_FAILED. Codes go here.
 */
export const assistantErrors = {} as const satisfies Record<string, ErrorEntry>;
