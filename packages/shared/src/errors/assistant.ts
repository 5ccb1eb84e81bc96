import type { ErrorEntry } from './types';

/** Errors of the assistant (issue 6). Most problems are answered in the chat itself. */
export const assistantErrors = {
  ASSISTANT_CONVERSATION_NOT_FOUND: {
    status: 404,
    vi: 'Cuộc trò chuyện này không còn (đã hết hạn lưu hoặc thuộc người khác). Vui lòng bắt đầu cuộc trò chuyện mới.',
    en: 'Conversation not found or expired.',
  },
} as const satisfies Record<string, ErrorEntry>;
