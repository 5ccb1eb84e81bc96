import { z } from 'zod';

/** The one error shape every failing API response has. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Per-field problems, for showing next to each input'),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** A 5-digit administrative unit code (leading zeros kept), or a department/province code. */
export const UnitCode = z
  .string()
  .trim()
  .min(2, 'Mã đơn vị phải có ít nhất 2 ký tự')
  .max(32, 'Mã đơn vị tối đa 32 ký tự')
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch ngang');
