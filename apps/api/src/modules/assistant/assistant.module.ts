import type { FastifyInstance } from 'fastify';
import type { AssistantConfig } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { DossierQueries } from '../dossiers/dossiers.queries';
import type { FeedbackClassifierPort } from '../feedback/feedback.classifier-port';
import type { UnitsService } from '../units/units.service';
import { OpenAiEmbeddings, SemanticIndex } from './assistant.embeddings';
import type { KnowledgeSource } from './assistant.knowledge';
import { OpenAiPhraser } from './assistant.llm';
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
  /** Optional OpenAI-compatible providers (config.assistant); both off by default. */
  providers?: Pick<AssistantConfig, 'llm' | 'embeddings'>;
  /** Overrides providers.llm (tests of the seam). */
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
  const log = server.log;
  const llm = deps.providers?.llm;
  const embeddings = deps.providers?.embeddings;
  // Failures are logged (without the question) and the answer falls back; nothing is thrown.
  const phraser =
    deps.phraser ??
    (llm
      ? new OpenAiPhraser(llm, {
          onFailure: (reason, err) => log.warn({ err }, `assistant phrasing: ${reason}`),
        })
      : undefined);
  const semantic = embeddings
    ? new SemanticIndex({
        provider: new OpenAiEmbeddings(embeddings),
        clock: deps.clock,
        onFailure: (reason, err) => log.warn({ err }, `assistant embeddings: ${reason}`),
      })
    : undefined;
  const assistant = new AssistantService({
    repository,
    clock: deps.clock,
    units: deps.units,
    dossiers: new DossierQueries({ db: deps.db, clock: deps.clock, units: deps.units }),
    classifier: deps.classifier,
    ...(phraser ? { phraser } : {}),
    ...(semantic ? { semantic } : {}),
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
