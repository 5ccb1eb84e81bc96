import { fileExtensions, fileMediaTypes } from '@cqs/shared';
import { AppError } from '../../http/errors';

const labels: Record<(typeof fileMediaTypes)[number], string> = {
  'application/pdf': 'tệp PDF',
  'image/jpeg': 'ảnh JPEG',
  'image/png': 'ảnh PNG',
};
/** "tệp PDF (.pdf), ảnh JPEG (.jpg, .jpeg), ảnh PNG (.png)" — built from the shared allow-list. */
const allowedList = fileMediaTypes
  .map((t) => `${labels[t]} (.${fileExtensions[t].join(', .')})`)
  .join(', ');

export class FileTypeNotAllowedError extends AppError {
  constructor(reason?: string) {
    super('FILE_TYPE_NOT_ALLOWED', {
      messageVi: `Loại tệp không được chấp nhận${reason ? ` (${reason})` : ''}. Chỉ nhận ${allowedList}; nội dung tệp, loại khai báo và đuôi tên tệp phải khớp nhau.`,
    });
  }
}

export class FileContentInvalidError extends AppError {
  constructor() {
    super('FILE_CONTENT_INVALID');
  }
}

export class FileTooLargeError extends AppError {
  constructor(maxBytes: number) {
    super('FILE_TOO_LARGE', {
      messageVi: `Tệp vượt quá dung lượng cho phép (tối đa ${formatMb(maxBytes)} MB mỗi tệp). Vui lòng giảm dung lượng (nén ảnh, quét với độ phân giải thấp hơn) rồi tải lên lại.`,
    });
  }
}

export class ImageDimensionsTooLargeError extends AppError {
  constructor(width: number, height: number) {
    super('IMAGE_DIMENSIONS_TOO_LARGE', {
      messageVi: `Ảnh có kích thước ${width} × ${height} điểm ảnh, quá lớn (tối đa 12.000 điểm ảnh mỗi chiều và 60 triệu điểm ảnh). Vui lòng thu nhỏ ảnh rồi tải lên lại.`,
    });
  }
}

export class UploadQuotaExceededError extends AppError {
  constructor(quotaBytes: number) {
    super('UPLOAD_QUOTA_EXCEEDED', {
      messageVi: `Tổng dung lượng tệp của hồ sơ này vượt hạn mức ${formatMb(quotaBytes)} MB. Vui lòng xoá bớt tệp không cần thiết hoặc giảm dung lượng tệp.`,
    });
  }
}

export class FileNotFoundError extends AppError {
  constructor() {
    super('FILE_NOT_FOUND');
  }
}

function formatMb(bytes: number): string {
  return (bytes / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}
