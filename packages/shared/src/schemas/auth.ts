import { z } from 'zod';
import { officerRoles } from '../roles';

export const Grant = z.object({
  role: z.enum(officerRoles),
  unitCode: z.string(),
  unitName: z.string(),
});
export type Grant = z.infer<typeof Grant>;

export const SessionUser = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('resident'),
    id: z.string(),
    fullName: z.string(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    assuranceLevel: z.number().int().nullable().describe('VNeID level 1 or 2 (acr)'),
    citizenIdMasked: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('officer'),
    id: z.string(),
    fullName: z.string(),
    username: z.string(),
    grants: z.array(Grant),
    activeUnitCode: z.string().nullable(),
    isDemo: z.boolean(),
  }),
]);
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionInfo = z.object({
  authenticated: z.boolean(),
  user: SessionUser.nullable(),
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const OfficerLogin = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, 'Vui lòng nhập tên đăng nhập')
      .max(64, 'Tên đăng nhập tối đa 64 ký tự'),
    password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(256, 'Mật khẩu tối đa 256 ký tự'),
    totp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác thực gồm đúng 6 chữ số'),
  })
  .strict();
export type OfficerLogin = z.infer<typeof OfficerLogin>;

export const SwitchUnit = z.object({ unitCode: z.string().min(1).max(32) }).strict();
export type SwitchUnit = z.infer<typeof SwitchUnit>;
