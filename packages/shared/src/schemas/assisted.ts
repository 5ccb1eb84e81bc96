import { z } from 'zod';

/**
 * Assisted submission (issue 8 §3): a community digital team member prepares an online dossier for
 * a resident, the resident consents (one-time code to their phone, or signing in on the member's
 * device), and the dossier is submitted through the normal path, marked as assisted.
 */

const ProcedureCode = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục có dạng 1.001193');

/** A Vietnamese mobile number as typed (spaces, dots and dashes allowed); the API normalises it. */
export const ResidentMobile = z
  .string()
  .trim()
  .regex(
    /^(?:\+?84|0)[35789](?:[\s.-]?\d){8}$/,
    'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
  );

export const AssistedResidentInput = z
  .object({
    fullName: z
      .string()
      .trim()
      .min(2, 'Nhập họ và tên của người dân')
      .max(200, 'Họ và tên tối đa 200 ký tự'),
    phone: ResidentMobile,
    /** Optional: 12 digits; empty means not given. */
    citizenId: z
      .string()
      .trim()
      .regex(/^(\d{12})?$/, 'Số định danh cá nhân gồm đúng 12 chữ số (hoặc để trống)')
      .optional(),
  })
  .strict();

export const AssistedStart = z
  .object({
    procedureCode: ProcedureCode,
    resident: AssistedResidentInput,
    /** Only when the member's account is linked to several memberships. */
    memberId: z.uuid().optional(),
  })
  .strict();
export type AssistedStart = z.infer<typeof AssistedStart>;

export const AssistedUpdate = z
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

export const assistedStates = ['draft', 'submitted', 'cancelled'] as const;
export const AssistedState = z.enum(assistedStates);
export const consentMethods = ['otp', 'sign_in'] as const;
export const ConsentMethod = z.enum(consentMethods);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

export const consentMethodLabels: Record<ConsentMethod, { vi: string; en: string }> = {
  otp: { vi: 'Mã xác nhận gửi đến điện thoại', en: 'Code sent to the phone' },
  sign_in: { vi: 'Người dân đăng nhập tài khoản định danh', en: 'Resident signed in' },
};

const AssistedResidentView = z.object({
  fullName: z.string(),
  phoneMasked: z.string(),
  citizenIdMasked: z.string().nullable(),
  accountLinked: z.boolean(),
});

const AssistedDossierRef = z.object({
  id: z.string(),
  reference: z.string(),
  code: z.string().nullable(),
  statusCode: z.number().int(),
  statusLabel: z.string(),
  submittedAt: z.string(),
});

export const AssistedConsentView = z.object({
  method: ConsentMethod,
  givenAt: z.string(),
  expiresAt: z.string(),
  /** False when expired or when the answers or documents changed after it was given. */
  valid: z.boolean(),
  purpose: z.string(),
});

export const AssistedCodeStatus = z.object({
  sentTo: z.string(),
  expiresAt: z.string(),
  attemptsLeft: z.number().int(),
  /** When "Gửi lại mã" becomes possible. */
  resendAfter: z.string(),
});

export const AssistedView = z.object({
  id: z.string(),
  state: AssistedState,
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  procedureName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  member: z.object({
    id: z.string(),
    fullName: z.string(),
    teamId: z.string(),
    teamName: z.string(),
  }),
  resident: AssistedResidentView,
  /** The form's answers while it is a draft; empty once submitted (the member no longer reads it). */
  answers: z.record(z.string(), z.unknown()),
  currentStep: z.string().nullable(),
  uploads: z.array(
    z.object({ id: z.string(), purpose: z.string(), name: z.string(), size: z.number() }),
  ),
  /** The purpose the resident is asked to agree to, in their words. */
  purpose: z.string(),
  consent: AssistedConsentView.nullable(),
  pendingCode: AssistedCodeStatus.nullable(),
  dossier: AssistedDossierRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssistedView = z.infer<typeof AssistedView>;

export const AssistedListItem = z.object({
  id: z.string(),
  state: AssistedState,
  procedureCode: z.string(),
  procedureName: z.string(),
  resident: AssistedResidentView,
  consentMethod: ConsentMethod.nullable(),
  dossier: AssistedDossierRef.nullable(),
  updatedAt: z.string(),
});

export const AssistedList = z.object({
  items: z.array(AssistedListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const AssistedListQuery = z
  .object({
    state: AssistedState.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const AssistedCodeVerify = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác nhận gồm 6 chữ số'),
  })
  .strict();

/** Demo mode only: the texts "sent" to the resident's phone, read from the outbox. */
export const AssistedDemoMessages = z.object({
  demo: z.literal(true),
  items: z.array(z.object({ to: z.string(), text: z.string(), at: z.string() })),
});

/** How a dossier submitted with help reads in the resident's own list. */
export const AssistedBy = z.object({
  teamName: z.string(),
  communeName: z.string(),
});
export type AssistedBy = z.infer<typeof AssistedBy>;

/**
 * "Được hỗ trợ bởi Tổ công nghệ số cộng đồng <team>": registry names often already start with
 * "Tổ Công nghệ số cộng đồng …" (after an optional "[DEMO]" label), so the words are not doubled.
 */
export function assistedByLabel(teamName: string, lang: 'vi' | 'en' = 'vi'): string {
  const named = /tổ\s+công\s+nghệ\s+số/i.test(teamName);
  if (lang === 'en') {
    return named
      ? `Assisted by ${teamName}`
      : `Assisted by community digital technology team ${teamName}`;
  }
  return named
    ? `Được hỗ trợ bởi ${teamName}`
    : `Được hỗ trợ bởi Tổ công nghệ số cộng đồng ${teamName}`;
}
