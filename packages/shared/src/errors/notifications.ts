import type { ErrorEntry } from './types';

/** Errors of the notifications outbox (raised inside the business action that queues a message). */
export const notificationsErrors = {
  NOTIFICATION_TEMPLATE_UNKNOWN: {
    status: 500,
    vi: 'Không tạo được thông báo vì mẫu thông báo không tồn tại. Vui lòng báo bộ phận hỗ trợ kèm mã tham chiếu.',
    en: 'The notification template does not exist.',
  },
  NOTIFICATION_PAYLOAD_INVALID: {
    status: 500,
    vi: 'Không tạo được thông báo vì thiếu thông tin cho mẫu thông báo. Vui lòng báo bộ phận hỗ trợ kèm mã tham chiếu.',
    en: 'The notification payload does not match its template.',
  },
  NOTIFICATION_RECIPIENT_INVALID: {
    status: 422,
    vi: 'Địa chỉ nhận thông báo không hợp lệ. Vui lòng kiểm tra lại địa chỉ thư điện tử hoặc số điện thoại di động (10 chữ số, bắt đầu bằng 0).',
    en: 'The notification recipient (e-mail address or mobile number) is invalid.',
  },
} as const satisfies Record<string, ErrorEntry>;
