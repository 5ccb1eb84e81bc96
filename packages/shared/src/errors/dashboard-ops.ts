import type { ErrorEntry } from './types';

/** Errors of the dashboard's alerts and exports (issue 7 §6–§7). */
export const dashboardOpsErrors = {
  DASHBOARD_ALERT_SETTING_DUPLICATE: {
    status: 400,
    vi: 'Mỗi chỉ số chỉ được thiết lập một lần trong một lần lưu.',
    en: 'Each indicator may appear only once per update.',
  },
  DASHBOARD_EXPORT_VIEW_UNAVAILABLE: {
    status: 400,
    vi: 'Bảng số liệu này chưa xuất được.',
    en: 'This view cannot be exported yet.',
  },
} as const satisfies Record<string, ErrorEntry>;
