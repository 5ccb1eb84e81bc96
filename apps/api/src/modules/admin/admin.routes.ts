import type { OfficerRole } from '@cqs/shared';
import { UnitCode } from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessPolicy } from '../access/policy';
import type { UnitsService } from '../units/units.service';
import type { AdminRepository } from './admin.repository';
import { AuditPage, AuditQuery, UnitOfficers } from './admin.schemas';

export interface AdminRouteDeps {
  policy: AccessPolicy;
  units: UnitsService;
  repository: AdminRepository;
}

/**
 * Unit-scoped administration reads. An unknown unit and a unit the officer may not see answer
 * the same 403, so ids of other units cannot be probed.
 */
export function adminRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/admin/units/:code/officers',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['admin'],
        summary: 'Officers holding roles in a unit',
        params: z.object({ code: UnitCode }).strict(),
        response: { 200: UnitOfficers },
      },
    },
    async (request) => {
      await deps.policy.assert(request.actor, 'officers.read', request.params.code);
      const rows = await deps.repository.officersOfUnit(request.params.code);
      const byUser = new Map<
        string,
        { id: string; fullName: string; username: string; roles: OfficerRole[]; isDemo: boolean }
      >();
      for (const row of rows) {
        const entry = byUser.get(row.id) ?? {
          id: row.id,
          fullName: row.full_name,
          username: row.username ?? '',
          roles: [],
          isDemo: row.is_demo,
        };
        entry.roles.push(row.role as OfficerRole);
        byUser.set(row.id, entry);
      }
      return { items: [...byUser.values()] };
    },
  );

  r.get(
    '/api/admin/audit',
    {
      config: { access: 'officer' },
      schema: {
        tags: ['admin'],
        summary: 'Audit log entries recorded for a unit, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const { unitCode, limit, beforeId } = request.query;
      await deps.policy.assert(request.actor, 'audit.read', unitCode);
      const rows = await deps.repository.auditOfUnit(unitCode, limit, beforeId);
      return {
        items: rows.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorKind: row.actor_kind,
          actorId: row.actor_id,
          actorRole: row.actor_role,
          unitCode: row.unit_code,
          action: row.action,
          objectType: row.object_type,
          objectId: row.object_id,
          outcome: row.outcome,
          requestId: row.request_id,
        })),
      };
    },
  );
}
