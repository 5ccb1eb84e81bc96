import type { ErrorEntry } from './types';

/** Errors of the national-portal (DVCQG) sync feed and its administration. */
export const nationalSyncErrors = {
  NATIONAL_SYNC_PAYLOAD_INVALID: {
    status: 500,
    vi: 'Không lưu được thay đổi vì dữ liệu đồng bộ lên Cổng Dịch vụ công quốc gia không hợp lệ. Vui lòng báo bộ phận hỗ trợ kèm mã tham chiếu.',
    en: 'The national portal sync record is invalid; the change was not saved.',
  },
  NATIONAL_SYNC_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy bản ghi đồng bộ này. Vui lòng tải lại danh sách.',
    en: 'Sync record not found.',
  },
  NATIONAL_SYNC_NOT_FAILED: {
    status: 409,
    vi: 'Bản ghi này không ở trạng thái "Lỗi" nên không cần gửi lại (có thể đã được gửi lại hoặc đang chờ gửi). Vui lòng tải lại danh sách.',
    en: 'Only a failed sync record can be retried.',
  },
} as const satisfies Record<string, ErrorEntry>;
