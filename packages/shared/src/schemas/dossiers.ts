import { z } from 'zod';
import { AssistedBy } from './assisted';

/** National Public Service Portal status vocabulary (DOMAIN.md §3). */
export const dossierStatusLabels: Record<number, { vi: string; en: string }> = {
  1: { vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { vi: 'Được tiếp nhận', en: 'Accepted' },
  3: { vi: 'Không được tiếp nhận', en: 'Not accepted' },
  4: { vi: 'Đang xử lý', en: 'Processing' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Financial obligation requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawal requested' },
  8: { vi: 'Dừng xử lý', en: 'Stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

const ProcedureCode = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193');
const Uuid = z.uuid('Mã không hợp lệ');

export const DraftCreate = z.object({ procedureCode: ProcedureCode }).strict();

export const DraftUpdate = z
  .object({
    answers: z
      .record(z.string().max(100), z.unknown())
      .refine(
        (v) => JSON.stringify(v).length <= 100_000,
        'Nội dung tờ khai quá dài (tối đa 100.000 ký tự)',
      ),
    currentStep: z.string().max(100).nullable().optional(),
  })
  .strict();

export const DraftView = z.object({
  id: z.string(),
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  procedureName: z.string(),
  answers: z.record(z.string(), z.unknown()),
  currentStep: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedDossierId: z.string().nullable(),
  /** Files uploaded for this draft, by document id (files.purpose). */
  uploads: z.array(
    z.object({ id: z.string(), purpose: z.string(), name: z.string(), size: z.number() }),
  ),
});
export type DraftView = z.infer<typeof DraftView>;

export const DraftList = z.object({
  items: z.array(DraftView.omit({ answers: true, uploads: true })),
});

export const SubmitDraft = z
  .object({
    /** The commune centre to submit to, when the resident's own commune is not known. */
    receivingUnitCode: z
      .string()
      .regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số')
      .optional(),
  })
  .strict();

export const SubmitResult = z.object({
  dossierId: z.string(),
  reference: z.string(),
  statusCode: z.number().int(),
  statusLabel: z.string(),
  receivingUnit: z.object({ code: z.string(), name: z.string() }),
  feeVnd: z.number().nullable(),
  paymentState: z.enum(['not_required', 'unpaid', 'paid']),
  submittedAt: z.string(),
});
export type SubmitResult = z.infer<typeof SubmitResult>;

export const TimelineEntry = z.object({
  type: z.string(),
  label: z.string(),
  statusCode: z.number().int(),
  at: z.string(),
  note: z.string().nullable(),
});

export const DossierSummary = z.object({
  id: z.string(),
  reference: z.string(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  statusCode: z.number().int(),
  statusLabel: z.string(),
  receivingUnitName: z.string(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  /** Submitted for the resident by a community digital team member, with their consent. */
  assistedBy: AssistedBy.nullable(),
});

export const DossierDetail = DossierSummary.extend({
  procedureVersion: z.number().int(),
  feeVnd: z.number().nullable(),
  paymentState: z.enum(['not_required', 'unpaid', 'paid']),
  nextStep: z.string(),
  timeline: z.array(TimelineEntry),
  rating: z.object({ stars: z.number().int(), comment: z.string().nullable() }).nullable(),
  /** What the resident must do now: add documents (guidance before acceptance, or form 02). */
  pendingRequest: z
    .object({
      kind: z.enum(['guidance', 'supplement']),
      note: z.string().nullable(),
      documents: z.array(z.string()),
      at: z.string(),
    })
    .nullable(),
  /** The new appointment date promised in an apology (form 04); dueAt stays the original. */
  apologyDueAt: z.string().nullable(),
  /** The electronic result, downloadable from `/api/my/dossiers/:id/result`. */
  result: z.object({ id: z.string(), outcome: z.enum(['approved', 'refused']) }).nullable(),
  canWithdraw: z.boolean(),
  /** Printable forms the resident may download (`/api/my/dossiers/:id/forms/:form`). */
  forms: z.array(z.enum(['01', '02', '03', '04'])),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const DossierList = z.object({ items: z.array(DossierSummary) });

export const TrackingQuery = z
  .object({
    code: z.string().trim().min(6, 'Vui lòng nhập mã hồ sơ').max(40, 'Mã hồ sơ tối đa 40 ký tự'),
    last4: z
      .string()
      .trim()
      .regex(/^\d{4}$/, 'Nhập đúng 4 số cuối của số điện thoại hoặc số định danh cá nhân'),
  })
  .strict();

export const TrackingView = z.object({
  reference: z.string(),
  code: z.string().nullable(),
  procedureName: z.string(),
  statusCode: z.number().int(),
  statusLabel: z.string(),
  receivingUnitName: z.string(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  nextStep: z.string(),
  timeline: z.array(TimelineEntry),
});

export const RatingBody = z
  .object({
    stars: z
      .number()
      .int('Chọn từ 1 đến 5 sao')
      .min(1, 'Chọn từ 1 đến 5 sao')
      .max(5, 'Chọn từ 1 đến 5 sao'),
    comment: z.string().trim().max(2000, 'Góp ý tối đa 2000 ký tự').optional(),
  })
  .strict();

export const IdParam = z.object({ id: Uuid }).strict();
