import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { FeedbackService } from '../feedback/feedback.service';
import type { FilesService } from '../files/files.service';
import { open311AdminRoutes } from './open311.admin.routes';
import { Open311Clients, seedOpen311Clients } from './open311.clients';
import { fileThroughFeedback } from './open311.feedback';
import { Open311Intake } from './open311.intake';
import { Open311Repository } from './open311.repository';
import { open311Routes } from './open311.routes';
import { Open311Service } from './open311.service';

/**
 * Open311 GeoReport v2 at /open311/v2 and the administration of its clients.
 */
export async function registerOpen311(
  server: FastifyInstance,
  deps: {
    db: Db;
    clock: Clock;
    config: AppConfig;
    policy: AccessPolicy;
    files: FilesService;
    /** The feedback core; without it `POST requests` answers that no requests are accepted. */
    feedback: FeedbackService | null;
  },
): Promise<void> {
  const { db, clock, config } = deps;
  await seedOpen311Clients(db, clock, config.mode === 'demo' ? config.open311.demoApiKey : null);
  const repository = new Open311Repository(db);
  await open311Routes(server, {
    service: new Open311Service({ repository, clock, publicUrl: config.publicUrl }),
    discovery: {
      publicUrl: config.publicUrl,
      mode: config.mode,
      contact: `Cổng Chính quyền số tỉnh ${config.province.name} — ${config.publicUrl}`,
    },
    intake: new Open311Intake({
      repository,
      fileReport: deps.feedback ? fileThroughFeedback(deps.feedback) : null,
    }),
    media: deps.files,
    maxMediaBytes: config.uploads.maxFileBytes,
    postsPerMinute: config.uploads.ratePerMinute,
  });
  open311AdminRoutes(server, {
    clients: new Open311Clients({ db, clock }),
    policy: deps.policy,
    provinceCode: config.province.code,
  });
}
