import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppConfig } from './config';
import type { DatabaseHandle } from './db/client';
import type { RouteAccess } from './http/actor';
import { registerAuth } from './http/auth';
import { registerErrorHandling, sendError } from './http/errors';
import { healthRoutes } from './http/health.routes';
import { loggerOptions } from './http/logging';
import { registerMetrics } from './http/metrics';
import { registerSecurity } from './http/security';
import type { Clock } from './lib/clock';
import { AccessPolicy } from './modules/access/policy';
import { AdminRepository } from './modules/admin/admin.repository';
import { adminRoutes } from './modules/admin/admin.routes';
import { registerAssistant } from './modules/assistant/assistant.module';
import type { AssistantService } from './modules/assistant/assistant.service';
import { CalendarRepository } from './modules/calendar/calendar.repository';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { CalendarService } from './modules/calendar/calendar.service';
import { CatalogueRepository } from './modules/catalogue/catalogue.repository';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes';
import { CatalogueService } from './modules/catalogue/catalogue.service';
import {
  type DashboardModule,
  dashboardRollupSink,
  registerDashboard,
} from './modules/dashboard/dashboard.module';
import { allowOfficersToReadDossierFiles } from './modules/dossiers/dossier-files.access';
import { DossierQueries } from './modules/dossiers/dossiers.queries';
import { dossierRoutes } from './modules/dossiers/dossiers.routes';
import { DraftsService } from './modules/dossiers/drafts.service';
import { SubmissionService } from './modules/dossiers/submission.service';
import { registerFeedbackClassifier } from './modules/feedback/classifier/classifier.routes';
import { defaultFeedbackClassifier } from './modules/feedback/feedback.classifier-default';
import { type FeedbackModule, registerFeedback } from './modules/feedback/feedback.module';
import { FilesRepository } from './modules/files/files.repository';
import { filesRoutes } from './modules/files/files.routes';
import { FilesService } from './modules/files/files.service';
import { DiskFileStorage } from './modules/files/files.storage';
import { identityRoutes } from './modules/identity/identity.routes';
import { IdentityService } from './modules/identity/identity.service';
import { OidcClient } from './modules/identity/oidc.client';
import { OidcPurposes } from './modules/identity/oidc.purposes';
import { SessionsService } from './modules/identity/sessions.service';
import { registerNationalSync } from './modules/national-sync/national-sync.module';
import { nationalSyncSink } from './modules/national-sync/national-sync.sink';
import { registerOpen311 } from './modules/open311/open311.module';
import { PaymentConfirmation } from './modules/payments/payments.confirm';
import { seedDemoPaymentAccounts } from './modules/payments/payments.demo-accounts';
import { paymentsRoutes } from './modules/payments/payments.routes';
import { PaymentsService } from './modules/payments/payments.service';
import { printingModule, printingRoutes } from './modules/printing/printing.routes';
import type { DossierEventSink } from './modules/processing/processing.events';
import { registerProcessing } from './modules/processing/processing.module';
import { receptionRoutes } from './modules/reception/reception.routes';
import { ReceptionService } from './modules/reception/reception.service';
import { createResultsModule } from './modules/results/results.module';
import type { ResultsService } from './modules/results/results.service';
import { registerShowcase, type ShowcaseModule } from './modules/showcase/showcase.module';
import { registerTasks, type TasksModule } from './modules/tasks/tasks.module';
import { registerAssisted } from './modules/teams/assisted.module';
import { registerTeams } from './modules/teams/teams.module';
import { UnitsRepository } from './modules/units/units.repository';
import { unitsRoutes } from './modules/units/units.routes';
import { UnitsService } from './modules/units/units.service';

