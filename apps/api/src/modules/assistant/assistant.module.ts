import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { DossierQueries } from '../dossiers/dossiers.queries';
import type { FeedbackClassifierPort } from '../feedback/feedback.classifier-port';
import type { UnitsService } from '../units/units.service';
import type { KnowledgeSource } from './assistant.knowledge';
import type { AnswerPhraser } from './assistant.phrasing';
import { AssistantRepository } from './assistant.repository';
import { assistantRoutes } from './assistant.routes';
import { AssistantService } from './assistant.service';
import { AssistantRetentionWorker, DEFAULT_RETENTION_DAYS } from './assistant.worker';

export interface AssistantModuleDeps {
  db: Db;
  clock: Clock;
  units: UnitsService;
  classifier: FeedbackClassifierPort;
  ratePerMinute: number;
  retentionDays?: number;
  phraser?: AnswerPhraser;
  knowledge?: KnowledgeSource;
}

const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * The assistant's service and route. The retention worker starts when the server listens (the
 * process entry), not in tests that only inject requests, and stops when the server closes.
 */
export function registerAssistant(
  server: FastifyInstance,
  deps: AssistantModuleDeps,
): AssistantService {
  const repository = new AssistantRepository(deps.db);
  const assistant = new AssistantService({
    repository,
    clock: deps.clock,
    units: deps.units,
    dossiers: new DossierQueries({ db: deps.db, clock: deps.clock, units: deps.units }),
    classifier: deps.classifier,
    ...(deps.phraser ? { phraser: deps.phraser } : {}),
    ...(deps.knowledge ? { knowledge: deps.knowledge } : {}),
  });
  assistantRoutes(server, { assistant, ratePerMinute: deps.ratePerMinute });
  const worker = new AssistantRetentionWorker({
    repository,
    clock: deps.clock,
    retentionDays: deps.retentionDays ?? DEFAULT_RETENTION_DAYS,
    intervalMs: RETENTION_INTERVAL_MS,
    logger: server.log,
  });
  server.addHook('onListen', async () => worker.start());
  server.addHook('onClose', async () => worker.stop());
  return assistant;
}
