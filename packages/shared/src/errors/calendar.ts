import type { ErrorEntry } from './types';

/** Working-day calendar: years of days off, deadlines, pauses and apologies. */
export const calendarErrors = {
  CALENDAR_YEAR_OUT_OF_RANGE: {
    status: 422,
    vi: 'Lịch ngày làm việc chỉ hỗ trợ các năm từ 2021 đến 2199 (Bộ luật Lao động 2019). Vui lòng kiểm tra lại ngày đã nhập.',
    en: 'The working-day calendar covers the years 2021 to 2199.',
  },
  CALENDAR_YEAR_ALREADY_CONFIRMED: {
    status: 409,
    vi: 'Lịch nghỉ lễ của năm này đã được xác nhận trước đó; không cần xác nhận lại.',
    en: 'This year is already confirmed.',
  },
  CALENDAR_DATE_INVALID: {
    status: 422,
    vi: 'Ngày hoặc thời điểm không hợp lệ. Ngày có dạng YYYY-MM-DD; thời điểm theo ISO 8601 có múi giờ.',
    en: 'Invalid date or instant.',
  },
  CALENDAR_PAUSE_INVALID: {
    status: 422,
    vi: 'Khoảng tạm dừng không hợp lệ: mỗi khoảng phải bắt đầu sau thời điểm tiếp nhận, kết thúc sau khi bắt đầu và không chồng lên khoảng khác.',
    en: 'Invalid pause: each must start after reception, end after it starts, and not overlap another.',
  },
  CALENDAR_APOLOGY_ALREADY_USED: {
    status: 409,
    vi: 'Hồ sơ đã có văn bản xin lỗi và hẹn lại ngày trả kết quả (mẫu 04); chỉ được hẹn lại một lần.',
    en: 'An apology with a new date was already issued; only one is allowed.',
  },
  CALENDAR_APOLOGY_TOO_LATE: {
    status: 409,
    vi: 'Đã quá hạn giải quyết nên không thể hẹn lại bằng phiếu xin lỗi (mẫu 04); phiếu phải được gửi trước thời hạn.',
    en: 'The due date has passed; an apology must be issued before it.',
  },
  CALENDAR_APOLOGY_DATE_INVALID: {
    status: 422,
    vi: 'Ngày hẹn trả mới phải sau ngày hẹn trả ban đầu. Vui lòng chọn lại ngày hẹn mới.',
    en: 'The new date must be after the original due date.',
  },
} as const satisfies Record<string, ErrorEntry>;