export interface AppDeps {
  config: AppConfig;
  database: DatabaseHandle;
  clock: Clock;
  /** Overrides the OIDC client built from config (tests inject forged provider responses). */
  oidc?: OidcClient | null;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export interface App {
  server: FastifyInstance;
  services: {
    units: UnitsService;
    sessions: SessionsService;
    identity: IdentityService;
    policy: AccessPolicy;
    results: ResultsService;
    feedback: FeedbackModule;
    tasks: TasksModule;
    assistant: AssistantService;
    showcase: ShowcaseModule;
    dashboard: DashboardModule;
  };
  /** Every route with its declared access, for the deny-by-default sweep. */
  routes: RegisteredRoute[];
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole HTTP application without listening: server.ts and the tests both use it. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database, clock } = deps;
  const db = database.db;
  const server = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    // A client-supplied correlation id is kept only when it is harmless; otherwise a new one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming)
        ? incoming
        : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  });
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(server);

  // Route options are kept by reference: plugins mark their routes public in their own onRoute
  // hook, which runs after this one.
  const routeOptions: {
    method: string | string[];
    url: string;
    config?: { access?: RouteAccess };
  }[] = [];
  server.addHook('onRoute', (route) => {
    routeOptions.push(route);
  });
  server.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  let spaIndex: Buffer | null = null;
  await registerSecurity(server, { rateLimitPerMinute: config.rateLimitPerMinute });
  await server.register(cookie);
  await server.register(swagger, {
    openapi: {
      info: {
        title: 'Chính quyền số API',
        description:
          'API of the Chính quyền số platform. Errors: { error: { code, message, requestId, fields? } }.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await server.register(async (publicScope) => {
    // Documentation and the built web app are public by nature: declared here once for all
    // routes these plugins add.
    publicScope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    await publicScope.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { docExpansion: 'list' },
      staticCSP: true,
    });
    spaIndex = await serveWeb(publicScope, config.webDistDir);
  });

  const registry = registerMetrics(server);
  const units = new UnitsService(new UnitsRepository(db));
  const sessions = new SessionsService(db, clock, config.session);
  const policy = new AccessPolicy(units);
  const oidc =
    deps.oidc !== undefined
      ? deps.oidc
      : config.oidc.issuer
        ? new OidcClient({
            issuer: config.oidc.issuer,
            clientId: config.oidc.clientId,
            clientSecret: config.oidc.clientSecret,
            redirectUri: `${config.publicUrl}/api/auth/oidc/callback`,
            idTokenAlgs: config.oidc.idTokenAlgs,
          })
        : null;
  const identity = new IdentityService({ db, clock, sessions, units, oidc, login: config.login });

  registerAuth(server, sessions, config);
  healthRoutes(server, database.ping, registry);
  unitsRoutes(server, units);
  // Sign-ins for other purposes than a session (a resident's consent on a team member's device).
  const oidcPurposes = new OidcPurposes();
  identityRoutes(server, { config, db, clock, identity, sessions, oidc, purposes: oidcPurposes });
  adminRoutes(server, { policy, units, repository: new AdminRepository(db) });
  const fileStorage = new DiskFileStorage(path.join(config.dataDir, 'files'), {
    forbiddenRoots: [config.webDistDir],
  });
  const files = new FilesService({
    db,
    clock,
    storage: fileStorage,
    repository: new FilesRepository(db),
    limits: config.uploads,
  });
  await filesRoutes(server, { files, uploadsPerMinute: config.uploads.ratePerMinute });
  const catalogue = new CatalogueService({
    db,
    repository: new CatalogueRepository(db),
    clock,
    units,
    policy,
  });
  catalogueRoutes(server, { catalogue });
  // Every dossier event also feeds these, in its own transaction (national-portal sync, dashboard
  // rollups).
  const dossierEventSinks: DossierEventSink[] = [nationalSyncSink, dashboardRollupSink];
  allowOfficersToReadDossierFiles(files, policy, db);
  dossierRoutes(server, {
    drafts: new DraftsService({ db, clock, catalogue, files }),
    submission: new SubmissionService({
      db,
      clock,
      catalogue,
      files,
      units,
      sinks: dossierEventSinks,
    }),
    queries: new DossierQueries({ db, clock, units }),
    trackingRatePerMinute: config.trackingRatePerMinute,
  });
  // Demo collection accounts (labelled DEMO) exist only in demo mode; production has none until an
  // administrator adds one.
  if (config.mode === 'demo') await seedDemoPaymentAccounts(db, clock);
  paymentsRoutes(server, {
    payments: new PaymentsService({
      db,
      clock,
      catalogue,
      units,
      allowDemoAccounts: config.mode === 'demo',
    }),
    confirmation: new PaymentConfirmation({
      db,
      clock,
      webhookSecret: config.payments.webhookSecret,
      sinks: dossierEventSinks,
    }),
    simulator: config.payments.simulator,
  });
  const calendar = new CalendarService({
    db,
    repository: new CalendarRepository(db),
    clock,
    policy,
  });
  calendarRoutes(server, { calendar });
  const reception = new ReceptionService({
    db,
    clock,
    policy,
    calendar,
    mode: config.mode,
    sinks: dossierEventSinks,
  });
  receptionRoutes(server, { reception });
  registerNationalSync(server, { db, clock, policy, config });
  const results = await createResultsModule(server, { config, db, clock, files, fileStorage });
  printingRoutes(server, printingModule({ db, clock, policy, units, calendar, config }));
  registerProcessing(server, {
    db,
    clock,
    policy,
    calendar,
    files,
    results,
    reception,
    catalogue,
    sinks: dossierEventSinks,
  });
  registerFeedbackClassifier(server, { ratePerMinute: 3 * config.trackingRatePerMinute });
  const feedback = await registerFeedback(server, {
    db,
    clock,
    policy,
    units,
    calendar,
    files,
    classifier: defaultFeedbackClassifier,
    intakePerMinute: config.uploads.ratePerMinute,
  });
  await registerOpen311(server, { db, clock, config, policy, files, feedback: feedback.feedback });
  await registerTeams(server, { db, clock, policy });
  registerAssisted(server, {
    db,
    clock,
    policy,
    catalogue,
    files,
    units,
    sinks: dossierEventSinks,
    identity,
    oidc,
    purposes: oidcPurposes,
    config,
  });
  const assistant = registerAssistant(server, {
    db,
    clock,
    units,
    classifier: defaultFeedbackClassifier,
    ratePerMinute: 3 * config.trackingRatePerMinute,
    retentionDays: config.assistant.retentionDays,
    providers: config.assistant,
  });
  const tasks = await registerTasks(server, {
    db,
    clock,
    policy,
    units,
    calendar,
    files,
  });
  const dashboard = await registerDashboard(server, {
    db,
    clock,
    policy,
    calendar,
    tasks: tasks.queries,
    ops: { ...config.dashboard, provinceCode: config.province.code },
  });
  const showcase = registerShowcase(server, {
    db,
    clock,
    policy,
    files,
    storage: fileStorage,
    webIndex: () => spaIndex,
    publicUrl: config.publicUrl,
    siteName: `Chính quyền số ${config.province.name}`,
  });
  // Domain modules register here, one line each (routes → service → repository).
  server.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|open311|healthz|readyz|metrics)(\/|$|\?)/.test(request.url);
    if (spaIndex && request.method === 'GET' && !isApi && wantsAppShell(request)) {
      // Client-side routes of the web app (e.g. /xa-phuong/22015) load the app shell.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(spaIndex);
    }
    return sendError(request, reply, 'NOT_FOUND');
  });

  await server.ready();
  const routes = routeOptions.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method])
      .filter((method) => method !== 'HEAD')
      .map((method) => ({ method, url: route.url, access: route.config?.access })),
  );
  return {
    server,
    services: {
      units,
      sessions,
      identity,
      policy,
      results,
      feedback,
      tasks,
      assistant,
      dashboard,
      showcase,
    },
    routes,
  };
}

/** Serves the built web app's files; returns its index.html for client-side routes, if built. */
async function serveWeb(server: FastifyInstance, distDir: string): Promise<Buffer | null> {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  await server.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    // The web build writes .br and .gz beside its text assets (apps/web/precompress.ts).
    preCompressed: true,
    setHeaders: (res, filePath) => {
      // Vite fingerprints assets, so they never change under the same name.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  return fs.readFileSync(indexFile);
}

/**
 * A page address (no file extension) asked for by a browser, a link checker or `curl` (Accept
 * missing, HTML or anything) gets the app shell; a missing asset or a JSON client gets a 404.
 */
function wantsAppShell(request: { url: string; headers: { accept?: string } }): boolean {
  const path = request.url.split('?')[0] ?? '';
  // "/thu-tuc/1.001193" is a page; "/assets/app-3f2a.js" is a file (its extension starts with a letter).
  if (/\.[a-z][a-z0-9]{0,7}$/i.test(path)) return false;
  const accept = request.headers.accept;
  return !accept || accept.includes('text/html') || accept.includes('*/*');
}
