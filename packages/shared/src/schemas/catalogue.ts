import { z } from 'zod';
import { UnitCode } from './common';

/** National procedure code (mã thủ tục), e.g. "1.001193" or "2.000635". */
export const ProcedureCode = z
  .string()
  .trim()
  .regex(
    /^\d\.\d{6}$/,
    'Mã thủ tục gồm 1 chữ số, dấu chấm và 6 chữ số, ví dụ 1.001193. Vui lòng kiểm tra lại mã.',
  );
export type ProcedureCode = z.infer<typeof ProcedureCode>;

export const procedureLevels = ['bo', 'tinh', 'xa', 'khac'] as const;
export const ProcedureLevel = z.enum(procedureLevels);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

export const procedureChannels = ['truc_tiep', 'truc_tuyen', 'buu_chinh'] as const;
export const ProcedureChannel = z.enum(procedureChannels);
export type ProcedureChannel = z.infer<typeof ProcedureChannel>;

export const onlineLevels = ['toan_trinh', 'mot_phan'] as const;
export const OnlineLevel = z.enum(onlineLevels);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

export const receivingLevels = ['commune', 'province'] as const;
export const ReceivingLevel = z.enum(receivingLevels);
export type ReceivingLevel = z.infer<typeof ReceivingLevel>;

/**
 * One procedure as published on the National Public Service Portal, verbatim (snake_case as in
 * apps/api/seed-data/procedures; PROVENANCE.md section 2 explains each field). Stored unchanged in
 * procedure_versions.record.
 */
export const CatalogueRecord = z.object({
  code: ProcedureCode,
  name: z.string(),
  decision_no: z.string().nullable(),
  levels: z.array(ProcedureLevel),
  level_text: z.string().nullable(),
  procedure_type: z.string().nullable(),
  field: z.string(),
  ministry_group: z.string().nullable(),
  applicants: z.string().nullable(),
  competent_authority: z.string().nullable(),
  implementing_agency: z.string().nullable(),
  delegated_agency: z.string().nullable(),
  coordinating_agency: z.string().nullable(),
  submission_address: z.string().nullable(),
  steps_text: z.string().nullable(),
  channels: z.array(
    z.object({
      channel: ProcedureChannel,
      channel_text: z.string().nullable(),
      time_value: z.number().nullable(),
      time_unit: z.string().nullable(),
      processing_time: z.string().nullable(),
      fee: z.string().nullable(),
      fee_vnd: z.number().nullable(),
      fee_or_time_note: z.string().nullable(),
    }),
  ),
  online_submission_available: z.boolean(),
  /** Always null in the source: it does not say toàn trình or một phần (the province sets it). */
  fully_online: z.boolean().nullable(),
  documents: z.array(
    z.object({
      case: z.string().nullable(),
      items: z.array(
        z.object({
          name: z.string(),
          form_file: z.string().nullable(),
          originals: z.number(),
          copies: z.number(),
        }),
      ),
    }),
  ),
  documents_text: z.string().nullable(),
  requirements_text: z.string().nullable(),
  legal_basis: z.array(z.object({ title: z.string().nullable(), number: z.string().nullable() })),
  legal_basis_text: z.string().nullable(),
  results: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
  related_procedures_text: z.string().nullable(),
  central_branch: z.boolean(),
  source_url: z.string().nullable(),
  crawl_note: z.string().nullable(),
});
export type CatalogueRecord = z.infer<typeof CatalogueRecord>;

/** A local fee per submission channel, set by the province (VND; 0 = free). */
export const FeeOverride = z
  .object({
    feeVnd: z
      .number()
      .int('Lệ phí phải là số nguyên (đồng)')
      .min(0, 'Lệ phí không được âm')
      .max(1_000_000_000, 'Lệ phí quá lớn, vui lòng kiểm tra lại'),
    note: z.string().trim().max(1000, 'Ghi chú lệ phí tối đa 1000 ký tự').nullable().default(null),
  })
  .strict();
export type FeeOverride = z.infer<typeof FeeOverride>;

export const FeeOverrides = z
  .object({
    truc_tiep: FeeOverride.optional(),
    truc_tuyen: FeeOverride.optional(),
    buu_chinh: FeeOverride.optional(),
  })
  .strict();
export type FeeOverrides = z.infer<typeof FeeOverrides>;

/** What the province decides locally for a procedure; each change is a new version. */
export const ProcedureLocalSettings = z.object({
  offeredOnline: z.boolean(),
  onlineLevel: OnlineLevel.nullable(),
  receivingLevel: ReceivingLevel,
  responsibleUnitCode: z.string().nullable(),
  feeOverrides: FeeOverrides,
  localNotes: z.string().nullable(),
});
export type ProcedureLocalSettings = z.infer<typeof ProcedureLocalSettings>;

