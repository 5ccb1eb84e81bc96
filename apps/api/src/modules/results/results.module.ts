import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { FilesRepository } from '../files/files.repository';
import type { FilesService } from '../files/files.service';
import type { FileStorage } from '../files/files.storage';
import { loadSystemKey, loadUnitKeys } from './results.keys';
import { ResultsRepository } from './results.repository';
import { resultsRoutes } from './results.routes';
import { ResultsService } from './results.service';

export interface ResultsModuleDeps {
  config: AppConfig;
  db: Db;
  clock: Clock;
  files: FilesService;
  fileStorage: FileStorage;
}

/**
 * Loads the signing keys, registers the public verification routes and returns the service the
 * processing module issues results with (`prepare` before its transaction, `record` inside it).
 */
export async function createResultsModule(
  server: FastifyInstance,
  deps: ResultsModuleDeps,
): Promise<ResultsService> {
  const { config, db, clock, files, fileStorage } = deps;
  const results = new ResultsService({
    db,
    clock,
    files,
    filesRepository: new FilesRepository(db),
    storage: fileStorage,
    repository: new ResultsRepository(db),
    systemKey: loadSystemKey({
      keyFile: config.results.signingKeyFile,
      dataDir: config.dataDir,
      mode: config.mode,
      // Tests never write a key into the data directory.
      ephemeral: config.env === 'test',
    }),
    unitKeys: loadUnitKeys(config.results.unitKeysDir),
    publicUrl: config.publicUrl,
    log: server.log,
  });
  await resultsRoutes(server, {
    results,
    maxFileBytes: files.maxFileBytes,
    verifyRatePerMinute: config.results.verifyRatePerMinute,
  });
  return results;
}
