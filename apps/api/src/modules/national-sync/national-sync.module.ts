import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { NATIONAL_PORTAL_SIMULATOR_PATH, nationalSyncRoutes } from './national-sync.routes';
import { NationalSyncAdmin, type NationalSyncTarget } from './national-sync.service';
import { NationalSyncWorker, type SyncLogger } from './national-sync.worker';

/** Where records go under this configuration (see docs/NATIONAL-SYNC.md, Configuration). */
export function nationalSyncTarget(config: AppConfig): NationalSyncTarget {
  if (config.nationalSync.url) return 'portal';
  return config.nationalSync.simulator ? 'simulator' : 'off';
}

/** Admin routes, and the simulator in demo/test mode without NATIONAL_SYNC_URL. */
export function registerNationalSync(
  server: FastifyInstance,
  deps: { db: Db; clock: Clock; policy: AccessPolicy; config: AppConfig },
): void {
  const { config } = deps;
  nationalSyncRoutes(server, {
    admin: new NationalSyncAdmin({
      db: deps.db,
      clock: deps.clock,
      policy: deps.policy,
      provinceCode: config.province.code,
      target: nationalSyncTarget(config),
    }),
    simulatorToken: config.nationalSync.simulator ? config.nationalSync.token : null,
  });
}

/**
 * The worker for this configuration, or null when sync is not configured (production without
 * NATIONAL_SYNC_URL: records stay pending and the admin view says so). `listeningAt` is the
 * server's own address, which the demo simulator lives at.
 */
export function createNationalSyncWorker(deps: {
  db: Db;
  clock: Clock;
  config: AppConfig;
  logger: SyncLogger;
  listeningAt: string;
}): NationalSyncWorker | null {
  const { nationalSync } = deps.config;
  const target = nationalSyncTarget(deps.config);
  if (target === 'off') return null;
  const url =
    target === 'portal'
      ? (nationalSync.url as string)
      : `${deps.listeningAt.replace(/\/$/, '')}${NATIONAL_PORTAL_SIMULATOR_PATH}`;
  return new NationalSyncWorker({
    db: deps.db,
    clock: deps.clock,
    url,
    token: nationalSync.token,
    logger: deps.logger,
    maxAttempts: nationalSync.maxAttempts,
    pollMs: nationalSync.pollMs,
  });
}
