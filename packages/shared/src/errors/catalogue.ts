import type { ErrorEntry } from './types';

/** Errors of the procedure catalogue. */
export const catalogueErrors = {
  PROCEDURE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thủ tục hành chính có mã này. Vui lòng kiểm tra lại mã hoặc tìm theo tên thủ tục.',
    en: 'No procedure has this code.',
  },
  PROCEDURE_VERSION_CONFLICT: {
    status: 409,
    vi: 'Thủ tục vừa được người khác cập nhật phiên bản mới. Vui lòng tải lại trang, xem phiên bản hiện hành rồi thực hiện lại.',
    en: 'Another version was published meanwhile; reload and retry.',
  },
  PROCEDURE_EFFECTIVE_FROM_INVALID: {
    status: 422,
    vi: 'Ngày hiệu lực không hợp lệ: không được trước thời điểm hiện tại và không được trước ngày hiệu lực của phiên bản mới nhất. Vui lòng chọn ngày khác.',
    en: 'effectiveFrom must not be in the past nor before the latest version’s.',
  },
  PROCEDURE_UNIT_UNKNOWN: {
    status: 422,
    vi: 'Không có đơn vị phụ trách với mã này. Vui lòng chọn đơn vị từ danh sách đơn vị của tỉnh.',
    en: 'The responsible unit does not exist.',
  },
} as const satisfies Record<string, ErrorEntry>;
