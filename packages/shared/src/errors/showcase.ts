import type { ErrorEntry } from './types';

/** Errors of the commune showcase ("Mỗi xã một KOL", DOMAIN.md §8). */
export const showcaseErrors = {
  SHOWCASE_NOT_PUBLISHED: {
    status: 404,
    vi: 'Xã/phường này chưa có trang giới thiệu được công bố.',
    en: 'This commune has no published showcase page.',
  },
  SHOWCASE_UNIT_NOT_COMMUNE: {
    status: 400,
    vi: 'Trang giới thiệu chỉ dành cho xã, phường hoặc đặc khu.',
    en: 'A showcase page belongs to a commune-level unit.',
  },
  SHOWCASE_VERSION_CONFLICT: {
    status: 409,
    vi: 'Bản nháp vừa được người khác thay đổi. Vui lòng tải lại trang để xem bản mới nhất rồi sửa tiếp.',
    en: 'The draft was changed by someone else; reload it and try again.',
  },
  SHOWCASE_NOTHING_TO_PUBLISH: {
    status: 409,
    vi: 'Bản nháp chưa có lời giới thiệu nên chưa thể công bố. Vui lòng viết lời giới thiệu trước.',
    en: 'The draft has no introduction yet and cannot be published.',
  },
  SHOWCASE_NOT_PUBLISHED_YET: {
    status: 409,
    vi: 'Trang giới thiệu đang không được công bố nên không cần gỡ.',
    en: 'The page is not published.',
  },
  SHOWCASE_IMAGE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy ảnh này.',
    en: 'Image not found.',
  },
  SHOWCASE_IMAGE_UNKNOWN: {
    status: 400,
    vi: 'Bản nháp dùng một ảnh không thuộc trang giới thiệu của xã/phường này. Vui lòng tải ảnh lên lại.',
    en: 'The draft refers to an image that does not belong to this commune.',
  },
  SHOWCASE_IMAGE_INVALID: {
    status: 400,
    vi: 'Không xử lý được ảnh. Vui lòng chọn ảnh JPEG hoặc PNG khác (ảnh chụp từ điện thoại là phù hợp).',
    en: 'The image could not be processed; choose another JPEG or PNG photo.',
  },
} as const satisfies Record<string, ErrorEntry>;
