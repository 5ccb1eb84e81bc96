import { z } from 'zod';

export const ReceptionQueueQuery = z
  .object({
    unitCode: z.string().min(1).max(40),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ReceptionQueueQuery = z.infer<typeof ReceptionQueueQuery>;

export const ReceptionQueueItem = z.object({
  id: z.string(),
  reference: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  /** First 3 and last 2 digits only, e.g. 066*******34. */
  applicantCitizenIdMasked: z.string().nullable(),
  submittedAt: z.string(),
  /** 1 in person, 2 online, 3 public post. */
  channel: z.number().int(),
  rowVersion: z.number().int(),
});
export type ReceptionQueueItem = z.infer<typeof ReceptionQueueItem>;

export const ReceptionQueue = z.object({ items: z.array(ReceptionQueueItem) });
export type ReceptionQueue = z.infer<typeof ReceptionQueue>;

export const ReceptionDossierParams = z.object({ id: z.uuid() }).strict();
export type ReceptionDossierParams = z.infer<typeof ReceptionDossierParams>;

export const AcceptDossierBody = z.object({ expectedRowVersion: z.number().int().min(1) }).strict();
export type AcceptDossierBody = z.infer<typeof AcceptDossierBody>;

export const AcceptDossierResult = z.object({
  id: z.string(),
  code: z.string(),
  statusCode: z.number().int(),
  /** Instant with +07:00 offset; null when the procedure states no processing time. */
  dueAt: z.string().nullable(),
  rowVersion: z.number().int(),
});
export type AcceptDossierResult = z.infer<typeof AcceptDossierResult>;
