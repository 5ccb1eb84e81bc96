import type { ErrorEntry } from './types';

export const idempotencyErrors = {
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    vi: 'Khóa chống gửi trùng (Idempotency-Key) không hợp lệ: cần 8–128 ký tự chữ, số, dấu gạch.',
    en: 'Invalid Idempotency-Key: 8–128 letters, digits, dashes or underscores.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    vi: 'Khóa chống gửi trùng này đã được dùng cho một yêu cầu có nội dung khác. Hãy tạo khóa mới cho yêu cầu mới.',
    en: 'This Idempotency-Key was already used with a different request body.',
  },
} as const satisfies Record<string, ErrorEntry>;