export const ProcedureListQuery = z
  .object({
    q: z.string().trim().max(200, 'Từ khóa tìm kiếm tối đa 200 ký tự').optional(),
    level: z
      .enum(['xa', 'tinh'], 'Cấp thực hiện chỉ nhận "xa" (cấp xã) hoặc "tinh" (cấp tỉnh)')
      .optional(),
    field: z.string().trim().max(300, 'Tên lĩnh vực tối đa 300 ký tự').optional(),
    online: z
      .enum(['true', 'false'], 'Tham số online chỉ nhận true hoặc false')
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100000).default(0),
  })
  .strict();
export type ProcedureListQuery = z.infer<typeof ProcedureListQuery>;

export const ProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  levels: z.array(ProcedureLevel),
  online: z.boolean().describe('Offered online by the province (version in force)'),
  centralBranch: z.boolean().describe('Handled by a central agency branch, not the commune centre'),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureList = z.object({
  items: z.array(ProcedureSummary),
  total: z.number().int(),
});
export type ProcedureList = z.infer<typeof ProcedureList>;

export const ProcedureFieldList = z.object({
  items: z.array(z.object({ field: z.string(), count: z.number().int() })),
});
export type ProcedureFieldList = z.infer<typeof ProcedureFieldList>;

export const WhereToSubmit = z.object({
  receivingLevel: ReceivingLevel,
  kind: z.enum(['commune_centre', 'province_centre', 'central_agency']),
  /** The commune (5 digits) or `66-TTPVHCC`; null when the commune is not known. */
  unitCode: z.string().nullable(),
  name: z.string(),
  address: z.string().nullable(),
  note: z.string(),
});
export type WhereToSubmit = z.infer<typeof WhereToSubmit>;

export const EffectiveFee = z.object({
  channel: ProcedureChannel,
  feeVnd: z.number().nullable(),
  note: z.string().nullable(),
  source: z.enum(['catalogue', 'local']),
});

export const ProcedureDetail = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  levels: z.array(ProcedureLevel),
  centralBranch: z.boolean(),
  version: z.number().int(),
  latestVersion: z.number().int(),
  effectiveFrom: z.iso.datetime(),
  publishedAt: z.iso.datetime(),
  local: ProcedureLocalSettings,
  fees: z.array(EffectiveFee).describe('Fee per channel after local overrides'),
  whereToSubmit: WhereToSubmit,
  record: CatalogueRecord,
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const ProcedureDetailQuery = z
  .object({ commune: UnitCode.optional().describe('The resident’s commune, for whereToSubmit') })
  .strict();

export const PublishProcedureVersion = z
  .object({
    offeredOnline: z.boolean('Cần chọn có cung cấp trực tuyến hay không'),
    onlineLevel: OnlineLevel.nullable(),
    receivingLevel: ReceivingLevel,
    responsibleUnitCode: UnitCode.nullable(),
    feeOverrides: FeeOverrides,
    localNotes: z.string().trim().max(5000, 'Ghi chú tối đa 5000 ký tự').nullable(),
    effectiveFrom: z.iso
      .datetime({
        offset: true,
        message: 'Ngày hiệu lực phải theo dạng ISO 8601, ví dụ 2026-09-01T00:00:00+07:00',
      })
      .optional(),
    /** The version the administrator edited; a different current version means someone else published. */
    baseVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((v) => v.offeredOnline || v.onlineLevel === null, {
    path: ['onlineLevel'],
    message: 'Thủ tục không cung cấp trực tuyến thì không chọn mức độ trực tuyến',
  })
  .refine((v) => !v.offeredOnline || v.onlineLevel !== null, {
    path: ['onlineLevel'],
    message: 'Thủ tục cung cấp trực tuyến cần chọn mức độ: toàn trình hoặc một phần',
  });
export type PublishProcedureVersion = z.infer<typeof PublishProcedureVersion>;

export const ProcedureVersionSummary = ProcedureLocalSettings.extend({
  version: z.number().int(),
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().nullable(),
  effectiveFrom: z.iso.datetime(),
  inForce: z.boolean(),
});
export type ProcedureVersionSummary = z.infer<typeof ProcedureVersionSummary>;

export const ProcedureVersionList = z.object({
  code: z.string(),
  items: z.array(ProcedureVersionSummary),
});
export type ProcedureVersionList = z.infer<typeof ProcedureVersionList>;
