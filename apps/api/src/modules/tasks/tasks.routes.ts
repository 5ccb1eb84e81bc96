import {
  ApiError,
  TaskAssignmentList,
  TaskAssignmentListQuery,
  TaskCancel,
  TaskCreate,
  TaskDetail,
  TaskDone,
  TaskExtensionDecision,
  TaskExtensionRequest,
  TaskList,
  TaskListQuery,
  TaskProgressReport,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer } from '../../http/auth';
import { parseIdempotencyKey } from '../idempotency/idempotency.service';
import type { TaskQueries } from './tasks.queries';
import type { TaskReports } from './tasks.reports';
import type { TasksService } from './tasks.service';

export interface TasksRouteDeps {
  tasks: TasksService;
  reports: TaskReports;
  queries: TaskQueries;
}

const IdParam = z.object({ id: z.uuid('Mã không hợp lệ') });
const tags = ['tasks'];
const officer = { access: 'officer' as const };
const errors = { 400: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/** Directive tasks: the assigner's and the assignee's routes (officers only). */
export function tasksRoutes(app: FastifyInstance, deps: TasksRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { tasks, reports, queries } = deps;

  r.post(
    '/api/officer/tasks',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Assign a task to one or many units at or below the assigning unit (tasks.assign)',
        description:
          'Requires an Idempotency-Key header: a retry with the same key and body answers the same task. ' +
          'Give `deadline` (a working day, not past) or `workingDays` (counted from today by the calendar).',
        headers: z.object({ 'idempotency-key': z.string().optional() }).passthrough(),
        body: TaskCreate,
        response: { 201: TaskDetail, 200: TaskDetail, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireOfficer(req);
      const key = parseIdempotencyKey(req.headers['idempotency-key']);
      const created = await tasks.create(actor, req.body, key, req.id);
      return reply.code(created.replayed ? 200 : 201).send(await queries.detail(actor, created.id));
    },
  );

  r.get(
    '/api/officer/tasks',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Tasks assigned BY a unit and the units below it, newest first, with counts per status (the steering view at the province)',
        querystring: TaskListQuery,
        response: { 200: TaskList, 403: ApiError },
      },
    },
    async (req) => queries.listTasks(requireOfficer(req), req.query),
  );

  r.get(
    '/api/officer/task-assignments',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Assignments TO a unit and the units below it (the task board): open ones first, nearest deadline first',
        querystring: TaskAssignmentListQuery,
        response: { 200: TaskAssignmentList, 403: ApiError },
      },
    },
    async (req) => queries.listAssignments(requireOfficer(req), req.query),
  );

  r.get(
    '/api/officer/tasks/:id',
    {
      config: officer,
      schema: {
        tags,
        summary: 'A task with the assignments the viewer may see and their progress timelines',
        params: IdParam,
        response: { 200: TaskDetail, 404: ApiError },
      },
    },
    async (req) => queries.detail(requireOfficer(req), req.params.id),
  );

  r.post(
    '/api/officer/tasks/:id/cancel',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Cancel a task (its assigning unit’s leaders); open assignments are cancelled',
        params: IdParam,
        body: TaskCancel,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (req) => {
      const actor = requireOfficer(req);
      await tasks.cancel(actor, req.params.id, req.body, req.id);
      return queries.detail(actor, req.params.id);
    },
  );

  r.post(
    '/api/officer/task-assignments/:id/progress',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Report progress on an assignment (percent 0–100, text, files) (tasks.report)',
        params: IdParam,
        body: TaskProgressReport,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (req) => {
      const actor = requireOfficer(req);
      await reports.reportProgress(actor, req.params.id, req.body, req.id);
      return queries.detailOfAssignment(actor, req.params.id);
    },
  );

  r.post(
    '/api/officer/task-assignments/:id/extension',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Ask the assigner for a later deadline (a working day) with a reason',
        params: IdParam,
        body: TaskExtensionRequest,
        response: { 201: TaskDetail, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireOfficer(req);
      await reports.requestExtension(actor, req.params.id, req.body, req.id);
      return reply.code(201).send(await queries.detailOfAssignment(actor, req.params.id));
    },
  );

  r.post(
    '/api/officer/task-assignments/:id/done',
    {
      config: officer,
      schema: {
        tags,
        summary:
          'Mark an assignment done (on time or late by the end of office hours on its deadline)',
        params: IdParam,
        body: TaskDone,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (req) => {
      const actor = requireOfficer(req);
      await reports.markDone(actor, req.params.id, req.body, req.id);
      return queries.detailOfAssignment(actor, req.params.id);
    },
  );

  r.post(
    '/api/officer/task-extensions/:id/decision',
    {
      config: officer,
      schema: {
        tags,
        summary: 'Grant or refuse an extension request (the assigning unit’s leaders), once',
        params: IdParam,
        body: TaskExtensionDecision,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (req) => {
      const actor = requireOfficer(req);
      const { taskId } = await tasks.decideExtension(actor, req.params.id, req.body, req.id);
      return queries.detail(actor, taskId);
    },
  );
}
