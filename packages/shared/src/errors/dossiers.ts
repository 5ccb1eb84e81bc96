import type { ErrorEntry } from './types';

export const dossierErrors = {
  PROCEDURE_NOT_ONLINE: {
    status: 409,
    vi: 'Thủ tục này chưa được cung cấp trực tuyến. Vui lòng nộp hồ sơ trực tiếp tại nơi tiếp nhận ghi trên trang thủ tục.',
    en: 'This procedure is not offered online; submit it in person.',
  },
  DRAFT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ đang soạn này.',
    en: 'Draft not found.',
  },
  DRAFT_ALREADY_SUBMITTED: {
    status: 409,
    vi: 'Hồ sơ này đã được nộp. Vui lòng xem trong mục "Hồ sơ của tôi".',
    en: 'This draft was already submitted.',
  },
  FORM_INVALID: {
    status: 400,
    vi: 'Tờ khai còn thông tin chưa đúng hoặc còn thiếu. Vui lòng sửa các mục được đánh dấu.',
    en: 'The form has missing or invalid answers.',
  },
  DOCUMENTS_MISSING: {
    status: 400,
    vi: 'Còn thiếu giấy tờ bắt buộc. Vui lòng tải lên các giấy tờ được đánh dấu.',
    en: 'Required documents are missing.',
  },
  RECEIVING_UNIT_REQUIRED: {
    status: 400,
    vi: 'Vui lòng chọn xã/phường nơi nộp hồ sơ.',
    en: 'Choose the commune to submit to.',
  },
  DOSSIER_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ.',
    en: 'Dossier not found.',
  },
  TRACKING_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ khớp với mã và 4 số cuối đã nhập. Vui lòng kiểm tra lại mã hồ sơ (hoặc mã tham chiếu tạm thời) và 4 số cuối của số điện thoại hoặc số định danh cá nhân.',
    en: 'No dossier matches this code and these last four digits.',
  },
  RATING_NOT_ALLOWED: {
    status: 409,
    vi: 'Chỉ đánh giá được sau khi hồ sơ đã có kết quả.',
    en: 'A dossier can be rated only once it has a result.',
  },
  RATING_EXISTS: {
    status: 409,
    vi: 'Ông/Bà đã đánh giá hồ sơ này.',
    en: 'This dossier was already rated.',
  },
} as const satisfies Record<string, ErrorEntry>;
