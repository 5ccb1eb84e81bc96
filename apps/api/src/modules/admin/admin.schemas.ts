import { officerRoles } from '@cqs/shared';
import { z } from 'zod';

export const UnitOfficers = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      fullName: z.string(),
      username: z.string(),
      roles: z.array(z.enum(officerRoles)),
      isDemo: z.boolean(),
    }),
  ),
});

export const AuditQuery = z
  .object({
    unitCode: z.string().min(2).max(32),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    beforeId: z.coerce.number().int().min(1).optional(),
  })
  .strict();

export const AuditPage = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorKind: z.string(),
      actorId: z.string().nullable(),
      actorRole: z.string().nullable(),
      unitCode: z.string().nullable(),
      action: z.string(),
      objectType: z.string().nullable(),
      objectId: z.string().nullable(),
      outcome: z.string(),
      requestId: z.string().nullable(),
    }),
  ),
});
