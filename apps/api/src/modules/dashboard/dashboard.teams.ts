import {
  type DashboardTeamRow,
  type DashboardTeams,
  type DashboardTeamsQuery,
  type TeamIndicatorValues,
  teamIndicatorDefinitions,
} from '@cqs/shared';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { TeamIndicatorsService } from '../teams/teams.indicators';
import type { DashboardService } from './dashboard.service';

export interface DashboardTeamsDeps {
  db: Db;
  clock: Clock;
  policy: AccessPolicy;
  access: Pick<DashboardService, 'scope'>;
}

const pick = (v: TeamIndicatorValues): DashboardTeamRow => ({
  teams: v.teams,
  members: v.members,
  residentsHelped: v.residentsHelped,
  accountsLinked: v.accountsLinked,
  dossiersAssisted: v.dossiersAssisted,
});

/**
 * Community-team indicators on the dashboard (issue 7 §9), per commune. The numbers are the teams
 * module's own (`TeamIndicatorsService`), so the two pages cannot disagree; this only applies the
 * dashboard's scope rule and reshapes them for the map.
 */
export class DashboardTeamsService {
  private readonly teams: TeamIndicatorsService;

  constructor(private readonly deps: DashboardTeamsDeps) {
    this.teams = new TeamIndicatorsService({ db: deps.db, policy: deps.policy });
  }

  async indicators(actor: OfficerActor, query: DashboardTeamsQuery): Promise<DashboardTeams> {
    const { unit } = await this.deps.access.scope(actor, query.unit);
    // Every 'dashboard.read' role also holds 'teams.read', which the teams service checks again.
    const t = await this.teams.indicators(actor, {
      unitCode: unit,
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    });
    const units =
      t.breakdownBy === 'commune'
        ? t.breakdown.map((b) => ({ code: b.key, name: b.name, ...pick(b) }))
        : // A commune's own breakdown is by village: the dashboard shows the commune as one row.
          [{ code: t.unitCode, name: t.unitName, ...pick(t.totals) }];
    return {
      unit: { code: t.unitCode, name: t.unitName },
      asOf: this.deps.clock.now().toISOString(),
      includesDemo: t.includesDemo,
      totals: pick(t.totals),
      units,
      definitions: teamIndicatorDefinitions,
    };
  }
}
