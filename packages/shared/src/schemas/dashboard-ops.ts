import { z } from 'zod';
import { UnitCode } from './common';

/**
 * Operations around the dashboard (issue 7 §5–§7): live change notices (server-sent events),
 * alerts with configurable indicator thresholds, and exports. Shapes in docs/DASHBOARD.md.
 */

const UnitRef = z.object({ code: z.string(), name: z.string() });

// Live ----------------------------------------------------------------------------------------

export const dashboardChangeKinds = ['dossiers', 'feedback', 'tasks'] as const;
export const DashboardChangeKind = z.enum(dashboardChangeKinds);
export type DashboardChangeKind = z.infer<typeof DashboardChangeKind>;

/** `GET /api/dashboard/live?unit=` — a text/event-stream. */
export const DashboardLiveQuery = z.object({ unit: UnitCode.optional() });
export type DashboardLiveQuery = z.infer<typeof DashboardLiveQuery>;

/** `event: ready` — the stream is listening; changes committed after `asOf` will be announced. */
export const DashboardLiveReady = z.object({
  asOf: z.string(),
  unit: z.string(),
});
export type DashboardLiveReady = z.infer<typeof DashboardLiveReady>;

/** `event: changed` — something in the viewer's scope changed: refetch those views. */
export const DashboardLiveChanged = z.object({
  asOf: z.string(),
  kinds: z.array(DashboardChangeKind),
  /** Unit codes in the viewer's scope that the changes touched. */
  units: z.array(z.string()),
});
export type DashboardLiveChanged = z.infer<typeof DashboardLiveChanged>;

// Alerts --------------------------------------------------------------------------------------

export const dashboardAlertKinds = ['dossier', 'feedback', 'task', 'indicator'] as const;
export const DashboardAlertKind = z.enum(dashboardAlertKinds);
export type DashboardAlertKind = z.infer<typeof DashboardAlertKind>;

export const dashboardAlertLevels = ['due_soon', 'overdue', 'below_threshold'] as const;
export const DashboardAlertLevel = z.enum(dashboardAlertLevels);
export type DashboardAlertLevel = z.infer<typeof DashboardAlertLevel>;

/**
 * Indicators an alert threshold can be set on: service-index components computed from the
 * per-unit counters alone, and the feedback on-time rate.
 */
export const alertIndicatorKeys = [
  'on_time',
  'end_to_end_online',
  'online_share',
  'paid_online',
  'e_result',
  'digitised',
  'vneid_accounts',
  'feedback_on_time',
] as const;
export const AlertIndicatorKey = z.enum(alertIndicatorKeys, {
  error: 'Chỉ số không hỗ trợ cảnh báo.',
});
export type AlertIndicatorKey = z.infer<typeof AlertIndicatorKey>;

export const DashboardAlertExample = z.object({
  /** Dossier code (or reference before acceptance), feedback reference, task reference. */
  ref: z.string(),
  title: z.string(),
  dueAt: z.string().nullable(),
  /** Back-office path of the record (relative to the portal). */
  url: z.string(),
});
export type DashboardAlertExample = z.infer<typeof DashboardAlertExample>;

export const DashboardAlert = z.object({
  kind: DashboardAlertKind,
  level: DashboardAlertLevel,
  unit: UnitRef,
  count: z.number().int(),
  /** Vietnamese sentence, e.g. "3 hồ sơ quá hạn". */
  label: z.string(),
  /** Most urgent first, at most 5 (none for indicators). */
  examples: z.array(DashboardAlertExample),
  indicator: z
    .object({
      key: AlertIndicatorKey,
      /** Rates as fractions (0.85 = 85 %). */
      value: z.number(),
      threshold: z.number(),
      /** The period the rate was computed over (the setting's last N days, Vietnam dates). */
      from: z.string(),
      to: z.string(),
      /** How many dossiers/reports the rate counts. */
      denominator: z.number().int(),
    })
    .optional(),
});
export type DashboardAlert = z.infer<typeof DashboardAlert>;

