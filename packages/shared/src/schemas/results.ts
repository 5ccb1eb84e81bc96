import { z } from 'zod';

export const resultOutcomes = ['approved', 'refused'] as const;
export const ResultOutcome = z.enum(resultOutcomes);
export type ResultOutcome = z.infer<typeof ResultOutcome>;

export const ResultIdParams = z.object({ id: z.uuid() }).strict();
export type ResultIdParams = z.infer<typeof ResultIdParams>;

/**
 * What anyone may see about an issued result: which dossier (its code only), which procedure, which
 * unit, when, the outcome and whether the signature holds. Never the applicant's name or numbers.
 */
export const PublicResult = z.object({
  id: z.string(),
  dossierCode: z.string(),
  procedureName: z.string(),
  unitName: z.string(),
  /** ISO instant (UTC), exactly as signed. */
  issuedAt: z.string(),
  outcome: ResultOutcome,
  sha256: z.string(),
  /** `Ed25519`, `RSA-SHA256`, `ECDSA-SHA256` or `Ed448`. */
  algorithm: z.string(),
  signingKeyId: z.string(),
  /** True when signed with the unit's own certificate rather than the system key. */
  unitCertificate: z.boolean(),
  /** Re-verified on every request. */
  signatureValid: z.boolean(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  /** The exact signed bytes (UTF-8 JSON) and the signature (base64url), to check offline. */
  statement: z.string(),
  signature: z.string(),
});
export type PublicResult = z.infer<typeof PublicResult>;

const Sha256Hex = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'Mã băm SHA-256 gồm 64 ký tự 0–9, a–f');

/** JSON form of the check: the hash of the file, computed by the person checking. */
export const VerifyResultByHash = z
  .object({ sha256: Sha256Hex, resultId: z.uuid().optional() })
  .strict();
export type VerifyResultByHash = z.infer<typeof VerifyResultByHash>;

/**
 * unknown: no result has these bytes; different_result: the bytes are another result than the one
 * asked about (the QR page of result A was shown with the file of result B).
 */
export const resultVerifyFailures = [
  'unknown',
  'different_result',
  'revoked',
  'signature_invalid',
] as const;
export const VerifyResultAnswer = z.discriminatedUnion('genuine', [
  z.object({ genuine: z.literal(true), result: PublicResult }),
  z.object({ genuine: z.literal(false), reason: z.enum(resultVerifyFailures) }),
]);
export type VerifyResultAnswer = z.infer<typeof VerifyResultAnswer>;

export const ResultSigningKey = z.object({
  keyId: z.string(),
  algorithm: z.string(),
  publicKeyPem: z.string(),
  /** X.509 certificate (PEM) when the key is a unit's certificate key; null for the system key. */
  certificatePem: z.string().nullable(),
  /** Whether this process signs new results with it (retired keys stay listed for old results). */
  current: z.boolean(),
});
export type ResultSigningKey = z.infer<typeof ResultSigningKey>;

export const ResultSigningKeys = z.object({ keys: z.array(ResultSigningKey) });
export type ResultSigningKeys = z.infer<typeof ResultSigningKeys>;
