import { z } from 'zod';

export const PaymentState = z.enum(['pending', 'paid', 'expired', 'cancelled']);
export type PaymentState = z.infer<typeof PaymentState>;

/** Body of `POST /api/drafts/:id/payment`: nothing to choose today; strict so typos are refused. */
export const PaymentCreate = z.object({}).strict();

/** What a resident needs to pay by bank transfer: the VietQR code, or the account to type by hand. */
export const PaymentView = z.object({
  paymentId: z.string(),
  reference: z
    .string()
    .describe('Goes into the transfer note; the bank returns it on confirmation'),
  amountVnd: z.number().int(),
  currency: z.literal('VND'),
  state: PaymentState,
  unitCode: z.string(),
  unitName: z.string(),
  bankBin: z.string().describe('NAPAS bank identification number (6 digits)'),
  accountNumber: z.string(),
  accountName: z.string(),
  /** Demo accounts receive no money: the web app must say so next to the code. */
  isDemo: z.boolean(),
  qrPayload: z.string().describe('EMVCo / NAPAS VietQR payload'),
  qrImageDataUrl: z.string().describe('The payload as a PNG data URL'),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  receiptNo: z.string().nullable(),
  dossierId: z.string().nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

/** Polling answer: small, no image. */
export const PaymentStatus = z.object({
  paymentId: z.string(),
  reference: z.string(),
  amountVnd: z.number().int(),
  state: PaymentState,
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  receiptNo: z.string().nullable(),
  dossierId: z.string().nullable(),
});
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** The gateway's confirmation of a received transfer (signed: see X-Signature). */
export const PaymentWebhook = z
  .object({
    reference: z.string().regex(/^CQS[0-9A-Z]{10}$/, 'Mã thanh toán có dạng CQS + 10 ký tự'),
    amountVnd: z.number().int().positive(),
    providerTxnId: z.string().trim().min(1).max(100),
    paidAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type PaymentWebhook = z.infer<typeof PaymentWebhook>;

export const PaymentWebhookResult = z.object({
  paymentId: z.string(),
  reference: z.string(),
  state: PaymentState,
  receiptNo: z.string().nullable(),
  paidAt: z.string().nullable(),
});
export type PaymentWebhookResult = z.infer<typeof PaymentWebhookResult>;

export const PaymentReceipt = z.object({
  receiptNo: z.string(),
  reference: z.string(),
  providerTxnId: z.string(),
  payer: z.object({ name: z.string(), citizenIdMasked: z.string().nullable() }),
  unit: z.object({ code: z.string(), name: z.string() }),
  procedure: z.object({ code: z.string(), name: z.string(), version: z.number().int() }),
  dossierReference: z.string().nullable(),
  amountVnd: z.number().int(),
  amountInWords: z.string(),
  currency: z.literal('VND'),
  paidAt: z.string(),
  account: z.object({ bankBin: z.string(), accountNumber: z.string(), accountName: z.string() }),
  /** A demo receipt is not a valid receipt: no money moved. */
  isDemo: z.boolean(),
});
export type PaymentReceipt = z.infer<typeof PaymentReceipt>;