/** `GET /api/dashboard/alerts?unit=` */
export const DashboardAlertsQuery = z.object({ unit: UnitCode.optional() });
export type DashboardAlertsQuery = z.infer<typeof DashboardAlertsQuery>;

export const DashboardAlerts = z.object({
  asOf: z.string(),
  unit: UnitRef,
  /** Overdue first, then due soon, then indicators; within a level by count, largest first. */
  items: z.array(DashboardAlert),
});
export type DashboardAlerts = z.infer<typeof DashboardAlerts>;

export const AlertSetting = z.object({
  key: AlertIndicatorKey,
  label: z.string(),
  /** Alert when the rate is below this (fraction, 0.9 = 90 %). */
  threshold: z.number(),
  enabled: z.boolean(),
  /** The rate covers the last N days up to today. */
  periodDays: z.number().int(),
  /** Units with fewer dossiers/reports than this in the period are not judged. */
  minCount: z.number().int(),
  /** null: the built-in default, never changed. */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type AlertSetting = z.infer<typeof AlertSetting>;

/** `GET /api/dashboard/alert-settings` */
export const AlertSettings = z.object({ items: z.array(AlertSetting) });
export type AlertSettings = z.infer<typeof AlertSettings>;

export const AlertSettingInput = z
  .object({
    key: AlertIndicatorKey,
    threshold: z
      .number({ error: 'Ngưỡng phải là một số từ 0 đến 1 (ví dụ 0,9 = 90 %).' })
      .min(0, 'Ngưỡng không được nhỏ hơn 0.')
      .max(1, 'Ngưỡng không được lớn hơn 1 (100 %).'),
    enabled: z.boolean({ error: 'Hãy chọn bật hoặc tắt cảnh báo.' }),
    periodDays: z
      .number({ error: 'Số ngày phải là số nguyên.' })
      .int('Số ngày phải là số nguyên.')
      .min(1, 'Kỳ tính ít nhất 1 ngày.')
      .max(366, 'Kỳ tính tối đa 366 ngày.'),
    minCount: z
      .number({ error: 'Số lượng tối thiểu phải là số nguyên.' })
      .int('Số lượng tối thiểu phải là số nguyên.')
      .min(1, 'Số lượng tối thiểu ít nhất là 1.')
      .max(100_000, 'Số lượng tối thiểu quá lớn.'),
  })
  .strict();
export type AlertSettingInput = z.infer<typeof AlertSettingInput>;

/** `PUT /api/dashboard/alert-settings` — the settings listed are replaced; others are kept. */
export const AlertSettingsUpdate = z
  .object({
    items: z
      .array(AlertSettingInput)
      .min(1, 'Chưa có thiết lập nào.')
      .max(alertIndicatorKeys.length),
  })
  .strict();
export type AlertSettingsUpdate = z.infer<typeof AlertSettingsUpdate>;

// Exports -------------------------------------------------------------------------------------

export const dashboardExportViews = [
  'service-index',
  'service-index-drill',
  'feedback',
  'feedback-drill',
  'alerts',
  'tasks',
] as const;
export const DashboardExportView = z.enum(dashboardExportViews, {
  error: 'Bảng số liệu cần xuất không hợp lệ.',
});
export type DashboardExportView = z.infer<typeof DashboardExportView>;

export const DashboardExportFormat = z.enum(['xlsx', 'pdf'], {
  error: 'Định dạng phải là xlsx hoặc pdf.',
});
export type DashboardExportFormat = z.infer<typeof DashboardExportFormat>;

/**
 * `GET /api/dashboard/export?view=&format=&…` — the other parameters are the view's own query
 * (e.g. from, to, unit for service-index), checked by that view's schema.
 */
export const DashboardExportQuery = z
  .object({ view: DashboardExportView, format: DashboardExportFormat })
  .catchall(z.string());
export type DashboardExportQuery = z.infer<typeof DashboardExportQuery>;
