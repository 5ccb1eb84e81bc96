import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import type { FilesService } from '../files/files.service';
import type { UnitsService } from '../units/units.service';
import { FeedbackActions } from './feedback.actions';
import { FeedbackAdmin } from './feedback.admin';
import type { FeedbackClassifierPort } from './feedback.classifier-port';
import { MyFeedback } from './feedback.mine';
import { feedbackOfficerRoutes } from './feedback.officer.routes';
import { FeedbackQueries } from './feedback.queries';
import { FeedbackRepository } from './feedback.repository';
import { feedbackRoutes } from './feedback.routes';
import { FeedbackService } from './feedback.service';
import { FeedbackWorker } from './feedback.workers';

export interface FeedbackModuleDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  units: UnitsService;
  calendar: CalendarService;
  files: FilesService;
  classifier: FeedbackClassifierPort;
  intakePerMinute: number;
}

export interface FeedbackModule {
  feedback: FeedbackService;
  actions: FeedbackActions;
  queries: FeedbackQueries;
  admin: FeedbackAdmin;
  repository: FeedbackRepository;
  /** Escalation, auto-close and due-soon passes; server.ts starts one. */
  createWorker(options: {
    intervalMs: number;
    logger: { error(obj: unknown, msg?: string): void };
  }): FeedbackWorker;
}

/** Builds the feedback services and registers their routes; Open311 builds on `feedback`. */
export async function registerFeedback(
  server: FastifyInstance,
  deps: FeedbackModuleDeps,
): Promise<FeedbackModule> {
  const { db, clock, policy, units, calendar, files, classifier } = deps;
  const repository = new FeedbackRepository(db);
  const feedback = new FeedbackService({
    db,
    clock,
    repository,
    units,
    calendar,
    files,
    policy,
    classifier,
  });
  const actions = new FeedbackActions({ db, clock, repository, units, calendar, policy });
  const queries = new FeedbackQueries({
    clock,
    calendar,
    repository,
    units,
    policy,
    files,
    feedback,
  });
  queries.registerPhotoAccess();
  const admin = new FeedbackAdmin({ db, clock, repository, units, policy });
  await feedbackRoutes(server, {
    feedback,
    actions,
    queries,
    mine: new MyFeedback({ clock, repository, feedback }),
    files,
    intakePerMinute: deps.intakePerMinute,
  });
  feedbackOfficerRoutes(server, { actions, queries, admin });
  return {
    feedback,
    actions,
    queries,
    admin,
    repository,
    createWorker: (options) =>
      new FeedbackWorker({ db, clock, repository, units, calendar, actions, ...options }),
  };
}
