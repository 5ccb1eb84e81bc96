import type { ErrorEntry } from './types';

/** Errors of the operations dashboard (issue 7: service index). */
export const dashboardErrors = {
  DASHBOARD_PERIOD_INVALID: {
    status: 400,
    vi: 'Khoảng thời gian không hợp lệ: ngày bắt đầu phải trước hoặc bằng ngày kết thúc, và không quá 5 năm.',
    en: 'Invalid period: from must be on or before to, and at most 5 years apart.',
  },
  DASHBOARD_UNIT_REQUIRED: {
    status: 400,
    vi: 'Hãy chọn đơn vị cần xem số liệu.',
    en: 'Choose the unit to report on.',
  },
} as const satisfies Record<string, ErrorEntry>;
