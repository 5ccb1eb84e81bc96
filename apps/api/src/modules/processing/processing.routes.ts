import {
  ApiError,
  BulkAssignBody,
  BulkAssignResult,
  DossierActionBody,
  DossierIdParams,
  DossierWorkspace,
  IntakeBody,
  IntakeResult,
  ResubmitBody,
  UnitOfficers,
  UnitOfficersParams,
  WithdrawBody,
  WorkQueue,
  WorkQueueQuery,
} from '@cqs/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer, requireSignedIn } from '../../http/auth';
import { AppError } from '../../http/errors';
import { contentDisposition } from '../files/files.names';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import type { ReceptionService } from '../reception/reception.service';
import type { IntakeService } from './intake.service';
import type { ProcessingAssignments } from './processing.assign';
import type { ProcessingQueries } from './processing.queries';
import type { ResultIssuer } from './processing.results';
import type { ProcessingService } from './processing.service';
import type { ResidentActionsService } from './resident-actions.service';

export interface ProcessingRouteDeps {
  processing: ProcessingService;
  queries: ProcessingQueries;
  assignments: ProcessingAssignments;
  reception: ReceptionService;
  resident: ResidentActionsService;
  results: ResultIssuer;
  intake: IntakeService;
}

const tags = ['processing'];
const fileResponse = { 200: z.any().describe('The e-result PDF'), 404: ApiError, 409: ApiError };

function sendResult(
  reply: FastifyReply,
  file: { stream: NodeJS.ReadableStream; name: string; mediaType: string },
) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.stream);
}

export function processingRoutes(app: FastifyInstance, deps: ProcessingRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { processing, queries } = deps;

  r.get(
    '/api/officer/work',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Work queue of a unit or of the signed-in officer, most urgent first',
        description:
          'Bands: overdue, due_soon (within two working days), within, paused (supplement requested). q matches code, reference, applicant name or a full citizen ID number.',
        querystring: WorkQueueQuery,
        response: { 200: WorkQueue },
      },
    },
    async (request) => queries.workQueue(requireOfficer(request), request.query),
  );

  r.get(
    '/api/officer/units/:code/officers',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Officers of a unit with their roles there (to pick an assignee)',
        params: UnitOfficersParams,
        response: { 200: UnitOfficers },
      },
    },
    async (request) => queries.officersOf(requireOfficer(request), request.params.code),
  );

  r.get(
    '/api/officer/dossiers/:id',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Dossier workspace: record, documents, timeline and the actions open to me',
        params: DossierIdParams,
        response: { 200: DossierWorkspace },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const row = await processing.findVisible(actor, request.params.id);
      return queries.workspace(actor, row);
    },
  );

  r.post(
    '/api/officer/dossiers/:id/actions',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Take a workflow action on a dossier; answers the updated workspace',
        description:
          'expectedRowVersion is the rowVersion the officer saw: 409 DOSSIER_CHANGED when someone acted first. 409 ACTION_NOT_ALLOWED_IN_STATE, 403 ROLE_NOT_ALLOWED / NOT_ASSIGNED_TO_YOU; nothing changes on any error.',
        params: DossierIdParams,
        body: DossierActionBody,
        response: { 200: DossierWorkspace },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const { id } = request.params;
      if (request.body.action === 'accept') {
        await deps.reception.accept(actor, id, request.body.expectedRowVersion, request.id);
      } else {
        await processing.act(actor, id, request.body, request.id);
      }
      return queries.workspace(actor, await processing.findVisible(actor, id));
    },
  );

  r.post(
    '/api/officer/intake',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'In-person or postal intake at the counter (requires an Idempotency-Key header)',
        description:
          'Upload the scans first with bundleId intake:<form id>. acceptNow (default) accepts at once: the answer carries the official code and due date.',
        body: IntakeBody,
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        response: { 201: IntakeResult },
      },
    },
    async (request, reply) => {
      const key = parseIdempotencyKey(request.headers['idempotency-key']);
      const result = await deps.intake.intake(
        requireOfficer(request),
        request.body,
        key,
        request.id,
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  );

  r.post(
    '/api/officer/dossiers/assign',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Assign several dossiers to one specialist (each succeeds or fails on its own)',
        body: BulkAssignBody,
        response: { 200: BulkAssignResult },
      },
    },
    async (request) =>
      deps.assignments.assignMany(requireOfficer(request), request.body, request.id),
  );

  r.get(
    '/api/officer/dossiers/:id/result',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'The issued e-result of a dossier (officers of its units)',
        params: DossierIdParams,
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const row = await processing.findVisible(requireOfficer(request), request.params.id);
      if (!row.result_id) throw new AppError('RESULT_NOT_AVAILABLE');
      return sendResult(reply, await deps.results.open(row.result_id));
    },
  );

  r.post(
    '/api/my/dossiers/:id/resubmit',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Add what a supplement request (or guidance before acceptance) asked for',
        description:
          'Upload files first with bundleId supplement:<dossier id>; the clock restarts and the due date moves by the paused time.',
        params: DossierIdParams,
        body: ResubmitBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await deps.resident.resubmit(
        requireSignedIn(request),
        request.params.id,
        request.body,
        request.id,
      );
      return { ok: true as const };
    },
  );

  r.post(
    '/api/my/dossiers/:id/withdraw',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Ask to withdraw a dossier (status 7 until the unit decides)',
        params: DossierIdParams,
        body: WithdrawBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await deps.resident.withdraw(
        requireSignedIn(request),
        request.params.id,
        request.body.reason,
        request.id,
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/api/my/dossiers/:id/result',
    {
      config: { access: 'resident' },
      schema: {
        tags,
        summary: 'Download the e-result (the first download returns an online result)',
        params: DossierIdParams,
        response: fileResponse,
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await deps.resident.openResult(requireSignedIn(request), request.params.id, request.id),
      ),
  );
}
