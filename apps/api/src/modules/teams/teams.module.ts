import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { TeamImportService } from './teams.import.service';
import { TeamIndicatorsService } from './teams.indicators';
import { teamsRoutes } from './teams.routes';
import { TeamsService } from './teams.service';

/** Community digital technology teams (DOMAIN.md §8, issue 8 points 1, 2, 4). */
export async function registerTeams(
  server: FastifyInstance,
  deps: { db: Db; clock: Clock; policy: AccessPolicy },
): Promise<void> {
  await teamsRoutes(server, {
    teams: new TeamsService(deps),
    imports: new TeamImportService(deps),
    indicators: new TeamIndicatorsService(deps),
  });
}
