import type { ErrorEntry } from './types';

export const feedbackErrors = {
  FEEDBACK_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phản ánh với mã này. Vui lòng kiểm tra lại mã phản ánh.',
    en: 'No report with this reference.',
  },
  FEEDBACK_CATEGORY_UNKNOWN: {
    status: 400,
    vi: 'Lĩnh vực phản ánh không tồn tại hoặc đã ngừng sử dụng. Vui lòng chọn lại lĩnh vực.',
    en: 'Unknown or inactive category.',
  },
  FEEDBACK_LOCATION_MISSING: {
    status: 400,
    vi: 'Vui lòng chọn vị trí trên bản đồ, hoặc chọn xã, phường và nhập địa chỉ nơi xảy ra sự việc.',
    en: 'A location is required: a point, or a commune and an address.',
  },
  FEEDBACK_TOO_MANY_PHOTOS: {
    status: 400,
    vi: 'Mỗi phản ánh gửi tối đa 5 ảnh.',
    en: 'At most 5 photos per report.',
  },
  FEEDBACK_NO_ROUTE: {
    status: 422,
    vi: 'Chưa xác định được cơ quan xử lý cho phản ánh này. Vui lòng chọn xã, phường nơi xảy ra sự việc.',
    en: 'No routing rule matches this report.',
  },
  FEEDBACK_CHANGED: {
    status: 409,
    vi: 'Phản ánh vừa được cán bộ khác cập nhật. Vui lòng tải lại để xem thay đổi trước khi thao tác tiếp.',
    en: 'Another officer changed this report first; reload it.',
  },
  FEEDBACK_ACTION_NOT_ALLOWED: {
    status: 409,
    vi: 'Thao tác này không thực hiện được ở trạng thái hiện tại của phản ánh.',
    en: 'This action is not allowed in the report’s current state.',
  },
  FEEDBACK_REASON_REQUIRED: {
    status: 400,
    vi: 'Vui lòng nhập nội dung hoặc lý do cho thao tác này.',
    en: 'This action needs a text or a reason.',
  },
  FEEDBACK_REOPEN_WINDOW_PASSED: {
    status: 409,
    vi: 'Đã quá 7 ngày kể từ khi có trả lời nên không thể đánh giá hoặc đề nghị xem xét lại. Ông/Bà có thể gửi phản ánh mới.',
    en: 'More than 7 days have passed since the answer.',
  },
  FEEDBACK_NOT_REPORTER: {
    status: 403,
    vi: 'Chỉ người gửi phản ánh mới thực hiện được thao tác này.',
    en: 'Only the reporter may do this.',
  },
  FEEDBACK_RULE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy quy tắc phân luồng.',
    en: 'No such routing rule.',
  },
  FEEDBACK_CATEGORY_EXISTS: {
    status: 409,
    vi: 'Mã lĩnh vực này đã có. Vui lòng chọn mã khác.',
    en: 'A category with this code already exists.',
  },
} as const satisfies Record<string, ErrorEntry>;
