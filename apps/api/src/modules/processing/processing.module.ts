import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { FilesRepository } from '../files/files.repository';
import type { FilesService } from '../files/files.service';
import type { ReceptionService } from '../reception/reception.service';
import type { ResultsService } from '../results/results.service';
import { IntakeService } from './intake.service';
import { ProcessingAssignments } from './processing.assign';
import type { DossierEventSink } from './processing.events';
import { ProcessingQueries } from './processing.queries';
import { ResultsIssuer } from './processing.results-adapter';
import { processingRoutes } from './processing.routes';
import { ProcessingService } from './processing.service';
import { ResidentActionsService } from './resident-actions.service';

export interface ProcessingModuleDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  calendar: CalendarService;
  files: FilesService;
  results: ResultsService;
  reception: ReceptionService;
  catalogue: CatalogueService;
  sinks: readonly DossierEventSink[];
}

/** Officer work queues, the dossier workspace and actions, and the resident's follow-ups. */
export function registerProcessing(server: FastifyInstance, deps: ProcessingModuleDeps): void {
  const { db, clock, policy, calendar, files, sinks } = deps;
  const results = new ResultsIssuer({ db, results: deps.results, files: new FilesRepository(db) });
  const processing = new ProcessingService({ db, clock, policy, calendar, results, sinks });
  processingRoutes(server, {
    processing,
    queries: new ProcessingQueries({ db, clock, policy, calendar }),
    assignments: new ProcessingAssignments(processing),
    reception: deps.reception,
    resident: new ResidentActionsService({ db, clock, calendar, files, results, sinks }),
    results,
    intake: new IntakeService({
      db,
      clock,
      policy,
      catalogue: deps.catalogue,
      files,
      reception: deps.reception,
      sinks,
    }),
  });
}
