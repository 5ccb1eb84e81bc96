import { AppError } from '../../http/errors';

export class CalendarYearOutOfRangeError extends AppError {
  constructor(year: number) {
    super('CALENDAR_YEAR_OUT_OF_RANGE', {
      messageVi: `Năm ${year} nằm ngoài phạm vi lịch ngày làm việc (2021–2199). Vui lòng kiểm tra lại ngày đã nhập.`,
    });
  }
}

export class CalendarYearAlreadyConfirmedError extends AppError {
  constructor(year: number) {
    super('CALENDAR_YEAR_ALREADY_CONFIRMED', {
      messageVi: `Lịch nghỉ lễ năm ${year} đã được xác nhận trước đó; không cần xác nhận lại.`,
    });
  }
}

export class CalendarDateInvalidError extends AppError {
  constructor(value: string) {
    super('CALENDAR_DATE_INVALID', {
      messageVi: `"${value}" không phải ngày hợp lệ. Ngày có dạng YYYY-MM-DD, ví dụ 2026-04-29.`,
    });
  }
}

export class CalendarPauseInvalidError extends AppError {
  constructor() {
    super('CALENDAR_PAUSE_INVALID');
  }
}

export class ApologyAlreadyUsedError extends AppError {
  constructor() {
    super('CALENDAR_APOLOGY_ALREADY_USED');
  }
}

export class ApologyTooLateError extends AppError {
  constructor() {
    super('CALENDAR_APOLOGY_TOO_LATE');
  }
}

export class ApologyDateInvalidError extends AppError {
  constructor() {
    super('CALENDAR_APOLOGY_DATE_INVALID');
  }
}
