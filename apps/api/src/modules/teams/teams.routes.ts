import {
  ApiError,
  MyTeamMemberships,
  Team,
  TeamActivity,
  TeamActivityCreate,
  TeamActivityList,
  TeamActivityListQuery,
  TeamCreate,
  TeamDetail,
  TeamImportPreview,
  TeamImportResult,
  TeamIndicators,
  TeamIndicatorsQuery,
  TeamList,
  TeamListQuery,
  TeamMember,
  TeamMemberCreate,
  TeamMemberList,
  TeamMemberListQuery,
  TeamMemberUpdate,
  TeamUpdate,
  UnitCode,
} from '@cqs/shared';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer } from '../../http/auth';
import { AppError } from '../../http/errors';
import {
  importTemplate,
  MAX_IMPORT_BYTES,
  type TeamImportService,
  type UploadedFile,
} from './teams.import.service';
import type { TeamIndicatorsService } from './teams.indicators';
import type { TeamsService } from './teams.service';

export interface TeamsRouteDeps {
  teams: TeamsService;
  imports: TeamImportService;
  indicators: TeamIndicatorsService;
}

const IdParam = z.object({ id: z.uuid() });
const ImportQuery = z.object({ unitCode: UnitCode });
const tags = ['teams'];
const base = '/api/officer/teams';

/** Community digital technology teams: registry, activities, bulk import, indicators. */
export async function teamsRoutes(app: FastifyInstance, deps: TeamsRouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const officer = { access: 'officer' as const };

  r.get(
    base,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Teams of a commune (or all communes of the province), paged',
        querystring: TeamListQuery,
        response: { 200: TeamList },
      },
    },
    async (req) => deps.teams.listTeams(requireOfficer(req), req.query),
  );

  r.post(
    base,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Create a team in a commune (teams.manage)',
        body: TeamCreate,
        response: { 201: Team, 409: ApiError },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await deps.teams.createTeam(requireOfficer(req), req.body, req.id)),
  );

  r.get(
    `${base}/members`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Members of the teams of a unit, paged',
        querystring: TeamMemberListQuery,
        response: { 200: TeamMemberList },
      },
    },
    async (req) => deps.teams.listMembers(requireOfficer(req), req.query),
  );

  r.get(
    `${base}/me`,
    {
      config: officer,
      schema: {
        tags,
        summary: "The signed-in member's own memberships (for logging activities)",
        response: { 200: MyTeamMemberships },
      },
    },
    async (req) => ({ items: await deps.teams.myMemberships(requireOfficer(req)) }),
  );

  r.patch(
    `${base}/members/:id`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Change a member (teams.manage)',
        params: IdParam,
        body: TeamMemberUpdate,
        response: { 200: TeamMember },
      },
    },
    async (req) => deps.teams.updateMember(requireOfficer(req), req.params.id, req.body, req.id),
  );

  r.get(
    `${base}/activities`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Activities of a unit, newest first, paged (a member sees only their own)',
        querystring: TeamActivityListQuery,
        response: { 200: TeamActivityList },
      },
    },
    async (req) => deps.teams.listActivities(requireOfficer(req), req.query),
  );

  r.post(
    `${base}/activities`,
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Log an activity: a member for themselves (memberId optional), or a commune officer for a member',
        body: TeamActivityCreate,
        response: { 201: TeamActivity },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await deps.teams.logActivity(requireOfficer(req), req.body, req.id)),
  );

  r.get(
    `${base}/indicators`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Indicators of a commune (by village) or of the province (by commune)',
        querystring: TeamIndicatorsQuery,
        response: { 200: TeamIndicators },
      },
    },
    async (req) => deps.indicators.indicators(requireOfficer(req), req.query),
  );

  r.get(
    `${base}/import/template.xlsx`,
    {
      config: officer,
      schema: { tags, summary: 'The .xlsx import template (sheets Tổ, Thành viên, Hoạt động)' },
    },
    async (req, reply) => {
      requireOfficer(req);
      const bytes = await importTemplate();
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-nhap-to-cong-nghe-so.xlsx"')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  r.get(
    `${base}/:id`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'A team with its members',
        params: IdParam,
        response: { 200: TeamDetail },
      },
    },
    async (req) => deps.teams.getTeam(requireOfficer(req), req.params.id),
  );

  r.patch(
    `${base}/:id`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Rename, move or (de)activate a team (teams.manage)',
        params: IdParam,
        body: TeamUpdate,
        response: { 200: Team, 409: ApiError },
      },
    },
    async (req) => deps.teams.updateTeam(requireOfficer(req), req.params.id, req.body, req.id),
  );

  r.post(
    `${base}/:id/members`,
    {
      config: officer,
      schema: {
        tags,
        summary: 'Add a member to a team (teams.manage)',
        params: IdParam,
        body: TeamMemberCreate,
        response: { 201: TeamMember },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await deps.teams.addMember(requireOfficer(req), req.params.id, req.body, req.id)),
  );

  // Multipart is parsed only inside this scope: the two import routes, one file each.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 20 },
    });
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const description =
      'multipart/form-data with one part "file" (.xlsx or UTF-8 CSV, at most 5 MB / 20,000 rows). ' +
      'Rows are validated against the registry; errors name the sheet, the row (header = 1), the column and the problem in Vietnamese.';
    s.post(
      `${base}/import/preview`,
      {
        config: officer,
        schema: {
          tags,
          summary: 'Validate an import file; nothing is written',
          description,
          consumes: ['multipart/form-data'],
          querystring: ImportQuery,
          response: { 200: TeamImportPreview, 413: ApiError },
        },
      },
      async (req) =>
        deps.imports.preview(requireOfficer(req), req.query.unitCode, await uploaded(req)),
    );
    s.post(
      `${base}/import`,
      {
        config: officer,
        schema: {
          tags,
          summary:
            'Import the file in one transaction: 201 with counts, or 422 with the errors and nothing written',
          description: `${description} The answer carries the counts written (the whole file is one step: a progress bar shows upload progress, then this answer). The same file cannot be committed twice.`,
          consumes: ['multipart/form-data'],
          querystring: ImportQuery,
          response: { 201: TeamImportResult, 422: TeamImportResult, 409: ApiError, 413: ApiError },
        },
      },
      async (req, reply) => {
        const result = await deps.imports.commit(
          requireOfficer(req),
          req.query.unitCode,
          await uploaded(req),
          req.id,
        );
        return reply.code(result.status === 'committed' ? 201 : 422).send(result);
      },
    );
  });
}

async function uploaded(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await request.file();
  if (part?.fieldname !== 'file') throw new AppError('FILE_MISSING');
  try {
    const bytes = await part.toBuffer();
    return { fileName: part.filename.slice(0, 200) || 'tep-nhap', bytes };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('TEAM_IMPORT_TOO_LARGE');
    throw error;
  }
}
