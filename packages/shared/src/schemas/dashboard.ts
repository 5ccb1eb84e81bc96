import { z } from 'zod';
import { CalendarDate } from './calendar';
import { UnitCode } from './common';

/**
 * Service index of Decision 766/QĐ-TTg (DOMAIN.md §5), issue 7 item 1: six groups worth 100
 * points; each component scores min(rate ÷ threshold, 1) × its points. Components our data cannot
 * measure are returned as `no_data` with the reason instead of a guessed number.
 */

export const DashboardText = z.object({ vi: z.string(), en: z.string() });
export type DashboardText = z.infer<typeof DashboardText>;

export const serviceIndexGroups = [
  'transparency',
  'progress',
  'online_services',
  'online_payment',
  'satisfaction',
  'digitisation',
] as const;
export const ServiceIndexGroupKey = z.enum(serviceIndexGroups);
export type ServiceIndexGroupKey = z.infer<typeof ServiceIndexGroupKey>;

export const serviceIndexComponents = [
  'transparency',
  'on_time',
  'average_processing_time',
  'end_to_end_online',
  'procedures_online',
  'online_share',
  'paid_online',
  'payment_integrated',
  'procedures_with_online_payment',
  'feedback_on_time',
  'feedback_satisfaction',
  'overdue_and_negative',
  'e_result',
  'digitised',
  'data_reuse',
  'personal_data_store',
  'population_data',
  'vneid_accounts',
  'digitisation_unspecified',
] as const;
export const ServiceIndexComponentKey = z.enum(serviceIndexComponents);
export type ServiceIndexComponentKey = z.infer<typeof ServiceIndexComponentKey>;

/** Components whose lost points can be listed dossier by dossier. */
export const drillableComponents = [
  'on_time',
  'end_to_end_online',
  'paid_online',
  'e_result',
  'digitised',
  'vneid_accounts',
] as const satisfies readonly ServiceIndexComponentKey[];
export const DrillableComponent = z.enum(drillableComponents);
export type DrillableComponent = z.infer<typeof DrillableComponent>;

const componentBase = {
  key: ServiceIndexComponentKey,
  label: DashboardText,
  definition: DashboardText,
  /** Points of the component; 0 for indicators that are tracked without points. */
  maxPoints: z.number(),
};

export const ComputedComponent = z.object({
  ...componentBase,
  status: z.literal('computed'),
  /** Rate at which the full points are earned (1 = 100 %). */
  threshold: z.number(),
  /** Counts behind the rate; null for a composite rate (overdue and negative ratings). */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** numerator ÷ denominator; null when nothing was counted in the period. */
  rate: z.number().nullable(),
  /** null when the denominator is 0 (nothing to score) or for tracked indicators. */
  points: z.number().nullable(),
  /** For tracked values that are not rates (average processing time, in days). */
  value: z.number().nullable(),
});
export type ComputedComponent = z.infer<typeof ComputedComponent>;

export const NoDataComponent = z.object({
  ...componentBase,
  status: z.literal('no_data'),
  reason: DashboardText,
});
export type NoDataComponent = z.infer<typeof NoDataComponent>;

export const ServiceIndexComponent = z.discriminatedUnion('status', [
  ComputedComponent,
  NoDataComponent,
]);
export type ServiceIndexComponent = z.infer<typeof ServiceIndexComponent>;

export const ServiceIndexGroup = z.object({
  key: ServiceIndexGroupKey,
  label: DashboardText,
  /** The group's points in Decision 766. */
  maxPoints: z.number(),
  /** Points earned by the computed components. */
  points: z.number(),
  /** Points the computed components could earn (the rest is no_data). */
  computedMaxPoints: z.number(),
  components: z.array(ServiceIndexComponent),
});
export type ServiceIndexGroup = z.infer<typeof ServiceIndexGroup>;

export const ServiceIndexProcedureRow = z.object({
  procedureCode: z.string(),
  /** The catalogue name ("Đăng ký khai sinh"): what a leader reads; the code is secondary. */
  procedureName: z.string(),
  received: z.number(),
  decided: z.number(),
  onTime: z.number(),
  late: z.number(),
  finished: z.number(),
  /** Mean calendar days from acceptance to "Đã xử lý xong"; null when none finished. */
  averageProcessingDays: z.number().nullable(),
});
export type ServiceIndexProcedureRow = z.infer<typeof ServiceIndexProcedureRow>;

export const ServiceIndexUnitRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  points: z.number(),
  computedMaxPoints: z.number(),
  received: z.number(),
  onTimeRate: z.number().nullable(),
  /** Online dossiers ÷ received in the period (the map's "online share"); null when none. */
  onlineShare: z.number().nullable(),
});
export type ServiceIndexUnitRow = z.infer<typeof ServiceIndexUnitRow>;

export const ServiceIndexQuery = z.object({
  from: CalendarDate,
  to: CalendarDate,
  /** The unit to report on (it and every unit below it); default: the viewer's unit. */
  unit: UnitCode.optional(),
});
export type ServiceIndexQuery = z.infer<typeof ServiceIndexQuery>;

export const ServiceIndex = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** When the numbers were read (rollups are current to the last committed dossier event). */
  asOf: z.string(),
  maxPoints: z.number(),
  points: z.number(),
  computedMaxPoints: z.number(),
  groups: z.array(ServiceIndexGroup),
  /** Per unit in scope that had dossiers in the period (drill province → commune). */
  units: z.array(ServiceIndexUnitRow),
  /** Per procedure in scope (drill unit → procedure). */
  procedures: z.array(ServiceIndexProcedureRow),
});
export type ServiceIndex = z.infer<typeof ServiceIndex>;

export const ServiceIndexDrillQuery = z.object({
  component: DrillableComponent,
  from: CalendarDate,
  to: CalendarDate,
  unit: UnitCode.optional(),
  procedure: z.string().trim().min(1).max(40).optional(),
});
export type ServiceIndexDrillQuery = z.infer<typeof ServiceIndexDrillQuery>;

export const lostPointReasons = [
  'late',
  'overdue_running',
  'second_supplement',
  'not_end_to_end_online',
  'not_paid_online',
  'no_e_result',
  'no_component_files',
  'not_vneid',
] as const;
export const LostPointReason = z.enum(lostPointReasons);
export type LostPointReason = z.infer<typeof LostPointReason>;

export const DrillReason = z.object({
  code: LostPointReason,
  /** Working days past the due date (late, overdue_running). */
  workingDaysLate: z.number().nullable(),
  text: DashboardText,
});
export type DrillReason = z.infer<typeof DrillReason>;

export const ServiceIndexDrillItem = z.object({
  dossierId: z.uuid(),
  code: z.string().nullable(),
  unitCode: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  acceptedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  reasons: z.array(DrillReason),
});
export type ServiceIndexDrillItem = z.infer<typeof ServiceIndexDrillItem>;

export const ServiceIndexDrill = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  procedure: z.string().nullable(),
  component: DrillableComponent,
  from: z.string(),
  to: z.string(),
  items: z.array(ServiceIndexDrillItem),
  /** More dossiers lost points than the list shows (it stops at 200). */
  truncated: z.boolean(),
});
export type ServiceIndexDrill = z.infer<typeof ServiceIndexDrill>;
