import {
  FeedbackActionBody,
  FeedbackCategory,
  FeedbackCategoryCreate,
  FeedbackRouteTestBody,
  FeedbackRouteTestResult,
  FeedbackRuleSet,
} from '@cqs/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOfficer } from '../../http/auth';
import type { FeedbackActions } from './feedback.actions';
import type { FeedbackAdmin } from './feedback.admin';
import type { FeedbackQueries } from './feedback.queries';

const tags = ['feedback (officers)'];
const Paging = {
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** Officer inbox, triage queue, actions; administrators' categories and routing rules. */
export function feedbackOfficerRoutes(
  app: FastifyInstance,
  deps: { actions: FeedbackActions; queries: FeedbackQueries; admin: FeedbackAdmin },
): void {
  const { actions, queries, admin } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/officer/feedback',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Inbox: reports of the units the officer handles (band: overdue, due_soon, …)',
        querystring: z.object({
          unitCode: z.string().min(2).max(40).optional(),
          state: z.string().max(30).optional(),
          category: z.string().min(2).max(60).optional(),
          band: z.enum(['overdue', 'due_soon', 'on_time', 'paused', 'done']).optional(),
          ...Paging,
        }),
      },
    },
    async (request) => queries.inbox(requireOfficer(request), request.query),
  );
  r.get(
    '/api/officer/feedback/triage',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Triage queue (low-confidence or returned reports)',
        querystring: z.object(Paging),
      },
    },
    async (request) =>
      queries.triageQueue(requireOfficer(request), request.query.page, request.query.pageSize),
  );
  r.get(
    '/api/officer/feedback/:id',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'A report with contacts, internal notes and the allowed actions',
        params: z.object({ id: z.string().min(3).max(40) }),
      },
    },
    async (request) => queries.officerView(requireOfficer(request), request.params.id),
  );
  r.post(
    '/api/officer/feedback/:id/actions',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary:
          'Act on a report (triage, assign, start, request_info, resolve, reject, transfer, …)',
        params: z.object({ id: z.uuid() }),
        body: FeedbackActionBody,
        response: { 200: z.object({ state: z.string(), rowVersion: z.number().int() }) },
      },
    },
    async (request) =>
      actions.officerAction(requireOfficer(request), request.params.id, request.body, request.id),
  );

  r.get(
    '/api/feedback/categories',
    {
      config: { access: 'public' },
      schema: {
        tags: ['feedback'],
        summary: 'Categories and sub-categories',
        response: { 200: z.array(FeedbackCategory) },
      },
    },
    async () => (await admin.listCategories()).filter((c) => c.active),
  );
  r.post(
    '/api/admin/feedback/categories',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Add a sub-category (feedback.manage)',
        body: FeedbackCategoryCreate,
        response: { 201: FeedbackCategory },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await admin.addSubCategory(requireOfficer(request), request.body, request.id)),
  );
  r.get(
    '/api/admin/feedback/rules',
    { config: { access: 'officer' }, schema: { tags, summary: 'Routing rules in matching order' } },
    async (request) => ({ rules: await admin.listRules(requireOfficer(request)) }),
  );
  r.put(
    '/api/admin/feedback/rules',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Replace the rule set (array order = matching order)',
        body: FeedbackRuleSet,
      },
    },
    async (request) => ({
      rules: await admin.saveRules(requireOfficer(request), request.body.rules, request.id),
    }),
  );
  r.post(
    '/api/admin/feedback/rules/test',
    {
      config: { access: 'officer' },
      schema: {
        tags,
        summary: 'Route a sample through the saved rules or a draft set, without saving',
        body: FeedbackRouteTestBody,
        response: { 200: FeedbackRouteTestResult },
      },
    },
    async (request) => admin.test(requireOfficer(request), request.body),
  );
}
