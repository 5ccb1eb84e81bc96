import { z } from 'zod';
import { UnitCode } from './common';

/** Forms an officer prints for a dossier (Circular 01/2018/TT-VPCP): 01–05. Form 06 is the logbook. */
export const OfficerFormNumber = z.enum(['01', '02', '03', '04', '05'], {
  error: 'Mẫu phiếu phải là 01, 02, 03, 04 hoặc 05',
});
export type OfficerFormNumber = z.infer<typeof OfficerFormNumber>;

/** Forms the applicant may download: the receipt (01) and the notices sent to them (02–04). */
export const ResidentFormNumber = z.enum(['01', '02', '03', '04'], {
  error: 'Mẫu phiếu phải là 01, 02, 03 hoặc 04',
});
export type ResidentFormNumber = z.infer<typeof ResidentFormNumber>;

export const OfficerFormParams = z.object({ id: z.uuid(), form: OfficerFormNumber }).strict();
export type OfficerFormParams = z.infer<typeof OfficerFormParams>;

export const ResidentFormParams = z.object({ id: z.uuid(), form: ResidentFormNumber }).strict();
export type ResidentFormParams = z.infer<typeof ResidentFormParams>;

/** Forms 02–04 print the latest event of their kind unless one is named. */
export const FormQuery = z
  .object({
    eventId: z.coerce
      .number({ error: 'Mã lần ghi nhận phải là số' })
      .int('Mã lần ghi nhận phải là số nguyên')
      .positive('Mã lần ghi nhận phải là số dương')
      .optional(),
  })
  .strict();
export type FormQuery = z.infer<typeof FormQuery>;

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-05-04')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại trên lịch');

/** Form 06 (Sổ theo dõi hồ sơ): dossiers the unit received between two Vietnam dates, inclusive. */
export const LogbookQuery = z.object({ unitCode: UnitCode, from: IsoDay, to: IsoDay }).strict();
export type LogbookQuery = z.infer<typeof LogbookQuery>;

/** At most this many days (inclusive) per logbook export. */
export const LOGBOOK_MAX_DAYS = 366;
