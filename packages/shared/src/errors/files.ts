import type { ErrorEntry } from './types';

/** Errors of secure file uploads (dossier components, feedback photos). */
export const filesErrors = {
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    vi: 'Loại tệp không được chấp nhận. Chỉ nhận tệp PDF (.pdf), ảnh JPEG (.jpg, .jpeg) hoặc ảnh PNG (.png); phần đuôi tên tệp phải đúng với nội dung tệp.',
    en: 'File type not allowed. Only PDF, JPEG and PNG are accepted, and the file name extension must match the content.',
  },
  FILE_CONTENT_INVALID: {
    status: 415,
    vi: 'Tệp bị hỏng hoặc không đúng cấu trúc của loại tệp đã khai báo. Vui lòng xuất lại tệp (hoặc chụp/quét lại) rồi tải lên.',
    en: 'The file is damaged or not a well-formed file of its type; export or scan it again.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp vượt quá dung lượng cho phép. Vui lòng giảm dung lượng (nén ảnh, quét với độ phân giải thấp hơn) rồi tải lên lại.',
    en: 'The file is larger than allowed; reduce its size and upload it again.',
  },
  IMAGE_DIMENSIONS_TOO_LARGE: {
    status: 413,
    vi: 'Ảnh có kích thước điểm ảnh quá lớn (tối đa 12.000 điểm ảnh mỗi chiều và 60 triệu điểm ảnh). Vui lòng thu nhỏ ảnh rồi tải lên lại.',
    en: 'The image has too many pixels (at most 12,000 per side and 60 megapixels); resize it.',
  },
  UPLOAD_QUOTA_EXCEEDED: {
    status: 413,
    vi: 'Tổng dung lượng tệp của hồ sơ này đã vượt hạn mức. Vui lòng xoá bớt tệp không cần thiết hoặc giảm dung lượng tệp.',
    en: 'The files of this bundle exceed the storage quota; remove some files or make them smaller.',
  },
  FILE_EMPTY: {
    status: 400,
    vi: 'Tệp rỗng (0 byte). Vui lòng chọn đúng tệp cần tải lên.',
    en: 'The file is empty.',
  },
  FILE_MISSING: {
    status: 400,
    vi: 'Chưa có tệp trong yêu cầu. Vui lòng chọn một tệp (trường "file") rồi gửi lại.',
    en: 'No file in the request (multipart field "file").',
  },
  FILE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tệp, hoặc bạn không có quyền xem tệp này.',
    en: 'File not found.',
  },
  FILE_NOT_DELETABLE: {
    status: 409,
    vi: 'Không thể xoá tệp này vì hồ sơ đã được gửi đi. Vui lòng liên hệ cơ quan tiếp nhận nếu cần bổ sung, thay thế giấy tờ.',
    en: 'This file can no longer be deleted: its dossier has been submitted.',
  },
} as const satisfies Record<string, ErrorEntry>;
