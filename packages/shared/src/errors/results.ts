import type { ErrorEntry } from './types';

export const resultsErrors = {
  RESULT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy kết quả điện tử với mã này. Vui lòng kiểm tra lại đường dẫn hoặc mã QR trên văn bản.',
    en: 'No electronic result has this id.',
  },
  RESULT_SOURCE_INVALID: {
    status: 422,
    vi: 'Tệp kết quả phải là tệp PDF, ảnh JPEG hoặc PNG do cán bộ tải lên (không nhận tệp do người dân gửi). Vui lòng tải lên lại văn bản kết quả.',
    en: 'The result source must be a PDF, JPEG or PNG uploaded by an officer.',
  },
  RESULT_SOURCE_UNREADABLE: {
    status: 422,
    vi: 'Không đọc được tệp PDF kết quả (tệp hỏng hoặc có mật khẩu). Vui lòng xuất lại văn bản thành PDF không đặt mật khẩu rồi tải lên.',
    en: 'The result PDF cannot be read (damaged or password-protected).',
  },
  RESULT_ALREADY_ISSUED: {
    status: 409,
    vi: 'Văn bản này đã được phát hành làm kết quả của một hồ sơ khác.',
    en: 'These exact bytes were already issued as a result.',
  },
  RESULT_ALREADY_REVOKED: {
    status: 409,
    vi: 'Kết quả điện tử này đã bị thu hồi trước đó.',
    en: 'This electronic result was already revoked.',
  },
} as const satisfies Record<string, ErrorEntry>;
